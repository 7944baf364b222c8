/**
 * Finds the split of a budget across programmes that maximises the (weighted) expected number
 * of targets met, within each programme's floor and cap.
 *
 * 1. Coarse grid: every split in steps of budget/`gridSteps` that respects floors and caps.
 * 2. Local search from the best of the grid and the equal split: move a step δ of money from
 *    one programme to another while the score improves (steepest ascent over all pairs);
 *    when no move helps, halve δ, down to budget/`finestSteps`.
 * A split that leaves an adopted commitment unhonoured (src/allocate/evaluate.ts) loses to any split
 * that honours them all: the commitments are constraints, met when they can be.
 * All candidates are scored on the same draws (common random numbers), so the search compares
 * allocations, not sampling noise; the score is still a Monte Carlo estimate with its own error.
 */

import { type Bounds, equalSplit, feasible } from "./constraints.js";
import type { AllocationScore, Evaluator } from "./evaluate.js";

/** How hard the optimiser searches: grid steps, the finest step of the local search, an evaluation cap. */
export interface OptimiseOptions {
  gridSteps?: number;
  finestSteps?: number;
  /** Stop after this many evaluations in the local search. */
  maxEvaluations?: number;
}

/** The best split found, the runners-up, and for comparison the equal split and the best split of the coarse grid. */
export interface OptimiseResult {
  best: AllocationScore;
  runnersUp: AllocationScore[];
  equal: AllocationScore;
  gridBest: AllocationScore;
  gridSize: number;
  evaluations: number;
}

/** All ways to put `steps` units into n slots (compositions), as arrays of counts. */
export function compositions(steps: number, n: number): number[][] {
  if (n === 1) return [[steps]];
  const out: number[][] = [];
  for (let k = 0; k <= steps; k++) for (const rest of compositions(steps - k, n - 1)) out.push([k, ...rest]);
  return out;
}

const key = (x: readonly number[]) => x.map((v) => v.toFixed(6)).join(",");

/** The split of `budget` within `bounds` that maximises the evaluator's score: a coarse grid, then a local search. */
export function optimiseAllocation(
  ev: Evaluator,
  budget: number,
  bounds: Bounds,
  opts: OptimiseOptions = {},
): OptimiseResult {
  const n = bounds.programmes.length;
  const gridSteps = opts.gridSteps ?? 4;
  const finest = budget / (opts.finestSteps ?? 64);
  const maxEvaluations = opts.maxEvaluations ?? 2000;
  const seen = new Map<string, AllocationScore>();
  const evaluate = (x: number[]) => {
    const k = key(x);
    let s = seen.get(k);
    if (!s) {
      s = ev.score(x);
      seen.set(k, s);
    }
    return s;
  };
  // A split that honours the adopted commitments beats one that does not, whatever their scores
  // (the commitments are constraints); among equals, the higher score wins.
  const better = (a: AllocationScore, b: AllocationScore) =>
    a.honoured !== b.honoured ? a.honoured : a.score > b.score + 1e-12;

  const equal = evaluate(equalSplit(budget, bounds));
  let gridBest: AllocationScore | null = null;
  let gridSize = 0;
  if (budget > 0) {
    for (const c of compositions(gridSteps, n)) {
      const x = c.map((k) => (k * budget) / gridSteps);
      if (!feasible(x, bounds)) continue;
      gridSize++;
      const s = evaluate(x);
      if (!gridBest || better(s, gridBest)) gridBest = s;
    }
  }
  gridBest ??= equal;
  let best = better(gridBest, equal) ? gridBest : equal;

  let delta = budget / (2 * gridSteps);
  const start = ev.evaluations;
  while (budget > 0 && delta >= finest - 1e-9 && ev.evaluations - start < maxEvaluations) {
    let move: AllocationScore | null = null;
    for (let from = 0; from < n; from++) {
      for (let to = 0; to < n; to++) {
        if (from === to) continue;
        const x = best.spending.slice();
        const d = Math.min(delta, x[from] - bounds.floor[from], bounds.cap[to] - x[to]);
        if (d <= 1e-9) continue;
        x[from] -= d;
        x[to] += d;
        const s = evaluate(x);
        if (better(s, move ?? best)) move = s;
      }
    }
    if (move) best = move;
    else delta /= 2;
  }
  const runnersUp = [...seen.values()]
    .filter((s) => s !== best)
    .sort((a, b) => Number(b.honoured) - Number(a.honoured) || b.score - a.score)
    .slice(0, 3);
  return { best, runnersUp, equal, gridBest, gridSize, evaluations: seen.size };
}
