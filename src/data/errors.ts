/**
 * The one error type of the data layer. Every problem with an input file (a catalogue,
 * a dictionary, a baseline) is reported as an InputError that says where the problem is
 * (file, line, column name) and what to do about it. Loaders never throw anything else
 * for bad input; any other exception is a bug in this code.
 */

export interface InputErrorInit {
  /** The file as the caller named it (usually a path relative to the working directory). */
  file: string;
  /** 1-based line (CSV) or row number (xlsx). */
  line?: number;
  /** Column NAME as written in the header (not a letter or index). */
  column?: string;
  /** Worksheet name, for .xlsx inputs. */
  sheet?: string;
  /** What is wrong, without the location and without a final full stop. */
  problem: string;
  /** One sentence: what the user should do. */
  fix: string;
  cause?: unknown;
}

/** A problem with an input file, with where it is (file, line, column, sheet) and the fix; its message says all of it. */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly sheet?: string;
  readonly problem: string;
  readonly fix: string;

  constructor(init: InputErrorInit) {
    super(formatInputError(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.file = init.file;
    if (init.line !== undefined) this.line = init.line;
    if (init.column !== undefined) this.column = init.column;
    if (init.sheet !== undefined) this.sheet = init.sheet;
    this.problem = trimStop(init.problem);
    this.fix = endWithStop(init.fix);
  }
}

/**
 * "data/x.csv:14, column \"value\"" for CSV, "data/x.xlsx, sheet \"Baseline\", row 14, column \"value\""
 * for workbooks; parts that are unknown are left out.
 */
export function formatLocation(loc: { file: string; line?: number; column?: string; sheet?: string }): string {
  let s = loc.file;
  if (loc.sheet !== undefined) {
    s += `, sheet "${loc.sheet}"`;
    if (loc.line !== undefined) s += `, row ${loc.line}`;
  } else if (loc.line !== undefined) {
    s += `:${loc.line}`;
  }
  if (loc.column !== undefined) s += `, column "${loc.column}"`;
  return s;
}

/** The message of an input error: location, problem and fix. */
export function formatInputError(init: InputErrorInit): string {
  return `${formatLocation(init)}: ${trimStop(init.problem)}. Fix: ${endWithStop(init.fix)}`;
}

function trimStop(s: string): string {
  return s.trim().replace(/[.。]+$/u, "");
}

function endWithStop(s: string): string {
  const t = s.trim();
  return /[.!?。]$/u.test(t) ? t : `${t}.`;
}
