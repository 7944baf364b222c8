/**
 * Automatic choice of a trend model for one short annual series, by out-of-sample accuracy.
 *
 * 1. Fit every candidate (default: all models) to the whole series. A model that cannot be fitted
 *    is kept in the report with `error` saying why (too few points, a zero for loglinear, a gap for
 *    holt, …). logit is considered only when `bounded0to100` is true (the series is a share in %)
 *    and then needs every value strictly inside (0, 100).
 * 2. Backtest the fitted models on the SAME rolling origins (backtest.ts), so their scores compare
 *    the same held-out actuals: the first origin trains on k₀ points, k₀ the largest minPoints among
 *    the fitted models that still leaves at least MIN_COMPARISONS (= 3) comparisons with horizons
 *    1 … `horizon`. Models needing more than k₀ points are reported but not ranked (`note`).
 * 3. Choose the lowest MASE. Ties (within 1e-9 relative) go to the fallback order below, then to
 *    the candidate order.
 * 4. FALLBACK when no model can be ranked (too few comparisons, or every MASE undefined because the
 *    training windows are flat): loglinear if every value is > 0 and it fitted, else linear, else the
 *    first fitted candidate. The `reason` says which rule decided.
 *
 * Forecasts are for the `horizon` years after the last observation, with `level`% intervals.
 *
 * @example autoSelect({ years: [2014, …, 2023], values: [...] }, { horizon: 3, level: 80 }).chosen // "loglinear"
 */
import { backtest, countComparisons, type BacktestScores } from "./backtest.js";
import { MODELS } from "./registry.js";
import { MODEL_NAMES, type AnnualSeries, type FittedTrend, type ForecastPoint, type ModelName } from "./types.js";

/** Fewest pooled backtest comparisons for ranking models by MASE. */
export const MIN_COMPARISONS = 3;

export interface AutoSelectOptions {
  /** Years to forecast after the last observation; also the backtest's largest horizon. */
  horizon: number;
  /** Prediction interval level in percent (e.g. 80). */
  level: number;
  /** Models to consider, in order of preference for ties (default: all, canonical order). */
  candidates?: ModelName[];
  /** True when the series is a share in percent: enables the logit model. */
  bounded0to100?: boolean;
}

export interface ModelReport {
  name: ModelName;
  /** Parameters of the fit to the whole series (null when it could not be fitted). */
  params: Record<string, number> | null;
  /** Forecasts of the horizon years from the whole-series fit (empty when it could not be fitted). */
  forecasts: ForecastPoint[];
  /** Pooled backtest scores (null when not backtested). */
  scores: BacktestScores | null;
  /** Whether the model took part in the MASE ranking. */
  ranked: boolean;
  /** The whole-series fit, for the Monte Carlo engine (forecastDistribution). */
  fit?: FittedTrend;
  /** Why the model could not be fitted at all. */
  error?: string;
  /** Why a fitted model was not ranked. */
  note?: string;
}

export interface AutoSelectResult {
  chosen: ModelName | null;
  /** One sentence on how `chosen` was decided. */
  reason: string;
  /** Training size of the first backtest origin shared by the ranked models (null: no backtest). */
  backtestFrom: number | null;
  models: ModelReport[];
}

const TIE = 1e-9;

export function autoSelect(series: AnnualSeries, opts: AutoSelectOptions): AutoSelectResult {
  const { horizon, level } = opts;
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new RangeError(`autoSelect: horizon must be an integer ≥ 1, got ${horizon}`);
  const candidates = [...new Set(opts.candidates ?? MODEL_NAMES)];
  for (const c of candidates) if (!MODEL_NAMES.includes(c)) throw new RangeError(`autoSelect: unknown model "${c}"`);
  const n = series.years.length;
  const last = series.years[n - 1];
  const futureYears = Array.from({ length: horizon }, (_, i) => last + i + 1);

  // 1. Fit everything.
  const reports: ModelReport[] = candidates.map((name) => {
    const empty = { name, params: null, forecasts: [], scores: null, ranked: false };
    if (name === "logit" && !opts.bounded0to100) {
      return { ...empty, error: "logit is used only for shares in % (set bounded0to100: true)" };
    }
    try {
      const fit = MODELS[name].fit(series);
      return { ...empty, params: fit.params, forecasts: fit.forecast(futureYears, level), fit };
    } catch (err) {
      return { ...empty, error: err instanceof Error ? err.message : String(err) };
    }
  });
  const fitted = reports.filter((r) => r.fit);

  // 2. Common backtest origins.
  const needs = [...new Set(fitted.map((r) => MODELS[r.name].minPoints))].sort((a, b) => a - b);
  const usable = needs.filter((m) => countComparisons(series.years, m, horizon) >= MIN_COMPARISONS);
  const k0 = usable.length > 0 ? usable[usable.length - 1] : null;
  for (const r of fitted) {
    const minPoints = MODELS[r.name].minPoints;
    if (k0 === null || minPoints > k0) {
      const available = countComparisons(series.years, minPoints, horizon);
      r.note = `not ranked: with ${n} points a backtest from ${minPoints} training points gives ${available} comparison${available === 1 ? "" : "s"} (needs ${MIN_COMPARISONS})`;
      continue;
    }
    const bt = backtest(series, r.name, { horizon, level, minTrain: k0 });
    r.scores = bt.scores;
    const expected = countComparisons(series.years, k0, horizon);
    if (bt.scores.n < expected) {
      r.note = `not ranked: the model refused ${bt.failures.length} training window(s) (${bt.failures[0]?.message ?? "?"})`;
    } else if (bt.scores.mase === null) {
      r.note = "not ranked: MASE undefined (every training window is flat, so the naive scale is 0)";
    } else {
      r.ranked = true;
    }
  }

  // 3./4. Choose.
  const positive = series.values.length > 0 && series.values.every((v) => v > 0);
  const fallbackOrder: ModelName[] = positive ? ["loglinear", "linear"] : ["linear"];
  const preference = (name: ModelName) => {
    const i = fallbackOrder.indexOf(name);
    return i >= 0 ? i : fallbackOrder.length + candidates.indexOf(name);
  };
  const ranked = reports.filter((r) => r.ranked);
  if (ranked.length > 0) {
    const best = Math.min(...ranked.map((r) => r.scores!.mase!));
    const tied = ranked.filter((r) => r.scores!.mase! - best <= TIE * Math.max(1, best)).sort((a, b) => preference(a.name) - preference(b.name));
    const chosen = tied[0].name;
    const tieText = tied.length > 1 ? ` (tied with ${tied.slice(1).map((r) => r.name).join(", ")}; fallback order decided)` : "";
    return {
      chosen,
      reason: `lowest backtest MASE ${best.toPrecision(4)} over ${tied[0].scores!.n} comparisons (origins from ${k0} training points, horizons 1–${horizon})${tieText}`,
      backtestFrom: k0,
      models: reports,
    };
  }
  const fallback = fitted.slice().sort((a, b) => preference(a.name) - preference(b.name))[0];
  if (!fallback) {
    return { chosen: null, reason: `no candidate model could be fitted to ${n} point${n === 1 ? "" : "s"} (see each model's error)`, backtestFrom: null, models: reports };
  }
  return {
    chosen: fallback.name,
    reason: `insufficient backtest to rank models; fallback to ${fallback.name} (${positive ? "loglinear, then linear, for a positive series" : "linear for a series with values ≤ 0"})`,
    backtestFrom: k0,
    models: reports,
  };
}
