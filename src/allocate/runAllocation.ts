/**
 * The budget question end to end: for a scenario with programmes and a budget, find the best
 * split, compare it with the equal split and the coarse grid on the same draws, give the
 * marginal value of one more million yuan per programme and, on request, the tornado.
 * Used by `targetcast allocate` and the budget notebook.
 */

import { InputError } from "../data/errors.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import { assumptionLabel, labelNames } from "../scenario/assumptionLabel.js";
import type { Scenario } from "../scenario/schema.js";
import { distinguishable, pairedDifference } from "../stats/monteCarloError.js";
import type { BudgetPath } from "./budgetPath.js";
import { checkBudget } from "./constraints.js";
import type { AllocationScore } from "./evaluate.js";
import { type MarginalValue, marginalValues } from "./marginal.js";
import { optimiseAllocation } from "./optimise.js";
import { oneWaySweep, type SweepPoint, type Tornado, tornado } from "./sensitivity.js";
import { type BudgetQuestion, openEvaluator, setUpBudgetQuestion } from "./setup.js";

/** What `targetcast allocate` needs: the loaded inputs and scenario, the extra budget, paths, seed and options. */
export interface AllocateInput extends Pick<BudgetQuestion, "threads"> {
  scenario: Scenario;
  scenarioFile: string;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Extra spending per year, in the scenario's budget unit (万元 in the bundled scenarios); with budgetPath, ignored. */
  budget: number;
  /** A budget that changes year by year, one amount a year from the year after the base year (src/allocate/budgetPath.ts). */
  budgetPath?: readonly number[];
  paths?: number;
  seed?: number;
  /** Priority weights by target id (default 1 each). */
  weights?: Map<string, number>;
  gridSteps?: number;
  /** Step for marginal values, budget unit (default 100 万元 = 1 million yuan). */
  marginalStep?: number;
  sensitivity?: boolean;
  /** Called as splits are scored, with the number scored so far (the search's length is not known in advance). */
  onProgress?: (evaluations: number) => void;
}

/** One split of the budget as reported: spending per programme, expected targets met, score and P(met) per target. */
export interface SplitReport {
  /** Spending per programme, budget unit per year. */
  split: Record<string, number>;
  /** Expected number of targets met, Σ P(met) (targets). */
  expectedMet: number;
  /** The objective maximised: expectedMet, or Σ w·P(met) with --weights (see `objective`). */
  score: number;
  pMet: Record<string, number>;
  /** Whether this split honours every adopted commitment (see AllocateResult.commitments). */
  honoured: boolean;
}

/**
 * An adopted commitment as a constraint of the allocation: its P(met) with no extra budget, the equal
 * split and the best split, and whether each honours it (P(met) ≥ honourAt, the on-track cut-off).
 * The optimiser prefers splits that honour every adopted commitment; when none does at this
 * budget, the constraint is binding and the answer says so rather than hiding it.
 */
export interface CommitmentConstraint {
  id: string;
  nameZh: string;
  nameEn: string;
  honourAt: number;
  none: number;
  equal: number;
  best: number;
  honoured: { none: boolean; equal: boolean; best: boolean };
}

/** A runner-up split and whether it is tied with the best (|best − it| ≤ 2 paired SE). */
export interface RunnerUp extends SplitReport {
  /** best − this, on the objective, and its paired Monte Carlo standard error. */
  gap: number;
  gapStandardError: number;
  tied: boolean;
}

/** P(met) of one target with no extra budget, the equal split and the best split. */
export interface TargetChange {
  id: string;
  nameZh: string;
  nameEn: string;
  weight: number;
  none: number;
  equal: number;
  best: number;
  /** best − equal and best − none (probability, 0–1). */
  changeOverEqual: number;
  changeOverNone: number;
}

/** The outcome of a budget allocation: the best split, the equal and grid splits, marginal values, with the run's settings. */
export interface AllocateResult {
  scenario: string;
  /** The yearly amount split (budget unit a year); with a budget path, its peak year's amount. */
  budget: number;
  /** The year-by-year amounts when the budget changes by year (split shares the same every year); null otherwise. */
  budgetPath: BudgetPath | null;
  unit: string;
  paths: number;
  seed: number;
  programmes: { id: string; nameZh: string; nameEn: string; floor: number; cap: number | null }[];
  /**
   * What the score is: "expectedMet" (expected number of targets met) or "weightedScore"
   * (Σ w_i P(met_i) with the priority weights given).
   */
  objective: "expectedMet" | "weightedScore";
  weights: Record<string, number> | null;
  /** No extra budget (every programme at 0): what business as usual gives on the same draws. */
  noBudget: SplitReport;
  best: SplitReport;
  runnersUp: RunnerUp[];
  equalSplit: SplitReport;
  gridSearch: SplitReport & { size: number; steps: number };
  /** Expected targets met: best − equal split, best − grid best, best − no budget. */
  gain: { overEqualSplit: number; overGrid: number; overNoBudget: number };
  /** best − equal split on the objective (score), computed path by path on common random numbers. */
  gainOverEqualSplit: number;
  /** Paired Monte Carlo standard error of gainOverEqualSplit (same unit as the objective). */
  gainStandardError: number;
  /** |gainOverEqualSplit| > 2 · gainStandardError: the best split is really better than the equal one. */
  gainDistinguishable: boolean;
  perTarget: TargetChange[];
  /** Adopted commitments (scenario `adopts:`), never counted in expectedMet or the score: constraints. */
  commitments: CommitmentConstraint[];
  /** True when the best split honours every adopted commitment (or there is none). */
  constraintsMet: boolean;
  /** Adopted commitments that programme spending cannot move in the plan (no split honours or breaks them). */
  commitmentsOutsideBudget: string[];
  /** The same commitments with their names (for the words; the ids above stay for JSON). */
  commitmentsOutsideBudgetNamed: { id: string; nameZh: string; nameEn: string }[];
  marginal: MarginalValue[];
  evaluations: number;
  tornado?: Tornado;
  sweeps?: { parameter: string; points: SweepPoint[] }[];
}

/** Finds the best split of an extra S&T budget across the plan's programmes (the library side of `targetcast allocate`). */
export function allocateBudget(input0: AllocateInput): AllocateResult {
  // With a path, the allocation speaks of its peak yearly amount; the profile shapes the other years.
  const input = input0.budgetPath?.length ? { ...input0, budget: Math.max(...input0.budgetPath) } : input0;
  if (!(Number.isFinite(input.budget) && input.budget >= 0)) {
    throw new InputError({
      file: input.scenarioFile,
      problem: `budget ${input.budget} is not a non-negative number`,
      fix: "give --budget as a plain number in the budget unit",
    });
  }
  // The budget given here is a fixed extra amount a year, whatever the scenario's own budget says.
  const setup = setUpBudgetQuestion(input, input.budget);
  const { scenario, bounds, plan, targets, constraints, path, commitmentsOutsideBudget } = setup;
  checkBudget(input.budget, bounds, input.scenarioFile);
  const paths = input.paths ?? 2000;
  const seed = input.seed ?? scenario.seed;
  const ev = openEvaluator(
    setup,
    targets,
    paths,
    seed,
    { ...constraints, ...(input.onProgress ? { onScore: input.onProgress } : {}) },
    input.threads,
  );
  try {
    const gridSteps = input.gridSteps ?? 4;
    const opt = optimiseAllocation(ev, input.budget, bounds, { gridSteps });

    const report = (s: AllocationScore): SplitReport => ({
      split: Object.fromEntries(bounds.programmes.map((p, i) => [p, s.spending[i]])),
      expectedMet: s.expectedMet,
      score: s.score,
      pMet: Object.fromEntries(targets.map((t, i) => [t.id, s.pMet[i]])),
      honoured: s.honoured,
    });
    const step = input.marginalStep ?? 100;
    const marginal = marginalValues(ev, opt.best, bounds.programmes, step, bounds.cap);
    const none = ev.score(bounds.programmes.map(() => 0));
    const gain = pairedDifference(opt.best.scorePerPath, opt.equal.scorePerPath);
    const runnersUp = opt.runnersUp.map((s): RunnerUp => {
      const d = pairedDifference(opt.best.scorePerPath, s.scorePerPath);
      return {
        ...report(s),
        gap: d.mean,
        gapStandardError: d.standardError,
        tied: !distinguishable(d.mean, d.standardError),
      };
    });
    const byId = new Map(input.catalogue.targets.map((t) => [t.id, t]));
    const perTarget = targets.map((t, i): TargetChange => {
      const row = byId.get(t.id);
      return {
        id: t.id,
        nameZh: row?.nameZh ?? t.id,
        nameEn: row?.nameEn ?? t.id,
        weight: t.weight,
        none: none.pMet[i],
        equal: opt.equal.pMet[i],
        best: opt.best.pMet[i],
        changeOverEqual: opt.best.pMet[i] - opt.equal.pMet[i],
        changeOverNone: opt.best.pMet[i] - none.pMet[i],
      };
    });
    const commitments = constraints.commitments.map((c, i): CommitmentConstraint => {
      const row = byId.get(c.id);
      const at = (s: AllocationScore) => s.commitmentPMet[i];
      return {
        id: c.id,
        nameZh: row?.nameZh ?? c.id,
        nameEn: row?.nameEn ?? c.id,
        honourAt: constraints.honourAt,
        none: at(none),
        equal: at(opt.equal),
        best: at(opt.best),
        honoured: {
          none: at(none) >= constraints.honourAt,
          equal: at(opt.equal) >= constraints.honourAt,
          best: at(opt.best) >= constraints.honourAt,
        },
      };
    });
    const result: AllocateResult = {
      scenario: input.scenarioFile,
      budget: input.budget,
      budgetPath: path,
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
      objective: input.weights?.size ? "weightedScore" : "expectedMet",
      weights: input.weights?.size ? Object.fromEntries(input.weights) : null,
      noBudget: report(none),
      best: report(opt.best),
      runnersUp,
      equalSplit: report(opt.equal),
      gridSearch: { ...report(opt.gridBest), size: opt.gridSize, steps: gridSteps },
      gain: {
        overEqualSplit: opt.best.expectedMet - opt.equal.expectedMet,
        overGrid: opt.best.expectedMet - opt.gridBest.expectedMet,
        overNoBudget: opt.best.expectedMet - none.expectedMet,
      },
      gainOverEqualSplit: gain.mean,
      gainStandardError: gain.standardError,
      gainDistinguishable: distinguishable(gain.mean, gain.standardError),
      perTarget,
      commitments,
      constraintsMet: opt.best.honoured,
      commitmentsOutsideBudget,
      commitmentsOutsideBudgetNamed: commitmentsOutsideBudget.map((id) => ({
        id,
        nameZh: byId.get(id)?.nameZh ?? id,
        nameEn: byId.get(id)?.nameEn ?? id,
      })),
      marginal,
      evaluations: ev.evaluations,
    };
    if (input.sensitivity) {
      const t = tornado(ev, opt.best);
      const names = labelNames(input.catalogue, input.dictionary, scenario.programmes);
      for (const b of t.bars) b.label = assumptionLabel(b.parameter, names);
      result.tornado = t;
      result.sweeps = t.bars
        .slice(0, 3)
        .map((b) => ({ parameter: b.parameter, points: oneWaySweep(ev, opt.best, b.parameter) }));
      result.evaluations = ev.evaluations;
    }
    return result;
  } finally {
    ev.close();
  }
}
