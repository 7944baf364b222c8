/** Writing a briefing folder (HTML, charts as SVG/PNG/Vega-Lite, optional PDF and PowerPoint) for results already computed; used by `brief` and `run --brief`. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ScenarioResult } from "../assess/types.js";
import type { Lang } from "../charts/labels.js";
import { OutputSet } from "../project/outputSet.js";
import type { AllocationSummary } from "../report/allocationSummary.js";
import { BRIEFING_TITLE, buildBriefing } from "../report/briefing.js";
import { briefingDeck } from "../report/deck.js";
import { printPdf } from "../report/pdf.js";
import { writeBriefing } from "../report/writeBriefing.js";
import { progressReporter } from "./progress.js";

export interface BriefingFolderOptions {
  lang: Lang;
  png: boolean;
  /** Charts of every target in an appendix. */
  appendix?: boolean;
  /** What an extra budget buys (the allocation.json of `allocate`), shown in the summary. */
  allocation?: AllocationSummary;
  /** Also write briefing.pdf (printed by Chromium) and briefing.pptx. */
  pdf?: boolean;
  pptx?: boolean;
}

export interface StagedBriefing {
  /** The briefing's files, staged; commit it to put them in place (replacing the previous briefing's). */
  set: OutputSet;
  /** Prints the warnings and the "Wrote …" line (after the commit). */
  report(): void;
}

/** Builds the briefing and writes every file into the staging folder of `dir` (nothing in `dir` changes yet). */
export async function stageBriefingFolder(
  results: ScenarioResult[],
  dir: string,
  opts: BriefingFolderOptions,
): Promise<StagedBriefing> {
  const generatedAt = new Date();
  const briefing = await buildBriefing(results, {
    lang: opts.lang,
    generatedAt,
    appendix: opts.appendix === true,
    ...(opts.allocation ? { allocation: opts.allocation } : {}),
  });
  const set = await OutputSet.begin(dir, "briefing");
  try {
    const progress = progressReporter("PNG");
    const written = await writeBriefing(set.staging, briefing, {
      png: opts.png,
      cacheDir: path.join(dir, ".png-cache"),
      onPng: progress.update,
    });
    progress.end();
    const extra: string[] = [];
    if (opts.pptx) {
      const deck = await briefingDeck(results, { lang: opts.lang, generatedAt, title: BRIEFING_TITLE });
      await writeFile(path.join(set.staging, "briefing.pptx"), deck);
      extra.push("briefing.pptx");
    }
    if (opts.pdf) {
      const pdf = await printPdf(pathToFileURL(path.join(set.staging, "briefing.html")).href);
      await writeFile(path.join(set.staging, "briefing.pdf"), pdf);
      extra.push("briefing.pdf");
    }
    await set.add(...written.files.map((f) => path.basename(f)), ...extra);
    return {
      set,
      report: () => {
        for (const w of written.warnings) process.stderr.write(`warning: ${w}\n`);
        const files = [path.join(dir, "briefing.html"), ...extra.map((f) => path.join(dir, f))];
        process.stdout.write(
          `Wrote ${files.join(", ")} and ${briefing.charts.length} charts (${opts.png ? ".svg, .png, .vl.json" : ".svg, .vl.json"})\n`,
        );
      },
    };
  } catch (e) {
    await set.abort();
    throw e;
  }
}

export async function writeBriefingFolder(
  results: ScenarioResult[],
  dir: string,
  opts: BriefingFolderOptions,
): Promise<void> {
  const staged = await stageBriefingFolder(results, dir, opts);
  try {
    await staged.set.commit();
  } catch (e) {
    await staged.set.abort();
    throw e;
  }
  staged.report();
}
