/** `targetcast compare A.yaml B.yaml …`: what differs between scenarios, what it changes, and why. */
import path from "node:path";
import { parseArgs } from "node:util";
import { compareScenarios } from "../assess/compareScenarios.js";
import { INPUT_OPTIONS, inputFiles, loadInputs } from "../project/inputs.js";
import { checkOutputDir, recordOutputs } from "../project/outputs.js";
import { checkScenarioIndicators } from "../project/scenarioIndicators.js";
import { UsageError } from "../project/usage.js";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { compareText } from "../report/compareText.js";
import { loadScenario } from "../scenario/load.js";
import { intOption } from "./scenarios.js";

export const COMPARE_HELP = `targetcast compare FIRST.yaml OTHER.yaml [MORE.yaml ...] [options]

Compares each further scenario with the first, on the same seed and paths (common random
numbers): the assumptions that differ side by side, the expected number of targets met, the
targets whose status or P(met) changed (with the paired Monte Carlo standard error), which
assumption moved each (every differing assumption is swapped into the first scenario alone),
and, for a changed assumption that moves nothing, why (no target depends on it; the targets'
values are identical in their target year; the target is out of reach or secure either way;
or the change is within noise).

Options:
  --paths N           Monte Carlo paths of every run [2000]
  --seed S            random seed of every run [the first scenario's]
  --data, --targets, --indicators FILE   as for \`targetcast run\`
  --out DIR           write comparison.json there [out]
  --format F          table | json [table]
  --force             replace existing output files that targetcast did not write
  -h, --help          this help
`;

export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      out: { type: "string" },
      format: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(COMPARE_HELP);
    return 0;
  }
  if (positionals.length < 2) throw new UsageError("give at least two scenario files to compare");
  if (positionals.some((f) => /\.json$/i.test(f)))
    throw new UsageError(
      "compare reads scenario files (.yaml); comparing two results.json files is not supported yet — rerun both scenarios",
    );
  const format = values.format ?? "table";
  if (!["table", "json"].includes(format)) throw new UsageError(`--format must be table or json, not "${format}"`);
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
      for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
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
  process.stdout.write(format === "json" ? JSON.stringify(doc, null, 2) + "\n" : compareText(result));
  return 0;
}
