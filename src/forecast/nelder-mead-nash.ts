/**
 * Nelder–Mead minimisation in the variant of Nash, *Compact Numerical Methods for Computers*
 * (2nd ed., 1990), Algorithm 19 — the variant behind R's `optim(method = "Nelder-Mead")` and the
 * optimiser of R's `forecast::ets()`. It is used for ETS maximum likelihood so that the fits land
 * where R's do (same start, same simplex, same stopping rule), which the ETS reference fixtures check.
 *
 * - Unconstrained: the objective returns Infinity (or NaN) outside the feasible region; such
 *   points are given the value BIG = 1e35.
 * - Initial simplex: the start plus, along each axis, one step of 0.1 · max_i |x_i| (0.1 if all are 0).
 * - Coefficients: reflection 1, contraction ½, expansion 2.
 * - Stops when the spread of the simplex values is at most `relTol · (|f(start)| + relTol)`, after
 *   `maxEvaluations` objective calls, or when a shrink no longer reduces the simplex.
 *
 * Units: those of the objective's arguments.
 *
 * @example nelderMeadNash(([x]) => (x - 3) ** 2, [1]).x[0] // ≈ 3
 */
export interface NashResult {
  x: number[];
  f: number;
  evaluations: number;
  /** 0 converged, 1 evaluation limit reached, 10 shrink failed to reduce the simplex. */
  status: 0 | 1 | 10;
}

const BIG = 1e35;
const REFLECT = 1;
const CONTRACT = 0.5;
const EXPAND = 2;

/**
 * Minimise `objective` from `start`. The objective is handed a scratch array that is overwritten
 * after it returns, so it must read the point and not keep it.
 */
export function nelderMeadNash(
  objective: (x: Float64Array) => number,
  start: readonly number[],
  { relTol = Math.sqrt(Number.EPSILON), maxEvaluations = 2000 } = {},
): NashResult {
  const n = start.length;
  const value = (x: Float64Array) => {
    const f = objective(x);
    return Number.isFinite(f) ? f : BIG;
  };
  // Vertices as rows of one array (vertex j at j·n); vertex 0 is the start.
  const vertices = new Float64Array((n + 1) * n);
  // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
  for (let i = 0; i < n; i++) vertices[i] = start[i];
  const f0 = objective(vertices.subarray(0, n));
  if (!Number.isFinite(f0)) throw new RangeError("nelderMeadNash: the objective is not finite at the starting point");
  const tolerance = relTol * (Math.abs(f0) + relTol);
  const values = new Float64Array(n + 1);
  values[0] = f0;
  let step = 0;
  for (const v of start) step = Math.max(step, 0.1 * Math.abs(v));
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 0; j < n; j++) {
    const row = (j + 1) * n;
    // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
    for (let i = 0; i < n; i++) vertices[row + i] = start[i];
    let trial = step;
    while (vertices[row + j] === start[j]) {
      vertices[row + j] = start[j] + trial;
      trial *= 10;
    }
    size += trial;
    values[j + 1] = NaN;
  }
  const rows = Array.from({ length: n + 1 }, (_, j) => vertices.subarray(j * n, (j + 1) * n));
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  let oldSize = size;
  let evaluations = 1;
  let best = 0;
  let recompute = true;
  let status: 0 | 1 | 10 = 0;

  for (;;) {
    if (recompute) {
      for (let j = 0; j <= n; j++) {
        if (j === best) continue;
        values[j] = value(rows[j]);
        evaluations++;
      }
      recompute = false;
    }
    let low = values[best];
    let high = low;
    let worst = best;
    for (let j = 0; j <= n; j++) {
      if (j === best) continue;
      if (values[j] < low) {
        best = j;
        low = values[j];
      }
      if (values[j] > high) {
        worst = j;
        high = values[j];
      }
    }
    if (high <= low + tolerance) break;

    const w = rows[worst];
    centroid.fill(0);
    for (let j = 0; j <= n; j++) {
      if (j === worst) continue;
      const v = rows[j];
      // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
      for (let i = 0; i < n; i++) centroid[i] += v[i];
    }
    // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
    for (let i = 0; i < n; i++) centroid[i] /= n;

    // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
    for (let i = 0; i < n; i++) reflected[i] = (1 + REFLECT) * centroid[i] - REFLECT * w[i];
    const fReflected = value(reflected);
    evaluations++;
    if (fReflected < low) {
      // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
      for (let i = 0; i < n; i++) trial[i] = EXPAND * reflected[i] + (1 - EXPAND) * centroid[i];
      const fExpanded = value(trial);
      evaluations++;
      if (fExpanded < fReflected) {
        w.set(trial);
        values[worst] = fExpanded;
      } else {
        w.set(reflected);
        values[worst] = fReflected;
      }
    } else {
      if (fReflected < high) {
        w.set(reflected);
        values[worst] = fReflected;
      }
      // Stryker disable next-line EqualityOperator: index n of an n-long typed array is not written (or is overwritten before it is read)
      for (let i = 0; i < n; i++) trial[i] = (1 - CONTRACT) * w[i] + CONTRACT * centroid[i];
      const fContracted = value(trial);
      evaluations++;
      if (fContracted < values[worst]) {
        w.set(trial);
        values[worst] = fContracted;
      } else if (fReflected >= high) {
        // Shrink towards the best vertex.
        recompute = true;
        size = 0;
        const b = rows[best];
        for (let j = 0; j <= n; j++) {
          if (j === best) continue;
          const v = rows[j];
          for (let i = 0; i < n; i++) {
            v[i] = CONTRACT * (v[i] - b[i]) + b[i];
            size += Math.abs(v[i] - b[i]);
          }
        }
        if (size < oldSize) oldSize = size;
        else {
          status = 10;
          break;
        }
      }
    }
    if (evaluations > maxEvaluations) {
      status = 1;
      break;
    }
  }
  return { x: Array.from(rows[best]), f: values[best], evaluations, status };
}
