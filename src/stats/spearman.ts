/**
 * Spearman rank correlation ρ: Pearson correlation of the ranks (ties get their average rank).
 * Used to name the assumption that moves an outcome most: the parameter whose per-path draws
 * rank-correlate most strongly with the projected value (as @RISK's sensitivity ranking does).
 */

/**
 * Average ranks, 1-based: x_i's rank is (first + last position of x_i's value in sorted order) / 2 + 1.
 * A numeric typed-array sort and two binary searches per value (no comparator callback: 5–10× faster
 * than sorting indices, same ranks).
 */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    // first = the first position holding a value ≥ v; last = the last position holding a value ≤ v.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    r[i] = (first + lo - 1) / 2 + 1;
  }
  return r;
}

/** Pearson correlation; 0 when either side is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Spearman rank correlation ρ of two equally long samples (ties get their average rank). */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return pearson(ranks(a), ranks(b));
}
