/** `targetcast brief`: the one-file HTML briefing and every chart as SVG, PNG and Vega-Lite spec. */
import path from "node:path";
import { parseArgs } from "node:util";
import { BRIEFING_FONT_FILES } from "../charts/bundledFont.js";
import { readInputText } from "../data/readInputText.js";
import { INPUT_OPTIONS, inputFiles } from "../project/inputs.js";
import { checkOutputDir } from "../project/outputs.js";
import { type AllocationSummary, parseAllocation } from "../report/allocationSummary.js";
import { writeBriefingFolder } from "./briefingFolder.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";
import { intOption, runScenarios } from "./scenarios.js";

export const BRIEF_HELP = `targetcast brief [SCENARIO.yaml ...] [options]

Runs the scenarios (all in scenarios/ by default) and writes a self-contained HTML
briefing (inline SVG, nothing fetched from the network): targets at risk per scenario,
the risk matrix, a fan chart for each target not on track, assumptions and provenance;
and every chart beside it as .svg, .png and .vl.json (open it in the Vega editor). The folder
also carries the bundled Chinese font (NotoSansHans-Regular.otf, OFL) that the page falls back
to on machines without one: copy the folder whole.

Options:
  --out DIR           folder for the briefing [out/briefing]
${langHelp()}
  --appendix          add the appendix: every target's fan chart, growth gaps and each
                      scenario's full tables (without it: summary, contents and detail only)
  --allocation FILE   the allocation.json of \`targetcast allocate\`: the summary says what
                      the extra budget buys
  --pdf               also print the briefing to briefing.pdf (A4, headless Chromium)
  --pptx              also write briefing.pptx: a title slide, the summary, one slide per
                      headline target and the risk matrix
  --no-png            skip the PNGs (they take about a second per chart, cached between runs)
  --force             replace existing files in --out that targetcast did not write
  --paths N, --seed S, --threads N, --data, --targets, --indicators, --sheet, --allow-outside   as for \`targetcast run\`
  -h, --help          this help
`;

async function readAllocation(file: string): Promise<AllocationSummary> {
  const text = await readInputText(file, "give the allocation.json written by `targetcast allocate --out DIR`");
  return parseAllocation(text, file);
}

export async function briefCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      out: { type: "string" },
      ...LANG_OPTION,
      "no-png": { type: "boolean" },
      appendix: { type: "boolean" },
      pdf: { type: "boolean" },
      pptx: { type: "boolean" },
      allocation: { type: "string" },
      threads: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(BRIEF_HELP);
    return 0;
  }
  const lang = langOption(values);
  const dir = values.out ?? path.join("out", "briefing");
  const inputs = [...inputFiles(values, positionals), values.allocation];
  const files = [
    "briefing.html",
    ...Object.values(BRIEFING_FONT_FILES),
    ...(values.pptx ? ["briefing.pptx"] : []),
    ...(values.pdf ? ["briefing.pdf"] : []),
  ];
  checkOutputDir(dir, files, { inputs, force: values.force === true });
  const allocation = values.allocation ? await readAllocation(values.allocation) : undefined;
  const results = await runScenarios({
    lang,
    files: positionals,
    data: values.data,
    targets: values.targets,
    indicators: values.indicators,
    sheet: values.sheet,
    allowOutside: values["allow-outside"] === true,
    paths: intOption(values.paths, "--paths", 1, 1_000_000),
    seed: intOption(values.seed, "--seed", 0, 2 ** 32 - 1),
    threads: intOption(values.threads, "--threads", 1, 256),
  });
  await writeBriefingFolder(results, dir, {
    lang,
    png: values["no-png"] !== true,
    appendix: values.appendix === true,
    pdf: values.pdf === true,
    pptx: values.pptx === true,
    ...(allocation ? { allocation } : {}),
  });
  return 0;
}
