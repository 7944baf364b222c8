/** Writing a briefing folder (HTML, charts as SVG/PNG/Vega-Lite) for results already computed; used by `brief` and `run --brief`. */
import path from "node:path";
import type { ScenarioResult } from "../assess/types.js";
import type { Lang } from "../charts/labels.js";
import { OutputSet } from "../project/outputSet.js";
import { buildBriefing } from "../report/briefing.js";
import { writeBriefing } from "../report/writeBriefing.js";
import { progressReporter } from "./progress.js";

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
  opts: { lang: Lang; png: boolean },
): Promise<StagedBriefing> {
  const briefing = await buildBriefing(results, { lang: opts.lang, generatedAt: new Date() });
  const set = await OutputSet.begin(dir, "briefing");
  try {
    const progress = progressReporter("PNG");
    const written = await writeBriefing(set.staging, briefing, {
      png: opts.png,
      cacheDir: path.join(dir, ".png-cache"),
      onPng: progress.update,
    });
    progress.end();
    await set.add(...written.files.map((f) => path.basename(f)));
    return {
      set,
      report: () => {
        for (const w of written.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(
          `Wrote ${path.join(dir, "briefing.html")} and ${briefing.charts.length} charts (${opts.png ? ".svg, .png, .vl.json" : ".svg, .vl.json"})\n`,
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
  opts: { lang: Lang; png: boolean },
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
