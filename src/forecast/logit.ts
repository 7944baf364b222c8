/**
 * Logit trend for shares in percent: ordinary least squares of logit(v/100) on the centred year.
 *
 *   z_t = ln(v_t / (100 − v_t)) = a + b (t − t̄) + ε_t,   v = 100 / (1 + e^(−z))
 *
 * Forecasts and interval bounds are back-transformed with the logistic map, so they stay strictly
 * inside (0, 100) whatever the horizon (an S-curve approaching 0 or 100; only when the working value
 * passes about ±37 does a bound round to exactly 0 or 100 in double precision). The point forecast
 * is the forecast median. Every value must lie strictly between 0 and 100.
 *
 * Params: those of every regression on the logit scale (slope in logits per year, intercept,
 * centreYear, levelAtCentre) plus `oddsGrowth` = e^b − 1, the yearly growth of the odds v/(100 − v).
 * Units: values in percent (0–100).
 * Source: the logistic growth curve, e.g. Meade & Islam, "Forecasting with growth curves",
 * J. Forecasting 14 (1995); here its linearised form with a fixed ceiling of 100%.
 *
 * @example logit.fit({ years: [2020, 2021, 2022], values: [20, 30, 40] }).forecast([2040], 95)[0].upper < 100 // true
 */
import { InvalidSeriesError } from "./errors.js";
import { regressionTrend } from "./regression-trend.js";
import { checkSeries } from "./series.js";
import type { TrendModel } from "./types.js";

/** Linear trend on the logit of a share, back-transformed into 0–100% (older named model). */
export const logit: TrendModel = {
  name: "logit",
  minPoints: 3,
  description: "share in % on the logit scale (forecasts stay in (0, 100))",
  fit(series, opts = {}) {
    const label = checkSeries(series, "logit", 3, opts.name ?? series.name);
    const bad = series.values.findIndex((v) => !(v > 0 && v < 100));
    if (bad >= 0) {
      throw new InvalidSeriesError(
        "logit",
        `${label}: logit needs shares strictly between 0 and 100 (%), but ${series.years[bad]} has ${series.values[bad]}`,
      );
    }
    return regressionTrend("logit", series.years, series.values, "logistic100", undefined, (b) => ({
      oddsGrowth: Math.expm1(b),
    }));
  },
};
