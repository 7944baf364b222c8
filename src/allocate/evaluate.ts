/**
 * Scores a budget allocation: P(met) of every target and the expected number of targets met,
 * E[#met] = Σ_i P(met_i) (linearity of expectation), or a weighted score Σ_i w_i P(met_i).
 * Every allocation of one evaluator runs on the same seed and paths: common random numbers,
 * so differences between allocations are not sampling noise (see src/stats/rng.ts).
 */

import { meets } from "../assess/comparator.js";
import { InputError } from "../data/errors.js";
import type { Baseline, Comparator, Target, TargetCatalogue } from "../data/types.js";
import { budgetOfSpending } from "../model/allocation.js";
import { type Simulation, simulate } from "../simulate/monteCarlo.js";
import type { Plan } from "../simulate/plan.js";
import { downstream } from "../simulate/plan.js";

/** A numeric target resolved against a plan: where its values are and what they must pass. */
export interface PreparedTarget {
  id: string;
  slot: number;
  /** Index into the simulation's projected years. */
  yearIndex: number;
  comparator: Comparator;
  threshold: number;
  weight: number;
}

/** A numeric target of the catalogue resolved against the plan, or null when the plan cannot score it. */
function resolveTarget(plan: Plan, t: Target, baseline: Baseline, weight: number): PreparedTarget | null {
  const first = plan.baseIndex + 1;
  if (t.comparator === null || t.value === null) return null;
  const slot = plan.indicators.indexOf(t.indicator);
  const yearIndex = t.targetYear - plan.years[0] - first;
  if (slot < 0 || yearIndex < 0 || yearIndex >= plan.years.length - first) return null;
  let threshold = t.value;
  if (t.kind === "relative_to_base") {
    const s = baseline.series.get(t.indicator);
    const i = s ? s.years.indexOf(t.baseYear!) : -1;
    if (i < 0) return null;
    threshold *= s!.values[i];
  }
  return { id: t.id, slot, yearIndex, comparator: t.comparator, threshold, weight };
}

/**
 * The catalogue's assessable forecast targets in the form the evaluator scores them, each with its
 * weight (default 1). Commitments (nature = commitment) are decisions, not forecasts: never scored.
 */
export function prepareTargets(
  plan: Plan,
  catalogue: TargetCatalogue,
  baseline: Baseline,
  weights: Map<string, number> = new Map(),
): PreparedTarget[] {
  const out: PreparedTarget[] = [];
  for (const t of catalogue.targets) {
    if (t.nature === "commitment") continue;
    const p = resolveTarget(plan, t, baseline, weights.get(t.id) ?? 1);
    if (p) out.push(p);
  }
  for (const id of weights.keys()) {
    if (!out.some((t) => t.id === id)) {
      const commitment = catalogue.targets.some((t) => t.id === id && t.nature === "commitment");
      throw new InputError({
        file: catalogue.file,
        problem: commitment
          ? `weight given for "${id}", which is a commitment (a decision of the district), not a forecast target`
          : `weight given for "${id}", which is not an assessable target`,
        fix: commitment
          ? "leave commitments out of --weights; a scenario adopts them (`adopts:`) and allocate treats them as constraints"
          : "use target ids from `targetcast targets`",
      });
    }
  }
  return out;
}

/**
 * The commitments a scenario adopts, split into those programme spending can move in the plan (its
 * indicator is downstream of a programme: the constraints of an allocation, weight 0) and those it
 * cannot (e.g. a fund set by another line of the budget), which no split can honour or break.
 */
export function prepareCommitments(
  plan: Plan,
  catalogue: TargetCatalogue,
  baseline: Baseline,
  adopts: readonly string[],
): { constraints: PreparedTarget[]; outsideBudget: string[] } {
  const programmeSlots = plan.indicators.flatMap((id, slot) => (id.startsWith("programme.") ? [slot] : []));
  const reached = downstream(plan, programmeSlots);
  const constraints: PreparedTarget[] = [];
  const outsideBudget: string[] = [];
  for (const t of catalogue.targets) {
    if (t.nature !== "commitment" || !adopts.includes(t.id)) continue;
    const p = resolveTarget(plan, t, baseline, 0);
    if (p && reached[p.slot] === 1) constraints.push(p);
    else outsideBudget.push(t.id);
  }
  return { constraints, outsideBudget };
}

/** One split of the budget, scored on the evaluator's draws: P(met) per target, the expected number met and the (weighted) score. */
export interface AllocationScore {
  /** Spending per programme, budget unit per year, in plan.allocation.programmes order. */
  spending: number[];
  pMet: Float64Array;
  expectedMet: number;
  /** Σ w_i P(met_i); equals expectedMet when all weights are 1. */
  score: number;
  /**
   * Σ_i w_i · 1[target i met on path p], per path: the score path by path, whose mean is `score`.
   * Two allocations' arrays are paired (same draws), for paired Monte Carlo errors.
   */
  scorePerPath: Float64Array;
  /** P(met) of each adopted commitment (evaluator's `commitments` order) under this split. */
  commitmentPMet: Float64Array;
  /** Every adopted commitment met with P ≥ the evaluator's `honourAt`: the split honours the constraints. */
  honoured: boolean;
}

/** Scores splits of the budget on one fixed set of Monte Carlo draws (common random numbers), so two splits differ only by the split. */
export interface Evaluator {
  plan: Plan;
  targets: PreparedTarget[];
  /** Adopted commitments: constraints, not scored (src/allocate/constraints.ts). */
  commitments: PreparedTarget[];
  /** A commitment counts as honoured by a split when its P(met) is at least this (the on-track cut-off). */
  honourAt: number;
  paths: number;
  seed: number;
  /** Number of allocations scored so far. */
  evaluations: number;
  /**
   * Parameter draws of the paths ([param * paths + path]); the same for every allocation
   * (common random numbers), set by the first call of `score`.
   */
  draws: Float64Array | null;
  /** Scores one split (spending per programme); `fixed` holds parameters (by index) at a value on every path. */
  score(spending: readonly number[], fixed?: Map<number, number>): AllocationScore;
}

/** The constraints an evaluator checks (adopted commitments) and the shape of a budget that changes year by year. */
export interface EvaluatorOptions {
  commitments: PreparedTarget[];
  /** P(met) at or above which a commitment counts as honoured. */
  honourAt: number;
  /** Year profile of the budget (src/allocate/budgetPath.ts); none: the same amount every year. */
  profile?: ArrayLike<number>;
  /** Called after each split is scored, with the number scored so far (for a progress line). */
  onScore?: (evaluations: number) => void;
}

/** An evaluator for `plan` and `targets` with `paths` paths drawn from `seed` (see {@link Evaluator}). */
export function makeEvaluator(
  plan: Plan,
  targets: PreparedTarget[],
  paths: number,
  seed: number,
  options: EvaluatorOptions = { commitments: [], honourAt: 0 },
): Evaluator {
  const constraints = options;
  if (!plan.allocation) throw new Error("this scenario defines no programmes to allocate a budget to");
  // The first run is a full one; later runs recompute only what programme spending (and any
  // parameter held fixed) can reach, and copy the rest from it: same numbers, less work.
  let base: Simulation | null = null;
  const programmeSlots = plan.indicators.flatMap((id, slot) => (id.startsWith("programme.") ? [slot] : []));
  const byProgramme = downstream(plan, programmeSlots);
  const ownerOfParam = (k: number) =>
    plan.nodes.findIndex((node) => k >= node.paramOffset && k < node.paramOffset + node.params.length);
  // Every run after the first writes into one set of arrays (a run's values are scored, then not
  // needed): the indicators it recomputes into scratch arrays, the others stay the base run's own.
  let scratch: { values: Float64Array[]; draws: Float64Array } | null = null;
  const reusedOutput = (from: Simulation, recompute: Uint8Array) => {
    scratch ??= {
      values: from.values.map((v) => new Float64Array(v.length)),
      draws: new Float64Array(from.draws.length),
    };
    return { values: from.values.map((v, s) => (recompute[s] ? scratch!.values[s] : v)), draws: scratch.draws };
  };
  const ev: Evaluator = {
    plan,
    targets,
    commitments: constraints.commitments,
    honourAt: constraints.honourAt,
    paths,
    seed,
    evaluations: 0,
    draws: null,
    score(spending, fixed) {
      const budget = budgetOfSpending(spending, options.profile);
      let recompute = byProgramme;
      if (fixed?.size) recompute = downstream(plan, [...programmeSlots, ...[...fixed.keys()].map(ownerOfParam)]);
      const sim = base
        ? simulate(plan, {
            paths,
            seed,
            budget,
            ...(fixed ? { fixed } : {}),
            reuse: { sim: base, recompute },
            out: reusedOutput(base, recompute),
          })
        : simulate(plan, { paths, seed, budget, ...(fixed ? { fixed } : {}) });
      if (!base && !fixed) base = sim;
      ev.evaluations++;
      options.onScore?.(ev.evaluations);
      if (!fixed) ev.draws ??= sim.draws;
      const pMet = new Float64Array(targets.length);
      const scorePerPath = new Float64Array(paths);
      let expectedMet = 0;
      let score = 0;
      targets.forEach((t, i) => {
        const v = sim.values[t.slot];
        const off = t.yearIndex * paths;
        let hits = 0;
        for (let p = 0; p < paths; p++) {
          if (meets(v[off + p], t.comparator, t.threshold)) {
            hits++;
            scorePerPath[p] += t.weight;
          }
        }
        pMet[i] = hits / paths;
        expectedMet += pMet[i];
        score += t.weight * pMet[i];
      });
      const commitmentPMet = Float64Array.from(ev.commitments, (t) => {
        const v = sim.values[t.slot];
        const off = t.yearIndex * paths;
        let hits = 0;
        for (let p = 0; p < paths; p++) if (meets(v[off + p], t.comparator, t.threshold)) hits++;
        return hits / paths;
      });
      const honoured = commitmentPMet.every((p) => p >= ev.honourAt);
      return { spending: [...spending], pMet, expectedMet, score, scorePerPath, commitmentPMet, honoured };
    },
  };
  return ev;
}
