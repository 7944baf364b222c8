/**
 * One scenario, end to end: plan → Monte Carlo → summaries → assessments → ScenarioResult.
 * The CLI and the notebooks call this; neither holds model logic of its own.
 */
import path from "node:path";
import { InputError } from "../data/errors.js";
import { YEAR_MAX } from "../data/schema.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { TrendFits } from "../model/trend.js";
import { bilingualText } from "../scenario/bilingualText.js";
import type { Scenario } from "../scenario/schema.js";
import { Scenario as ScenarioSchema } from "../scenario/schema.js";
import { type Simulation, simulate, simulationBytes, summariseSimulation } from "../simulate/monteCarlo.js";
import type { Plan } from "../simulate/plan.js";
import { buildPlan } from "../simulate/plan.js";
import { simulateInThreads } from "../simulate/threads.js";
import { assessTargets } from "./assess.js";
import { jointView } from "./joint.js";
import type { ScenarioResult } from "./types.js";

/** Everything one scenario run needs: the inputs, the scenario and its file, and optionally paths, seed and a progress callback. */
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
  /** Called as paths are done (done of total paths). */
  onProgress?: (done: number, total: number) => void;
  /** Trend fits shared by the runs of several scenarios on one baseline (src/model/trend.ts). */
  trendFits?: TrendFits;
}

/**
 * Largest output a run may hold (values and draws of every path, indicator and year), in bytes:
 * 1 GB. A bigger run is refused before it starts, with the number of paths that fit.
 */
export const MAX_OUTPUT_BYTES = 1e9;

/** The plan, and the paths and seed to run it with, after the memory check. */
function prepare(input: RunInput): { plan: Plan; paths: number; seed: number } {
  const { scenario, baseline, catalogue, dictionary } = input;
  const plan = buildPlan({
    scenario,
    scenarioFile: input.scenarioFile,
    baseline,
    catalogue,
    dictionary,
    ...(input.trendFits ? { trendFits: input.trendFits } : {}),
  });
  const paths = input.paths ?? scenario.paths;
  const seed = input.seed ?? scenario.seed;
  const bytes = simulationBytes(plan, paths);
  if (bytes > MAX_OUTPUT_BYTES) {
    const fit = Math.floor((paths * MAX_OUTPUT_BYTES) / bytes);
    throw new InputError({
      file: input.scenarioFile,
      problem: `${paths.toLocaleString("en")} paths × ${plan.indicators.length} indicators × ${plan.years.length - plan.baseIndex - 1} years need ${(bytes / 1e9).toFixed(1)} GB of memory for the results (the limit is ${MAX_OUTPUT_BYTES / 1e9} GB)`,
      fix: `use at most ${fit.toLocaleString("en")} paths (--paths ${fit}) or a nearer horizon`,
    });
  }
  return { plan, paths, seed };
}

/** True when a figure's source marks it as illustrative rather than an official statistic. */
export function isIllustrativeSource(source: string): boolean {
  return /illustrative|示意|虚构/i.test(source);
}

/** Where a baseline's figures come from, as every table and chart states it. */
/** Appended to the data's file name in `dataSource` when any figure is illustrative. */
export const ILLUSTRATIVE_SUFFIX = " (illustrative data, not official statistics)";

export function provenanceOfBaseline(baseline: Baseline): { dataSource: string; illustrative: boolean } {
  const illustrative = baseline.observations.some((o) => isIllustrativeSource(o.source));
  return {
    illustrative,
    dataSource: `${baseline.file}${illustrative ? ILLUSTRATIVE_SUFFIX : ""}`,
  };
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
  // Loops, not Math.max(...array): a spread of 120k values overflows the call stack.
  let latest = -Infinity;
  for (const o of baseline.observations) latest = Math.max(latest, o.year);
  if (baseYear !== undefined && baseYear > latest) {
    throw new InputError({
      file: baseline.file,
      problem: `--base-year ${baseYear} is after the last year of data (${latest}), so there is nothing to project from`,
      fix: `give a base year up to ${latest}, or add the data for the later years`,
    });
  }
  const lastYear = baseYear ?? latest;
  let horizon = lastYear + 1;
  for (const t of catalogue.targets) horizon = Math.max(horizon, t.targetYear);
  if (horizon > YEAR_MAX) {
    throw new InputError({
      file: baseline.file,
      problem: `the data end in ${lastYear}, so a projection would have to run past ${YEAR_MAX}, the last year targetcast accepts`,
      fix: `use data that end before ${YEAR_MAX}`,
    });
  }
  return ScenarioSchema.parse({
    name: { zh: "趋势外推", en: "Trend only" },
    description: {
      zh: "仅依据数据的照常发展：每个指标按其校准后的趋势预测外推（ETS、Theta 与漂移模型的组合，区间来自真实预测误差的参照类）。",
      en: "Business as usual from the data alone: every indicator follows its calibrated trend forecast (a combination of ETS, Theta and drift, with intervals from a reference class of real forecast errors).",
    },
    base_year: lastYear,
    horizon,
    paths: 5000,
    seed: 1,
  });
}

/** Runs one scenario on the inputs (plan, Monte Carlo, assessment) in this thread; returns the assessed result and the simulation. */
export function runScenario(input: RunInput): { result: ScenarioResult; simulation: Simulation } {
  const { plan, paths, seed } = prepare(input);
  const simulation = simulate(plan, { paths, seed, onProgress: input.onProgress });
  return { result: assemble(input, plan, simulation), simulation };
}

/**
 * runScenario over worker threads (src/simulate/threads.ts): the same result bit for bit, for any
 * `threads` (default: one per core when the run is big enough to gain from it).
 */
export async function runScenarioInThreads(
  input: RunInput & { threads?: number },
): Promise<{ result: ScenarioResult; simulation: Simulation }> {
  const { plan, paths, seed } = prepare(input);
  const { scenario, baseline, catalogue, dictionary } = input;
  const planInput = {
    scenario,
    scenarioFile: input.scenarioFile,
    baseline,
    catalogue,
    ...(dictionary ? { dictionary } : {}),
  };
  const simulation = await simulateInThreads(planInput, plan, {
    paths,
    seed,
    ...(input.threads ? { threads: input.threads } : {}),
    summarise: true,
  });
  input.onProgress?.(paths, paths);
  return { result: assemble(input, plan, simulation), simulation };
}

/** Summaries, assessments and provenance of a finished simulation. */
function assemble(input: RunInput, plan: Plan, simulation: Simulation): ScenarioResult {
  const { scenario, baseline, catalogue, dictionary } = input;
  const { paths, seed } = simulation;
  const thresholds = scenario.assessment
    ? { onTrack: scenario.assessment.on_track, offTrack: scenario.assessment.off_track }
    : undefined;
  const targets = assessTargets({
    sim: simulation,
    baseline,
    catalogue,
    dictionary,
    baseYear: scenario.base_year,
    thresholds,
    programmes: scenario.programmes,
    adopts: scenario.adopts,
  });

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
    return {
      nameZh: d?.nameZh ?? t?.nameZh ?? id,
      nameEn: d?.nameEn ?? t?.nameEn ?? id,
      unit: d?.unit ?? baseline.series.get(id)?.unit ?? t?.unit ?? "",
    };
  };
  const id = input.scenarioFile.startsWith("(")
    ? "trend-only"
    : path.basename(input.scenarioFile).replace(/\.ya?ml$/i, "");
  const result: ScenarioResult = {
    scenario: {
      file: input.scenarioFile,
      id,
      nameZh: scenario.name.zh,
      nameEn: scenario.name.en,
      description: bilingualText(scenario.description),
      baseYear: scenario.base_year,
      horizon: scenario.horizon,
      assumptions: plan.order.map((i) => ({
        indicator: plan.nodes[i].indicator,
        mechanism: plan.nodes[i].mechanism,
        summary: plan.nodes[i].summary,
        template: plan.nodes[i].template,
        terms: plan.nodes[i].terms,
        forecastWarnings: plan.nodes[i].forecastWarnings ?? [],
      })),
      trendByDefault: plan.indicators.filter((i) => !i.includes(".") && !(i in scenario.indicators)),
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
    joint: jointView(simulation, targets),
  };
  return result;
}
