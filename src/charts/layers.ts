/**
 * Layers shared by the time-series charts (fan chart, scenario comparison): the year axis,
 * observed history, the base-year rule and the target marker. Each returns plain JSON.
 */
import type { ScenarioResult, TargetAssessment } from "../assess/types.js";
import type { SeriesSummary } from "../simulate/types.js";
import type { Layer } from "./frame.js";
import { formatPercent, type Lang, targetLabel, tr, WORDS } from "./labels.js";
import { STATUS_STYLE } from "./statusStyle.js";
import { INK, TARGET_COLOR } from "./theme.js";

/** The x encoding of every time chart (years as integers, no thousands separator). */
export function xYear(lang: Lang, field = "year") {
  return {
    field,
    type: "quantitative" as const,
    scale: { zero: false, nice: false, padding: 14 },
    axis: { title: tr(lang, WORDS.year), format: "d", tickMinStep: 1, labelFlush: false },
  };
}

/**
 * The y encoding of every time chart. The title (the unit) sits horizontally above the axis,
 * where it is read first and costs no width. The same title on every layer keeps Vega-Lite
 * from merging titles.
 */
export function yValue(title: string | string[], field = "value") {
  return {
    field,
    type: "quantitative" as const,
    scale: { zero: false },
    axis: {
      title,
      titleAngle: 0,
      titleAlign: "left" as const,
      titleBaseline: "bottom" as const,
      titleX: -4,
      titleY: -10,
    },
  };
}

/** Observed values of one indicator, sorted by year. */
export function historyOf(result: ScenarioResult, indicator: string): { year: number; value: number }[] {
  return result.history
    .filter((h) => h.indicator === indicator && Number.isFinite(h.value))
    .map((h) => ({ year: h.year, value: h.value }))
    .sort((a, b) => a.year - b.year);
}

/** Quantiles of one indicator, sorted by year. */
export function seriesOf(result: ScenarioResult, indicator: string): SeriesSummary[] {
  return result.series.filter((s) => s.indicator === indicator).sort((a, b) => a.year - b.year);
}

/**
 * The projection with, in front, a zero-width point at the last observation on or before the
 * base year, so bands and median open from the observed line instead of floating beside it.
 */
export function anchoredSeries(result: ScenarioResult, indicator: string): SeriesSummary[] {
  const series = seriesOf(result, indicator);
  const history = historyOf(result, indicator).filter((h) => h.year <= result.scenario.baseYear);
  const last = history[history.length - 1];
  if (!last || series.length === 0 || series[0].year <= last.year) return series;
  const v = last.value;
  return [{ indicator, year: last.year, mean: v, p5: v, p10: v, p25: v, p50: v, p75: v, p90: v, p95: v }, ...series];
}

/** Quantitative targets on this indicator (qualitative and threshold-less ones cannot be drawn). */
export function drawableTargets(result: ScenarioResult, indicator: string): TargetAssessment[] {
  return result.targets.filter(
    (t) => t.indicator === indicator && t.threshold !== null && t.comparator !== null && Number.isFinite(t.threshold),
  );
}

/**
 * Observed history: dark line with filled points. Rows carry `series: label` so the line joins
 * the chart's shared colour/dash legend through `legend` (field encodings on "series").
 */
export function observedLayer(
  rows: { year: number; value: number }[],
  lang: Lang,
  yTitle: string | string[],
  label: string,
  legend: Record<string, unknown>,
): Layer {
  return {
    data: { values: rows.map((r) => ({ ...r, series: label })) },
    mark: { type: "line", strokeWidth: 1.8, point: { filled: true, size: 28, color: INK.observed } },
    encoding: { x: xYear(lang), y: yValue(yTitle), ...legend },
  } as Layer;
}

/** A dashed vertical rule at the base year, labelled at the top of the plot. */
export function baseYearLayer(baseYear: number, lang: Lang, corner: "top" | "bottom" = "top"): Layer {
  // The label sits LEFT of the rule: target lines run right of the base year, so they never strike it.
  // "top" suits rising histories (the top-left is empty), "bottom" falling ones.
  const y = corner === "top" ? { value: 0 } : { value: { expr: "height" } };
  return {
    data: { values: [{ year: baseYear, label: `${tr(lang, WORDS.baseYear)} ${baseYear}` }] },
    layer: [
      { mark: { type: "rule", color: INK.faint, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { x: xYear(lang) } },
      {
        mark: {
          type: "text",
          align: "right",
          baseline: corner === "top" ? "top" : "bottom",
          dx: -4,
          dy: corner === "top" ? 2 : -2,
          fontSize: 10,
          color: INK.muted,
        },
        encoding: { x: xYear(lang), y, text: { field: "label" } },
      },
    ],
  } as Layer;
}

/**
 * Each target as a dotted horizontal rule from the base year to the target year at the
 * threshold, a diamond at (target year, threshold) and a label such as "目标 Target ≥ 2.5%".
 */
export function targetLayers(
  targets: TargetAssessment[],
  baseYear: number,
  lang: Lang,
  yTitle: string | string[],
): Layer[] {
  if (targets.length === 0) return [];
  const rows = targets.map((t) => ({
    id: t.id,
    from: Math.min(baseYear, t.targetYear),
    year: t.targetYear,
    threshold: t.threshold,
    label: targetLabel(t, lang),
    status: `${STATUS_STYLE[t.status].mark} ${t.pMet === null ? "" : formatPercent(t.pMet)}`.trim(),
    statusColor: STATUS_STYLE[t.status].text,
  }));
  const x = xYear(lang);
  const y = yValue(yTitle, "threshold");
  const label = {
    type: "text" as const,
    align: "right" as const,
    baseline: "bottom" as const,
    dx: -2,
    dy: -9,
    fontSize: 11,
    fontWeight: "bold" as const,
    color: TARGET_COLOR,
  };
  return [
    {
      data: { values: rows },
      layer: [
        {
          mark: { type: "rule", color: TARGET_COLOR, strokeDash: [2, 3], strokeWidth: 1.2, opacity: 0.85 },
          encoding: { x: { ...x, field: "from" }, x2: { field: "year" }, y },
        },
        {
          mark: {
            type: "point",
            shape: "diamond",
            filled: true,
            size: 130,
            color: TARGET_COLOR,
            stroke: "#ffffff",
            strokeWidth: 1,
            opacity: 1,
          },
          encoding: { x, y },
        },
        // A white halo under the label keeps it legible over bands and lines.
        {
          mark: { ...label, stroke: "#ffffff", strokeWidth: 4, strokeJoin: "round", strokeOpacity: 0.9 },
          encoding: { x, y, text: { field: "label" } },
        },
        { mark: label, encoding: { x, y, text: { field: "label" } } },
        // The status mark and P(met) just below the target point, in the status colour.
        {
          mark: {
            ...label,
            baseline: "top",
            dy: 9,
            fontSize: 13,
            stroke: "#ffffff",
            strokeWidth: 4,
            strokeOpacity: 0.9,
          },
          encoding: { x, y, text: { field: "status" } },
        },
        {
          mark: { ...label, baseline: "top", dy: 9, fontSize: 13 },
          encoding: { x, y, text: { field: "status" }, color: { field: "statusColor", type: "nominal", scale: null } },
        },
      ],
    } as Layer,
  ];
}
