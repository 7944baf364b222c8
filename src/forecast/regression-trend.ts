/**
 * Turns a straight-line fit on a working scale into a {@link FittedTrend}: shared by the
 * linear, loglinear, logit and weighted models.
 *
 * Forecast distribution of year x₀ on the working scale: Student-t with n − 2 degrees of freedom,
 * centre ẑ₀ = a + b (x₀ − x̄) and scale se(x₀) from least-squares.ts (a new observation of weight 1);
 * values in the series' unit are back(z). Parameters reported for every regression model:
 *
 * - `slope`: b, working units per year
 * - `intercept`: a − b x̄, the fitted working value at year 0 (as statsmodels reports for an
 *   uncentred year regressor)
 * - `centreYear`: x̄ (weighted mean year for the weighted model)
 * - `levelAtCentre`: a, the fitted working value at the centre year
 *
 * The loglinear and logit models add their own interpretable parameters (e.g. `growth`).
 */
import { intervalsFromDistribution } from "./interval.js";
import { leastSquaresLine } from "./least-squares.js";
import { TRANSFORMS } from "./transform.js";
import type { BackTransformName, FittedTrend, ForecastDistribution, ModelName } from "./types.js";

export function regressionTrend(
  model: ModelName,
  years: number[],
  values: number[],
  transform: BackTransformName,
  weights?: number[],
  extraParams: (slope: number) => Record<string, number> = () => ({}),
): FittedTrend {
  const tr = TRANSFORMS[transform];
  const z = values.map(tr.forward);
  const line = leastSquaresLine(years, z, weights);
  const params: Record<string, number> = {
    slope: line.slope,
    intercept: line.level - line.slope * line.centre,
    centreYear: line.centre,
    levelAtCentre: line.level,
    ...extraParams(line.slope),
  };
  const forecastDistribution = (ys: number[]): ForecastDistribution => ({
    model,
    transform,
    back: tr.back,
    points: ys.map((year) => ({ year, mean: line.predict(year), sd: line.predictionSe(year), df: line.df })),
  });
  return {
    model,
    params,
    years: [...years],
    values: [...values],
    fitted: years.map((y) => tr.back(line.predict(y))),
    residuals: line.residuals,
    sse: line.sse,
    sigma: line.sigma,
    df: line.df,
    transform,
    forecast: (ys, level) => intervalsFromDistribution(forecastDistribution(ys), level),
    forecastDistribution,
  };
}
