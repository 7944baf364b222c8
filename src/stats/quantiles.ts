/**
 * Quantiles of a sample by linear interpolation between order statistics (Hyndman & Fan 1996
 * definition 7, the default of R and NumPy): for level q and n sorted values x_(1..n),
 * h = (n − 1)·q, Q = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋) (0-based indices).
 *
 * `summarise` finds only the order statistics it needs with a histogram (O(n)) instead of a
 * full O(n log n) sort; the values are exactly those of sorting.
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

/**
 * Quantile of a weighted sample (values ascending, weights > 0): linear interpolation between the
 * values at their midpoint plotting positions P_i = (W_{i−1} + w_i / 2) / W, where W_{i−1} is the weight
 * of the values below x_i and W the total (Hazen's positions, Hyndman & Fan definition 5, when the
 * weights are equal); the end values outside [P_1, P_n].
 *
 * @example weightedQuantileSorted([1, 2, 3], [1, 1, 2], 0.5) // 2 + 1/3 (positions 1/8, 3/8, 3/4)
 */
export function weightedQuantileSorted(sorted: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  let below = 0;
  let prevPosition = 0;
  for (let i = 0; i < n; i++) {
    const position = (below + weights[i] / 2) / total;
    if (q <= position) {
      if (i === 0) return sorted[0];
      return sorted[i - 1] + ((q - prevPosition) / (position - prevPosition)) * (sorted[i] - sorted[i - 1]);
    }
    below += weights[i];
    prevPosition = position;
  }
  return sorted[n - 1];
}

/**
 * A quantile function tabulated at increasing probabilities `grid` (values[i] at grid[i]): linear
 * in p between grid points, held at the end values outside the grid (so it is bounded).
 *
 * @example gridQuantile([0.1, 0.5, 0.9], [-1, 0, 2], 0.7) // ≈ 1
 */
export function gridQuantile(grid: readonly number[], values: readonly number[], p: number): number {
  const i = gridBracket(grid, p);
  return gridInterpolate(values, i, gridWeight(grid, i, p));
}

/**
 * Where p falls on the grid: 0 when p ≤ grid[0], grid.length when p ≥ the last grid point, else
 * the first index i with grid[i] ≥ p (1 ≤ i < grid.length). With `gridWeight` and
 * `gridInterpolate` it splits `gridQuantile`, so that a fixed p read on many tables of one grid
 * (a trend's U, every year) finds its place once; the result is the same bits.
 */
export function gridBracket(grid: readonly number[], p: number): number {
  const last = grid.length - 1;
  if (p <= grid[0]) return 0;
  if (p >= grid[last]) return last + 1;
  let lo = 1;
  let i = last;
  while (lo < i) {
    const mid = (lo + i) >>> 1;
    if (grid[mid] < p) lo = mid + 1;
    else i = mid;
  }
  return i;
}

/** The interpolation weight of p between grid[i − 1] and grid[i] (0 outside the grid). */
export function gridWeight(grid: readonly number[], i: number, p: number): number {
  return i === 0 || i === grid.length ? 0 : (p - grid[i - 1]) / (grid[i] - grid[i - 1]);
}

/** The tabulated quantile at bracket i (`gridBracket`) and weight w (`gridWeight`). */
export function gridInterpolate(values: readonly number[], i: number, w: number): number {
  if (i === 0) return values[0];
  if (i === values.length) return values[i - 1];
  return values[i - 1] + w * (values[i] - values[i - 1]);
}

const BUCKETS = 4096;
const counts = new Int32Array(BUCKETS + 1);
const wanted = new Int32Array(BUCKETS);

/** Values read (evenly spaced) to guess the range of the histogram before the one full pass. */
const RANGE_PROBES = 1024;

/**
 * Mean and the requested quantiles of a sample, without sorting it: a histogram of the values
 * over BUCKETS equal-width buckets locates each needed order statistic's bucket; only the values
 * of those few buckets are collected and sorted. The bucket index, floor((x − lo)·scale) held to
 * the first and last bucket, is non-decreasing in x, so the order statistics, and hence the
 * quantiles, are exactly those of a full sort, whatever the range [lo, hi] the buckets span.
 *
 * Two passes: the range is taken from RANGE_PROBES evenly spaced values, so the sum and the
 * histogram share the first pass (values outside the probed range fall into the end buckets,
 * which stay small); the second collects the needed buckets. When the probes are all equal, or
 * the sum is not finite (a NaN or an infinity), a first pass finds the true minimum and maximum
 * instead (three passes), or the sample is sorted. The sample is not modified.
 */
export function summarise(sample: Float64Array, levels: readonly number[]): { mean: number; quantiles: number[] } {
  const n = sample.length;
  if (n === 0) return { mean: NaN, quantiles: levels.map(() => NaN) };
  const step = Math.max(1, Math.floor(n / RANGE_PROBES));
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i += step) {
    const x = sample[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo < hi && Number.isFinite(lo) && Number.isFinite(hi)) {
    const scale = BUCKETS / (hi - lo);
    counts.fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = sample[i];
      sum += x;
      const k = Math.floor((x - lo) * scale);
      counts[(k < 0 ? 0 : k >= BUCKETS ? BUCKETS - 1 : k) + 1]++;
    }
    if (Number.isFinite(sum)) return { mean: sum / n, quantiles: quantilesOfHistogram(sample, levels, lo, scale) };
  }
  return summariseThreePass(sample, levels);
}

/** `summarise` with the histogram over the sample's own minimum and maximum (a first pass finds them). */
function summariseThreePass(sample: Float64Array, levels: readonly number[]): { mean: number; quantiles: number[] } {
  const n = sample.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  // A NaN makes the sum NaN (so does +∞ with −∞, which the min/max test catches too).
  if (Number.isNaN(sum) || !Number.isFinite(min) || !Number.isFinite(max)) {
    const sorted = Float64Array.from(sample).sort(); // NaN last; ±Infinity: no finite bucket width
    return { mean, quantiles: levels.map((q) => quantileSorted(sorted, q)) };
  }
  if (min === max) return { mean, quantiles: levels.map(() => min) };
  const scale = BUCKETS / (max - min);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const k = Math.floor((sample[i] - min) * scale);
    counts[(k >= BUCKETS ? BUCKETS - 1 : k) + 1]++;
  }
  return { mean, quantiles: quantilesOfHistogram(sample, levels, min, scale) };
}

/**
 * The quantiles of a sample whose histogram is in `counts` (counts[k + 1] = values in bucket k,
 * bucket floor((x − lo)·scale) held to [0, BUCKETS − 1]): collects and sorts the buckets that
 * hold the needed order statistics ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)·q.
 */
function quantilesOfHistogram(sample: Float64Array, levels: readonly number[], lo: number, scale: number): number[] {
  const n = sample.length;
  for (let k = 1; k <= BUCKETS; k++) counts[k] += counts[k - 1]; // counts[k] = values in buckets < k
  const ranks = new Set<number>();
  for (const q of levels) {
    const h = (n - 1) * q;
    ranks.add(Math.floor(h));
    ranks.add(Math.min(Math.floor(h) + 1, n - 1));
  }
  const bucketOfRank = (r: number) => {
    let a = 0;
    let b = BUCKETS - 1; // largest k with counts[k] <= r
    while (a < b) {
      const mid = (a + b + 1) >>> 1;
      if (counts[mid] <= r) a = mid;
      else b = mid - 1;
    }
    return a;
  };
  wanted.fill(-1);
  const buckets: number[] = [];
  for (const r of ranks) {
    const b = bucketOfRank(r);
    if (wanted[b] < 0) {
      wanted[b] = buckets.length;
      buckets.push(b);
    }
  }
  // Collect the values of the needed buckets, then sort each (they are small).
  const collected = buckets.map((b) => new Float64Array(counts[b + 1] - counts[b]));
  const fill = new Int32Array(buckets.length);
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    const k = Math.floor((x - lo) * scale);
    const w = wanted[k < 0 ? 0 : k >= BUCKETS ? BUCKETS - 1 : k];
    if (w >= 0) collected[w][fill[w]++] = x;
  }
  for (const c of collected) if (!allEqual(c)) c.sort(); // a count's bucket often holds one value many times
  const orderStat = (r: number) => {
    const b = bucketOfRank(r);
    return collected[wanted[b]][r - counts[b]];
  };
  return levels.map((q) => {
    const h = (n - 1) * q;
    const low = Math.floor(h);
    const xlo = orderStat(low);
    const xhi = orderStat(Math.min(low + 1, n - 1));
    return xlo + (h - low) * (xhi - xlo);
  });
}

function allEqual(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
