/**
 * One scenario, end to end: plan → Monte Carlo → summaries → assessments → ScenarioResult.
 * The CLI and the notebooks call this; neither holds model logic of its own.
 */
import path from "node:path";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { Scenario } from "../scenario/schema.js";
import { Scenario as ScenarioSchema } from "../scenario/schema.js";
import { buildPlan } from "../simulate/plan.js";
import { simulate, summariseSimulation, type Simulation } from "../simulate/monteCarlo.js";
import { assessTargets } from "./assess.js";
import { InputError } from "../data/errors.js";
import type { ScenarioResult } from "./types.js";

export interface RunInput {
  scenario: Scenario;
  /** Scenario file as given, or "(trend only)". */
  scenarioFile: string;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Overrides of the scenario's own paths and seed. */
  paths?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

/** True when a figure's source marks it as illustrative rather than an official statistic. */
export function isIllustrativeSource(source: string): boolean {
  return /illustrative|示意|虚构/i.test(source);
}

/** Where a baseline's figures come from, as every table and chart states it. */
export function provenanceOfBaseline(baseline: Baseline): { dataSource: string; illustrative: boolean } {
  const illustrative = baseline.observations.some((o) => isIllustrativeSource(o.source));
  return { illustrative, dataSource: `${baseline.file}${illustrative ? " (illustrative data, not official statistics)" : ""}` };
}

/**
 * The scenario used when none is given: every indicator follows its fitted trend,
 * from the latest year in the data to the latest target year.
 */
export function trendOnlyScenario(baseline: Baseline, catalogue: TargetCatalogue, baseYear?: number): Scenario {
  if (baseline.observations.length === 0) {
    throw new InputError({
      file: baseline.file,
      problem: `no usable observations: none of its indicators is in ${catalogue.file}${baseline.warnings.length ? " (see the warnings above)" : ""}`,
      fix: "check that the indicator ids in the data match the catalogue's `indicator` column, or pass --indicators with a dictionary of the drivers",
    });
  }
  const lastYear = baseYear ?? Math.max(...baseline.observations.map((o) => o.year));
  const horizon = Math.max(lastYear + 1, ...catalogue.targets.map((t) => t.targetYear));
  return ScenarioSchema.parse({
    name: { zh: "趋势外推", en: "Trend only" },
    description: "Business as usual from the data alone: every indicator follows its calibrated trend forecast (a combination of ETS, Theta and drift, with intervals from a reference class of real forecast errors).",
    base_year: lastYear,
    horizon,
    paths: 5000,
    seed: 1,
  });
}

export function runScenario(input: RunInput): { result: ScenarioResult; simulation: Simulation } {
  const { scenario, baseline, catalogue, dictionary } = input;
  const plan = buildPlan({ scenario, scenarioFile: input.scenarioFile, baseline, catalogue, dictionary });
  const paths = input.paths ?? scenario.paths;
  const seed = input.seed ?? scenario.seed;
  const simulation = simulate(plan, { paths, seed, onProgress: input.onProgress });
  const thresholds = scenario.assessment ? { onTrack: scenario.assessment.on_track, offTrack: scenario.assessment.off_track } : undefined;
  const targets = assessTargets({ sim: simulation, baseline, catalogue, dictionary, baseYear: scenario.base_year, thresholds });

  const used = new Set(plan.indicators);
  const observed = baseline.observations
    .filter((o) => used.has(o.indicator))
    .map((o) => ({ indicator: o.indicator, year: o.year, value: o.value, source: o.source }));
  // What the model saw, and what happened afterwards (kept apart so charts never blur them).
  const history = observed.filter((o) => o.year <= scenario.base_year);
  const actuals = observed.filter((o) => o.year > scenario.base_year);
  const { illustrative, dataSource } = provenanceOfBaseline(baseline);
  const names = (id: string) => {
    const d = dictionary?.get(id);
    const t = catalogue.targets.find((x) => x.indicator === id && x.kind !== "relative_to_base");
    return { nameZh: d?.nameZh ?? t?.nameZh ?? id, nameEn: d?.nameEn ?? t?.nameEn ?? id, unit: d?.unit ?? baseline.series.get(id)?.unit ?? t?.unit ?? "" };
  };
  const id = input.scenarioFile.startsWith("(") ? "trend-only" : path.basename(input.scenarioFile).replace(/\.ya?ml$/i, "");
  const result: ScenarioResult = {
    scenario: {
      file: input.scenarioFile,
      id,
      nameZh: scenario.name.zh,
      nameEn: scenario.name.en,
      description: scenario.description,
      baseYear: scenario.base_year,
      horizon: scenario.horizon,
      assumptions: plan.order.map((i) => ({ indicator: plan.nodes[i].indicator, mechanism: plan.nodes[i].mechanism, summary: plan.nodes[i].summary })),
    },
    paths,
    seed,
    illustrative,
    dataSource,
    indicators: plan.indicators.map((i) => ({ id: i, ...names(i) })),
    history,
    actuals,
    series: summariseSimulation(simulation),
    targets,
  };
  return { result, simulation };
}
