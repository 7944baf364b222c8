/**
 * Errors thrown by trend models. Their messages are meant for the user as they stand:
 * they name the series (when it has a name), the model and what is missing.
 */

/** How a series is named in messages: `series rd_intensity` or just `series`. */
export function seriesLabel(name: string | undefined): string {
  return name ? `series ${name}` : "series";
}

/**
 * The series has fewer points than the model needs.
 *
 * @example new TooShortError("holt", 5, 2, "rd_intensity").message
 *   // "series rd_intensity has 2 points; holt needs at least 5"
 */
export class TooShortError extends Error {
  override name = "TooShortError";
  constructor(
    readonly model: string,
    readonly minPoints: number,
    readonly points: number,
    readonly seriesName?: string,
  ) {
    super(
      `${seriesLabel(seriesName)} has ${points} point${points === 1 ? "" : "s"}; ${model} needs at least ${minPoints}`,
    );
  }
}

/**
 * What is wrong with a series, as a code and numbers (for the report layer to word; the error's
 * message says the same in English): a gap leaving too few consecutive years at the end, or a
 * value that is not a finite number.
 */
export type SeriesProblem =
  | { code: "gap"; before: number; consecutive: number; needed: number }
  | { code: "non_finite" };

/**
 * The series is malformed (unsorted years, non-finite values) or its values do not suit the model
 * (e.g. a zero value for loglinear, a share of 100% for logit, a gap for holt).
 */
export class InvalidSeriesError extends Error {
  override name = "InvalidSeriesError";
  constructor(
    readonly model: string,
    message: string,
    readonly problem?: SeriesProblem,
  ) {
    super(message);
  }
}
