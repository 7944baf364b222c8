/** Running scenarios for the CLI commands (`run`, `brief`), and the whole-number option parser they share. */
import path from "node:path";
import { runScenario, runScenarioInThreads, trendOnlyScenario } from "../assess/runScenario.js";
import { targetWarnings } from "../assess/targetWarnings.js";
import type { ScenarioResult } from "../assess/types.js";
import type { Lang } from "../charts/labels.js";
import { bundledScenarios, loadInputs } from "../project/inputs.js";
import { checkScenarioIndicators } from "../project/scenarioIndicators.js";
import { UsageError } from "../project/usage.js";
import { baselineWarningLine, scenarioWarningLine, targetWarningLine } from "../report/inputWarnings.js";
import { loadScenario } from "../scenario/load.js";
import { progressReporter } from "./progress.js";

export interface RunScenariosOptions {
  /** Language of the warnings printed while loading (default English, as before). */
  lang?: Lang;
  /** Scenario files; none: every bundled scenario, or a trend-only run when `data` is given. */
  files: string[];
  data?: string;
  targets?: string;
  indicators?: string;
  sheet?: string;
  /** Let `extends` name files outside each scenario's folder tree. */
  allowOutside?: boolean;
  trendOnly?: boolean;
  baseYear?: number;
  paths?: number;
  seed?: number;
  /** Worker threads for the Monte Carlo (default: one per core for big runs). */
  threads?: number;
  /** No progress line (--quiet). */
  quiet?: boolean;
}

/** Load the inputs, warn about what needs attention, and run each scenario (with a progress line). */
export async function runScenarios(o: RunScenariosOptions): Promise<ScenarioResult[]> {
  const inputs = await loadInputs(o);
  for (const n of inputs.notes) process.stderr.write(`note: ${n}\n`);
  for (const w of inputs.baseline.warningCodes) process.stderr.write(`${baselineWarningLine(w, o.lang ?? "en")}\n`);
  const files = o.trendOnly ? [] : o.files.length ? o.files : o.data ? [] : await bundledScenarios();
  if (o.baseYear !== undefined && files.length)
    throw new UsageError("--base-year applies to trend-only runs; scenario files set their own base_year");
  const jobs = files.length
    ? await Promise.all(
        files.map(async (f) => {
          const loaded = await loadScenario(f, { allowOutside: o.allowOutside === true });
          checkScenarioIndicators(loaded, inputs);
          for (const w of loaded.warnings) process.stderr.write(`${scenarioWarningLine(w, o.lang ?? "en")}\n`);
          return { file: f, scenario: loaded.scenario };
        }),
      )
    : [{ file: "(trend only)", scenario: trendOnlyScenario(inputs.baseline, inputs.catalogue, o.baseYear) }];
  for (const job of jobs)
    for (const w of targetWarnings(inputs.catalogue, inputs.baseline, job.scenario.base_year))
      process.stderr.write(`${targetWarningLine(w, o.lang ?? "en")}\n`);
  const results: ScenarioResult[] = [];
  const trendFits = new Map(); // one fit per indicator for every scenario on this baseline
  for (const job of jobs) {
    const progress = progressReporter(path.basename(job.file));
    const run = {
      ...inputs,
      scenario: job.scenario,
      scenarioFile: job.file,
      paths: o.paths,
      seed: o.seed,
      ...(o.quiet ? {} : { onProgress: progress.update }),
      trendFits,
    };
    const { result } =
      o.threads === 1
        ? runScenario(run)
        : await runScenarioInThreads({ ...run, ...(o.threads ? { threads: o.threads } : {}) });
    progress.end();
    results.push(result);
  }
  return results;
}

export function intOption(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
  return n;
}
