/**
 * Monte Carlo standard errors.
 *
 * - A share of n independent paths, p̂ = hits / n, has standard error √(p̂(1 − p̂) / n)
 *   (the binomial standard error; unit: that of p, a probability 0–1).
 * - The difference of two means estimated on the same paths (common random numbers) has the
 *   paired standard error sd(d) / √n with d_p = a_p − b_p computed path by path and sd the
 *   sample standard deviation (n − 1 in the denominator). Pairing removes the noise the two
 *   share, so it is far smaller than √(SE_a² + SE_b²) when a and b move together.
 *
 * @example proportionStandardError(0.5, 100) // 0.05
 */

export function proportionStandardError(p: number, n: number): number {
  if (!(n > 0)) return NaN;
  return Math.sqrt(Math.max(0, p * (1 - p)) / n);
}

/** Mean of a − b and its paired standard error, over the paths both were computed on. */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): { mean: number; standardError: number } {
  const n = a.length;
  if (n !== b.length) throw new Error(`paired samples of different lengths (${n} and ${b.length})`);
  if (n === 0) return { mean: NaN, standardError: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] - b[i];
  const mean = sum / n;
  if (n === 1) return { mean, standardError: NaN };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i] - mean;
    ss += d * d;
  }
  return { mean, standardError: Math.sqrt(ss / (n - 1) / n) };
}

/** A difference is told apart from zero when it exceeds two of its standard errors (about 95%). */
export const DISTINGUISHABLE_SE = 2;

export function distinguishable(difference: number, standardError: number): boolean {
  return Math.abs(difference) > DISTINGUISHABLE_SE * standardError;
}
