/**
 * Spearman rank correlation ρ: Pearson correlation of the ranks (ties get their average rank).
 * Used to name the assumption that moves an outcome most: the parameter whose per-path draws
 * rank-correlate most strongly with the projected value (as @RISK's sensitivity ranking does).
 */

/** Run length sorted by insertion before the merges of `argsort`. */
const INSERTION_RUN = 16;

/**
 * Indices of x in ascending order of value, ties in index order (a stable sort): insertion sort of
 * runs of 16, then bottom-up merges, on typed arrays (no comparator callback; 2–3× faster than
 * Array.prototype.sort with one at 2,000 values). x must hold no NaN.
 */
function argsort(x: ArrayLike<number>): Uint32Array {
  const n = x.length;
  let order = new Uint32Array(n);
  let spare = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let start = 0; start < n; start += INSERTION_RUN) {
    const end = Math.min(start + INSERTION_RUN, n);
    for (let i = start + 1; i < end; i++) {
      const idx = order[i];
      const v = x[idx];
      let j = i - 1;
      while (j >= start && x[order[j]] > v) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = idx;
    }
  }
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Take from the right run only when strictly smaller: equal values keep their order (stable).
      while (i < mid && j < hi) spare[k++] = x[order[j]] < x[order[i]] ? order[j++] : order[i++];
      while (i < mid) spare[k++] = order[i++];
      while (j < hi) spare[k++] = order[j++];
    }
    const t = order;
    order = spare;
    spare = t;
  }
  return order;
}

/** Average ranks, 1-based: tied values share the mean of the positions they occupy in sorted order. */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = argsort(x);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    const v = x[order[i]];
    let j = i;
    while (j + 1 < n && x[order[j + 1]] === v) j++;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[order[k]] = average;
    i = j + 1;
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
