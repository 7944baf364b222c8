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
  /** Stops its worker threads, if any (an evaluator cannot score after it). */
  close(): void;
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

/** Where a scorer's runs write: the first full run (`base`) and every later one (`scratch`), each all paths long. */
export interface ScorerMemory {
  base: { values: Float64Array[]; draws: Float64Array };
  scratch: { values: Float64Array[]; draws: Float64Array };
}

/** Output arrays for every indicator and the parameter draws of a plan at `paths` paths. */
export function scorerMemory(plan: Plan, paths: number, array: (length: number) => Float64Array): ScorerMemory {
  const nOut = plan.years.length - plan.baseIndex - 1;
  const one = () => ({
    values: plan.indicators.map(() => array(nOut * paths)),
    draws: array(plan.params.length * paths),
  });
  return { base: one(), scratch: one() };
}

/** What one split gives on a range of paths: how many paths meet each target and each commitment. */
export interface RangeCounts {
  hits: Int32Array;
  commitmentHits: Int32Array;
}

/**
 * Scores splits on the paths [from, to) of a run of `paths` paths: the part of an evaluator a
 * worker thread runs on its own paths (threadedEvaluator.ts), and the whole of a one-thread one.
 * The first run is a full one; later runs recompute only what programme spending (and any
 * parameter held fixed) can reach, and copy the rest from it: same numbers, less work. Writes
 * Σ_i w_i · 1[target i met on path p] into scorePerPath[p] for p in the range.
 */
export function makeRangeScorer(
  plan: Plan,
  targets: readonly PreparedTarget[],
  commitments: readonly PreparedTarget[],
  paths: number,
  seed: number,
  range: [number, number],
  memory: ScorerMemory,
  profile?: ArrayLike<number>,
): {
  count(spending: readonly number[], fixed: Map<number, number> | undefined, scorePerPath: Float64Array): RangeCounts;
  /** The parameter draws of the first run without fixed parameters (null before it). */
  draws(): Float64Array | null;
} {
  if (!plan.allocation) throw new Error("this scenario defines no programmes to allocate a budget to");
  const [from, to] = range;
  const whole = from === 0 && to === paths;
  let base: Simulation | null = null;
  const programmeSlots = plan.indicators.flatMap((id, slot) => (id.startsWith("programme.") ? [slot] : []));
  const byProgramme = downstream(plan, programmeSlots);
  const ownerOfParam = (k: number) =>
    plan.nodes.findIndex((node) => k >= node.paramOffset && k < node.paramOffset + node.params.length);
  const countHits = (v: Float64Array, t: PreparedTarget, onHit?: (p: number) => void) => {
    const off = t.yearIndex * paths;
    let hits = 0;
    for (let p = from; p < to; p++) {
      if (meets(v[off + p], t.comparator, t.threshold)) {
        hits++;
        onHit?.(p);
      }
    }
    return hits;
  };
  return {
    count(spending, fixed, scorePerPath) {
      const budget = budgetOfSpending(spending, profile);
      let recompute = byProgramme;
      if (fixed?.size) recompute = downstream(plan, [...programmeSlots, ...[...fixed.keys()].map(ownerOfParam)]);
      const common = { paths, seed, budget, ...(fixed ? { fixed } : {}), ...(whole ? {} : { range }) };
      // Every run after the first writes into one set of arrays (a run's values are scored, then not
      // needed): the indicators it recomputes into scratch arrays, the others stay the base run's own.
      const sim = base
        ? simulate(plan, {
            ...common,
            reuse: { sim: base, recompute },
            out: {
              values: base.values.map((v, s) => (recompute[s] ? memory.scratch.values[s] : v)),
              draws: memory.scratch.draws,
            },
          })
        : simulate(plan, { ...common, out: fixed?.size ? memory.scratch : memory.base });
      if (!base && !fixed?.size) base = sim;
      for (let p = from; p < to; p++) scorePerPath[p] = 0;
      const hits = Int32Array.from(targets, (t) =>
        countHits(sim.values[t.slot], t, (p) => (scorePerPath[p] += t.weight)),
      );
      const commitmentHits = Int32Array.from(commitments, (t) => countHits(sim.values[t.slot], t));
      return { hits, commitmentHits };
    },
    draws: () => base?.draws ?? null,
  };
}

/** The score of a split from its hit counts over all paths and its per-path score (one thread or many: the same numbers). */
export function scoreOfCounts(
  ev: Pick<Evaluator, "targets" | "paths" | "honourAt">,
  spending: readonly number[],
  counts: RangeCounts,
  scorePerPath: Float64Array,
): AllocationScore {
  const pMet = Float64Array.from(counts.hits, (h) => h / ev.paths);
  let expectedMet = 0;
  let score = 0;
  ev.targets.forEach((t, i) => {
    expectedMet += pMet[i];
    score += t.weight * pMet[i];
  });
  const commitmentPMet = Float64Array.from(counts.commitmentHits, (h) => h / ev.paths);
  const honoured = commitmentPMet.every((p) => p >= ev.honourAt);
  return { spending: [...spending], pMet, expectedMet, score, scorePerPath, commitmentPMet, honoured };
}

/** An evaluator for `plan` and `targets` with `paths` paths drawn from `seed` (see {@link Evaluator}), in this thread. */
export function makeEvaluator(
  plan: Plan,
  targets: PreparedTarget[],
  paths: number,
  seed: number,
  options: EvaluatorOptions = { commitments: [], honourAt: 0 },
): Evaluator {
  const memory = scorerMemory(plan, paths, (n) => new Float64Array(n));
  const scorer = makeRangeScorer(plan, targets, options.commitments, paths, seed, [0, paths], memory, options.profile);
  return evaluatorOf(plan, targets, paths, seed, options, { count: scorer.count, draws: scorer.draws, close() {} });
}

/** How an evaluator gets its counts: in this thread (makeRangeScorer) or from worker threads. */
export interface CountSource {
  /** Counts the hits of a split over all paths and writes each path's score into scorePerPath. */
  count(spending: readonly number[], fixed: Map<number, number> | undefined, scorePerPath: Float64Array): RangeCounts;
  /** The parameter draws of the base run, once it is made (null before). */
  draws(): Float64Array | null;
  close(): void;
}

/** The evaluator around a source of counts: scores, the number of evaluations and the shared draws. */
export function evaluatorOf(
  plan: Plan,
  targets: PreparedTarget[],
  paths: number,
  seed: number,
  options: EvaluatorOptions,
  source: CountSource,
): Evaluator {
  const ev: Evaluator = {
    plan,
    targets,
    commitments: options.commitments,
    honourAt: options.honourAt,
    paths,
    seed,
    evaluations: 0,
    draws: null,
    score(spending, fixed) {
      const scorePerPath = new Float64Array(paths);
      const counts = source.count(spending, fixed, scorePerPath);
      ev.evaluations++;
      options.onScore?.(ev.evaluations);
      ev.draws ??= source.draws();
      return scoreOfCounts(ev, spending, counts, scorePerPath);
    },
    close: () => source.close(),
  };
  return ev;
}
