/**
 * Public API of the trend-forecasting layer: models by name, fitting, intervals, Monte Carlo
 * distributions, backtests, accuracy measures and automatic model choice.
 */
export type {
  AnnualSeries,
  BackTransformName,
  DistributionPoint,
  FitOptions,
  FittedTrend,
  ForecastDistribution,
  ForecastPoint,
  ModelName,
  TrendModel,
} from "./types.js";
export { MODEL_NAMES } from "./types.js";
export { InvalidSeriesError, TooShortError } from "./errors.js";
export { MODELS, isModelName } from "./registry.js";
export { linear } from "./linear.js";
export { loglinear } from "./loglinear.js";
export { logit } from "./logit.js";
export { weighted, escapWeights } from "./weighted.js";
export { holt, holtFilter, PHI_MIN, PHI_MAX } from "./holt.js";
export { holtDamped } from "./holt-damped.js";
export { etsForecastVariance } from "./ets-variance.js";
export { TRANSFORMS } from "./transform.js";
export { intervalsFromDistribution } from "./interval.js";
export { studentTQuantile, studentTCdf, studentTDensity } from "./student-t.js";
export { normalQuantile } from "./normal-quantile.js";
export { mae, mape, mase, naiveScale, coverage } from "./accuracy.js";
export { backtest, countComparisons, scoreForecasts } from "./backtest.js";
export type { BacktestForecast, BacktestOptions, BacktestResult, BacktestScores } from "./backtest.js";
export { autoSelect, MIN_COMPARISONS } from "./select.js";
export type { AutoSelectOptions, AutoSelectResult, ModelReport } from "./select.js";
export { calibrateIntervals, MIN_CALIBRATION_COMPARISONS, type IntervalCalibration } from "./calibrate.js";
