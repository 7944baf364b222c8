/**
 * Scores a budget allocation: P(met) of every target and the expected number of targets met,
 * E[#met] = Σ_i P(met_i) (linearity of expectation), or a weighted score Σ_i w_i P(met_i).
 * Every allocation of one evaluator runs on the same seed and paths: common random numbers,
 * so differences between allocations are not sampling noise (see src/stats/rng.ts).
 */

import { meets } from "../assess/comparator.js";
import { InputError } from "../data/errors.js";
import type { Baseline, Comparator, TargetCatalogue } from "../data/types.js";
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

/** The catalogue's assessable targets in the form the evaluator scores them, each with its weight (default 1). */
export function prepareTargets(
  plan: Plan,
  catalogue: TargetCatalogue,
  baseline: Baseline,
  weights: Map<string, number> = new Map(),
): PreparedTarget[] {
  const first = plan.baseIndex + 1;
  const out: PreparedTarget[] = [];
  for (const t of catalogue.targets) {
    if (t.comparator === null || t.value === null) continue;
    const slot = plan.indicators.indexOf(t.indicator);
    const yearIndex = t.targetYear - plan.years[0] - first;
    if (slot < 0 || yearIndex < 0 || yearIndex >= plan.years.length - first) continue;
    let threshold = t.value;
    if (t.kind === "relative_to_base") {
      const s = baseline.series.get(t.indicator);
      const i = s ? s.years.indexOf(t.baseYear!) : -1;
      if (i < 0) continue;
      threshold *= s!.values[i];
    }
    out.push({ id: t.id, slot, yearIndex, comparator: t.comparator, threshold, weight: weights.get(t.id) ?? 1 });
  }
  for (const id of weights.keys()) {
    if (!out.some((t) => t.id === id)) {
      throw new InputError({
        file: catalogue.file,
        problem: `weight given for "${id}", which is not an assessable target`,
        fix: "use target ids from `targetcast targets`",
      });
    }
  }
  return out;
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
}

/** Scores splits of the budget on one fixed set of Monte Carlo draws (common random numbers), so two splits differ only by the split. */
export interface Evaluator {
  plan: Plan;
  targets: PreparedTarget[];
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

/** An evaluator for `plan` and `targets` with `paths` paths drawn from `seed` (see {@link Evaluator}). */
export function makeEvaluator(plan: Plan, targets: PreparedTarget[], paths: number, seed: number): Evaluator {
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
    paths,
    seed,
    evaluations: 0,
    draws: null,
    score(spending, fixed) {
      const budget = budgetOfSpending(spending);
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
      return { spending: [...spending], pMet, expectedMet, score, scorePerPath };
    },
  };
  return ev;
}
