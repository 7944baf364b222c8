/** `targetcast run`: project every indicator under one or more scenarios and flag targets at risk. */

import path from "node:path";
import { parseArgs } from "node:util";
import { BRIEFING_FONT_FILES } from "../charts/bundledFont.js";
import { YEAR_MAX, YEAR_MIN } from "../data/schema.js";
import { INPUT_OPTIONS, inputDigests, inputFiles } from "../project/inputs.js";
import { critical } from "../project/interrupt.js";
import { OutputSet } from "../project/outputSet.js";
import { checkOutputDir, RUN_OUTPUT_FILES } from "../project/outputs.js";
import { UsageError } from "../project/usage.js";
import { TOOL_VERSION } from "../project/version.js";
import { resultsDocument } from "../report/resultsJson.js";
import { resultsXlsx } from "../report/resultsXlsx.js";
import { riskCsv, riskCsvFile } from "../report/riskCsv.js";
import { riskTable, scenarioMatrix, scenarioMatrixTitle } from "../report/riskTable.js";
import type { StagedBriefing } from "./briefingFolder.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";
import { QUIET_OPTION, quiet } from "./progress.js";
import { intOption, runScenarios } from "./scenarios.js";

export const RUN_HELP = `targetcast run [SCENARIO.yaml ...] [options]

Projects every targeted indicator under each scenario (Monte Carlo) and says which
targets are at risk, how likely each is to be met, and why.

With no scenario file: runs every scenario in scenarios/ on the bundled data, or, when
--data is given, a trend-only run (every indicator follows its fitted trend).

Options:
  --data FILE         baseline table (.csv or .xlsx)    [from targetcast.config.json]
  --targets FILE      target catalogue (.csv or .xlsx)  [from targetcast.config.json]
  --indicators FILE   indicator dictionary (units, bounds) [from targetcast.config.json
                      when the default data is used]
  --sheet NAME        worksheet of the .xlsx inputs [the first visible one; the one read is named]
  --allow-outside     let a scenario's \`extends\` name a file outside its own folder tree
  --trend-only        ignore scenario files: every indicator follows its trend
  --base-year YEAR    trend-only: last year of data to use [the latest in the data]
  --paths N           Monte Carlo paths (overrides the scenario)
  --seed S            random seed (overrides the scenario)
  --threads N         worker threads for the Monte Carlo [one per core for big runs, else 1];
                      the results are the same bit for bit for any N
  --out DIR           where results.json, risk.csv (UTF-8 with BOM, for Excel) and
                      results.xlsx (risk table, scenario matrix, series, assumptions) are written [out]
  --brief DIR         also write the HTML briefing and every chart there
                      (.svg, .png, .vl.json; see \`targetcast brief --help\`)
  --format F          table | json | csv  [table]
${langHelp()}
                      (the table, and the briefing of --brief; json and csv keep both)
  --force             replace existing output files that targetcast did not write
  --quiet             no progress line on stderr (shown only when stderr is a terminal)
  -h, --help          this help
`;

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      "trend-only": { type: "boolean" },
      "base-year": { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      brief: { type: "string" },
      threads: { type: "string" },
      force: { type: "boolean" },
      ...LANG_OPTION,
      ...QUIET_OPTION,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  const lang = langOption(values);
  const format = values.format ?? "table";
  if (!["table", "json", "csv"].includes(format))
    throw new UsageError(`--format must be table, json or csv, not "${format}"`);
  const paths = intOption(values.paths, "--paths", 1, 1_000_000);
  const seed = intOption(values.seed, "--seed", 0, 2 ** 32 - 1);
  const outDir = values.out ?? "out";
  const guard = { inputs: inputFiles(values, positionals), force: values.force === true };
  checkOutputDir(outDir, RUN_OUTPUT_FILES, guard);
  if (values.brief) checkOutputDir(values.brief, ["briefing.html", ...Object.values(BRIEFING_FONT_FILES)], guard);

  const threads = intOption(values.threads, "--threads", 1, 256);
  const results = await runScenarios({
    lang,
    files: positionals,
    data: values.data,
    targets: values.targets,
    indicators: values.indicators,
    sheet: values.sheet,
    allowOutside: values["allow-outside"] === true,
    trendOnly: values["trend-only"] === true,
    baseYear: intOption(values["base-year"], "--base-year", YEAR_MIN, YEAR_MAX),
    paths,
    seed,
    threads,
    quiet: quiet(values),
  });

  const read = [
    ...new Set([...guard.inputs, ...results.map((r) => r.scenario.file).filter((f) => !f.startsWith("("))]),
  ];
  const doc = resultsDocument(results, new Date(), {
    version: TOOL_VERSION,
    threads: threads ?? "auto",
    inputs: await inputDigests(read),
  });
  const csv = riskCsv(results);
  // Both folders are staged first and committed together: a stopped run changes neither.
  const xlsx = await resultsXlsx(results); // built before anything is written: no half-written output
  const set = await OutputSet.begin(outDir, "run");
  let briefing: StagedBriefing | undefined;
  try {
    await set.write("results.json", JSON.stringify(doc, null, 2) + "\n");
    await set.write("risk.csv", riskCsvFile(results));
    await set.write("results.xlsx", xlsx);
    if (values.brief) {
      const { stageBriefingFolder } = await import("./briefingFolder.js"); // charts load only when asked for
      briefing = await stageBriefingFolder(results, values.brief, { lang, png: true });
    }
    await critical(async () => {
      await set.commit();
      await briefing?.set.commit();
    });
  } catch (e) {
    await set.abort();
    await briefing?.set.abort();
    throw e;
  }

  if (format === "json") process.stdout.write(JSON.stringify(doc.scenarios, null, 2) + "\n");
  else if (format === "csv") process.stdout.write(csv);
  else {
    process.stdout.write(results.map((r) => riskTable(r, lang)).join("\n\n" + "═".repeat(80) + "\n\n") + "\n\n");
    if (results.length > 1) process.stdout.write(`${scenarioMatrixTitle(lang)}\n${scenarioMatrix(results, lang)}\n\n`);
    const wrote = lang === "zh" ? "已写入" : "Wrote";
    process.stdout.write(`${wrote} ${RUN_OUTPUT_FILES.map((f) => path.join(outDir, f)).join(", ")}\n`);
  }
  briefing?.report();
  return 0;
}
