/**
 * Holt's damped trend method, ETS(A,Ad,N): Holt's linear trend whose trend fades by a factor φ a year,
 * so long-horizon forecasts level off at ℓ_n + φ b_n / (1 − φ).
 *
 *   ŷ_{n+h} = ℓ_n + (φ + φ² + … + φ^h) b_n,   0.8 ≤ φ ≤ 0.98
 *
 * Recursions, initialisation, least-squares fitting of α, β*, φ, and the state-space prediction
 * intervals are those of holt.ts (Gardner & McKenzie, "Forecasting trends in time series",
 * Management Science 31 (1985); variance from Hyndman et al. 2008, Table 6.1).
 * Needs 5 consecutive years. Units: values in the series' unit.
 *
 * @example holtDamped.fit({ years: [2016, 2017, 2018, 2019, 2020], values: [1, 2, 3, 4, 5] }).params.phi // in [0.8, 0.98]
 */
import { makeHoltModel } from "./holt.js";
import type { TrendModel } from "./types.js";

/** Holt's linear trend with a damped trend (older named model, with its own uncalibrated intervals). */
export const holtDamped: TrendModel = makeHoltModel(
  "holt-damped",
  true,
  "Holt's damped trend exponential smoothing (trend fades by φ a year)",
);
