/**
 * Forecast accuracy measures over paired arrays of forecasts F and actuals A (same order, same unit).
 * Pure functions; each returns null when the measure is undefined for the input (instead of NaN).
 *
 * - MAE  = mean |F_t − A_t|                                         (series' unit)
 * - MAPE = 100 · mean |F_t − A_t| / |A_t|                           (percent; null if any A_t = 0)
 * - MASE = mean |F_t − A_t| / s_t, s = (1/(N−1)) Σ_{i=2..N} |y_i − y_{i−1}| over the TRAINING sample
 *          (seasonal period 1; Hyndman & Koehler, "Another look at measures of forecast accuracy",
 *          Int. J. Forecasting 22 (2006) 679–688; shared/notes/methods.md). s_t may differ per forecast
 *          (one training window per backtest origin); terms with s_t = 0 are left out, null if none remain.
 * - coverage = share of actuals with lower_t ≤ A_t ≤ upper_t (0–1); a level-80 interval should give ≈ 0.8.
 *
 * @example mae([1, 2], [2, 4]) // 1.5
 */

function checkPaired(name: string, a: unknown[], b: unknown[]): void {
  if (a.length !== b.length) throw new RangeError(`${name}: arrays differ in length (${a.length} vs ${b.length})`);
}

/** Mean absolute error, in the series' unit. @example mae([1, 2], [2, 4]) // 1.5 */
export function mae(forecast: number[], actual: number[]): number | null {
  checkPaired("mae", forecast, actual);
  if (forecast.length === 0) return null;
  let s = 0;
  for (let i = 0; i < forecast.length; i++) s += Math.abs(forecast[i] - actual[i]);
  return s / forecast.length;
}

/** Mean absolute percentage error, in percent. @example mape([110], [100]) // 10 */
export function mape(forecast: number[], actual: number[]): number | null {
  checkPaired("mape", forecast, actual);
  if (forecast.length === 0 || actual.some((a) => a === 0)) return null;
  let s = 0;
  for (let i = 0; i < forecast.length; i++) s += Math.abs((forecast[i] - actual[i]) / actual[i]);
  return (100 * s) / forecast.length;
}

/**
 * In-sample mean absolute one-step naive error of a training sample (the MASE denominator):
 * (1/(N−1)) Σ |y_i − y_{i−1}|, consecutive observations. null for fewer than 2 values.
 *
 * @example naiveScale([1, 3, 2]) // (2 + 1) / 2 = 1.5
 */
export function naiveScale(training: number[]): number | null {
  if (training.length < 2) return null;
  let s = 0;
  for (let i = 1; i < training.length; i++) s += Math.abs(training[i] - training[i - 1]);
  return s / (training.length - 1);
}

/**
 * Mean absolute scaled error. `scale` is one naive scale for all forecasts (naiveScale(training))
 * or one per forecast (rolling origins). Terms with a zero or null scale are skipped.
 *
 * @example mase([4], [3], 0.5) // 2
 */
export function mase(forecast: number[], actual: number[], scale: number | null | (number | null)[]): number | null {
  checkPaired("mase", forecast, actual);
  const scales = Array.isArray(scale) ? scale : forecast.map(() => scale);
  checkPaired("mase (scales)", forecast, scales);
  let s = 0;
  let k = 0;
  for (let i = 0; i < forecast.length; i++) {
    const si = scales[i];
    if (si === null || !(si > 0)) continue;
    s += Math.abs(forecast[i] - actual[i]) / si;
    k++;
  }
  return k === 0 ? null : s / k;
}

/** Share (0–1) of actuals inside their interval, bounds included. @example coverage([0, 0], [2, 2], [1, 3]) // 0.5 */
export function coverage(lower: number[], upper: number[], actual: number[]): number | null {
  checkPaired("coverage", lower, actual);
  checkPaired("coverage", upper, actual);
  if (actual.length === 0) return null;
  let k = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) k++;
  return k / actual.length;
}

/**
 * Symmetric MAPE of one forecast, in percent: 200 · |A − F| / (|A| + |F|) (M3/M4 competitions;
 * shared/notes/methods.md). 0 when both are 0.
 *
 * @example smape(110, 100) // 200 · 10 / 210 ≈ 9.52
 */
export function smape(forecast: number, actual: number): number {
  const d = Math.abs(actual) + Math.abs(forecast);
  return d === 0 ? 0 : (200 * Math.abs(actual - forecast)) / d;
}

/**
 * Interval score of one central (1 − α) interval [l, u] for the actual y (Gneiting & Raftery 2007,
 * JASA 102, eq. 43): (u − l) + (2/α)(l − y)·1[y < l] + (2/α)(y − u)·1[y > u], in the series' unit.
 * Divided by the naive scale it is the MSIS of the M4 competition (Makridakis et al. 2020).
 *
 * @example intervalScore(0, 10, 12, 0.1) // 10 + 20 · 2 = 50
 */
export function intervalScore(lower: number, upper: number, actual: number, alpha: number): number {
  let s = upper - lower;
  if (actual < lower) s += (2 / alpha) * (lower - actual);
  if (actual > upper) s += (2 / alpha) * (actual - upper);
  return s;
}

/** Brier score (Brier 1950): mean of (p − outcome)², outcome 1 if the event happened, else 0. @example brier([0.8, 0.3], [true, false]) // (0.04 + 0.09) / 2 = 0.065 */
export function brier(probabilities: readonly number[], outcomes: readonly boolean[]): number | null {
  if (probabilities.length !== outcomes.length) throw new RangeError("brier: arrays differ in length");
  if (probabilities.length === 0) return null;
  let s = 0;
  for (let i = 0; i < probabilities.length; i++) s += (probabilities[i] - (outcomes[i] ? 1 : 0)) ** 2;
  return s / probabilities.length;
}
