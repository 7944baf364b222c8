/** Writing a briefing folder (HTML, charts as SVG/PNG/Vega-Lite) for results already computed; used by `brief` and `run --brief`. */
import path from "node:path";
import type { ScenarioResult } from "../assess/types.js";
import type { Lang } from "../charts/labels.js";
import { recordOutputs } from "../project/outputs.js";
import type { AllocationSummary } from "../report/allocationSummary.js";
import { buildBriefing } from "../report/briefing.js";
import { writeBriefing } from "../report/writeBriefing.js";
import { progressReporter } from "./progress.js";

export async function writeBriefingFolder(
  results: ScenarioResult[],
  dir: string,
  opts: { lang: Lang; png: boolean; appendix?: boolean; allocation?: AllocationSummary },
): Promise<void> {
  const briefing = await buildBriefing(results, {
    lang: opts.lang,
    generatedAt: new Date(),
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
  await recordOutputs(dir, [
    "briefing.html",
    ...briefing.charts.flatMap((c) => [`${c.name}.svg`, `${c.name}.vl.json`, ...(opts.png ? [`${c.name}.png`] : [])]),
  ]);
  for (const w of written.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(
    `Wrote ${path.join(dir, "briefing.html")} and ${briefing.charts.length} charts (${opts.png ? ".svg, .png, .vl.json" : ".svg, .vl.json"})\n`,
  );
}
