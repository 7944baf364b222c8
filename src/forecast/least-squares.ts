/**
 * Weighted least-squares straight line z ≈ a + b (x − x̄_w), with the year CENTRED on its weighted mean.
 *
 *   W = Σ w_i,  x̄_w = Σ w_i x_i / W,  z̄_w = Σ w_i z_i / W
 *   Sxx = Σ w_i (x_i − x̄_w)²,  Sxz = Σ w_i (x_i − x̄_w)(z_i − z̄_w)
 *   b = Sxz / Sxx,  a = z̄_w (the fitted value at x̄_w),  intercept at year 0 = a − b x̄_w
 *   e_i = z_i − a − b (x_i − x̄_w),  SSE_w = Σ w_i e_i²,  σ² = SSE_w / (n − 2)
 *
 * Prediction of a new observation at year x₀ carrying weight w₀ (w₀ = 1 for OLS):
 *   mean ẑ₀ = a + b (x₀ − x̄_w),  se² = σ² (1/w₀ + 1/W + (x₀ − x̄_w)² / Sxx)
 * (Draper & Smith, Applied Regression Analysis, 3rd ed., §1.4 and §9.2; equal to statsmodels
 * OLS/WLS `get_prediction(...).obs_ci` with the new observation's weight w₀).
 *
 * Centring matters: the raw-sums formula Σx², (Σx)² with x ≈ 2000 cancels about 7 significant
 * digits (see the simple-statistics note in shared/notes/style.md). Years are further shifted by the
 * first year before averaging, so every sum is over small numbers.
 *
 * Units: x in years, z in the working-scale unit; b in working units per year.
 *
 * @example leastSquaresLine([2020, 2021, 2022], [1, 3, 5]).slope // 2
 */
export interface LineFit {
  /** Weighted mean year x̄_w. */
  centre: number;
  /** Fitted value at the centre year (a). */
  level: number;
  /** Slope b per year. */
  slope: number;
  /** Sum of weights W. */
  sumWeights: number;
  /** Σ w (x − x̄_w)². */
  sxx: number;
  /** Residuals z − ẑ (unweighted). */
  residuals: number[];
  /** Σ w e². */
  sse: number;
  /** n − 2. */
  df: number;
  /** sqrt(SSE_w / df); NaN when df = 0. */
  sigma: number;
  /** Fitted value at year x. */
  predict(x: number): number;
  /** Standard error of a new observation at x carrying weight w0 (default 1). */
  predictionSe(x: number, w0?: number): number;
}

export function leastSquaresLine(x: number[], z: number[], w?: number[]): LineFit {
  const n = x.length;
  if (z.length !== n || (w && w.length !== n))
    throw new RangeError("leastSquaresLine: x, z and w must have the same length");
  if (n < 2) throw new RangeError("leastSquaresLine: needs at least 2 points");
  const weights = w ?? x.map(() => 1);
  const x0 = x[0];
  let sw = 0;
  let swx = 0;
  let swz = 0;
  for (let i = 0; i < n; i++) {
    sw += weights[i];
    swx += weights[i] * (x[i] - x0);
    swz += weights[i] * z[i];
  }
  const centre = x0 + swx / sw;
  const zBar = swz / sw;
  let sxx = 0;
  let sxz = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - x0 - swx / sw;
    sxx += weights[i] * dx * dx;
    sxz += weights[i] * dx * (z[i] - zBar);
  }
  if (!(sxx > 0)) throw new RangeError("leastSquaresLine: the years must not all be equal");
  const slope = sxz / sxx;
  const level = zBar;
  const predict = (xi: number) => level + slope * (xi - centre);
  const residuals = z.map((zi, i) => zi - predict(x[i]));
  let sse = 0;
  for (let i = 0; i < n; i++) sse += weights[i] * residuals[i] * residuals[i];
  const df = n - 2;
  const sigma = df > 0 ? Math.sqrt(sse / df) : NaN;
  const predictionSe = (xi: number, w0 = 1) => {
    const d = xi - centre;
    return sigma * Math.sqrt(1 / w0 + 1 / sw + (d * d) / sxx);
  };
  return { centre, level, slope, sumWeights: sw, sxx, residuals, sse, df, sigma, predict, predictionSe };
}
