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

export function nelderMeadNash(
  objective: (x: number[]) => number,
  start: readonly number[],
  { relTol = Math.sqrt(Number.EPSILON), maxEvaluations = 2000 } = {},
): NashResult {
  const n = start.length;
  const value = (x: number[]) => {
    const f = objective(x);
    return Number.isFinite(f) ? f : BIG;
  };
  const f0 = objective([...start]);
  if (!Number.isFinite(f0)) throw new RangeError("nelderMeadNash: the objective is not finite at the starting point");
  const tolerance = relTol * (Math.abs(f0) + relTol);

  // Vertices as rows; vertex 0 is the start.
  const vertices: number[][] = [[...start]];
  const values: number[] = [f0];
  let step = 0;
  for (const v of start) step = Math.max(step, 0.1 * Math.abs(v));
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 0; j < n; j++) {
    const v = [...start];
    let trial = step;
    while (v[j] === start[j]) {
      v[j] = start[j] + trial;
      trial *= 10;
    }
    size += trial;
    vertices.push(v);
    values.push(NaN);
  }
  let oldSize = size;
  let evaluations = 1;
  let best = 0;
  let recompute = true;
  let status: 0 | 1 | 10 = 0;

  for (;;) {
    if (recompute) {
      for (let j = 0; j <= n; j++) {
        if (j === best) continue;
        values[j] = value(vertices[j]);
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

    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j <= n; j++) if (j !== worst) for (let i = 0; i < n; i++) centroid[i] += vertices[j][i];
    for (let i = 0; i < n; i++) centroid[i] /= n;

    const reflected = centroid.map((c, i) => (1 + REFLECT) * c - REFLECT * vertices[worst][i]);
    const fReflected = value(reflected);
    evaluations++;
    if (fReflected < low) {
      const expanded = reflected.map((r, i) => EXPAND * r + (1 - EXPAND) * centroid[i]);
      const fExpanded = value(expanded);
      evaluations++;
      if (fExpanded < fReflected) {
        vertices[worst] = expanded;
        values[worst] = fExpanded;
      } else {
        vertices[worst] = reflected;
        values[worst] = fReflected;
      }
    } else {
      if (fReflected < high) {
        vertices[worst] = reflected;
        values[worst] = fReflected;
      }
      const contracted = vertices[worst].map((w, i) => (1 - CONTRACT) * w + CONTRACT * centroid[i]);
      const fContracted = value(contracted);
      evaluations++;
      if (fContracted < values[worst]) {
        vertices[worst] = contracted;
        values[worst] = fContracted;
      } else if (fReflected >= high) {
        // Shrink towards the best vertex.
        recompute = true;
        size = 0;
        for (let j = 0; j <= n; j++) {
          if (j === best) continue;
          for (let i = 0; i < n; i++) {
            vertices[j][i] = CONTRACT * (vertices[j][i] - vertices[best][i]) + vertices[best][i];
            size += Math.abs(vertices[j][i] - vertices[best][i]);
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
  return { x: [...vertices[best]], f: values[best], evaluations, status };
}
