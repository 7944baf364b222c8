/**
 * Open SDG progress status with a target (open-sdg docs/progress-methodology.md, "inspired by
 * Eurostat"; reference implementation sdg-build sdg/ProgressMeasure.py):
 *
 *   g_o = CAGR(current, base),  g_r = CAGR(target, base, target year),
 *   R = sign · direction · g_o / |g_r|
 *
 * direction = +1 when higher is better, −1 when lower is better; sign = −1 when the base value
 * is negative. Categories: achieved (current already meets the target, checked first);
 * R ≥ 0.95 substantial (on track); 0.6 ≤ R < 0.95 moderate (acceleration needed);
 * 0 ≤ R < 0.6 limited; R < 0 deterioration. As in the reference implementation, a base value
 * or target of 0 is replaced by 0.001, and base and current values of opposite sign are not assessed.
 */
import type { Comparator } from "../data/types.js";
import { direction, meets } from "./comparator.js";
import type { CagrCategory } from "./types.js";

/** A series' first (base) and latest (current) observation and its target: the input of both progress measures. */
export interface ProgressInput {
  baseYear: number;
  baseValue: number;
  currentYear: number;
  currentValue: number;
  targetYear: number;
  target: number;
  comparator: Comparator;
}

const ZERO_REPLACEMENT = 0.001;

/** The Open SDG growth ratio (observed CAGR / required CAGR) of a target and its category (thresholds 0.95 and 0.6). */
export function growthRatio(x: ProgressInput): { ratio: number | null; category: CagrCategory } {
  if (meets(x.currentValue, x.comparator, x.target)) return { ratio: null, category: "achieved" };
  if (!(x.currentYear > x.baseYear) || !(x.targetYear > x.baseYear)) return { ratio: null, category: "not_assessed" };
  const base = x.baseValue === 0 ? ZERO_REPLACEMENT : x.baseValue;
  // Stryker disable next-line ArithmeticOperator: Math.sign(base) is ±1, so × and ÷ agree
  const current = x.currentValue === 0 ? ZERO_REPLACEMENT * Math.sign(base) : x.currentValue;
  // Stryker disable next-line ArithmeticOperator: Math.sign(base) is ±1, so × and ÷ agree
  const target = x.target === 0 ? ZERO_REPLACEMENT * Math.sign(base) : x.target;
  if (Math.sign(base) !== Math.sign(current) || Math.sign(base) !== Math.sign(target))
    return { ratio: null, category: "not_assessed" };
  const go = Math.pow(current / base, 1 / (x.currentYear - x.baseYear)) - 1;
  const gr = Math.pow(target / base, 1 / (x.targetYear - x.baseYear)) - 1;
  if (gr === 0) return { ratio: null, category: "not_assessed" };
  // Stryker disable next-line EqualityOperator: base is never 0 here (a zero base was replaced by 0.001)
  const sign = base < 0 ? -1 : 1;
  // Stryker disable next-line ArithmeticOperator: both factors are ±1, so × and ÷ agree
  const orientation = sign * direction(x.comparator);
  const ratio = (orientation * go) / Math.abs(gr);
  return { ratio, category: categoryOf(ratio) };
}

export function categoryOf(r: number): CagrCategory {
  if (r >= 0.95) return "substantial";
  if (r >= 0.6) return "moderate";
  if (r >= 0) return "limited";
  return "deterioration";
}
