/**
 * The budget question end to end: for a scenario with programmes and a budget, find the best
 * split, compare it with the equal split and the coarse grid on the same draws, give the
 * marginal value of one more million yuan per programme and, on request, the tornado.
 * Used by `targetcast allocate` and the budget notebook.
 */

import { InputError } from "../data/errors.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { Scenario } from "../scenario/schema.js";
import { buildPlan } from "../simulate/plan.js";
import { checkBudget, programmeBounds } from "./constraints.js";
import { type AllocationScore, makeEvaluator, prepareTargets } from "./evaluate.js";
import { type MarginalValue, marginalValues } from "./marginal.js";
import { optimiseAllocation } from "./optimise.js";
import { oneWaySweep, type SweepPoint, type Tornado, tornado } from "./sensitivity.js";

/** What `targetcast allocate` needs: the loaded inputs and scenario, the extra budget, paths, seed and options. */
export interface AllocateInput {
  scenario: Scenario;
  scenarioFile: string;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Extra spending per year, in the scenario's budget unit (万元 in the bundled scenarios). */
  budget: number;
  paths?: number;
  seed?: number;
  /** Priority weights by target id (default 1 each). */
  weights?: Map<string, number>;
  gridSteps?: number;
  /** Step for marginal values, budget unit (default 100 万元 = 1 million yuan). */
  marginalStep?: number;
  sensitivity?: boolean;
}

/** One split of the budget as reported: spending per programme, expected targets met, score and P(met) per target. */
export interface SplitReport {
  /** Spending per programme, budget unit per year. */
  split: Record<string, number>;
  expectedMet: number;
  score: number;
  pMet: Record<string, number>;
}

/** The outcome of a budget allocation: the best split, the equal and grid splits, marginal values, with the run's settings. */
export interface AllocateResult {
  scenario: string;
  budget: number;
  unit: string;
  paths: number;
  seed: number;
  programmes: { id: string; nameZh: string; nameEn: string; floor: number; cap: number | null }[];
  best: SplitReport;
  runnersUp: SplitReport[];
  equalSplit: SplitReport;
  gridSearch: SplitReport & { size: number; steps: number };
  /** Expected targets met: best − equal split, best − grid best. */
  gain: { overEqualSplit: number; overGrid: number };
  marginal: MarginalValue[];
  evaluations: number;
  tornado?: Tornado;
  sweeps?: { parameter: string; points: SweepPoint[] }[];
}

/** Finds the best split of an extra S&T budget across the plan's programmes (the library side of `targetcast allocate`). */
export function allocateBudget(input: AllocateInput): AllocateResult {
  // The budget given here is a fixed extra amount a year, whatever the scenario's own budget says.
  const scenario: Scenario = input.scenario.budget
    ? { ...input.scenario, budget: { ...input.scenario.budget, amount: input.budget, share_of: undefined } }
    : input.scenario;
  if (!Object.keys(scenario.programmes).length) {
    throw new InputError({
      file: input.scenarioFile,
      problem: "the scenario defines no programmes",
      fix: "add a `programmes:` section (see scenarios/baseline.yaml)",
    });
  }
  if (!(Number.isFinite(input.budget) && input.budget >= 0)) {
    throw new InputError({
      file: input.scenarioFile,
      problem: `budget ${input.budget} is not a non-negative number`,
      fix: "give --budget as a plain number in the budget unit",
    });
  }
  const bounds = programmeBounds(scenario);
  checkBudget(input.budget, bounds, input.scenarioFile);
  const plan = buildPlan({
    scenario,
    scenarioFile: input.scenarioFile,
    baseline: input.baseline,
    catalogue: input.catalogue,
    dictionary: input.dictionary,
  });
  const targets = prepareTargets(plan, input.catalogue, input.baseline, input.weights);
  const paths = input.paths ?? 2000;
  const seed = input.seed ?? scenario.seed;
  const ev = makeEvaluator(plan, targets, paths, seed);
  const gridSteps = input.gridSteps ?? 4;
  const opt = optimiseAllocation(ev, input.budget, bounds, { gridSteps });

  const report = (s: AllocationScore): SplitReport => ({
    split: Object.fromEntries(bounds.programmes.map((p, i) => [p, s.spending[i]])),
    expectedMet: s.expectedMet,
    score: s.score,
    pMet: Object.fromEntries(targets.map((t, i) => [t.id, s.pMet[i]])),
  });
  const step = input.marginalStep ?? 100;
  const marginal = marginalValues(ev, opt.best, bounds.programmes, step, bounds.cap);
  const result: AllocateResult = {
    scenario: input.scenarioFile,
    budget: input.budget,
    unit: plan.allocation!.unit,
    paths,
    seed,
    programmes: bounds.programmes.map((id, i) => ({
      id,
      nameZh: scenario.programmes[id].name.zh,
      nameEn: scenario.programmes[id].name.en,
      floor: bounds.floor[i],
      cap: Number.isFinite(bounds.cap[i]) ? bounds.cap[i] : null,
    })),
    best: report(opt.best),
    runnersUp: opt.runnersUp.map(report),
    equalSplit: report(opt.equal),
    gridSearch: { ...report(opt.gridBest), size: opt.gridSize, steps: gridSteps },
    gain: {
      overEqualSplit: opt.best.expectedMet - opt.equal.expectedMet,
      overGrid: opt.best.expectedMet - opt.gridBest.expectedMet,
    },
    marginal,
    evaluations: ev.evaluations,
  };
  if (input.sensitivity) {
    const t = tornado(ev, opt.best);
    result.tornado = t;
    result.sweeps = t.bars
      .slice(0, 3)
      .map((b) => ({ parameter: b.parameter, points: oneWaySweep(ev, opt.best, b.parameter) }));
    result.evaluations = ev.evaluations;
  }
  return result;
}
