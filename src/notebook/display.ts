/**
 * What a notebook cell shows, in the formats Jupyter front ends understand (presentation only, no
 * model logic):
 *
 * - `showChart(spec)`: one output holding a MIME bundle with the Vega-Lite spec
 *   (`application/vnd.vegalite.v5+json`: JupyterLab draws it interactively, with tooltips) and the
 *   same chart as SVG (`image/svg+xml`, rendered by targetcast's `toSvg`: what static viewers such
 *   as nbconvert's HTML export or GitHub show, since they do not run Vega);
 * - `showTable(rows | DataFrame)`: an HTML `<table>` (`text/html`) with the column headers, numbers
 *   right-aligned, so tables keep their columns in the HTML export instead of zig-zagging text;
 * - `showNote(html)`: a highlighted paragraph, e.g. the illustrative-data warning.
 *
 * The bundles are built by pure functions (`chartBundle`, `tableHtml`) and sent through the tslab
 * kernel the notebook runs in. tslab's own `display.raw(mime, data)` sends one MIME type per output,
 * which cannot carry a fallback, so the bundle goes through the kernel's display-data writer that
 * tslab keeps in its module `tslab/dist/jupyter` (`lastWriteDisplayData`, tslab 1.0.x), found among
 * the modules the kernel has loaded. Outside a tslab kernel the show functions throw, saying so.
 *
 * Example (a notebook cell): `import { fanChart, showChart } from "targetcast";
 * await showChart(fanChart(result, "rd_intensity", { lang: "both" }));`
 */
import { createRequire } from "node:module";
import { toSvg } from "../charts/render.js";
import { escapeHtml } from "../report/html.js";

/** The MIME type of a Vega-Lite 5 spec, as JupyterLab's Vega extension registers it. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/** One Jupyter output: data keyed by MIME type (the front end picks the richest it can show). */
export type MimeBundle = Record<string, unknown>;

/** A chart's bundle: the Vega-Lite spec, its SVG picture and a plain-text title. */
export async function chartBundle(spec: object): Promise<MimeBundle> {
  const copy = () => JSON.parse(JSON.stringify(spec)) as { title?: unknown; description?: unknown };
  const json = copy();
  return {
    [VEGA_LITE_MIME]: json,
    // Rendered from its own copy: vega marks the data objects it reads (a vega_id symbol on each row).
    "image/svg+xml": await toSvg(copy()),
    "text/plain": chartTitle(json) || "Vega-Lite chart",
  };
}

/** The title text of a spec (a string, lines, or `{ text }`), joined into one line. */
function chartTitle(spec: { title?: unknown; description?: unknown }): string {
  const t = spec.title;
  const text = typeof t === "object" && t !== null && !Array.isArray(t) ? (t as { text?: unknown }).text : t;
  const line = Array.isArray(text) ? text.join(" ") : typeof text === "string" ? text : "";
  return line || (typeof spec.description === "string" ? spec.description : "");
}

type Cell = string | number | boolean | null | undefined;

/** Options of a table: which columns, their headers, how many rows, number precision and a caption. */
export interface TableOptions {
  /** Columns to show, in order (default: all, in the order of the first row). */
  columns?: string[];
  /** Header text per column (default: the column name); put the unit here. */
  headers?: Record<string, string>;
  /** Rows shown at most (default 60); how many more there are is said below the table. */
  maxRows?: number;
  /** Significant digits of non-integer numbers (default 4). */
  digits?: number;
  /** Caption above the table. */
  caption?: string;
}

/** Anything shaped like a danfojs DataFrame: column names and rows of values. */
export interface FrameLike {
  /** Column names. */
  columns: string[];
  /** Rows, each an array of values in column order. */
  values: readonly unknown[];
}

function isFrame(x: unknown): x is FrameLike {
  return (
    typeof x === "object" &&
    x !== null &&
    Array.isArray((x as FrameLike).columns) &&
    Array.isArray((x as FrameLike).values)
  );
}

function formatCell(v: Cell, digits: number): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "–";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(+v.toPrecision(digits));
  return String(v);
}

/**
 * An HTML table of a DataFrame or of row objects: a header row, numbers right-aligned with `digits`
 * significant digits, missing values as "–", at most `maxRows` rows. Throws on a column that does not exist.
 */
export function tableHtml(data: FrameLike | readonly Record<string, unknown>[], opts: TableOptions = {}): string {
  let columns: string[];
  let rows: Cell[][];
  if (isFrame(data)) {
    columns = opts.columns ?? data.columns;
    const at = columns.map((c) => data.columns.indexOf(c));
    const bad = columns.find((_, i) => at[i] < 0);
    if (bad !== undefined) throw new Error(`showTable: no column "${bad}" (columns: ${data.columns.join(", ")})`);
    rows = data.values.map((r) => at.map((i) => (r as Cell[])[i]));
  } else {
    const list = data as readonly Record<string, unknown>[];
    columns = opts.columns ?? Object.keys(list[0] ?? {});
    rows = list.map((r) => columns.map((c) => r[c] as Cell));
  }
  const caption = opts.caption
    ? `<caption style="text-align:left;font-weight:bold">${escapeHtml(opts.caption)}</caption>`
    : "";
  if (rows.length === 0) return `<table class="targetcast">${caption}</table><p><em>(none 无)</em></p>`;
  const digits = opts.digits ?? 4;
  const max = opts.maxRows ?? 60;
  const head = columns.map((c) => `<th style="text-align:left">${escapeHtml(opts.headers?.[c] ?? c)}</th>`).join("");
  const body = rows
    .slice(0, max)
    .map(
      (r) =>
        `<tr>${r
          .map(
            (v) =>
              `<td style="text-align:${typeof v === "number" ? "right" : "left"}">${escapeHtml(formatCell(v, digits))}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("\n");
  const more = rows.length > max ? `<p><em>… ${rows.length - max} more rows (${rows.length} in all)</em></p>` : "";
  return `<table class="targetcast">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}

/** A highlighted note's HTML; `html` is used as given (escape text with `escapeHtml`). */
export function noteHtml(html: string, tone: "warning" | "info" = "info"): string {
  const colours =
    tone === "warning"
      ? "background:#fff4e5;border-left:4px solid #d9822b"
      : "background:#eef4fb;border-left:4px solid #0b3b6f";
  return `<div style="${colours};padding:8px 12px;margin:6px 0">${html}</div>`;
}

type WriteDisplayData = (content: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void;

/** The display-data writer of the tslab kernel running this code, or undefined outside one. */
function kernelWriter(): WriteDisplayData | undefined {
  const cache = createRequire(import.meta.url).cache;
  for (const [file, mod] of Object.entries(cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    const write = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof write === "function") return write as WriteDisplayData;
  }
  return undefined;
}

/** Sends one output with every MIME type of `bundle` to the notebook (inside a tslab kernel only). */
export function showBundle(bundle: MimeBundle): void {
  const write = kernelWriter();
  if (!write)
    throw new Error(
      "showChart/showTable/showNote display in a Jupyter notebook run by the tslab kernel; none is running here (outside a notebook use chartBundle, tableHtml or toSvg)",
    );
  write({ data: bundle, metadata: {}, transient: {} }, false);
}

/**
 * Shows a Vega-Lite spec in the notebook: interactive in JupyterLab, an SVG picture elsewhere.
 * Returns nothing, so a cell ending in `await showChart(…)` prints nothing else.
 */
export async function showChart(spec: object): Promise<void> {
  showBundle(await chartBundle(spec));
}

/** Shows a DataFrame or row objects as an HTML table (see tableHtml). */
export function showTable(data: FrameLike | readonly Record<string, unknown>[], opts: TableOptions = {}): void {
  showBundle({ "text/html": tableHtml(data, opts) });
}

/** Shows a highlighted note (see noteHtml). */
export function showNote(html: string, tone: "warning" | "info" = "info"): void {
  showBundle({ "text/html": noteHtml(html, tone) });
}
