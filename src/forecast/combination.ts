/**
 * The default point forecast of targetcast for a short yearly series: a median combination of
 * standard methods, whose members depend on whether the series has a clear drift.
 *
 * 1. Drift test. On the working scale z (ln v for a positive series, the logit for a share in
 *    (0, 100) %, v otherwise) the yearly changes d_t = z_t − z_{t−1} give
 *    t = mean(d) / (sd(d) / √m), m changes. |t| ≥ 2 (the usual 5% two-sided level) counts as a
 *    clear drift. The same decision underlies auto.arima's choice of a drift term.
 * 2. Members, each fitted on the series' own scale AND on z (when z differs from it):
 *    - clear drift:  random walk with drift, Theta, Holt's linear trend ETS(A,A,N);
 *    - otherwise:    Theta and damped trend ETS(A,Ad,N), plus the no-change forecast once.
 *    A member a short series cannot support is replaced: Holt (needs 6 points) by the drift
 *    forecast, the damped trend (needs 7) by Theta, Theta (needs 4) by the drift forecast.
 * 3. Combination: the median of the members' forecasts, year by year (robust to one wild member).
 *    Where that median leaves the working scale's domain (≤ 0 for ln; ≤ 0 or ≥ 100 for the logit),
 *    the median of the members fitted on z alone is used, which always stays inside it: a positive
 *    series is never forecast at or below 0, a share never at or beyond 0 or 100%.
 *
 * Why these: combinations of exponential smoothing methods beat most single methods on yearly data
 * (Makridakis & Hibon 2000, the M3 "SHD" combination); Theta won the M3 yearly series; damping
 * protects against extrapolating a trend that is not there (Gardner & McKenzie 1985); the median
 * across two scales hedges between additive and multiplicative growth. The rule was chosen on the
 * rolling-origin training data of the bundled benchmark sets among about sixty simple combinations;
 * its one threshold is the conventional t = 2, not a tuned value. Scores: README, `targetcast evaluate`.
 *
 * Units: forecasts in the series' unit.
 *
 * @example combinedForecast([100, 104, 109, 113, 118, 123], 2, "exp").forecasts // two values near 127 and 132
 */

import { yearlyChanges } from "../stats/changes.js";
import { quantileSorted } from "../stats/quantiles.js";
import { fitEts } from "./ets.js";
import { driftForecast, naiveForecast } from "./random-walk.js";
import { thetaForecast } from "./theta.js";
import { TRANSFORMS } from "./transform.js";
import type { BackTransformName } from "./types.js";

/** |t| at or above which the mean yearly change counts as a clear drift. */
export const DRIFT_T_THRESHOLD = 2;

/** The median combination of the member forecasts, with each member's forecast. */
export interface CombinedForecast {
  /** Median forecasts for h = 1 … horizon, in the series' unit. */
  forecasts: number[];
  /** Whether the drift test found a clear drift (and so which members were used). */
  drift: boolean;
  /** The drift t-statistic on the working scale (±Infinity for an exactly linear series). */
  driftT: number;
  /** Names of the members, e.g. ["drift", "theta", "holt", "drift (ln)", …]. */
  members: string[];
}

/** Mean yearly change over its standard error; 0 for a flat series, ±Infinity for a perfectly straight one. */
export function driftT(z: readonly number[]): number {
  const m = z.length - 1;
  if (m < 2) return 0;
  const { mean, sd } = yearlyChanges(z);
  const tolerance = 1e-12 * Math.max(1, ...z.map(Math.abs));
  if (sd <= tolerance) return Math.abs(mean) <= tolerance ? 0 : Math.sign(mean) * Infinity;
  return mean / (sd / Math.sqrt(m));
}

/** Median (type-7 quantile at ½, src/stats/quantiles.ts). */
const median = (values: number[]) =>
  quantileSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** Member forecasts on one scale (values already on that scale). */
function members(z: readonly number[], horizon: number, drift: boolean): Record<string, number[]> {
  // A member the series is too short for is replaced, and its name says by what.
  const driftF = driftForecast(z, horizon);
  const thetaF = thetaForecast(z, horizon);
  const theta: [string, number[]] = thetaF ? ["theta", thetaF] : ["drift for theta", driftF];
  if (drift) {
    const holt = fitEts(z, { error: "A", trend: "A" });
    return Object.fromEntries([
      ["drift", driftF],
      theta,
      holt ? ["holt", holt.forecast(horizon)] : ["drift for holt", driftF],
    ]);
  }
  const damped = fitEts(z, { error: "A", trend: "Ad" });
  return Object.fromEntries([
    theta,
    damped ? ["damped", damped.forecast(horizon)] : [`${theta[0]} for damped`, theta[1]],
  ]);
}

/**
 * The combined forecast of `values` (consecutive years, at least 2) for h = 1 … horizon.
 * `scale` is the working scale z ("exp" only for positive series, "logistic100" only for shares
 * strictly inside (0, 100)); with "identity" only the series' own scale is used.
 */
export function combinedForecast(
  values: readonly number[],
  horizon: number,
  scale: BackTransformName,
): CombinedForecast {
  if (values.length < 2) throw new RangeError("combinedForecast: needs at least 2 points");
  const t = TRANSFORMS[scale];
  const z = values.map(t.forward);
  const tStat = driftT(z);
  const drift = Math.abs(tStat) >= DRIFT_T_THRESHOLD;
  const paths: Record<string, number[]> = {};
  for (const [name, f] of Object.entries(members(values, horizon, drift))) paths[name] = f;
  const onZ: string[] = [];
  if (scale !== "identity") {
    const label = scale === "exp" ? "ln" : "logit";
    for (const [name, f] of Object.entries(members(z, horizon, drift))) {
      paths[`${name} (${label})`] = f.map(t.back);
      onZ.push(`${name} (${label})`);
    }
  }
  if (!drift) {
    paths.naive = naiveForecast(values, horizon);
    onZ.push("naive");
  }
  const names = Object.keys(paths);
  const inDomain = (v: number) => Number.isFinite(t.forward(v)) && (scale !== "logistic100" || (v > 0 && v < 100));
  const forecasts = Array.from({ length: horizon }, (_, h) => {
    const m = median(names.map((n) => paths[n][h]));
    return scale === "identity" || inDomain(m) ? m : median(onZ.map((n) => paths[n][h]));
  });
  return { forecasts, drift, driftT: tStat, members: names };
}
