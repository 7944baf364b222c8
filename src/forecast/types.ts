/**
 * Shared shapes of the trend-forecasting layer (`src/forecast/`).
 *
 * A trend model (linear, loglinear, holt, …) is a small object picked by name from
 * `MODELS` in registry.ts. `fit(series)` returns a {@link FittedTrend}: a result object in the
 * style of statsmodels / fable that carries parameters, fitted values, residuals and methods
 * for point forecasts with prediction intervals and for the forecast distribution that the
 * Monte Carlo engine samples from.
 *
 * Nothing here knows about a particular region or indicator.
 */

/** The trend models available by name (see registry.ts). */
export type ModelName = "linear" | "loglinear" | "holt" | "holt-damped" | "logit" | "weighted";

/** All model names in their canonical order (the order used for reports and tie-breaking). */
export const MODEL_NAMES: readonly ModelName[] = ["linear", "loglinear", "holt", "holt-damped", "logit", "weighted"];

/**
 * A short annual series: strictly increasing integer years (gaps allowed) and one finite value
 * per year, in the indicator's unit. Typically 2–15 points.
 *
 * @example { name: "rd_intensity", years: [2016, 2017, 2018], values: [2.11, 2.13, 2.19] }
 */
export interface AnnualSeries {
  years: number[];
  values: number[];
  /** Optional label used in error messages ("series rd_intensity has 2 points; …"). */
  name?: string;
}

/** One forecast year: point forecast and the central `level`% prediction interval, in the series' unit. */
export interface ForecastPoint {
  year: number;
  /**
   * Point forecast. For models fitted on a transformed scale (loglinear: ln, logit: logit) this is
   * the back-transformed centre of the working-scale distribution, i.e. the forecast MEDIAN in the
   * series' unit, not its mean (no bias adjustment; as statsmodels does for a transformed regression).
   */
  mean: number;
  lower: number;
  upper: number;
}

/**
 * The working scale of a model and the map back to the series' unit.
 * - "identity": z = v (linear, weighted, holt, holt-damped)
 * - "exp": z = ln v, v = exp z (loglinear)
 * - "logistic100": z = ln(v / (100 − v)), v = 100 / (1 + exp(−z)) (logit; v a share in %)
 */
export type BackTransformName = "identity" | "exp" | "logistic100";

/** The forecast distribution of one future year on the model's working scale. */
export interface DistributionPoint {
  year: number;
  /** Centre of the distribution on the working scale. */
  mean: number;
  /** Standard deviation (scale) on the working scale; includes parameter uncertainty for regressions. */
  sd: number;
  /**
   * Degrees of freedom: the working-scale value is `mean + sd · T` with T ~ Student-t(df).
   * `Infinity` means Gaussian (holt models).
   */
  df: number;
}

/**
 * Everything a Monte Carlo engine needs to draw future values of a fitted trend:
 * draw T ~ t(df) (or N(0,1) when df = Infinity), then value = back(mean + sd · T).
 *
 * These are MARGINAL distributions per year. To draw a path, the engine decides the dependence
 * between years; using one draw T for all years of a path gives a comonotone path whose
 * pointwise quantiles equal those of `forecast()`.
 */
export interface ForecastDistribution {
  model: ModelName;
  transform: BackTransformName;
  /** Monotone increasing map from the working scale to the series' unit. */
  back: (z: number) => number;
  points: DistributionPoint[];
}

/** A fitted trend model: statsmodels/fable-style result object. */
export interface FittedTrend {
  model: ModelName;
  /** Named parameters, documented by each model (slope, growth, alpha, beta, …). */
  params: Record<string, number>;
  /** The series the model was fitted to. */
  years: number[];
  values: number[];
  /** In-sample fitted values, in the series' unit (back-transformed for loglinear and logit). */
  fitted: number[];
  /**
   * Residuals on the WORKING scale (see `transform`): v − fitted for identity models,
   * ln v − ln fitted for loglinear, logit(v) − logit(fitted) for logit. Holt models report one-step-ahead errors
   * (0 for the observations used to initialise the states).
   */
  residuals: number[];
  /** Sum of squared residuals on the working scale (weighted by w_t for the weighted model). */
  sse: number;
  /** Residual standard error on the working scale: sqrt(sse / df). */
  sigma: number;
  /** Residual degrees of freedom used for sigma. */
  df: number;
  transform: BackTransformName;
  /** Point forecasts with central `level`% prediction intervals (level in (0, 100), e.g. 80 or 95). */
  forecast(years: number[], level: number): ForecastPoint[];
  /** Forecast distributions on the working scale, for Monte Carlo sampling. */
  forecastDistribution(years: number[]): ForecastDistribution;
}

/** Options accepted by every model's `fit`; models ignore what they do not use. */
export interface FitOptions {
  /** Label for error messages; defaults to `series.name`. */
  name?: string;
  /** Holt models: fixed smoothing parameters instead of fitted ones (beta is Holt's β*, see holt.ts). */
  alpha?: number;
  beta?: number;
  phi?: number;
}

/** A trend model picked by name. */
export interface TrendModel {
  name: ModelName;
  /** Fewest observations the model accepts (so that a residual variance can be estimated). */
  minPoints: number;
  /** One-line description for reports. */
  description: string;
  /**
   * Fit to a series. Throws TooShortError when the series has fewer than `minPoints` points and
   * InvalidSeriesError when the values do not suit the model (non-positive for loglinear, …).
   */
  fit(series: AnnualSeries, opts?: FitOptions): FittedTrend;
}
