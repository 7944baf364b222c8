/**
 * Plain-text tables for the terminal that stay aligned with Chinese text: East Asian wide and
 * full-width characters take two columns (Unicode UAX #11), combining marks none.
 */

/** Columns a string occupies in a monospace terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0 || (c >= 0x300 && c <= 0x36f) || c === 0x200b) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Cut a string to at most `width` columns, marking the cut with "…". */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}

export function pad(s: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return align === "left" ? s + fill : fill + s;
}

/** One column of a terminal table: header, alignment and maximum width. */
export interface Column {
  header: string;
  align?: "left" | "right";
  /** Longest a cell may be, in columns (longer text is cut with …). */
  max?: number;
}

/** Render rows under headers, columns separated by two spaces, a rule under the header. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((r) => r.map((c, i) => (columns[i].max ? truncate(c, columns[i].max!) : c)));
  const widths = columns.map((col, i) =>
    Math.max(displayWidth(col.header), ...cells.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c ?? "", widths[i], columns[i].align))
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join(
    "\n",
  );
}
