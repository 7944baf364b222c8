/**
 * Public API of the trend-forecasting layer: the calibrated default forecast (combination +
 * reference class), ETS, Theta and the random walks, the older trend models by name, intervals,
 * backtests, accuracy measures and evaluation on series with known outcomes.
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
export { fitEts, selectEts, etsName, etsPointForecast, ETS_SPECS } from "./ets.js";
export type { EtsFit, EtsSpec, EtsErrorType, EtsTrendType } from "./ets.js";
export { thetaForecast, leastSquaresSlope } from "./theta.js";
export { naiveForecast, driftForecast } from "./random-walk.js";
export { combinedForecast, driftT, DRIFT_T_THRESHOLD, type CombinedForecast } from "./combination.js";
export { calibratedForecast, MIN_POINTS, MAX_LOG_DEVIATION } from "./calibrated.js";
export type { CalibratedForecast, CalibratedForecastOptions } from "./calibrated.js";
export { REFERENCE_CLASS } from "./reference-class-table.js";
export { scaledErrorQuantile, scaledErrorCdf, seriesNoise, yearlyChangeScale, tableFromJson, tableToJson, type ReferenceClassTable } from "./reference-class.js";
export { buildReferenceClass } from "./reference-class-build.js";
export { evaluateForecasts, reliabilityBins, BRIER_THRESHOLDS } from "./evaluate.js";
export type { EvaluateOptions, EvaluationResult, EvaluationSeries, MethodScores, PeerForecast, ReliabilityBin } from "./evaluate.js";
export { smape, intervalScore, brier } from "./accuracy.js";
export { workingScale } from "./transform.js";
