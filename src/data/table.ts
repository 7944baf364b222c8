/**
 * readTable: one entry point for tabular inputs. Picks the reader by extension, then checks the
 * header against the columns the caller expects and returns rows keyed by column name.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parseCsv } from "./csv.js";
import { decodeBytes, type TextEncodingName } from "./decode.js";
import { didYouMeanSuffix } from "./didYouMean.js";
import { InputError } from "./errors.js";
import type { CellKind, RawTable } from "./rawTable.js";
import type { Place } from "./types.js";
import { readXlsxBytes } from "./xlsx.js";

/** Largest table file read (bytes) and most data rows: far above a plan's tables, well below memory trouble. */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024;
export const MAX_TABLE_ROWS = 2_000_000;

/** The columns a table must and may have. */
export interface ColumnSpec {
  /** Columns that must be in the header. */
  required: readonly string[];
  /** Columns that may be in the header; missing ones read as "". */
  optional?: readonly string[];
}

/** Options of reading a table: the worksheet and the expected columns. */
export interface ReadTableOptions {
  /** For .xlsx: the worksheet to read (default: the first). */
  sheet?: string;
  /** When given, the header must have every required column and nothing outside required + optional. */
  columns?: ColumnSpec;
}

/** One row of a table: where it is and its trimmed cells by column name. */
export interface TableRow {
  place: Place;
  /** Trimmed cell text by column name (every expected column is present, "" when empty). */
  cells: Record<string, string>;
  /** For xlsx: what each cell held, by column name. */
  kinds?: Record<string, CellKind>;
}

/** A table read from a CSV or .xlsx file, with its format, encoding and rows. */
export interface Table {
  file: string;
  format: "csv" | "xlsx";
  /** For CSV: how the bytes were decoded. */
  encoding?: TextEncodingName;
  sheet?: string;
  /** Column names as written (trimmed), in file order. */
  header: string[];
  headerLine: number;
  rows: TableRow[];
}

/** Read a .csv or .xlsx file. The path is used as written in every message and Place. */
export async function readTable(path: string, opts: ReadTableOptions = {}): Promise<Table> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx") {
    const hint =
      ext === ".xls"
        ? 'open it in Excel and save it as an Excel Workbook (.xlsx) or as "CSV UTF-8"'
        : "save the table as CSV (comma-separated, UTF-8, extension .csv) or as an Excel Workbook (.xlsx)";
    throw new InputError({
      file: path,
      problem:
        ext === ""
          ? "the file has no extension, so its format is unknown"
          : `files of type "${ext}" cannot be read; only .csv and .xlsx are supported`,
      fix: hint,
    });
  }

  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_TABLE_BYTES)
      throw new InputError({
        file: path,
        problem: `the file is ${(size / 1024 / 1024).toFixed(0)} MB; tables larger than ${MAX_TABLE_BYTES / 1024 / 1024} MB are refused before reading`,
        fix: "keep only the indicators and years the plan needs, or split the table",
      });
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file: path,
      problem:
        code === "ENOENT"
          ? "the file does not exist"
          : code === "EISDIR"
            ? "this is a folder, not a file"
            : `cannot read the file (${(e as Error).message})`,
      fix: "check the path (relative paths are taken from the current working directory) and that the file is readable",
      cause: e,
    });
  }

  let raw: RawTable;
  let encoding: TextEncodingName | undefined;
  if (ext === ".csv") {
    const decoded = decodeBytes(bytes, path);
    encoding = decoded.encoding;
    raw = parseCsv(decoded.text, path, opts.columns?.required);
  } else {
    raw = await readXlsxBytes(bytes, path, {
      ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }),
      ...(opts.columns ? { required: opts.columns.required } : {}),
    });
  }

  if (raw.rows.length > MAX_TABLE_ROWS)
    throw new InputError({
      file: path,
      ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
      problem: `the table has ${raw.rows.length.toLocaleString("en-US")} rows (the limit is ${MAX_TABLE_ROWS.toLocaleString("en-US")})`,
      fix: "keep only the indicators and years the plan needs, or split the table",
    });
  const header = raw.header.fields.map((f) => f.trim());
  const loc = { file: path, line: raw.header.line, ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}) };
  checkHeader(header, loc, opts.columns);

  const expected = opts.columns ? [...opts.columns.required, ...(opts.columns.optional ?? [])] : header;
  const rows: TableRow[] = raw.rows.map((r) => {
    const cells: Record<string, string> = {};
    for (const name of expected) cells[name] = "";
    header.forEach((name, i) => {
      cells[name] = (r.fields[i] ?? "").trim();
    });
    const place: Place = { file: path, line: r.line, ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}) };
    const row: TableRow = { place, cells };
    if (r.kinds) {
      const kinds: Record<string, CellKind> = {};
      header.forEach((name, i) => {
        kinds[name] = r.kinds![i] ?? "empty";
      });
      row.kinds = kinds;
    }
    return row;
  });

  return {
    file: path,
    format: ext === ".csv" ? "csv" : "xlsx",
    ...(encoding !== undefined ? { encoding } : {}),
    ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
    header,
    headerLine: raw.header.line,
    rows,
  };
}

/** Throws an InputError (at the header line) for unnamed, duplicate, unknown or missing columns. */
export function checkHeader(
  header: readonly string[],
  loc: { file: string; line: number; sheet?: string },
  spec?: ColumnSpec,
): void {
  const allowed = spec ? [...spec.required, ...(spec.optional ?? [])] : undefined;
  const listing = allowed ? `the columns are: ${allowed.join(", ")}` : "";

  header.forEach((name, i) => {
    if (name === "") {
      throw new InputError({
        ...loc,
        column: `#${i + 1}`,
        problem: `the header's column ${i + 1} has no name`,
        fix: allowed
          ? `write a column name in every header cell (${listing}), or delete the empty column`
          : "write a column name in every header cell, or delete the empty column",
      });
    }
  });

  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new InputError({
        ...loc,
        column: name,
        problem: `the header names column "${name}" twice (columns ${first + 1} and ${i + 1})`,
        fix: "keep one of the two columns and delete or rename the other",
      });
    }
    seen.set(name, i);
  });

  if (!spec || !allowed) return;

  for (const name of header) {
    if (!allowed.includes(name)) {
      throw new InputError({
        ...loc,
        column: name,
        problem: `unknown column "${name}"${didYouMeanSuffix(name, allowed)}`,
        fix: `rename or delete the column; ${listing}`,
      });
    }
  }
  for (const name of spec.required) {
    if (!seen.has(name)) {
      throw new InputError({
        ...loc,
        column: name,
        problem: `the required column "${name}" is missing`,
        fix: `add a column named "${name}" to the header; ${listing}`,
      });
    }
  }
}
