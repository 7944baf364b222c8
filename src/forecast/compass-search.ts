/**
 * Compass (coordinate pattern) search inside a box: from x, try x ± s_i e_i for each coordinate,
 * move to the first improvement, halve all steps when none improves; stop when every step is
 * below `xTol`. Converges to a point where no coordinate move of the final step size helps
 * (Kolda, Lewis & Torczon, "Optimization by direct search", SIAM Review 45 (2003) 385–482, §3).
 *
 * Used after Nelder–Mead to polish minima lying on a bound (e.g. α = 0 with φ interior), where a
 * projected simplex can collapse onto the bound and stall.
 *
 * Units: those of the objective's arguments.
 *
 * @example compassSearch(([x, y]) => (x - 0.2) ** 2 + y, [0.9, 0.5], [0, 0], [1, 1]).x // ≈ [0.2, 0]
 */
export function compassSearch(
  f: (x: number[]) => number,
  start: number[],
  lower: number[],
  upper: number[],
  { step = 0.05, xTol = 1e-11, maxEval = 20000 } = {},
): { x: number[]; f: number } {
  let x = start.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));
  let fx = f(x);
  const steps = x.map((_, i) => step * (upper[i] - lower[i]));
  let evals = 1;
  while (steps.some((s) => s > xTol) && evals < maxEval) {
    let improved = false;
    for (let i = 0; i < x.length && !improved; i++) {
      for (const sign of [1, -1]) {
        const v = Math.min(upper[i], Math.max(lower[i], x[i] + sign * steps[i]));
        if (v === x[i]) continue;
        const y = [...x];
        y[i] = v;
        const fy = f(y);
        evals++;
        if (fy < fx) {
          x = y;
          fx = fy;
          improved = true;
          break;
        }
      }
    }
    if (!improved) for (let i = 0; i < steps.length; i++) steps[i] /= 2;
  }
  return { x, f: fx };
}
