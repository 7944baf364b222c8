/** `targetcast run`: project every indicator under one or more scenarios and flag targets at risk. */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { YEAR_MAX, YEAR_MIN } from "../data/schema.js";
import { INPUT_OPTIONS, inputFiles } from "../project/inputs.js";
import { checkOutputDir, RUN_OUTPUT_FILES, recordOutputs } from "../project/outputs.js";
import { UsageError } from "../project/usage.js";
import { TOOL_VERSION } from "../project/version.js";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { resultsDocument } from "../report/resultsJson.js";
import { resultsXlsx } from "../report/resultsXlsx.js";
import { riskCsv, riskCsvFile } from "../report/riskCsv.js";
import { riskTable, scenarioMatrix } from "../report/riskTable.js";
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
  --force             replace existing output files that targetcast did not write
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
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  const format = values.format ?? "table";
  if (!["table", "json", "csv"].includes(format))
    throw new UsageError(`--format must be table, json or csv, not "${format}"`);
  const paths = intOption(values.paths, "--paths", 1, 1_000_000);
  const seed = intOption(values.seed, "--seed", 0, 2 ** 32 - 1);
  const outDir = values.out ?? "out";
  const guard = { inputs: inputFiles(values, positionals), force: values.force === true };
  checkOutputDir(outDir, RUN_OUTPUT_FILES, guard);
  if (values.brief) checkOutputDir(values.brief, ["briefing.html"], guard);

  const threads = intOption(values.threads, "--threads", 1, 256);
  const results = await runScenarios({
    files: positionals,
    data: values.data,
    targets: values.targets,
    indicators: values.indicators,
    trendOnly: values["trend-only"] === true,
    baseYear: intOption(values["base-year"], "--base-year", YEAR_MIN, YEAR_MAX),
    paths,
    seed,
    threads,
  });

  const read = [
    ...new Set([...guard.inputs, ...results.map((r) => r.scenario.file).filter((f) => !f.startsWith("("))]),
  ];
  const doc = resultsDocument(results, new Date(), {
    version: TOOL_VERSION,
    threads: threads ?? "auto",
    inputs: await Promise.all(
      read.map(async (file) => ({
        file,
        sha256: createHash("sha256")
          .update(await readFile(file))
          .digest("hex"),
      })),
    ),
  });
  const csv = riskCsv(results);
  const xlsx = await resultsXlsx(results); // built before anything is written: no half-written output
  await writeFileAtomic(path.join(outDir, "results.json"), JSON.stringify(doc, null, 2) + "\n");
  await writeFileAtomic(path.join(outDir, "risk.csv"), riskCsvFile(results));
  await writeFileAtomic(path.join(outDir, "results.xlsx"), xlsx);
  await recordOutputs(outDir, RUN_OUTPUT_FILES);

  if (format === "json") process.stdout.write(JSON.stringify(doc.scenarios, null, 2) + "\n");
  else if (format === "csv") process.stdout.write(csv);
  else {
    process.stdout.write(results.map(riskTable).join("\n\n" + "═".repeat(80) + "\n\n") + "\n\n");
    if (results.length > 1) process.stdout.write("情景 × 目标 Scenario × target\n" + scenarioMatrix(results) + "\n\n");
    process.stdout.write(`Wrote ${RUN_OUTPUT_FILES.map((f) => path.join(outDir, f)).join(", ")}\n`);
  }
  if (values.brief) {
    const { writeBriefingFolder } = await import("./briefingFolder.js"); // charts load only when asked for
    await writeBriefingFolder(results, values.brief, { lang: "both", png: true });
  }
  return 0;
}
