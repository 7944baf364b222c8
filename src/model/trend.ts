/**
 * An indicator that follows the trend fitted to its own history (issue: trend forecasting).
 *
 *   v_t = back( μ_t + s_t · T ) · Π_{s ≤ t} (1 + b_s),  T ~ Student-t(df) drawn once per path
 *
 * b_s: extra growth from programme spending, compounded (0 without programmes).
 * μ_t, s_t: centre and scale of the fitted model's forecast distribution for year t on its
 * working scale (identity, log or logit), s_t widened by the backtest calibration factor k ≥ 1
 * when the series is long enough to estimate it (src/forecast/calibrate.ts: the 80% intervals
 * are made to hold 80% of the backtest actuals); back: the map to the indicator's unit. One T per
 * path makes each path sit at one quantile of the forecast distribution in every year, so the
 * yearly quantiles of the simulation equal the model's prediction intervals. `auto` picks the
 * model with the lowest rolling-origin MASE (src/forecast/select.ts).
 */
import type { Series } from "../data/types.js";
import type { IndicatorSpec } from "../scenario/schema.js";
import { MODELS } from "../forecast/registry.js";
import { autoSelect } from "../forecast/select.js";
import { calibrateIntervals, type IntervalCalibration } from "../forecast/calibrate.js";
import type { FittedTrend, ModelName } from "../forecast/types.js";
import { gamma, standardNormal } from "../simulate/sample.js";
import type { Rng } from "../simulate/rng.js";
import { clamp, rowOf, type CompileEnv, type CompiledNode } from "./types.js";

/** Student-t draw: Z / sqrt(χ²_df / df), χ²_df = 2 · Gamma(df / 2); Gaussian when df is infinite. */
function studentT(rng: Rng, df: number): number {
  const z = standardNormal(rng);
  return Number.isFinite(df) ? z / Math.sqrt((2 * gamma(rng, df / 2)) / df) : z;
}

/**
 * Fits are pure functions of (series, model, horizon), and `auto` backtests every model, so
 * they are memoised: scenarios run on one baseline share their trend fits.
 */
const fitCache = new Map<string, { fit: FittedTrend; calibration: IntervalCalibration }>();

/**
 * The named model fitted to the series, or for `auto` the one chosen by backtest
 * (src/forecast/select.ts), with the calibration of its 80% intervals.
 */
export function fitTrend(series: Series, model: ModelName | "auto", horizon: number, isShare: boolean): { fit: FittedTrend; calibration: IntervalCalibration } {
  const key = JSON.stringify([series.indicator, series.years, series.values, model, horizon, isShare]);
  let entry = fitCache.get(key);
  if (!entry) {
    const fit = fitTrendUncached(series, model, horizon, isShare);
    const calibration = calibrateIntervals({ name: series.indicator, years: series.years, values: series.values }, fit.model, { horizon: Math.min(3, Math.max(1, horizon)), level: 80 });
    fitCache.set(key, (entry = { fit, calibration }));
  }
  return entry;
}

/**
 * Why no trend can be fitted to the history up to the base year (null when one can): used for
 * indicators a scenario does not mention, which then are not assessed rather than failing the run.
 */
export function whyNoTrend(series: Series, baseYear: number, horizon: number, isShare: boolean): string | null {
  const keep = series.years.map((y, i) => (y <= baseYear ? i : -1)).filter((i) => i >= 0);
  const used = { ...series, years: keep.map((i) => series.years[i]), values: keep.map((i) => series.values[i]) };
  try {
    fitTrend(used, "auto", Math.max(1, horizon - (used.years[used.years.length - 1] ?? baseYear)), isShare);
    return null;
  } catch (e) {
    return `no mechanism in the scenario and no trend fits its history (${(e as Error).message})`;
  }
}

function fitTrendUncached(series: Series, model: ModelName | "auto", horizon: number, isShare: boolean): FittedTrend {
  const s = { name: series.indicator, years: series.years, values: series.values };
  if (model !== "auto") return MODELS[model].fit(s);
  const selection = autoSelect(s, { horizon: Math.max(1, horizon), level: 80, bounded0to100: isShare });
  const chosen = selection.models.find((m) => m.name === selection.chosen)?.fit;
  if (!chosen) throw new Error(`no trend model fits ${series.indicator}: ${selection.reason}`);
  return chosen;
}

export function compileTrend(spec: IndicatorSpec, env: CompileEnv, series: Series | undefined): CompiledNode {
  const model = spec.trend!;
  if (!series) env.fail("trend", `no history of ${env.indicator} to fit a trend to`, `add ${env.indicator} to the baseline data`);
  const used = { ...series, years: [] as number[], values: [] as number[] };
  series.years.forEach((y, i) => {
    if (env.yearIndex(y) <= env.baseIndex) {
      used.years.push(y);
      used.values.push(series.values[i]);
    }
  });
  const last = env.lastObserved(env.indicator);
  const future = env.years.slice(last + 1);
  let fit: FittedTrend;
  let calibration: IntervalCalibration;
  try {
    ({ fit, calibration } = fitTrend(used, model, future.length, env.unitOf(env.indicator) === "%"));
  } catch (e) {
    env.fail("trend", (e as Error).message, "give this indicator a growth or count mechanism in the scenario, or add more years of data");
  }
  const dist = fit.forecastDistribution(future);
  const mu = Float64Array.from(dist.points, (p) => p.mean);
  const sd = Float64Array.from(dist.points, (p) => p.sd * calibration.factor);
  const df = dist.points[0]?.df ?? Infinity;
  const back = dist.back;
  const { min, max } = env.bounds;
  const slot = env.slot;
  const first = last + 1;
  const boost = env.boostSlot();
  const params = Object.entries(fit.params)
    .map(([k, v]) => `${k} ${Math.abs(v) >= 1000 ? v.toFixed(1) : +v.toPrecision(3)}`)
    .join(", ");
  return {
    indicator: env.indicator,
    mechanism: "trend",
    firstStep: first,
    sameYearInputs: boost >= 0 ? [boost] : [],
    reads: boost >= 0 ? [boost] : [],
    params: [
      {
        name: `${env.indicator}.trend`,
        param: 0,
        percent: false,
        custom: { draw: (rng) => studentT(rng, df), central: 0, describe: `${fit.model} trend quantile` },
      },
    ],
    paramOffset: 0,
    random: false,
    constants: { mu: Array.from(mu), sd: Array.from(sd), df, transform: dist.transform, min, max },
    summary: `${fit.model} trend fitted to ${used.years[0]}–${used.years[used.years.length - 1]} (${params})${
      calibration.factor > 1 ? `; intervals widened ×${calibration.factor.toFixed(2)} to match backtest coverage (${calibration.comparisons} comparisons)` : ""
    }`,
    step(ctx, y) {
      const { state, params, nb, block } = ctx;
      const k = y - first;
      const row = rowOf(ctx, slot, y);
      const p0 = this.paramOffset * block;
      for (let b = 0; b < nb; b++) {
        let uplift = 1;
        for (let s = first; s <= y && boost >= 0; s++) uplift *= 1 + state[rowOf(ctx, boost, s) + b];
        state[row + b] = clamp(back(mu[k] + sd[k] * params[p0 + b]) * uplift, min, max);
      }
    },
  };
}
