/**
 * Public API of the trend-forecasting layer: the calibrated default forecast (combination +
 * reference class), ETS, Theta and the random walks, the older trend models by name, intervals,
 * backtests, accuracy measures and evaluation on series with known outcomes.
 */

export { brier, coverage, intervalScore, mae, mape, mase, naiveScale, smape } from "./accuracy.js";
export type { BacktestForecast, BacktestOptions, BacktestResult, BacktestScores } from "./backtest.js";
export { backtest, countComparisons, scoreForecasts } from "./backtest.js";
export type { CalibratedForecast, CalibratedForecastOptions, ForecastWarning } from "./calibrated.js";
export { calibratedForecast, MAX_LOG_DEVIATION, MIN_POINTS } from "./calibrated.js";
export { type CombinedForecast, combinedForecast, DRIFT_T_THRESHOLD, driftT } from "./combination.js";
export { InvalidSeriesError, type SeriesProblem, TooShortError } from "./errors.js";
export type { EtsCriterion, EtsErrorType, EtsFit, EtsSpec, EtsTrendType } from "./ets.js";
export { ETS_SPECS, etsName, etsPointForecast, fitEts, selectEts } from "./ets.js";
export { etsForecastVariance } from "./ets-variance.js";
export type {
  EvaluateOptions,
  EvaluationResult,
  EvaluationSeries,
  MethodScores,
  PeerForecast,
  ReliabilityBin,
} from "./evaluate.js";
export { BRIER_THRESHOLDS, evaluateForecasts, reliabilityBins } from "./evaluate.js";
export { type HoltFilterResult, holt, holtFilter, PHI_MAX, PHI_MIN } from "./holt.js";
export { holtDamped } from "./holt-damped.js";
export { intervalsFromDistribution } from "./interval.js";
export { linear } from "./linear.js";
export { logit } from "./logit.js";
export { loglinear } from "./loglinear.js";
export { normalQuantile } from "./normal-quantile.js";
export { driftForecast, naiveForecast } from "./random-walk.js";
export {
  type ReferenceClassTable,
  scaledErrorCdf,
  scaledErrorQuantile,
  seriesNoise,
  tableFromJson,
  tableToJson,
  yearlyChangeScale,
} from "./reference-class.js";
export { buildReferenceClass } from "./reference-class-build.js";
export { REFERENCE_CLASS } from "./reference-class-table.js";
export { isModelName, MODELS } from "./registry.js";
export { studentTCdf, studentTDensity, studentTQuantile } from "./student-t.js";
export { leastSquaresSlope, thetaForecast } from "./theta.js";
export { TRANSFORMS, type Transform, workingScale } from "./transform.js";
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
export { escapWeights, weighted } from "./weighted.js";
