/**
 * The Theta method (Assimakopoulos & Nikolopoulos, "The theta model: a decomposition approach to
 * forecasting", IJF 16(4) (2000) 521–530), in the form shown by Hyndman & Billah ("Unmasking the
 * Theta method", IJF 19(2) (2003) 287–290) to be simple exponential smoothing with drift equal to
 * half the slope of the least-squares line — the form of R's `forecast::thetaf()`:
 *
 *   ŷ_{n+h} = ℓ_n + (b / 2) · (h − 1 + (1 − (1 − α)^n) / α)
 *
 * ℓ_n, α from SES = ETS(A,N,N) fitted by least squares (ets.ts, criterion "mse", as R's `ses()`
 * does; it reproduces `thetaf()` on the reference series of test/reference/ets-reference.json); b the least-squares slope of
 * y on t = 0 … n − 1 (series' unit per year). Needs 4 points (ETS(A,N,N) has 2 parameters).
 *
 * @example thetaForecast([10, 12, 13, 15, 16], 1) // ≈ [17]
 */
import { fitEts } from "./ets.js";
import { leastSquaresLine } from "./least-squares.js";

/** Least-squares slope of y on t = 0 … n − 1 (least-squares.ts); 0 for a single point. */
export function leastSquaresSlope(y: readonly number[]): number {
  return y.length < 2
    ? 0
    : leastSquaresLine(
        Array.from({ length: y.length }, (_, i) => i),
        [...y],
      ).slope;
}

/** Theta forecasts for h = 1 … horizon, or null when SES cannot be fitted (fewer than 4 points). */
export function thetaForecast(y: readonly number[], horizon: number): number[] | null {
  const ses = fitEts(y, { error: "A", trend: "N" }, "mse");
  if (!ses) return null;
  const n = y.length;
  const halfSlope = leastSquaresSlope(y) / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  const start = (1 - (1 - alpha) ** n) / alpha;
  return ses.forecast(horizon).map((f, i) => f + halfSlope * (i + start));
}
