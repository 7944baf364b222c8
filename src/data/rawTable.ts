/** The shape both readers (CSV and xlsx) produce before columns are named and checked. */

/** What a spreadsheet cell held; CSV cells are always "string" (or "empty"). */
export type CellKind = "empty" | "string" | "number" | "boolean" | "date" | "error" | "formula-no-result";

/** One record of a table as read, before its columns are named and checked. */
export interface RawRow {
  /** 1-based line where the record starts (CSV) or the worksheet row number (xlsx). */
  line: number;
  /** Cell texts, untrimmed; numbers from a workbook are written with String(n). */
  fields: string[];
  /** Only for xlsx: what each cell held, so messages can say "this is a date". */
  kinds?: CellKind[];
}

/** A table as read from a CSV or a worksheet: its header and records. */
export interface RawTable {
  file: string;
  /** Set for xlsx inputs: the worksheet read. */
  sheet?: string;
  /** The first non-blank record. */
  header: RawRow;
  /** The records after the header, blank ones skipped, each with as many fields as the header. */
  rows: RawRow[];
}
