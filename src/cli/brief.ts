/** `targetcast brief`: the one-file HTML briefing and every chart as SVG, PNG and Vega-Lite spec. */
import path from "node:path";
import { parseArgs } from "node:util";
import type { ScenarioResult } from "../assess/types.js";
import type { Lang } from "../charts/labels.js";
import { buildBriefing } from "../report/briefing.js";
import { writeBriefing } from "../report/writeBriefing.js";
import { progressReporter } from "./progress.js";
import { intOption, runScenarios } from "./run.js";
import { INPUT_OPTIONS } from "../project/inputs.js";
import { UsageError } from "../project/usage.js";

export const BRIEF_HELP = `targetcast brief [SCENARIO.yaml ...] [options]

Runs the scenarios (all in scenarios/ by default) and writes a self-contained HTML
briefing (inline SVG, nothing fetched from the network): targets at risk per scenario,
the risk matrix, a fan chart for each target not on track, assumptions and provenance;
and every chart beside it as .svg, .png and .vl.json (open it in the Vega editor).

Options:
  --out DIR           folder for the briefing [out/briefing]
  --lang L            zh | en | both [both]
  --no-png            skip the PNGs (they take about a second per chart, cached between runs)
  --paths N, --seed S, --data, --targets, --indicators   as for \`targetcast run\`
  -h, --help          this help
`;

export async function writeBriefingFolder(results: ScenarioResult[], dir: string, opts: { lang: Lang; png: boolean }): Promise<void> {
  const briefing = await buildBriefing(results, { lang: opts.lang, generatedAt: new Date() });
  const progress = progressReporter("PNG");
  const written = await writeBriefing(dir, briefing, {
    png: opts.png,
    cacheDir: path.join(dir, ".png-cache"),
    onPng: progress.update,
  });
  progress.end();
  for (const w of written.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`Wrote ${path.join(dir, "briefing.html")} and ${briefing.charts.length} charts (${opts.png ? ".svg, .png, .vl.json" : ".svg, .vl.json"})\n`);
}

export async function briefCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      out: { type: "string" },
      lang: { type: "string" },
      "no-png": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(BRIEF_HELP);
    return 0;
  }
  const lang = (values.lang ?? "both") as Lang;
  if (!["zh", "en", "both"].includes(lang)) throw new UsageError(`--lang must be zh, en or both, not "${values.lang}"`);
  const results = await runScenarios({
    files: positionals,
    data: values.data,
    targets: values.targets,
    indicators: values.indicators,
    paths: intOption(values.paths, "--paths", 1, 1_000_000),
    seed: intOption(values.seed, "--seed", 0, 2 ** 32 - 1),
  });
  await writeBriefingFolder(results, values.out ?? path.join("out", "briefing"), { lang, png: values["no-png"] !== true });
  return 0;
}
