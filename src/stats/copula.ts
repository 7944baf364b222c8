/**
 * A Gaussian copula for correlated draws within one path: Z = L·ε with ε independent standard
 * normals and L the lower Cholesky factor of the correlation matrix R (so Cov(Z) = L·Lᵀ = R). Each
 * Z_j is then mapped through its own marginal (stats/param.ts, fromStandardNormal), so marginals are
 * kept and only the dependence changes. Draws use only the path's own numbers, never a reordering
 * across paths (as Iman–Conover would), so results stay bit-identical under batching and threads.
 */

/**
 * The lower Cholesky factor of a correlation matrix (row-major, size m × m), or null when the matrix
 * is not positive definite (the correlations asked for are inconsistent with one another).
 */
export function choleskyLower(R: readonly (readonly number[])[]): Float64Array | null {
  const m = R.length;
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = R[j][j];
    for (let k = 0; k < j; k++) d -= L[j * m + k] ** 2;
    if (!(d > 1e-12)) return null;
    const ljj = Math.sqrt(d);
    L[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = R[i][j];
      for (let k = 0; k < j; k++) s -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = s / ljj;
    }
  }
  return L;
}

/** out = L·ε for a lower-triangular L (row-major m × m). */
export function correlate(L: Float64Array, eps: Float64Array, out: Float64Array): void {
  const m = eps.length;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += L[i * m + k] * eps[k];
    out[i] = s;
  }
}
