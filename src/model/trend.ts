/**
 * An indicator that follows the trend forecast from its own history (src/forecast/).
 *
 *   v_t = Q_t(U) · Π_{s ≤ t} (1 + b_s),   U ~ Uniform(0, 1) drawn once per path
 *
 * Q_t: the forecast quantile function of year t in the indicator's unit, tabulated on the
 * reference class's probability grid and interpolated linearly in between (held at the grid's
 * ends, 0.5% and 99.5%, so no draw is unbounded). For `auto` (the default) it is targetcast's
 * calibrated forecast: a median combination of ETS, Theta and drift fits with intervals from the
 * reference class of real forecast errors (src/forecast/calibrated.ts) — the same code `forecast`
 * and `evaluate` use. For a named model (linear, loglinear, holt, …) it is that model's own
 * forecast distribution, back(μ_t + s_t · T_df⁻¹(U)), uncalibrated.
 * b_s: extra growth from programme spending, compounded (0 without programmes).
 * One U per path makes each path sit at one quantile in every year, so the yearly quantiles of the
 * simulation equal the forecast's intervals and P(met) equals the forecast's own probability.
 */

import { z } from "zod";
import type { Series } from "../data/types.js";
import { calibratedForecast } from "../forecast/calibrated.js";
import { InvalidSeriesError, TooShortError } from "../forecast/errors.js";
import { normalQuantile } from "../forecast/normal-quantile.js";
import { REFERENCE_CLASS } from "../forecast/reference-class-table.js";
import { MODELS } from "../forecast/registry.js";
import { studentTQuantile } from "../forecast/student-t.js";
import type { ModelName } from "../forecast/types.js";
import { gridBracket, gridInterpolate, gridWeight } from "../stats/quantiles.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import {
  type CompileEnv,
  clamp,
  type NodeDraft,
  rowOf,
  type SummaryTemplate,
  type TrendFits,
  type TrendQuantiles,
  type Unprojectable,
} from "./types.js";

export type { TrendFits, TrendQuantiles };

/** Probabilities at which a trend's quantile function is tabulated (those of the reference class). */
export const TREND_PROBABILITIES: readonly number[] = REFERENCE_CLASS.probabilities;

/** The trend quantile table of a series (years up to the base year) for `horizon` years ahead. */
export function trendQuantiles(
  series: Series,
  model: ModelName | "auto",
  horizon: number,
  isShare: boolean,
  bounds: { min: number; max: number },
  fits: TrendFits = new Map(),
): TrendQuantiles {
  // Bounds are applied after the cache: clamping is monotone, so the clamped quantiles are the
  // quantiles of the clamped value, and a fit is shared by calls with different bounds.
  const key = JSON.stringify([series.indicator, series.years, series.values, model, horizon, isShare]);
  let entry = fits.get(key);
  if (!entry) {
    entry = fitQuantiles(series, model, horizon, isShare);
    fits.set(key, entry);
  }
  if (bounds.min === -Infinity && bounds.max === Infinity) return entry;
  return { ...entry, values: entry.values.map((row) => row.map((v) => clamp(v, bounds.min, bounds.max))) };
}

function fitQuantiles(series: Series, model: ModelName | "auto", horizon: number, isShare: boolean): TrendQuantiles {
  const s = { name: series.indicator, years: series.years, values: series.values };
  const span = `${series.years[0]}–${series.years[series.years.length - 1]}`;
  if (model === "auto") {
    const f = calibratedForecast(s, { horizon, isShare });
    return {
      values: f.years.map((_, k) => TREND_PROBABILITIES.map((p) => f.quantile(k + 1, p))),
      summary: `combined trend (median of ${f.members.join(", ")}) fitted to ${f.used.years[0]}–${f.used.years[f.used.years.length - 1]}, intervals from the reference class of real forecast errors`,
      fitted: { from: f.used.years[0], to: f.used.years[f.used.years.length - 1] },
      warnings: f.warnings,
      warningCodes: f.warningCodes,
    };
  }
  const fit = MODELS[model].fit(s);
  const last = series.years[series.years.length - 1];
  const dist = fit.forecastDistribution(Array.from({ length: horizon }, (_, i) => last + i + 1));
  const params = Object.entries(fit.params)
    .map(([k, v]) => `${k} ${Math.abs(v) >= 1000 ? v.toFixed(1) : +v.toPrecision(3)}`)
    .join(", ");
  return {
    values: dist.points.map((pt) =>
      TREND_PROBABILITIES.map((p) =>
        dist.back(pt.mean + pt.sd * (Number.isFinite(pt.df) ? studentTQuantile(p, pt.df) : normalQuantile(p))),
      ),
    ),
    summary: `${fit.model} trend fitted to ${span} (${params}); model-based intervals, not calibrated`,
    fitted: { from: series.years[0], to: last },
    warnings: [],
    warningCodes: [],
  };
}

/** History of a series up to the base year (the observations a trend may be fitted to). */
function historyUpTo(series: Series, keep: (year: number) => boolean): Series {
  const idx = series.years.map((y, i) => (keep(y) ? i : -1)).filter((i) => i >= 0);
  return { ...series, years: idx.map((i) => series.years[i]), values: idx.map((i) => series.values[i]) };
}

/**
 * Why no trend can be fitted to the history up to the base year (null when one can): used for
 * indicators a scenario does not mention, which then are not assessed rather than failing the run.
 */
export function whyNoTrend(
  series: Series,
  baseYear: number,
  horizon: number,
  isShare: boolean,
  fits: TrendFits,
): { why: Unprojectable; detail: string } | null {
  const used = historyUpTo(series, (y) => y <= baseYear);
  try {
    const h = Math.max(1, horizon - (used.years[used.years.length - 1] ?? baseYear));
    trendQuantiles(used, "auto", h, isShare, { min: -Infinity, max: Infinity }, fits);
    return null;
  } catch (e) {
    const message = (e as Error).message;
    const why: Unprojectable =
      e instanceof TooShortError
        ? { code: "too_short", points: e.points, needed: e.minPoints }
        : e instanceof InvalidSeriesError && e.problem
          ? e.problem
          : { code: "no_trend", message };
    return { why, detail: `no mechanism in the scenario and no trend fits its history (${message})` };
  }
}

/** The trend models a scenario may name (`auto`: the calibrated forecast). */
export const TREND_MODELS = ["auto", "linear", "loglinear", "holt", "holt-damped", "logit", "weighted"] as const;

const TrendSpec = z
  .enum(TREND_MODELS)
  .describe(
    "trend fitted to history: auto (default) is the calibrated combination of ETS, Theta and drift with reference-class intervals; a named model uses its own uncalibrated intervals",
  );

function compileTrend(
  model: z.infer<typeof TrendSpec>,
  _common: CommonSpec,
  env: CompileEnv,
  series: Series | undefined,
): NodeDraft {
  if (!series)
    env.fail("trend", `no history of ${env.indicator} to fit a trend to`, `add ${env.indicator} to the baseline data`);
  const used = historyUpTo(series, (y) => env.yearIndex(y) <= env.baseIndex);
  const last = env.lastObserved(env.indicator);
  const future = env.years.slice(last + 1);
  const { min, max } = env.bounds;
  let table: TrendQuantiles;
  try {
    table = trendQuantiles(used, model, future.length, env.unitOf(env.indicator) === "%", { min, max }, env.trendFits);
  } catch (e) {
    env.fail(
      "trend",
      (e as Error).message,
      "give this indicator a growth or count mechanism in the scenario, or add more years of data",
    );
  }
  const values = table.values;
  const slot = env.slot;
  const first = last + 1;
  const boost = env.boostSlot();
  const whole = env.wholeNumbers;
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
        custom: {
          quantile: (u) => u,
          central: 0.5,
          describe: `${model === "auto" ? "combined" : model} trend quantile (uniform)`,
        },
      },
    ],
    random: false,
    constants: {
      probabilities: [...TREND_PROBABILITIES],
      quantiles: values.flat(),
      nQuantiles: TREND_PROBABILITIES.length,
      min,
      max,
      wholeNumbers: whole ? 1 : 0,
    },
    summary: table.summary + (table.warnings.length > 0 ? `; ${table.warnings.join("; ")}` : ""),
    terms: { model: { code: `trend.${model}` }, from: { number: table.fitted.from }, to: { number: table.fitted.to } },
    template: TREND_SUMMARY,
    forecastWarnings: table.warningCodes,
    scratchRows: 3,
    step(ctx, y, firstParam) {
      const { state, params, nb, block, scratch } = ctx;
      const row = rowOf(ctx, slot, y);
      const q = values[y - first];
      const p0 = firstParam * block;
      // Scratch rows, filled in the first year: where the path's U falls on the grid (bracket and
      // weight, the same every year) and the programme uplift Π (1 + b_s) so far.
      const weights = block;
      const uplifts = 2 * block;
      if (y === first)
        for (let b = 0; b < nb; b++) {
          const u = params[p0 + b];
          const i = gridBracket(TREND_PROBABILITIES, u);
          scratch[b] = i;
          scratch[weights + b] = gridWeight(TREND_PROBABILITIES, i, u);
          scratch[uplifts + b] = 1;
        }
      const boostRow = boost >= 0 ? rowOf(ctx, boost, y) : -1;
      for (let b = 0; b < nb; b++) {
        if (boostRow >= 0) scratch[uplifts + b] *= 1 + state[boostRow + b];
        const v = clamp(gridInterpolate(q, scratch[b], scratch[weights + b]) * scratch[uplifts + b], min, max);
        // A count follows its trend in whole units: rounding is monotone in U, so quantiles and
        // P(met) are those of the rounded forecast, and no path reports 1.79 institutions.
        state[row + b] = whole ? Math.round(v) : v;
      }
    },
  };
}

/** What a trend node assumes, in one line (`{model}`: the calibrated combination or a named model). */
const TREND_SUMMARY: SummaryTemplate = {
  zh: "{self}按自身 {from}–{to} 年的历史趋势外推（{model}）",
  en: "{self} follows the trend of its own history {from}–{to} ({model})",
};

export const trend = defineMechanism({
  name: "trend",
  schema: TrendSpec,
  volatility: false,
  summary: TREND_SUMMARY,
  doc: {
    equation: "v_t = Q_t(U) · Π_{s ≤ t} (1 + b_s), U ~ Uniform(0, 1) once per path",
    units: "the indicator's own unit",
    source:
      "combined ETS/Theta/drift forecast with reference-class intervals from 699 real yearly series (src/forecast/)",
  },
  compile: compileTrend,
});
