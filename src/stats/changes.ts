/**
 * The yearly changes d_t = z_t − z_{t−1} of a series and their mean, mean absolute value and
 * sample standard deviation (divisor m − 1; NaN for fewer than two changes).
 *
 * @example yearlyChanges([1, 3, 4]) // { m: 2, mean: 1.5, meanAbs: 1.5, sd: 0.707… }
 */
export function yearlyChanges(z: readonly number[]): { m: number; mean: number; meanAbs: number; sd: number } {
  const m = z.length - 1;
  let sum = 0;
  let sumAbs = 0;
  for (let i = 0; i < m; i++) {
    const d = z[i + 1] - z[i];
    sum += d;
    sumAbs += Math.abs(d);
  }
  const mean = sum / m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (z[i + 1] - z[i] - mean) ** 2;
  return { m, mean, meanAbs: sumAbs / m, sd: Math.sqrt(ss / (m - 1)) };
}
