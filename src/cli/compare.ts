/** `targetcast compare A.yaml B.yaml …`: what differs between scenarios, what it changes, and why. */
import path from "node:path";
import { parseArgs } from "node:util";
import { compareRuns, parseSavedRun } from "../assess/compareRuns.js";
import { compareScenarios } from "../assess/compareScenarios.js";
import type { Lang } from "../charts/labels.js";
import { readInputText } from "../data/readInputText.js";
import { INPUT_OPTIONS, inputFiles, loadInputs } from "../project/inputs.js";
import { checkOutputDir, recordOutputs } from "../project/outputs.js";
import { checkScenarioIndicators } from "../project/scenarioIndicators.js";
import { UsageError } from "../project/usage.js";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { compareRunsText, compareText } from "../report/compareText.js";
import { scenarioWarningLine } from "../report/inputWarnings.js";
import { loadScenario } from "../scenario/load.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";
import { intOption } from "./scenarios.js";

export const COMPARE_HELP = `targetcast compare FIRST.yaml OTHER.yaml [MORE.yaml ...] [options]
targetcast compare BEFORE/results.json AFTER/results.json [--out DIR] [--format F]

Compares each further scenario with the first, on the same seed and paths (common random
numbers): the assumptions that differ side by side, the expected number of targets met, the
targets whose status or P(met) changed (with the paired Monte Carlo standard error), which
assumption moved each (every differing assumption is swapped into the first scenario alone),
and, for a changed assumption that moves nothing, why (no target depends on it; the targets'
values are identical in their target year; the target is out of reach or secure either way;
or the change is within noise).

With two results.json files (say last quarter's run and today's, with new actuals): per
scenario in both, the settings and recorded assumptions that differ, the input files whose
contents changed, the statuses that changed and the changes in P(met) and in the expected
number of targets met with their Monte Carlo SE. The runs are independent, not common random
numbers: SE = sqrt(se1^2 + se2^2). Scenario files and results files cannot be mixed.

Options:
  --paths N           Monte Carlo paths of every run [2000]
  --seed S            random seed of every run [the first scenario's]
  --data, --targets, --indicators FILE   as for \`targetcast run\`
  --out DIR           write comparison.json there [out]
  --format F          table | json [table]
${langHelp()}
  --force             replace existing output files that targetcast did not write
  -h, --help          this help
`;

/** Two results.json files: what changed between the runs (src/assess/compareRuns.ts). */
async function compareRunsCommand(
  values: { out?: string; force?: boolean; paths?: string; seed?: string } & Record<string, unknown>,
  files: string[],
  format: string,
  lang: Lang,
): Promise<number> {
  if (files.length !== 2) throw new UsageError(`give exactly two results.json files to compare, not ${files.length}`);
  for (const o of ["paths", "seed", "data", "targets", "indicators", "sheet"])
    if (values[o] !== undefined)
      throw new UsageError(`--${o} does not apply to results.json files (they hold finished runs)`);
  const outDir = values.out ?? "out";
  checkOutputDir(outDir, ["comparison.json"], { inputs: files, force: values.force === true });
  const runs = await Promise.all(
    files.map(async (f) =>
      parseSavedRun(
        await readInputText(f, "check the path of the results.json (written by `targetcast run --out DIR`)"),
        f,
      ),
    ),
  );
  const result = compareRuns(runs[0], runs[1]);
  await writeFileAtomic(path.join(outDir, "comparison.json"), JSON.stringify(result, null, 2) + "\n");
  await recordOutputs(outDir, ["comparison.json"]);
  process.stdout.write(format === "json" ? JSON.stringify(result, null, 2) + "\n" : compareRunsText(result, lang));
  return 0;
}

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      out: { type: "string" },
      format: { type: "string" },
      force: { type: "boolean" },
      ...LANG_OPTION,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(COMPARE_HELP);
    return 0;
  }
  const lang = langOption(values);
  if (positionals.length < 2) throw new UsageError("give at least two scenario files to compare");
  const format = values.format ?? "table";
  if (!["table", "json"].includes(format)) throw new UsageError(`--format must be table or json, not "${format}"`);
  const json = positionals.filter((f) => /\.json$/i.test(f));
  if (json.length && json.length < positionals.length)
    throw new UsageError(
      `give either scenario files (.yaml) or results.json files, not both: ${json.join(", ")} ${json.length === 1 ? "is a results file" : "are results files"}, ${positionals.filter((f) => !json.includes(f)).join(", ")} not`,
    );
  if (json.length) return compareRunsCommand(values, positionals, format, lang);
  const outDir = values.out ?? "out";
  checkOutputDir(outDir, ["comparison.json"], {
    inputs: inputFiles(values, positionals),
    force: values.force === true,
  });
  const inputs = await loadInputs(values);
  const scenarios = await Promise.all(
    positionals.map(async (file) => {
      const loaded = await loadScenario(file);
      checkScenarioIndicators(loaded, inputs);
      for (const w of loaded.warnings) process.stderr.write(`${scenarioWarningLine(w, lang)}\n`);
      return { file, scenario: loaded.scenario };
    }),
  );
  const result = compareScenarios({
    ...inputs,
    scenarios,
    paths: intOption(values.paths, "--paths", 100, 1_000_000) ?? 2000,
    ...(values.seed !== undefined ? { seed: intOption(values.seed, "--seed", 0, 2 ** 32 - 1)! } : {}),
  });
  const doc = { paths: result.paths, seed: result.seed, files: positionals, comparisons: result.comparisons };
  await writeFileAtomic(path.join(outDir, "comparison.json"), JSON.stringify(doc, null, 2) + "\n");
  await recordOutputs(outDir, ["comparison.json"]);
  process.stdout.write(format === "json" ? JSON.stringify(doc, null, 2) + "\n" : compareText(result, lang));
  return 0;
}
