/**
 * Nelder–Mead simplex minimisation inside a box, for the few smoothing parameters of the holt models.
 *
 * Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½; Nelder & Mead,
 * Computer Journal 7 (1965) 308–313, in the form of Lagarias et al., SIAM J. Optim. 9 (1998)).
 * Bounds are enforced by projecting every trial point onto the box [lower, upper], so the optimum
 * may lie exactly on a bound (α = 1 is common for short trending series).
 * Deterministic: same start, same result.
 *
 * Units: whatever the objective's arguments are (here unitless smoothing parameters).
 *
 * @example nelderMead(([x]) => (x - 0.3) ** 2, [0.9], [0], [1]).x // ≈ [0.3]
 */
export interface NelderMeadResult {
  x: number[];
  f: number;
  iterations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  lower: number[],
  upper: number[],
  { maxIter = 2000, xTol = 1e-10, fTol = 1e-15, step = 0.1 } = {},
): NelderMeadResult {
  const d = start.length;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(upper[i], Math.max(lower[i], v)));
  const simplex: number[][] = [clamp(start)];
  for (let i = 0; i < d; i++) {
    const v = [...simplex[0]];
    const h = step * (upper[i] - lower[i]);
    v[i] = v[i] + h <= upper[i] ? v[i] + h : v[i] - h;
    simplex.push(clamp(v));
  }
  let values = simplex.map(f);
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const s = order.map((i) => simplex[i]);
    const fv = order.map((i) => values[i]);
    simplex.splice(0, simplex.length, ...s);
    values = fv;
    const best = values[0];
    const worst = values[d];
    let diameter = 0;
    for (let j = 1; j <= d; j++)
      for (let i = 0; i < d; i++) diameter = Math.max(diameter, Math.abs(simplex[j][i] - simplex[0][i]));
    if (diameter <= xTol || worst - best <= fTol * (Math.abs(best) + 1e-300)) break;

    const centroid = new Array<number>(d).fill(0);
    for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) centroid[i] += simplex[j][i] / d;
    const along = (t: number) => clamp(centroid.map((c, i) => c + t * (simplex[d][i] - c)));

    const xr = along(-1);
    const fr = f(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = f(xe);
      if (fe < fr) [simplex[d], values[d]] = [xe, fe];
      else [simplex[d], values[d]] = [xr, fr];
      continue;
    }
    if (fr < values[d - 1]) {
      [simplex[d], values[d]] = [xr, fr];
      continue;
    }
    const outside = fr < values[d];
    const xc = along(outside ? -0.5 : 0.5);
    const fc = f(xc);
    if (fc < (outside ? fr : values[d])) {
      [simplex[d], values[d]] = [xc, fc];
      continue;
    }
    for (let j = 1; j <= d; j++) {
      simplex[j] = clamp(simplex[j].map((v, i) => simplex[0][i] + 0.5 * (v - simplex[0][i])));
      values[j] = f(simplex[j]);
    }
  }
  let bestIndex = 0;
  for (let j = 1; j < values.length; j++) if (values[j] < values[bestIndex]) bestIndex = j;
  return { x: simplex[bestIndex], f: values[bestIndex], iterations: iter };
}
