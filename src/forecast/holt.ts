/**
 * Holt's linear trend method (additive trend, optionally damped), its fitting by least squares and
 * its prediction intervals. This file holds the shared machinery and the undamped `holt` model;
 * holt-damped.ts builds the damped model from it.
 *
 * Recursions (Holt's "β*" form, as statsmodels.tsa.holtwinters.ExponentialSmoothing writes them):
 *   one-step forecast  ŷ_t = ℓ_{t−1} + φ b_{t−1}
 *   level              ℓ_t = α y_t + (1 − α)(ℓ_{t−1} + φ b_{t−1})
 *   trend              b_t = β* (ℓ_t − ℓ_{t−1}) + (1 − β*) φ b_{t−1}
 *   h-step forecast    ŷ_{n+h} = ℓ_n + (φ + φ² + … + φ^h) b_n      (φ = 1: ℓ_n + h b_n)
 *
 * INITIALISATION ("known", fixed from the data, nothing estimated): the states at the FIRST
 * observation are ℓ_0 = y_0, b_0 = y_1 − y_0 (Hyndman & Athanasopoulos, Forecasting: Principles and
 * Practice, 1st ed., §7.2 "simple" initialisation), and one-step errors run over y_1 … y_{n−1}.
 * In statsmodels this is ExponentialSmoothing(y[1:], trend="add", initialization_method="known",
 * initial_level=y[0], initial_trend=y[1] − y[0]) — see test/reference/make_forecast_reference.py.
 * ("estimated" would add two free parameters, too many for 5–15 points; statsmodels' "heuristic"
 * needs at least 10 observations.) With φ = 1 the error at y_1 is identically 0.
 *
 * FITTING: α, β* (and φ) minimise SSE = Σ e_t² over the box α ∈ [0, 1], β* ∈ [0, 1]
 * (φ ∈ [0.8, 0.98] for the damped model, the range recommended by Hyndman & Athanasopoulos).
 * The search evaluates a grid (steps of 0.05 in α and β*, 0.01 in φ) and refines the five best grid
 * points with a bounded Nelder–Mead (nelder-mead.ts) polished by compass search (compass-search.ts),
 * which handles optima on a bound (α = 0 or 1 is common for short series); the lowest SSE wins. Note: statsmodels additionally restricts
 * β* ≤ α, so its optimum lies in a subset of our box and our SSE is never larger.
 *
 * INTERVALS: Gaussian, with the ETS(A,A,N) / ETS(A,Ad,N) state-space variance (ets-variance.ts,
 * Hyndman et al. 2008 Table 6.1), β = α β*, and σ² = SSE / df where df = (number of informative
 * one-step errors: n − 2 for holt, n − 1 for damped) − (number of estimated smoothing parameters).
 * Needs 5 points so that df ≥ 1. Requires consecutive years (no gaps): the recursion steps one year.
 * CAVEAT: these intervals are conditional on α, β*, φ and on the initial states. When the fit puts
 * α = 0 (common on short smooth series, especially damped) the model is a deterministic trend plus
 * noise, v_h = σ² at every horizon, and the intervals do NOT widen with the horizon; they then
 * understate long-horizon uncertainty (the regression models include parameter uncertainty and do widen).
 *
 * Params: alpha, beta (β*), phi (1 for holt), level ℓ_n and trend b_n (final states, trend in units
 * per year), initialLevel, initialTrend. Units: values in the series' unit.
 *
 * @example holt.fit({ years: [2016, 2017, 2018, 2019, 2020], values: [1, 2, 3, 4, 5] }).forecast([2021], 80)
 *   // [{ year: 2021, mean: 6, lower: 6, upper: 6 }]
 */

import { compassSearch } from "./compass-search.js";
import { InvalidSeriesError } from "./errors.js";
import { etsForecastVariance } from "./ets-variance.js";
import { intervalsFromDistribution } from "./interval.js";
import { nelderMead } from "./nelder-mead.js";
import { checkSeries, gapYears } from "./series.js";
import type { FittedTrend, ForecastDistribution, ModelName, TrendModel } from "./types.js";

/** Damping range for the damped model (Hyndman & Athanasopoulos recommend 0.8–0.98). */
export const PHI_MIN = 0.8;
/** The largest damping parameter φ allowed. */
export const PHI_MAX = 0.98;

/** Number of best grid points refined by Nelder–Mead followed by compass search. */
const STARTS = 5;

/** Result of running the Holt recursions with given parameters. */
export interface HoltFilterResult {
  /** One-step forecasts; fitted[0] = y_0 (initialisation point). */
  fitted: number[];
  /** y − fitted; errors[0] = 0. */
  errors: number[];
  sse: number;
  /** Final level ℓ_n and trend b_n. */
  level: number;
  trend: number;
}

/** Run the recursions above over `values` with smoothing parameters α, β*, φ. */
export function holtFilter(values: number[], alpha: number, beta: number, phi: number): HoltFilterResult {
  const n = values.length;
  let level = values[0];
  let trend = values[1] - values[0];
  const fitted = [values[0]];
  const errors = [0];
  let sse = 0;
  for (let t = 1; t < n; t++) {
    const yhat = level + phi * trend;
    const e = values[t] - yhat;
    fitted.push(yhat);
    errors.push(e);
    sse += e * e;
    const newLevel = alpha * values[t] + (1 - alpha) * yhat;
    trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    level = newLevel;
  }
  return { fitted, errors, sse, level, trend };
}

function range(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  const k = Math.round((hi - lo) / step);
  for (let i = 0; i <= k; i++) out.push(lo + ((hi - lo) * i) / k);
  return out;
}

/** Minimise SSE over the free parameters among (α, β*, φ); fixed ones are given. */
function optimise(values: number[], damped: boolean, fixed: { alpha?: number; beta?: number; phi?: number }) {
  const names = ["alpha", "beta", "phi"] as const;
  const bounds: Record<(typeof names)[number], [number, number, number]> = {
    alpha: [0, 1, 0.05],
    beta: [0, 1, 0.05],
    phi: [PHI_MIN, PHI_MAX, 0.01],
  };
  const free = names.filter((k) => fixed[k] === undefined && (k !== "phi" || damped));
  const full = (x: number[]) => {
    const p = { alpha: fixed.alpha ?? 0, beta: fixed.beta ?? 0, phi: damped ? (fixed.phi ?? 0) : 1 };
    free.forEach((k, i) => (p[k] = x[i]));
    return p;
  };
  const sse = (x: number[]) => {
    const p = full(x);
    return holtFilter(values, p.alpha, p.beta, p.phi).sse;
  };
  if (free.length === 0) return { ...full([]), estimated: 0 };
  const lower = free.map((k) => bounds[k][0]);
  const upper = free.map((k) => bounds[k][1]);
  let grid: number[][] = [[]];
  for (const k of free) {
    const axis = range(bounds[k][0], bounds[k][1], bounds[k][2]);
    grid = grid.flatMap((g) => axis.map((v) => [...g, v]));
  }
  const scored = grid.map((x) => ({ x, f: sse(x) })).sort((a, b) => a.f - b.f);
  let best = scored[0];
  for (const start of scored.slice(0, STARTS)) {
    const nm = nelderMead(sse, start.x, lower, upper, { step: 0.05 });
    const r = compassSearch(sse, nm.x, lower, upper);
    if (r.f < best.f) best = r;
  }
  return { ...full(best.x), estimated: free.length };
}

function checkParam(name: string, v: number | undefined, lo: number, hi: number): void {
  if (v !== undefined && !(v >= lo && v <= hi))
    throw new RangeError(`holt: ${name} must be in [${lo}, ${hi}], got ${v}`);
}

/** Build the holt (φ = 1) or holt-damped model object. */
export function makeHoltModel(
  name: Extract<ModelName, "holt" | "holt-damped">,
  damped: boolean,
  description: string,
): TrendModel {
  const minPoints = 5;
  return {
    name,
    minPoints,
    description,
    fit(series, opts = {}): FittedTrend {
      const label = checkSeries(series, name, minPoints, opts.name ?? series.name);
      const gaps = gapYears(series.years);
      if (gaps.length > 0) {
        throw new InvalidSeriesError(
          name,
          `${label}: ${name} needs consecutive years, but ${gaps.join(", ")} ${gaps.length === 1 ? "is" : "are"} missing; use linear, loglinear or weighted for series with gaps`,
        );
      }
      checkParam("alpha", opts.alpha, 0, 1);
      checkParam("beta", opts.beta, 0, 1);
      if (damped) checkParam("phi", opts.phi, 0, 1);
      const { values, years } = series;
      const p = optimise(values, damped, { alpha: opts.alpha, beta: opts.beta, phi: damped ? opts.phi : undefined });
      const run = holtFilter(values, p.alpha, p.beta, p.phi);
      const n = values.length;
      const df = (damped ? n - 1 : n - 2) - p.estimated;
      const sigma = Math.sqrt(run.sse / df);
      const lastYear = years[n - 1];
      const forecastDistribution = (ys: number[]): ForecastDistribution => ({
        model: name,
        transform: "identity",
        back: (z) => z,
        points: ys.map((year) => {
          const h = year - lastYear;
          if (!(Number.isInteger(h) && h >= 1)) {
            throw new RangeError(
              `${name}: can forecast only whole years after the last observation (${lastYear}), got ${year}`,
            );
          }
          let phiSum = 0;
          let phiPow = 1;
          for (let i = 1; i <= h; i++) {
            phiPow *= p.phi;
            phiSum += phiPow;
          }
          const variance = etsForecastVariance(h, sigma * sigma, p.alpha, p.alpha * p.beta, p.phi);
          return { year, mean: run.level + phiSum * run.trend, sd: Math.sqrt(variance), df: Infinity };
        }),
      });
      return {
        model: name,
        params: {
          alpha: p.alpha,
          beta: p.beta,
          phi: p.phi,
          level: run.level,
          trend: run.trend,
          initialLevel: values[0],
          initialTrend: values[1] - values[0],
        },
        years: [...years],
        values: [...values],
        fitted: run.fitted,
        residuals: run.errors,
        sse: run.sse,
        sigma,
        df,
        transform: "identity",
        forecast: (ys, level) => intervalsFromDistribution(forecastDistribution(ys), level),
        forecastDistribution,
      };
    },
  };
}

/** Holt's linear trend (older named model, with its own uncalibrated intervals). */
export const holt: TrendModel = makeHoltModel(
  "holt",
  false,
  "Holt's linear trend exponential smoothing (level + trend)",
);
