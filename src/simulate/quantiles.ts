/**
 * Quantiles of a sample by linear interpolation between order statistics (Hyndman & Fan 1996
 * definition 7, the default of R and NumPy): for level q and n sorted values x_(1..n),
 * h = (n − 1)·q, Q = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋) (0-based indices).
 */

/** Quantile of an ascending-sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Mean and the requested quantiles of a sample (the sample is not modified). */
export function summarise(sample: Float64Array, levels: readonly number[]): { mean: number; quantiles: number[] } {
  const sorted = Float64Array.from(sample).sort();
  let sum = 0;
  for (let i = 0; i < sample.length; i++) sum += sample[i];
  return { mean: sum / sample.length, quantiles: levels.map((q) => quantileSorted(sorted, q)) };
}
