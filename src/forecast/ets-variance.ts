/**
 * Forecast variance of the additive-error, additive-trend exponential smoothing models
 * ETS(A,A,N) (Holt's linear trend) and ETS(A,Ad,N) (damped trend), h steps ahead.
 *
 *   v_h = σ² [1 + Σ_{j=1}^{h−1} c_j²],   c_j = α + β φ_j,   φ_j = φ + φ² + … + φ^j  (φ = 1: φ_j = j)
 *
 * with β the STATE-SPACE trend smoothing parameter β = α β* (β* = Holt's / statsmodels' "beta").
 * Source: Hyndman, Koehler, Ord & Snyder, Forecasting with Exponential Smoothing: The State Space
 * Approach (Springer 2008), §6.3 and Table 6.1 (class 1). Summing c_j² gives the closed forms of that
 * table, e.g. for ETS(A,A,N): v_h = σ² [1 + (h − 1){α² + αβh + β²h(2h − 1)/6}] (checked in the tests).
 *
 * Units: σ² and v_h in the series' unit squared; h in years (steps).
 *
 * @example etsForecastVariance(3, 1, 0.5, 0.1, 1) // 1 + 0.6² + 0.7² = 1.85
 */
export function etsForecastVariance(
  h: number,
  sigma2: number,
  alpha: number,
  betaStateSpace: number,
  phi: number,
): number {
  if (!(Number.isInteger(h) && h >= 1)) throw new RangeError(`etsForecastVariance: h must be an integer ≥ 1, got ${h}`);
  let sum = 0;
  let phiJ = 0;
  let phiPow = 1;
  for (let j = 1; j < h; j++) {
    phiPow *= phi;
    phiJ += phiPow;
    const c = alpha + betaStateSpace * phiJ;
    sum += c * c;
  }
  return sigma2 * (1 + sum);
}
