/** Writing a briefing folder (HTML, charts as SVG/PNG/Vega-Lite) for results already computed; used by `brief` and `run --brief`. */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ScenarioResult } from "../assess/types.js";
import type { Lang } from "../charts/labels.js";
import { recordOutputs } from "../project/outputs.js";
import type { AllocationSummary } from "../report/allocationSummary.js";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { BRIEFING_TITLE, buildBriefing } from "../report/briefing.js";
import { briefingDeck } from "../report/deck.js";
import { printPdf } from "../report/pdf.js";
import { writeBriefing } from "../report/writeBriefing.js";
import { progressReporter } from "./progress.js";

export async function writeBriefingFolder(
  results: ScenarioResult[],
  dir: string,
  opts: { lang: Lang; png: boolean; appendix?: boolean; allocation?: AllocationSummary; pdf?: boolean; pptx?: boolean },
): Promise<void> {
  const generatedAt = new Date();
  const briefing = await buildBriefing(results, {
    lang: opts.lang,
    generatedAt,
    appendix: opts.appendix === true,
    ...(opts.allocation ? { allocation: opts.allocation } : {}),
  });
  const progress = progressReporter("PNG");
  const written = await writeBriefing(dir, briefing, {
    png: opts.png,
    cacheDir: path.join(dir, ".png-cache"),
    onPng: progress.update,
  });
  progress.end();
  const extra: string[] = [];
  if (opts.pptx) {
    const deck = await briefingDeck(results, { lang: opts.lang, generatedAt, title: BRIEFING_TITLE });
    await writeFileAtomic(path.join(dir, "briefing.pptx"), deck);
    extra.push("briefing.pptx");
  }
  if (opts.pdf) {
    await writeFileAtomic(
      path.join(dir, "briefing.pdf"),
      await printPdf(pathToFileURL(path.join(dir, "briefing.html")).href),
    );
    extra.push("briefing.pdf");
  }
  await recordOutputs(dir, [
    "briefing.html",
    ...extra,
    ...briefing.charts.flatMap((c) => [`${c.name}.svg`, `${c.name}.vl.json`, ...(opts.png ? [`${c.name}.png`] : [])]),
  ]);
  for (const w of written.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(
    `Wrote ${[path.join(dir, "briefing.html"), ...extra.map((f) => path.join(dir, f))].join(", ")} and ${briefing.charts.length} charts (${opts.png ? ".svg, .png, .vl.json" : ".svg, .vl.json"})\n`,
  );
}
