/**
 * Time-weighted linear trend, after UN ESCAP's "anticipated progress" projection: a weighted
 * least-squares line on the year in which recent years weigh more.
 *
 *   minimise Σ w_t (v_t − a − b (t − t̄_w))²,   w_t = 1 / (T − t + 1)
 *
 * where T is the last observed year (the last year has weight 1, the year before 1/2, then 1/3, …;
 * a gap year leaves its weight unused, so weights follow calendar distance, not position).
 *
 * WEIGHTS — AN ASSUMPTION: ESCAP describes the method as a time-weighted linear regression that gives
 * more importance to recent data, with the weights derived in ESCAP Statistics Division Working Paper
 * SD/WP/04 (March 2017), "Weighted extrapolation method for measuring the SDGs". We could not read
 * that paper's weight formula, so w_t = 1/(T − t + 1) above is our own documented choice, not
 * ESCAP's confirmed formula. Pass different weights by writing another model, not by editing this one.
 *
 * Intervals: σ² = Σ w_t e_t² / (n − 2) (weighted residuals); a future year is treated as a new
 * observation with the weight of the most recent year (w₀ = 1), so its variance is
 * σ² (1 + 1/Σw + (t₀ − t̄_w)² / Σ w (t − t̄_w)²), with Student-t(n − 2) quantiles
 * (equal to statsmodels WLS `get_prediction(..., weights=1)` obs_ci).
 *
 * Params: those of every regression (slope in units per year, intercept, centreYear = weighted mean
 * year, levelAtCentre). `sse` is the weighted sum Σ w e²; `residuals` are unweighted.
 * Units: values in the series' unit.
 *
 * @example escapWeights([2015, 2016, 2018]) // [1/4, 1/3, 1]
 */
import { regressionTrend } from "./regression-trend.js";
import { checkSeries } from "./series.js";
import type { TrendModel } from "./types.js";

/** w_t = 1 / (T − t + 1), T the last year (see the weights assumption above). */
export function escapWeights(years: number[]): number[] {
  const last = years[years.length - 1];
  return years.map((t) => 1 / (last - t + 1));
}

/** ESCAP-style weighted trend, recent years weighing more (older named model). */
export const weighted: TrendModel = {
  name: "weighted",
  minPoints: 3,
  description: "time-weighted straight line, recent years weigh more (ESCAP-style, weights 1/(T − t + 1))",
  fit(series, opts = {}) {
    checkSeries(series, "weighted", 3, opts.name ?? series.name);
    return regressionTrend("weighted", series.years, series.values, "identity", escapWeights(series.years));
  },
};
