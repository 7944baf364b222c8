/**
 * Display helpers shared by the notebooks: presentation only, no model logic.
 *
 *   table(df | rows, opts)  an HTML table from a danfojs DataFrame or an array of row objects
 *   chart(spec)             a Vega-Lite spec rendered to SVG by targetcast's toSvg, shown inline
 *   note(html)              a highlighted paragraph (e.g. the illustrative-data warning)
 *
 * Imported from a notebook cell as `import { table, chart } from "./show"`; tslab compiles it
 * with the cells (it sits beside the notebooks, inside tslab's rootDir).
 */
import * as tslab from "tslab";
import { toSvg } from "targetcast";

type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Columns to show, in order (default: all). */
  columns?: string[];
  /** Header text per column (default: the column name). */
  headers?: Record<string, string>;
  /** Rows shown at most (default 60); the rest are counted in a note. */
  maxRows?: number;
  /** Significant digits for non-integer numbers (default 4). */
  digits?: number;
  caption?: string;
}

/** Anything with danfojs' DataFrame shape. */
interface FrameLike {
  columns: string[];
  values: readonly unknown[];
}

function isFrame(x: unknown): x is FrameLike {
  return typeof x === "object" && x !== null && Array.isArray((x as FrameLike).columns) && Array.isArray((x as FrameLike).values);
}

export function escapeHtml(s: unknown): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function format(v: Cell, digits: number): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "–";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(+v.toPrecision(digits));
  return String(v);
}

/** Show a DataFrame or rows as an HTML table (numbers right-aligned, NaN/null as "–"). */
export function table(data: FrameLike | Record<string, unknown>[], opts: TableOptions = {}): void {
  let columns: string[];
  let rows: Cell[][];
  if (isFrame(data)) {
    columns = opts.columns ?? data.columns;
    const at = columns.map((c) => data.columns.indexOf(c));
    const bad = columns.find((_, i) => at[i] < 0);
    if (bad !== undefined) throw new Error(`table: no column "${bad}" (columns: ${data.columns.join(", ")})`);
    rows = data.values.map((r) => at.map((i) => (r as Cell[])[i]));
  } else {
    columns = opts.columns ?? Object.keys(data[0] ?? {});
    rows = data.map((r) => columns.map((c) => r[c] as Cell));
  }
  const caption = opts.caption ? `<caption style="text-align:left;font-weight:bold">${escapeHtml(opts.caption)}</caption>` : "";
  if (rows.length === 0) {
    tslab.display.html(`<table class="targetcast">${caption}</table><p><em>(none 无)</em></p>`);
    return;
  }
  const digits = opts.digits ?? 4;
  const max = opts.maxRows ?? 60;
  const head = columns.map((c) => `<th style="text-align:left">${escapeHtml(opts.headers?.[c] ?? c)}</th>`).join("");
  const body = rows
    .slice(0, max)
    .map((r) => `<tr>${r.map((v) => `<td style="text-align:${typeof v === "number" ? "right" : "left"}">${escapeHtml(format(v, digits))}</td>`).join("")}</tr>`)
    .join("\n");
  const more = rows.length > max ? `<p><em>… ${rows.length - max} more rows (${rows.length} in all)</em></p>` : "";
  tslab.display.html(`<table class="targetcast">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`);
}

/**
 * Render a Vega-Lite spec to SVG with targetcast's toSvg (vega, headless) and show it inline.
 * Returns nothing, so that a cell ending in `await chart(…)` does not also print the SVG text.
 */
export async function chart(spec: object): Promise<void> {
  tslab.display.html(await toSvg(spec));
}

/** A highlighted note, e.g. the illustrative-data warning. `html` is shown as given. */
export function note(html: string, tone: "warning" | "info" = "info"): void {
  const colours = tone === "warning" ? "background:#fff4e5;border-left:4px solid #d9822b" : "background:#eef4fb;border-left:4px solid #0b3b6f";
  tslab.display.html(`<div style="${colours};padding:8px 12px;margin:6px 0">${html}</div>`);
}
