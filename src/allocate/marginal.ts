/**
 * Marginal value of money per programme: how much the score rises when one programme gets
 * `step` more (default 100 万元 = one million yuan) on top of a given allocation, on the same
 * draws. Positive and shrinking with spending under the saturating responses.
 */
import type { AllocationScore, Evaluator } from "./evaluate.js";

/** What one more `step` of spending on one programme adds, in expected targets met and in the score. */
export interface MarginalValue {
  programme: string;
  /** Change in expected targets met per `step` of extra spending. */
  expectedMet: number;
  /** Change in the (weighted) score per `step`. */
  score: number;
  step: number;
}

export function marginalValues(
  ev: Evaluator,
  at: AllocationScore,
  programmes: string[],
  step: number,
  caps: number[],
): MarginalValue[] {
  return programmes.map((programme, i) => {
    const x = at.spending.slice();
    const d = Math.min(step, caps[i] - x[i]);
    if (d <= 0) return { programme, expectedMet: 0, score: 0, step };
    x[i] += d;
    const s = ev.score(x);
    return {
      programme,
      expectedMet: ((s.expectedMet - at.expectedMet) * step) / d,
      score: ((s.score - at.score) * step) / d,
      step,
    };
  });
}
