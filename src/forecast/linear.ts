/**
 * Linear trend: ordinary least squares of the value on the (centred) year.
 *
 *   v_t = a + b (t − t̄) + ε_t,   ε_t ~ N(0, σ²) independent
 *
 * Prediction interval for year t₀ (level%): v̂ ± t_{(1+level/100)/2}(n − 2) · σ̂ √(1 + 1/n + (t₀ − t̄)² / Σ(t − t̄)²)
 * (see least-squares.ts; identical to statsmodels OLS `get_prediction().summary_frame()` obs_ci).
 *
 * Units: values in the series' unit; `slope` in units per year.
 * Needs 3 points (so that n − 2 ≥ 1 residual degree of freedom estimates σ).
 * Source: any regression text, e.g. Draper & Smith, Applied Regression Analysis, 3rd ed., ch. 1.
 *
 * @example linear.fit({ years: [2020, 2021, 2022], values: [1, 2, 3] }).forecast([2023], 80)
 *   // [{ year: 2023, mean: 4, lower: 4, upper: 4 }]
 */
import { regressionTrend } from "./regression-trend.js";
import { checkSeries } from "./series.js";
import type { TrendModel } from "./types.js";

/** Linear trend by least squares with Student-t prediction intervals (older named model). */
export const linear: TrendModel = {
  name: "linear",
  minPoints: 3,
  description: "straight line by ordinary least squares on the year",
  fit(series, opts = {}) {
    checkSeries(series, "linear", 3, opts.name ?? series.name);
    return regressionTrend("linear", series.years, series.values, "identity");
  },
};
