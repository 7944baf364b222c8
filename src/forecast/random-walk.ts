/**
 * The two random-walk baselines of yearly forecasting (Hyndman & Athanasopoulos, *Forecasting:
 * Principles and Practice*, 3rd ed., §5.2; R: `forecast::naive`, `forecast::rwf(drift = TRUE)`).
 *
 *   naive:  ŷ_{n+h} = y_n
 *   drift:  ŷ_{n+h} = y_n + h · (y_n − y_1) / (n − 1)
 *
 * Units: the series' unit (or its working scale when called on transformed values).
 *
 * @example driftForecast([1, 2, 4], 2) // [5.5, 7]
 */

/** No-change forecasts for h = 1 … horizon. */
export function naiveForecast(y: readonly number[], horizon: number): number[] {
  if (y.length < 1) throw new RangeError("naiveForecast: empty series");
  return Array.from({ length: horizon }, () => y[y.length - 1]);
}

/** Random walk with drift: the last value plus h times the mean yearly change. Needs 2 points. */
export function driftForecast(y: readonly number[], horizon: number): number[] {
  const n = y.length;
  if (n < 2) throw new RangeError("driftForecast: needs at least 2 points");
  const drift = (y[n - 1] - y[0]) / (n - 1);
  return Array.from({ length: horizon }, (_, i) => y[n - 1] + (i + 1) * drift);
}
