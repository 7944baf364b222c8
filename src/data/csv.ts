/**
 * An RFC 4180 CSV parser: quoted fields, "" for a quote inside quotes, commas and line breaks
 * inside quotes, CRLF or LF (or a lone CR), optional trailing newline. Blank lines (and lines
 * whose fields are all empty, as spreadsheets write them) are skipped. Lenient where RFC 4180
 * is silent and no meaning is lost: spaces before an opening or after a closing quote are
 * ignored, and a quote inside an unquoted field is kept as a literal character.
 */
import { InputError } from "./errors.js";
import type { RawRow, RawTable } from "./rawTable.js";
import { headerBelowTitle, titleRowsError } from "./titleRows.js";

const QUOTE_FIX =
  'add the missing closing double quote ("); inside a quoted field write a literal quote as two quotes ("")';

/** All non-blank records of `text` with the 1-based line each starts on; no field-count check. */
export function parseCsvRecords(text: string, file: string): RawRow[] {
  const records: RawRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let j = i;
      while (j < n && (text[j] === " " || text[j] === "\t")) j++;
      if (j < n && text[j] === '"') {
        const quoteLine = line;
        i = j + 1;
        let value = "";
        let chunkStart = i;
        for (;;) {
          if (i >= n) {
            const header = records[0]?.fields;
            const column = header ? header[fields.length]?.trim() : undefined;
            throw new InputError({
              file,
              line: quoteLine,
              ...(column ? { column } : {}),
              problem: `a quoted field that opens on line ${quoteLine} is never closed`,
              fix: QUOTE_FIX,
            });
          }
          const c = text[i];
          if (c === '"') {
            value += text.slice(chunkStart, i);
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              chunkStart = i;
              continue;
            }
            i++;
            break;
          }
          if (c === "\r" || c === "\n") {
            value += text.slice(chunkStart, i) + "\n";
            i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
            line++;
            chunkStart = i;
            continue;
          }
          i++;
        }
        while (i < n && (text[i] === " " || text[i] === "\t")) i++;
        if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          const header = records[0]?.fields;
          const column = header ? header[fields.length]?.trim() : undefined;
          throw new InputError({
            file,
            line,
            ...(column ? { column } : {}),
            problem: `unexpected text ${JSON.stringify(text.slice(i, i + 10))} after a closing quote`,
            fix: 'put the whole field inside the quotes, and write a literal quote inside a quoted field as two quotes ("")',
          });
        }
        fields.push(value);
      } else {
        const start = i;
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
        fields.push(text.slice(start, i));
      }

      if (i >= n) break;
      if (text[i] === ",") {
        i++;
        continue;
      }
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      break;
    }
    if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
  }
  return records;
}

/**
 * Parse CSV text into a header and rows. Every row must have exactly as many fields as the
 * header, or an InputError names the line and both counts. With `required` column names, a
 * header below a title or notes is refused with its line (titleRows.ts).
 */
export function parseCsv(text: string, file: string, required?: readonly string[]): RawTable {
  const records = parseCsvRecords(text, file);
  const below = headerBelowTitle(records, required);
  if (below) throw titleRowsError({ file }, records[0], below, required!);
  const header = records[0];
  if (!header) {
    throw new InputError({
      file,
      line: 1,
      problem: "the file is empty (no header row)",
      fix: "write a header row with the column names on line 1, then one row per record",
    });
  }
  checkSeparator(header, file);
  const width = header.fields.length;
  const rows = records.slice(1);
  for (const row of rows) {
    const count = row.fields.length;
    if (count === width) continue;
    const names = header.fields.map((f) => f.trim());
    if (count > width) {
      throw new InputError({
        file,
        line: row.line,
        column: names[width - 1],
        problem:
          `this line has ${count} fields but the header has ${width} ` +
          `(${count - width} too many, so the values are shifted; usually a comma inside a field that is not quoted)`,
        fix: 'put double quotes around every field that contains a comma, e.g. "Beijing, Haidian", or remove the extra commas',
      });
    }
    throw new InputError({
      file,
      line: row.line,
      column: names[count],
      problem: `this line has ${count} fields but the header has ${width}: the line ends before column "${names[count]}"`,
      fix: "add the missing fields (an empty field is written as nothing between two commas), so every line has one field per header column",
    });
  }
  return { file, header, rows };
}

/** Other separators spreadsheets write (Excel in many locales: ";"; "Unicode text": tab). */
const OTHER_SEPARATORS = [
  { char: ";", name: "semicolons (;)" },
  { char: "\t", name: "tabs" },
] as const;

/** A header that is one field holding semicolons or tabs: the file is not comma-separated. */
function checkSeparator(header: RawRow, file: string): void {
  if (header.fields.length !== 1) return;
  const only = header.fields[0];
  const other = OTHER_SEPARATORS.find((s) => only.includes(s.char));
  if (!other) return;
  throw new InputError({
    file,
    line: header.line,
    problem: `the header is separated by ${other.name}, not commas, so it reads as one column ${JSON.stringify(only.slice(0, 60))}`,
    fix: 'save the file as comma-separated CSV (in Excel: Save As → "CSV UTF-8 (Comma delimited)"), or replace the separators with commas',
  });
}
