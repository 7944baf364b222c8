/**
 * Reads one worksheet of an .xlsx workbook into the same header + rows shape as the CSV parser.
 *
 * Why exceljs and not danfojs' readExcel: danfojs-node reads workbooks through SheetJS `xlsx`
 * 0.18.5 (the only version installable here), which has published advisories (prototype
 * pollution, ReDoS) when parsing untrusted files, and workbooks come from users. danfojs is
 * also slow to import (~1.5 s, TensorFlow.js). exceljs is maintained and light enough to load
 * on demand. See ../shared/notes/environment.md.
 *
 * Cells: numbers are written with String(n) (shortest round-trip form, so "12.5" parses back
 * to exactly the number Excel stored); formulas give their cached result; dates become
 * "YYYY-MM-DD" text with kind "date", which fails wherever a number is expected and is
 * reported as a date; rich text and hyperlinks give their text. A number in a cell formatted as a
 * percentage (number format with "%", e.g. 0.00%) is the percentage Excel shows: a cell showing
 * 2.5% stores 0.025 and is read as 2.5 (the kit's % unit), never as 0.025.
 *
 * Worksheet: the one named by `sheet`, else the first VISIBLE worksheet (a hidden first sheet of
 * lookup tables is skipped), else the first.
 */
import { readFile } from "node:fs/promises";
import type { CellValue, Workbook, Worksheet } from "exceljs";
import { didYouMeanSuffix } from "./didYouMean.js";
import { InputError } from "./errors.js";
import type { CellKind, RawRow, RawTable } from "./rawTable.js";
import { headerBelowTitle, holdsColumns, MAX_TITLE_ROWS, titleRowsError } from "./titleRows.js";
import { checkXlsxSize } from "./zipGuard.js";

/** Options of reading a workbook (the worksheet). */
export interface XlsxOptions {
  /** Worksheet name; the first visible worksheet when omitted. */
  sheet?: string;
  /** Column names the table must have: a header below a title is refused with its row, and a
   * first sheet without them while another sheet has them is refused with `--sheet` (titleRows.ts). */
  required?: readonly string[];
}

const RESAVE_FIX = "open it in Excel (or LibreOffice) and save it again as an Excel Workbook (.xlsx)";

/** Read a workbook file; `path` is also the name used in messages. */
export async function readXlsx(path: string, opts: XlsxOptions = {}): Promise<RawTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError({
      file: path,
      problem: `cannot read the file (${(e as Error).message})`,
      fix: "check the path and that the file is readable",
      cause: e,
    });
  }
  return readXlsxBytes(bytes, path, opts);
}

/** Read a workbook from bytes already in memory; `file` is used in messages and places. */
export async function readXlsxBytes(bytes: Uint8Array, file: string, opts: XlsxOptions = {}): Promise<RawTable> {
  checkXlsxSize(bytes, file); // before exceljs inflates anything
  const ExcelJS = (await import("exceljs")).default;
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer interface; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw new InputError({
      file,
      problem: `this is not a readable .xlsx workbook (${(e as Error).message})`,
      fix: RESAVE_FIX,
      cause: e,
    });
  }

  const ws = pickSheet(wb, file, opts.sheet);
  const sheet = ws.name;
  if (opts.required?.length) checkHeaderPlace(wb, ws, file, opts.sheet === undefined, opts.required);

  const rows: RawRow[] = [];
  let header: RawRow | undefined;
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (!header) {
      const cells: [string, CellKind][] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      width = cells.length;
      while (width > 0 && (cells[width - 1] === undefined || cells[width - 1][1] === "empty")) width--;
      if (width === 0) return;
      const fields: string[] = [];
      for (let c = 0; c < width; c++) fields.push(cells[c]?.[0] ?? "");
      header = { line: rowNumber, fields };
      return;
    }
    const fields: string[] = [];
    const kinds: CellKind[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const [text, kind] = cellText(cell.value, isPercentFormat(cell.numFmt));
      fields.push(text);
      kinds.push(kind);
    }
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col <= width) return;
      const [text, kind] = cellText(cell.value);
      if (kind === "empty" || text.trim() === "") return;
      const last = header!.fields[width - 1].trim();
      throw new InputError({
        file,
        sheet,
        line: rowNumber,
        column: last,
        problem: `cell ${cell.address} holds ${JSON.stringify(text)} but is to the right of the last header column "${last}"`,
        fix: "delete the stray cell, or give its column a name in the header row",
      });
    });
    if (fields.some((f) => f.trim() !== "")) rows.push({ line: rowNumber, fields, kinds });
  });

  if (!header) {
    throw new InputError({
      file,
      sheet,
      line: 1,
      problem: "the worksheet is empty (no header row)",
      fix: "write the column names in row 1 and one record per row below",
    });
  }
  return { file, sheet, header, rows };
}

/** The first non-empty rows of a worksheet as trimmed texts (for finding the header). */
function previewRows(ws: Worksheet): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  const last = Math.min(ws.rowCount, 200);
  for (let r = 1; r <= last && out.length <= MAX_TITLE_ROWS; r++) {
    const fields: string[] = [];
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      fields[col - 1] = cellText(cell.value)[0].trim();
    });
    if (fields.some((f) => f)) out.push({ line: r, fields: Array.from(fields, (f) => f ?? "") });
  }
  return out;
}

/**
 * Refuses a worksheet whose column names sit below a title, and (when no sheet was asked for) a
 * first visible sheet without them while another sheet starts with them: "--sheet 统计".
 */
function checkHeaderPlace(
  wb: Workbook,
  ws: Worksheet,
  file: string,
  picked: boolean,
  required: readonly string[],
): void {
  const rows = previewRows(ws);
  const below = headerBelowTitle(rows, required);
  if (below) throw titleRowsError({ file, sheet: ws.name }, rows[0], below, required);
  const startsWithColumns = (r: { fields: string[] } | undefined) => !!r && holdsColumns(r.fields, required);
  if (!picked || startsWithColumns(rows[0])) return;
  const other = wb.worksheets.find((s) => s !== ws && startsWithColumns(previewRows(s)[0]));
  if (other)
    throw new InputError({
      file,
      sheet: ws.name,
      line: rows[0]?.line ?? 1,
      problem: `the first visible worksheet, "${ws.name}", does not start with the column names (${required.join(", ")}), but worksheet "${other.name}" does`,
      fix: `read that worksheet with --sheet ${JSON.stringify(other.name)}, or move it to the front of the workbook`,
    });
}

function pickSheet(wb: Workbook, file: string, name: string | undefined): Worksheet {
  const sheets = wb.worksheets;
  const names = sheets.map((s) => s.name);
  if (name === undefined) {
    const first = sheets.find((s) => s.state === "visible" || s.state === undefined) ?? sheets[0];
    if (!first) throw new InputError({ file, problem: "the workbook has no worksheets", fix: RESAVE_FIX });
    return first;
  }
  const found = sheets.find((s) => s.name === name);
  if (!found) {
    throw new InputError({
      file,
      problem: `the workbook has no worksheet named "${name}"${didYouMeanSuffix(name, names)}`,
      fix: `name one of its worksheets: ${names.map((n) => `"${n}"`).join(", ")}`,
    });
  }
  return found;
}

/** Is an Excel number format a percentage (a % outside quotes)? */
export function isPercentFormat(numFmt: string | undefined): boolean {
  return (
    !!numFmt &&
    numFmt
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, "")
      .includes("%")
  );
}

/** A cell's text and kind; `percent`: the cell is formatted as a percentage (its number × 100). */
export function cellText(v: CellValue, percent = false): [string, CellKind] {
  if (v === null || v === undefined) return ["", "empty"];
  if (typeof v === "number") return [percent ? String(+(v * 100).toPrecision(15)) : String(v), "number"];
  if (typeof v === "string") return [v, v.trim() === "" ? "empty" : "string"];
  if (typeof v === "boolean") return [v ? "TRUE" : "FALSE", "boolean"];
  if (v instanceof Date) return [formatDate(v), "date"];
  if ("error" in v) return [String(v.error), "error"];
  if ("richText" in v) return [v.richText.map((r) => r.text).join(""), "string"];
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: CellValue }).result;
    if (result === undefined || result === null) return ["", "formula-no-result"];
    return cellText(result, percent);
  }
  if ("hyperlink" in v) {
    const t = (v as { text: unknown }).text;
    if (typeof t === "string") return [t, "string"];
    return cellText(t as CellValue);
  }
  return [String(v), "string"];
}

function formatDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}
