/**
 * The one look shared by every targetcast chart: a Vega-Lite `config` plus the few colours
 * builders set by hand.
 *
 * - Font: "Noto Sans CJK SC" (Debian `fonts-noto-cjk`) first, then other common CJK fonts and the
 *   bundled one (bundledFont.ts), so Chinese never falls back to a Latin-only face.
 * - Colours: every palette steps in lightness as well as hue, so a chart printed in grey
 *   still separates its series; lines also differ by dash pattern.
 * - No chart junk: no view frame, light horizontal grid only, no axis ticks on y.
 */
import type { Config } from "vega-lite";
import { BUNDLED_CJK_FAMILY } from "./bundledFont.js";

/**
 * CSS font list; the first entry is what resvg is told to use by default (see render.ts). The font
 * shipped with targetcast comes after the system CJK fonts, so it is used (and, in a browser, read
 * through its `@font-face`) only on a machine that has none of them.
 */
export const FONT_FAMILY = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "${BUNDLED_CJK_FAMILY}", sans-serif`;

/** Text and line greys. */
export const INK = {
  text: "#222222",
  muted: "#555555",
  faint: "#8c8c8c",
  grid: "#e3e3e3",
  observed: "#1a1a1a",
} as const;

/** Projection bands (light → dark) and the median, one blue hue stepping in lightness. */
export const BAND = {
  p90: "#dbe7f3",
  p80: "#b0c9e3",
  p50: "#7aa3cf",
  median: "#0b3b6f",
} as const;

/**
 * Scenario colours: dark navy, orange, mid teal, dark grey, light purple — lightness alternates
 * so neighbours stay apart in grey print. Paired with SCENARIO_DASHES.
 */
export const SCENARIO_COLORS = ["#0b3b6f", "#d9822b", "#3a9b8f", "#555555", "#9e8dc6", "#8c5a2b"];

/** Dash patterns matched one-to-one with SCENARIO_COLORS ([1, 0] is solid). */
export const SCENARIO_DASHES: number[][] = [
  [1, 0],
  [7, 3],
  [2, 2],
  [10, 3, 2, 3],
  [4, 4],
  [1, 3],
];

/** Target marks: a dark red that prints as near-black. */
export const TARGET_COLOR = "#a3221c";

/** Bars of a tornado: low input (light) and high input (dark). */
export const TORNADO_COLORS = { low: "#9fbfdf", high: "#0b3b6f" } as const;

/** Default sizes (px) of a single panel. */
export const SIZE = { width: 560, height: 300, panelWidth: 300, panelHeight: 180 } as const;

/** The Vega-Lite config every builder attaches. */
export const chartConfig: Config = {
  font: FONT_FAMILY,
  background: "#ffffff",
  padding: 16,
  view: { stroke: null },
  title: {
    anchor: "start",
    fontSize: 16,
    fontWeight: "bold",
    color: INK.text,
    subtitleFontSize: 11,
    subtitleColor: INK.muted,
    subtitlePadding: 6,
    offset: 14,
    lineHeight: 20,
    subtitleLineHeight: 15,
  },
  axis: {
    labelFontSize: 11,
    labelColor: INK.text,
    titleFontSize: 12,
    titleFontWeight: "normal",
    titleColor: INK.text,
    titlePadding: 8,
    domainColor: INK.faint,
    tickColor: INK.faint,
    gridColor: INK.grid,
    labelLimit: 260,
  },
  axisX: { grid: false },
  axisY: { grid: true, domain: false, ticks: false },
  axisBand: { grid: false },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: "normal",
    titleColor: INK.muted,
    labelColor: INK.text,
    orient: "bottom",
    direction: "vertical",
    symbolStrokeWidth: 2,
    // Headless vega estimates text widths (no canvas), overestimating Latin text; no limits
    // keeps labels from being cut with "…".
    labelLimit: 0,
    titleLimit: 0,
    rowPadding: 3,
    columnPadding: 16,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  range: { category: SCENARIO_COLORS },
  line: { strokeWidth: 2 },
  point: { size: 36 },
  text: { fontSize: 11, color: INK.text },
  concat: { spacing: 28 },
};
