/**
 * Goal seek: the smallest extra budget a year whose best split reaches a goal, either
 * P(met) ≥ p for one target or an expected number of targets met ≥ K.
 *
 * f(B) = the goal's measure at the best split of budget B (src/allocate/optimise.ts, every B on
 * the same draws). More money never lowers any path's outcome under the saturating responses,
 * so the true f is non-decreasing in B; the search bisects over the budgets Σ floors + k · tolerance
 * (k = 0, 1, …), keeping f(lo) < goal ≤ f(hi), until hi is the next budget after lo. The answer is
 * hi, and f(hi − tolerance) is returned beside it as the check (the optimiser is a local search,
 * so a rare non-monotone step would show there rather than be hidden).
 * With a budget path (`budgetPath`), B is the peak yearly amount and year t spends B · A_t / max A:
 * the search scales the path's shape.
 * With adopted commitments (scenario `adopts:`), a budget reaches the goal only when its best split
 * also honours every one of them (P(met) ≥ the on-track cut-off): they are constraints.
 * upper = Σ caps when every programme has one, otherwise `maxBudget`; if f(upper) < goal the
 * goal is not reachable and the answer says so, with what `upper` reaches.
 */
import { InputError } from "../data/errors.js";
import { pairedDifference } from "../stats/monteCarloError.js";
import type { AllocationScore, PreparedTarget } from "./evaluate.js";
import { optimiseAllocation } from "./optimise.js";
import { type BudgetQuestion, openEvaluator, setUpBudgetQuestion } from "./setup.js";

/** P(met) ≥ p for one target, or at least `p` targets met in expectation (target "expected"). */
export type Goal = { target: string; p: number };

/** The goal target that means "at least K targets met in expectation" (`--goal expected:K`). */
export const EXPECTED_GOAL = "expected";

/** What goal seek needs: the scenario and inputs, the goal, and the search settings. */
export interface GoalSeekInput extends BudgetQuestion {
  goal: Goal;
  paths?: number;
  seed?: number;
  /** Width of the final budget bracket, budget unit a year [10]. */
  tolerance?: number;
  /** Search limit when a programme has no cap, budget unit a year [100000]. */
  maxBudget?: number;
  /** Steps of the coarse split grid tried at each budget. */
  gridSteps?: number;
  /** Called with the number of budgets tried so far and the most there can be. */
  onProgress?: (done: number, total: number) => void;
}

/** The answer of goal seek: the smallest budget reaching the goal and its split, or that it is out of reach. */
export interface GoalAnswer {
  /** Target id, or "expected" for a number of targets met. */
  target: string;
  /** The level asked for: a probability 0–1, or a number of targets. */
  p: number;
  reachable: boolean;
  /** Smallest budget found (budget unit a year); null when not reachable. */
  budget: number | null;
  unit: string;
  /** Its best split per programme (budget unit a year); at the search limit when not reachable. */
  split: Record<string, number>;
  /** The goal's measure there: P(met) of the target, or the expected number met. */
  pMet: number;
  /** Its Monte Carlo standard error (same unit as pMet). */
  pMetStandardError: number;
  /** The measure with no extra budget, on the same draws. */
  pMetNoBudget: number;
  /** The check: budget − tolerance and the measure there (below p when the answer is right). */
  below: { budget: number; pMet: number } | null;
  tolerance: number;
  /** Where the search stopped: Σ caps, or maxBudget when some programme has no cap. */
  searchLimit: { budget: number; from: "caps" | "maxBudget" };
  /** Expected number of all targets met at the answer's split, and with no extra budget. */
  expectedMet: number;
  expectedMetNoBudget: number;
  /** budget / (expectedMet − expectedMetNoBudget): budget unit a year per extra target met; null if none gained. */
  costPerExtraTargetMet: number | null;
  /**
   * The adopted commitments (constraints): the answer's budget must also honour them, P(met) ≥ honourAt.
   * P(met) of each at the answer; `binding` when the goal alone was reached one step below but a
   * commitment was not, so the commitment, not the goal, sets the budget.
   */
  commitments: { id: string; pMet: number; honourAt: number; honoured: boolean }[];
  commitmentBinding: boolean;
  /** Adopted commitments that programme spending cannot move (not constraints of the search). */
  commitmentsOutsideBudget: string[];
  /** The projected years (from the year after the base year). */
  years: number[];
  /** With a budget path: the amount of each projected year at the answer (`budget` is the peak year's); null otherwise. */
  budgetPath: { years: number[]; amounts: number[] } | null;
  evaluations: number;
}

function parseGoalTarget(input: GoalSeekInput, targets: PreparedTarget[]): PreparedTarget[] {
  const { goal } = input;
  if (goal.target === EXPECTED_GOAL) {
    if (!(goal.p > 0 && goal.p <= targets.length))
      throw new InputError({
        file: input.scenarioFile,
        problem: `the goal of ${goal.p} expected targets met is not between 0 and the ${targets.length} assessable targets`,
        fix: `give --goal expected:K with 0 < K ≤ ${targets.length}`,
      });
    return targets.map((t) => ({ ...t, weight: 1 }));
  }
  if (!targets.some((t) => t.id === goal.target)) {
    const row = input.catalogue.targets.find((t) => t.id === goal.target);
    if (row?.nature === "commitment")
      throw new InputError({
        file: input.catalogue.file,
        problem: `target "${goal.target}" is a commitment (a decision of the district), not a forecast: there is no chance to seek`,
        fix: `adopt it in the scenario (adopts: [${goal.target}]); allocate then treats it as a constraint the budget must honour`,
      });
    throw new InputError({
      file: input.catalogue.file,
      problem: row
        ? `target "${goal.target}" has no number to reach in the scenario's horizon (qualitative, or its indicator is not projected)`
        : `no target "${goal.target}"`,
      fix: "use the id of a numeric target from `targetcast targets`, or --goal expected:K",
    });
  }
  if (!(goal.p > 0 && goal.p <= 1))
    throw new InputError({
      file: input.scenarioFile,
      problem: `P(met) of ${goal.p} is not a probability above 0`,
      fix: "give --goal TARGET_ID:P with 0 < P ≤ 1, e.g. rd_intensity:0.5",
    });
  // Only the goal's target counts in the score; expectedMet still counts every target.
  return targets.map((t) => ({ ...t, weight: t.id === goal.target ? 1 : 0 }));
}

/** The smallest yearly budget (to the tolerance) and its best split that reach the goal, on common random numbers. */
export function goalSeek(input: GoalSeekInput): GoalAnswer {
  const setup = setUpBudgetQuestion(input, 0);
  const { scenario, bounds, plan, targets, constraints, path, commitmentsOutsideBudget } = setup;
  const scored = parseGoalTarget(input, targets);
  const paths = input.paths ?? 2000;
  const seed = input.seed ?? scenario.seed;
  const tolerance = input.tolerance ?? 10;
  const ev = openEvaluator(setup, scored, paths, seed, constraints, input.threads);
  try {
    const gridSteps = input.gridSteps ?? 2;
    const goal = input.goal.p;

    const floors = bounds.floor.reduce((a, b) => a + b, 0);
    const capped = bounds.cap.every(Number.isFinite);
    const limit = capped ? bounds.cap.reduce((a, b) => a + b, 0) : (input.maxBudget ?? 100_000);
    if (limit < floors)
      throw new InputError({
        file: input.scenarioFile,
        problem: `the search limit ${limit} is below the programmes' floors (${floors})`,
        fix: "raise --max-budget or lower the floors",
      });
    const steps = Math.ceil(Math.log2(Math.max(2, (limit - floors) / tolerance))) + 2;
    let done = 0;
    const cache = new Map<number, AllocationScore>();
    const bestAt = (budget: number): AllocationScore => {
      let s = cache.get(budget);
      if (!s) {
        s = optimiseAllocation(ev, budget, bounds, { gridSteps, finestSteps: 16, maxEvaluations: 400 }).best;
        cache.set(budget, s);
        input.onProgress?.(Math.min(++done, steps), steps);
      }
      return s;
    };
    const none = ev.score(bounds.programmes.map(() => 0));
    const measureSe = (s: AllocationScore) => pairedDifference(s.scorePerPath, new Float64Array(paths)).standardError;
    const answer = (reachable: boolean, budget: number | null, at: AllocationScore, below: GoalAnswer["below"]) => {
      const gained = at.expectedMet - none.expectedMet;
      return {
        target: input.goal.target,
        p: goal,
        reachable,
        budget,
        unit: plan.allocation!.unit,
        split: Object.fromEntries(bounds.programmes.map((p, i) => [p, at.spending[i]])),
        pMet: at.score,
        pMetStandardError: measureSe(at),
        pMetNoBudget: none.score,
        below,
        tolerance,
        searchLimit: { budget: limit, from: capped ? ("caps" as const) : ("maxBudget" as const) },
        expectedMet: at.expectedMet,
        expectedMetNoBudget: none.expectedMet,
        costPerExtraTargetMet: budget !== null && budget > 0 && gained > 0 ? budget / gained : null,
        commitments: constraints.commitments.map((c, i) => ({
          id: c.id,
          pMet: at.commitmentPMet[i],
          honourAt: constraints.honourAt,
          honoured: at.commitmentPMet[i] >= constraints.honourAt,
        })),
        commitmentBinding: false,
        commitmentsOutsideBudget,
        years: plan.years.slice(plan.baseIndex + 1),
        // The path's shape scaled to the answer: budget · A_t / max A (src/allocate/budgetPath.ts).
        budgetPath:
          path && budget !== null
            ? {
                years: path.years,
                amounts: path.amounts.map((a) => (path.peak > 0 ? (budget * a) / path.peak : budget)),
              }
            : null,
        evaluations: ev.evaluations,
      };
    };
    // Reached: the goal's measure at the best split is at least the goal and the split honours every
    // adopted commitment (both rise with the budget, so the bisection below still applies).
    const reached = (s: AllocationScore) => s.score >= goal && s.honoured;

    if (floors === 0 && reached(none)) return answer(true, 0, none, null);
    // Budgets on a grid of `tolerance` from the floors: B(k) = floors + k · tolerance, capped at the limit.
    const last = Math.ceil((limit - floors) / tolerance);
    const budgetAt = (k: number) => Math.min(limit, floors + k * tolerance);
    const top = bestAt(limit);
    if (!reached(top)) return answer(false, null, top, null);
    if (reached(bestAt(floors))) return answer(true, floors, bestAt(floors), null);
    let lo = 0; // f(B(lo)) < goal
    let hi = last; // f(B(hi)) ≥ goal
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (reached(bestAt(budgetAt(mid)))) hi = mid;
      else lo = mid;
    }
    const result = answer(true, budgetAt(hi), bestAt(budgetAt(hi)), {
      budget: budgetAt(hi - 1),
      pMet: bestAt(budgetAt(hi - 1)).score,
    });
    const below = bestAt(budgetAt(hi - 1));
    result.commitmentBinding = below.score >= goal && !below.honoured;
    result.evaluations = ev.evaluations;
    return result;
  } finally {
    ev.close();
  }
}
