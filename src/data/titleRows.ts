/**
 * Tables saved below a title or notes: statistical tables often carry a title row
 * ("某区科技统计 2009–2013") or notes above the column names. Both readers (CSV and xlsx) look for
 * the column names in the first few records, and when they sit lower down, refuse the table with
 * the row that holds them and what to delete, instead of reading the title as the header and
 * failing on a confusing "unknown column" or "too many fields".
 */
import { InputError } from "./errors.js";

/** How many records of titles or notes above the column names are recognised. */
export const MAX_TITLE_ROWS = 10;

/** Whether a record's cells (trimmed) include every `required` column name. */
export function holdsColumns(fields: readonly string[], required: readonly string[]): boolean {
  const names = new Set(fields.map((f) => f.trim()));
  return required.every((r) => names.has(r));
}

/**
 * The record that holds every `required` column name when the first record does not; undefined
 * when the first record is the header, or none of the next MAX_TITLE_ROWS records is.
 */
export function headerBelowTitle<R extends { line: number; fields: readonly string[] }>(
  records: readonly R[],
  required: readonly string[] | undefined,
): R | undefined {
  if (!required?.length || records.length === 0) return undefined;
  if (holdsColumns(records[0].fields, required)) return undefined;
  return records.slice(1, MAX_TITLE_ROWS + 1).find((r) => holdsColumns(r.fields, required));
}

/** The refusal of a table whose column names are on `header.line`, below `first` (a title or notes). */
export function titleRowsError(
  place: { file: string; sheet?: string },
  first: { line: number; fields: readonly string[] },
  header: { line: number },
  required: readonly string[],
): InputError {
  const word = place.sheet === undefined ? "line" : "row";
  const title = first.fields.map((f) => f.trim()).find((f) => f !== "") ?? "";
  const above = header.line - first.line;
  return new InputError({
    ...place,
    line: header.line,
    problem: `the column names are on ${word} ${header.line}, below ${above === 1 ? `1 ${word}` : `${above} ${word}s`} of titles or notes (${word} ${first.line}: ${JSON.stringify(title.slice(0, 40))})`,
    fix: `delete the ${word}${header.line - 1 === 1 ? "" : "s"} above ${word} ${header.line}, so that the first ${word} holds the column names (${required.join(", ")})`,
  });
}
