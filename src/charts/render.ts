/**
 * Rendering, kept apart from the spec builders: Vega-Lite spec → SVG (vega, headless, no canvas)
 * → PNG (resvg, with system fonts so Chinese is drawn with "Noto Sans CJK SC").
 *
 * vega@5 and vega-lite@5 ship CommonJS builds, so `import * as` works both under Node ESM and
 * when tslab compiles a notebook cell to CommonJS (vega@6 would not: it is ESM-only with
 * top-level await).
 *
 * Example: `toPng(await toSvg(fanChart(result, "rd_intensity")), { scale: 2 })` → PNG bytes.
 */
import { execFileSync } from "node:child_process";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import * as vl from "vega-lite";
import { BUNDLED_CJK_FAMILY, bundledCjkFontFiles } from "./bundledFont.js";

export { BUNDLED_CJK_FAMILY, bundledCjkFontFiles };

/** The font resvg falls back to; Debian package fonts-noto-cjk provides it. */
export const CJK_FONT = "Noto Sans CJK SC";

/**
 * Advance widths (em) of printable ASCII, U+0020–U+007E, in Noto Sans CJK SC Regular (its Latin
 * glyphs are Source Sans), measured once with resvg.
 */
// prettier-ignore
const ASCII_EM = [
  0.224, 0.322, 0.474, 0.555, 0.555, 0.921, 0.68, 0.278, 0.338, 0.338, 0.466, 0.555, 0.278, 0.346, 0.278, 0.392, 0.555,
  0.555, 0.555, 0.555, 0.555, 0.555, 0.555, 0.555, 0.555, 0.555, 0.278, 0.278, 0.555, 0.555, 0.555, 0.474, 0.946, 0.601,
  0.656, 0.607, 0.687, 0.587, 0.551, 0.688, 0.728, 0.293, 0.492, 0.645, 0.543, 0.812, 0.723, 0.741, 0.632, 0.741, 0.635,
  0.582, 0.595, 0.721, 0.584, 0.878, 0.572, 0.527, 0.585, 0.338, 0.392, 0.338, 0.555, 0.559, 0.606, 0.562, 0.617, 0.487,
  0.619, 0.553, 0.321, 0.564, 0.607, 0.275, 0.275, 0.552, 0.284, 0.926, 0.61, 0.604, 0.619, 0.619, 0.388, 0.468, 0.354,
  0.607, 0.521, 0.802, 0.498, 0.52, 0.475, 0.338, 0.27, 0.338, 0.555,
];

/**
 * Approximate advance width, in em, of one character in Noto Sans CJK SC: printable ASCII from
 * the table above; ideographs, kana, hangul, full-width forms and the symbols this font draws
 * full-width (≥ ≤ · × …) 1 em; anything else 0.6 em.
 */
export function charWidthEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x20 && c <= 0x7e) return ASCII_EM[c - 0x20];
  if (c === 0x2013) return 0.534; // –
  if (c === 0x2014) return 0.822; // —
  if (
    (c >= 0x2010 && c <= 0x2027) || // ‘ ’ “ ” • …
    c === 0xb7 || // ·
    c === 0xd7 || // ×
    (c >= 0x2190 && c <= 0x22ff) || // arrows, ≥ ≤
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  ) {
    return 1;
  }
  return 0.6;
}

/** Estimated width in px of a line of text at `fontSize` px (bold ≈ 5 % wider). */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * fontSize * (bold ? 1.05 : 1);
}

interface TextItem {
  limit?: number;
  fontSize?: number;
  fontWeight?: string | number;
}
type TextMetrics = { width: (item: TextItem, text: unknown) => number };

let metricsInstalled = false;

/**
 * Headless vega has no canvas to measure text, so by default it guesses 0.8 em for every
 * character: Latin labels get cut with "…" and legends spread out, while Chinese is
 * under-measured. Replace the guess with per-character widths (a hook vega supports for
 * renderers without canvas). Called once, before the first render.
 */
function installTextMetrics(): void {
  if (metricsInstalled) return;
  metricsInstalled = true;
  const metrics = (vega as unknown as { textMetrics?: TextMetrics }).textMetrics;
  if (!metrics) return;
  metrics.width = (item: TextItem, text: unknown) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const str = text == null ? "" : String(text).trim();
    const weight = item.fontWeight;
    const bold = weight === "bold" || (typeof weight === "number" && weight >= 600);
    const w = estimateTextWidth(str, size, bold);
    // vega truncates text wider than `limit` with "…"; the truncated text is at most `limit` wide.
    const limit = Number(item.limit) || 0;
    return limit > 0 ? Math.min(w, limit) : w;
  };
}

/** Compile a Vega-Lite spec and render it to an SVG string (no browser, no canvas). */
export async function toSvg(spec: TopLevelSpec | object): Promise<string> {
  installTextMetrics();
  const compiled = vl.compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Options of PNG rendering: scale factor and background colour. */
export interface PngOptions {
  /** Zoom factor: 2 gives a crisp image for print and high-DPI screens. Default 2. */
  scale?: number;
  /** Background colour; default white (charts are meant for print). */
  background?: string;
}

/** Where PNG text gets its Chinese glyphs: a system font, the bundled one, or none (boxes). */
export function cjkFontSource(): "system" | "bundled" | "none" {
  return cjkFontAvailable() ? "system" : bundledCjkFontFiles().length ? "bundled" : "none";
}

/** resvg's font options: system fonts, plus the bundled CJK font as the default face when the system has none. */
export function resvgFontOptions(source = cjkFontSource()) {
  if (source !== "bundled") return { loadSystemFonts: true, defaultFontFamily: CJK_FONT, sansSerifFamily: CJK_FONT };
  return {
    loadSystemFonts: true,
    fontFiles: bundledCjkFontFiles(),
    defaultFontFamily: BUNDLED_CJK_FAMILY,
    sansSerifFamily: BUNDLED_CJK_FAMILY,
  };
}

/**
 * Rasterise an SVG to PNG bytes with system fonts and "Noto Sans CJK SC" as the default face (the
 * bundled Noto Sans SC when the machine has no Chinese font).
 */
export function toPng(svg: string, opts: PngOptions = {}): Buffer {
  const scale = opts.scale ?? 2;
  if (!(scale > 0)) throw new Error(`toPng: scale must be > 0, got ${scale}`);
  const resvg = new Resvg(svg, {
    font: resvgFontOptions(),
    fitTo: { mode: "zoom", value: scale },
    background: opts.background ?? "#ffffff",
    logLevel: "off",
  });
  return resvg.render().asPng();
}

let fontCheck: boolean | undefined;

/**
 * Is a font with Chinese glyphs installed (`fc-list :lang=zh` lists anything)? Without one,
 * PNGs show Chinese as empty boxes; install it with `apt-get install fonts-noto-cjk`.
 * The answer is cached for the life of the process.
 */
export function cjkFontAvailable(): boolean {
  if (fontCheck === undefined) {
    try {
      const out = execFileSync("fc-list", [":lang=zh", "family"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
        timeout: 10_000,
      });
      fontCheck = out.trim().length > 0;
    } catch {
      fontCheck = false;
    }
  }
  return fontCheck;
}

/** The advice to print when cjkFontAvailable() is false. */
export const CJK_FONT_ADVICE =
  "No Chinese font found (fc-list :lang=zh is empty, and the bundled @embedpdf/fonts-sc is missing): Chinese text in PNGs will render as boxes. Install one with: apt-get install fonts-noto-cjk, or npm install @embedpdf/fonts-sc";
