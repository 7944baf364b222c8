/**
 * Finds and loads what a command works on: the target catalogue, the baseline data and,
 * when there is one, the indicator dictionary. Defaults are the bundled Haizhou files,
 * so a command run from the project folder needs no flags.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadBaseline, loadIndicatorDictionary, loadTargets } from "../data/index.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";

export const DEFAULTS = {
  data: "data/baseline/haizhou.csv",
  targets: "data/targets/haizhou-2015.csv",
  dictionary: "data/indicators.csv",
  scenarios: "scenarios",
};

export interface Inputs {
  catalogue: TargetCatalogue;
  baseline: Baseline;
  dictionary?: Map<string, IndicatorDef>;
}

export async function loadInputs(opts: { data?: string; targets?: string; indicators?: string }): Promise<Inputs> {
  const catalogue = await loadTargets(opts.targets ?? DEFAULTS.targets);
  // The bundled dictionary goes with the bundled data; other data brings its own (or none).
  const dictFile = opts.indicators ?? (opts.data === undefined && existsSync(DEFAULTS.dictionary) ? DEFAULTS.dictionary : undefined);
  const dictionary = dictFile ? await loadIndicatorDictionary(dictFile) : undefined;
  const baseline = await loadBaseline(opts.data ?? DEFAULTS.data, { catalogue, ...(dictionary ? { dictionary } : {}) });
  return { catalogue, baseline, ...(dictionary ? { dictionary } : {}) };
}

/** Every scenario file in a folder, sorted, baseline first. */
export async function bundledScenarios(dir = DEFAULTS.scenarios): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/i.test(f)).sort();
  files.sort((a, b) => Number(b.startsWith("baseline")) - Number(a.startsWith("baseline")));
  return files.map((f) => path.join(dir, f));
}
