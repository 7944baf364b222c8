/**
 * Checks on an {@link AnnualSeries} shared by every model: equal lengths, finite values,
 * strictly increasing integer years, enough points. Also the list of missing years (gaps).
 */
import { InvalidSeriesError, seriesLabel, TooShortError } from "./errors.js";
import type { AnnualSeries } from "./types.js";

/**
 * Validate `series` for `model`; throws InvalidSeriesError or TooShortError, returns the label used in messages.
 *
 * @example checkSeries({ years: [2020, 2021], values: [1, 2] }, "holt", 5) // throws "series has 2 points; holt needs at least 5"
 */
export function checkSeries(series: AnnualSeries, model: string, minPoints: number, name = series.name): string {
  const label = seriesLabel(name);
  const { years, values } = series;
  if (!Array.isArray(years) || !Array.isArray(values) || years.length !== values.length) {
    throw new InvalidSeriesError(model, `${label}: years and values must be arrays of the same length`);
  }
  for (let i = 0; i < years.length; i++) {
    if (!Number.isInteger(years[i]))
      throw new InvalidSeriesError(model, `${label}: year ${years[i]} is not an integer`);
    if (!Number.isFinite(values[i]))
      throw new InvalidSeriesError(model, `${label}: value for ${years[i]} is not a finite number`);
    if (i > 0 && years[i] <= years[i - 1]) {
      throw new InvalidSeriesError(
        model,
        `${label}: years must be strictly increasing (${years[i - 1]} then ${years[i]})`,
      );
    }
  }
  if (years.length < minPoints) throw new TooShortError(model, minPoints, years.length, name);
  return label;
}

/**
 * Years missing between the first and last observation.
 *
 * @example gapYears([2010, 2011, 2014]) // [2012, 2013]
 */
export function gapYears(years: number[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < years.length; i++) for (let y = years[i - 1] + 1; y < years[i]; y++) gaps.push(y);
  return gaps;
}
