/**
 * Log-linear trend (constant growth rate): ordinary least squares of ln(value) on the centred year.
 *
 *   ln v_t = a + b (t − t̄) + ε_t,   so v grows by a factor e^b a year; growth g = e^b − 1
 *
 * Intervals are Student-t intervals on the log scale (as in linear.ts), back-transformed with exp;
 * the point forecast exp(ln v̂) is the forecast MEDIAN (no lognormal bias adjustment).
 *
 * Params: those of every regression (slope = b in ln-units per year, intercept, centreYear,
 * levelAtCentre on the log scale) plus `growth` = e^b − 1 (fraction per year, 0.05 = 5%/yr).
 * Units: values in the series' unit; all values must be > 0.
 *
 * @example loglinear.fit({ years: [2020, 2021, 2022], values: [100, 105, 110.25] }).params.growth // 0.05
 */
import { InvalidSeriesError } from "./errors.js";
import { regressionTrend } from "./regression-trend.js";
import { checkSeries } from "./series.js";
import type { TrendModel } from "./types.js";

/** Linear trend on the log of a positive series, i.e. constant growth (older named model). */
export const loglinear: TrendModel = {
  name: "loglinear",
  minPoints: 3,
  description: "constant growth rate: least squares on ln(value)",
  fit(series, opts = {}) {
    const label = checkSeries(series, "loglinear", 3, opts.name ?? series.name);
    const bad = series.values.findIndex((v) => !(v > 0));
    if (bad >= 0) {
      throw new InvalidSeriesError(
        "loglinear",
        `${label}: loglinear needs values > 0, but ${series.years[bad]} has ${series.values[bad]}`,
      );
    }
    return regressionTrend("loglinear", series.years, series.values, "exp", undefined, (b) => ({
      growth: Math.expm1(b),
    }));
  },
};
