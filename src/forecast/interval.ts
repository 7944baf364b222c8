/**
 * Central prediction intervals from a forecast distribution.
 *
 * For a working-scale distribution mean + sd · T, T ~ t(df) (Gaussian when df = Infinity),
 * the central level% interval is
 *
 *   [ back(mean − q · sd), back(mean + q · sd) ],  q = t_{(1 + level/100)/2}(df),
 *
 * and the point forecast is back(mean). `back` is monotone, so the bounds are the
 * (50 ∓ level/2)% quantiles in the series' unit.
 *
 * Units: level in percent (0 < level < 100, e.g. 80 or 95); outputs in the series' unit.
 *
 * @example intervalsFromDistribution(model.forecastDistribution([2025]), 80)
 *   // [{ year: 2025, mean, lower, upper }]
 */
import { studentTQuantile } from "./student-t.js";
import type { ForecastDistribution, ForecastPoint } from "./types.js";

export function checkLevel(level: number): void {
  if (!(level > 0 && level < 100))
    throw new RangeError(`interval level must be a percentage in (0, 100), got ${level}`);
}

/** The central interval at `level` of a forecast distribution, per year. */
export function intervalsFromDistribution(dist: ForecastDistribution, level: number): ForecastPoint[] {
  checkLevel(level);
  const p = 0.5 + level / 200;
  return dist.points.map(({ year, mean, sd, df }) => {
    const q = studentTQuantile(p, df);
    return { year, mean: dist.back(mean), lower: dist.back(mean - q * sd), upper: dist.back(mean + q * sd) };
  });
}
