/**
 * Compound annual growth rate (Open SDG progress methodology; sdg-build ProgressMeasure.py):
 *   g(v1, v0, t1, t0) = (v1 / v0)^(1 / (t1 − t0)) − 1   (fraction per year)
 * Undefined (null) when the span is not positive or the ratio is not positive.
 * @example cagr(121, 100, 2015, 2013) // 0.1
 */
export function cagr(v1: number, v0: number, t1: number, t0: number): number | null {
  if (!(t1 > t0) || !(v0 !== 0) || !(v1 / v0 > 0)) return null;
  return Math.pow(v1 / v0, 1 / (t1 - t0)) - 1;
}
