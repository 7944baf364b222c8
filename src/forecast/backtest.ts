/**
 * Rolling-origin evaluation (time-series cross-validation with an expanding window) of a trend model.
 *
 * For every origin k = minTrain, …, n − 1 the model is fitted to the first k observations
 * (training years up to L = years[k−1]) and forecasts the held-out observed years L + h,
 * h = 1 … H (default H = 3; with gaps, only years that were observed are compared, and h counts
 * calendar years). Every (origin, h) pair gives one comparison; the scores pool all of them:
 *
 * - MAE (series' unit), MAPE (%), coverage of the level% intervals (0–1): accuracy.ts
 * - MASE: each error is scaled by the in-sample mean absolute one-step naive error of ITS OWN
 *   training window, (1/(k−1)) Σ |y_i − y_{i−1}| (consecutive observations), then averaged
 *   (Hyndman & Koehler 2006; shared/notes/methods.md). MASE < 1: better than the naive
 *   one-step forecast is in-sample.
 *
 * Origins at which the model refuses the training window (e.g. holt and a gap) are listed in
 * `failures` and contribute nothing. Source: Tashman, "Out-of-sample tests of forecasting accuracy",
 * Int. J. Forecasting 16 (2000) 437–450; Hyndman & Athanasopoulos, FPP §5.10.
 *
 * @example backtest({ years: [2016, …, 2023], values: [...] }, "linear", { horizon: 3, level: 80 }).scores.mase
 */
import { coverage, mae, mape, mase, naiveScale } from "./accuracy.js";
import { MODELS } from "./registry.js";
import type { AnnualSeries, FitOptions, ForecastPoint, ModelName, TrendModel } from "./types.js";

/** Options of a backtest: horizon, interval level, the shortest training window and the fit options. */
export interface BacktestOptions {
  /** Largest horizon H in years (default 3). */
  horizon?: number;
  /** Interval level in percent (default 80). */
  level?: number;
  /** Training size of the first origin (default and minimum: the model's minPoints). */
  minTrain?: number;
  fitOptions?: FitOptions;
}

/** One comparison of a forecast with a held-out actual. */
export interface BacktestForecast {
  /** Last training year. */
  origin: number;
  trainSize: number;
  year: number;
  h: number;
  actual: number;
  mean: number;
  lower: number;
  upper: number;
  /** MASE scale of this origin's training window (null/0 → left out of MASE). */
  scale: number | null;
}

/** One model's scores in a backtest. */
export interface BacktestScores {
  /** Number of comparisons pooled. */
  n: number;
  /** Number of origins that produced forecasts. */
  origins: number;
  mae: number | null;
  /** Percent. */
  mape: number | null;
  mase: number | null;
  /** Share (0–1) of actuals inside the level% intervals. */
  coverage: number | null;
  level: number;
}

/** A backtest's forecasts and each model's scores. */
export interface BacktestResult {
  model: ModelName;
  horizon: number;
  level: number;
  forecasts: BacktestForecast[];
  /** Origins whose training window the model refused, with its message. */
  failures: { origin: number; message: string }[];
  scores: BacktestScores;
  /** The same scores for each horizon h = 1 … H. */
  byHorizon: (BacktestScores & { h: number })[];
}

/**
 * Number of (origin, h) comparisons a rolling-origin backtest can make on these years when the
 * first origin trains on `minTrain` points (depends only on the years, not on the model).
 *
 * @example countComparisons([2001, 2002, 2003, 2004, 2005], 3, 3) // origins 2003 (2 targets), 2004 (1) → 3
 */
export function countComparisons(years: number[], minTrain: number, horizon: number): number {
  let count = 0;
  for (let k = Math.max(minTrain, 1); k < years.length; k++) {
    for (let j = k; j < years.length && years[j] - years[k - 1] <= horizon; j++) count++;
  }
  return count;
}

/** Pool the comparisons into scores. */
export function scoreForecasts(forecasts: BacktestForecast[], level: number): BacktestScores {
  const f = forecasts.map((r) => r.mean);
  const a = forecasts.map((r) => r.actual);
  return {
    n: forecasts.length,
    origins: new Set(forecasts.map((r) => r.origin)).size,
    mae: mae(f, a),
    mape: mape(f, a),
    mase: mase(
      f,
      a,
      forecasts.map((r) => r.scale),
    ),
    coverage: coverage(
      forecasts.map((r) => r.lower),
      forecasts.map((r) => r.upper),
      a,
    ),
    level,
  };
}

/** Scores trend models on a series' own history at rolling origins. */
export function backtest(
  series: AnnualSeries,
  model: TrendModel | ModelName,
  opts: BacktestOptions = {},
): BacktestResult {
  const m = typeof model === "string" ? MODELS[model] : model;
  const horizon = opts.horizon ?? 3;
  const level = opts.level ?? 80;
  if (!(Number.isInteger(horizon) && horizon >= 1))
    throw new RangeError(`backtest: horizon must be an integer ≥ 1, got ${horizon}`);
  const { years, values } = series;
  const first = Math.max(opts.minTrain ?? m.minPoints, m.minPoints);
  const forecasts: BacktestForecast[] = [];
  const failures: { origin: number; message: string }[] = [];
  for (let k = first; k < years.length; k++) {
    const origin = years[k - 1];
    const targets: number[] = [];
    for (let j = k; j < years.length && years[j] - origin <= horizon; j++) targets.push(j);
    if (targets.length === 0) continue;
    const train: AnnualSeries = { name: series.name, years: years.slice(0, k), values: values.slice(0, k) };
    let points: ForecastPoint[];
    try {
      points = m.fit(train, opts.fitOptions).forecast(
        targets.map((j) => years[j]),
        level,
      );
    } catch (err) {
      failures.push({ origin, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const scale = naiveScale(train.values);
    targets.forEach((j, i) => {
      const p = points[i];
      forecasts.push({
        origin,
        trainSize: k,
        year: years[j],
        h: years[j] - origin,
        actual: values[j],
        mean: p.mean,
        lower: p.lower,
        upper: p.upper,
        scale,
      });
    });
  }
  const byHorizon = [];
  for (let h = 1; h <= horizon; h++)
    byHorizon.push({
      h,
      ...scoreForecasts(
        forecasts.filter((r) => r.h === h),
        level,
      ),
    });
  return { model: m.name, horizon, level, forecasts, failures, scores: scoreForecasts(forecasts, level), byHorizon };
}
