/**
 * Growth gap: for each target, the annual growth it needs from the base year (required CAGR)
 * against the annual growth of the projected median (projected CAGR), as a dumbbell in %/year.
 * A long bar means the plan asks for much faster change than the projection delivers.
 *
 *   required  = (threshold / baseValue)^(1 / (targetYear − baseYear)) − 1
 *   projected = (median    / baseValue)^(1 / (targetYear − baseYear)) − 1
 *
 * Taken from `reason.requiredGrowth` / `reason.projectedGrowth` when the assessment gives them
 * (targets at risk or off track), otherwise computed from the assessment's own numbers with
 * the formulas above (src/stats/cagr.ts). Targets lacking any of those numbers (qualitative, no data) are left out.
 * For a lower-is-better target (≤) both growths are usually negative, and "ahead" is to the left.
 *
 * Example: `growthGap(result, { lang: "en" })`.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult, TargetAssessment } from "../assess/types.js";
import { cagr } from "../stats/cagr.js";
import { chartTitle, frame, type Layer, provenanceOf } from "./frame.js";
import { comparatorSymbol, DEFAULT_LANG, type Lang, scenarioName, tr, trLines, WORDS } from "./labels.js";
import { INK, SCENARIO_COLORS, TARGET_COLOR } from "./theme.js";

/** Options of the growth-gap chart: language and width. */
export interface GrowthGapOptions {
  lang?: Lang;
  width?: number;
}

/** Required and projected growth of one target (fractions per year), or null when unknown. */
export function targetGrowth(t: TargetAssessment): { required: number; projected: number } | null {
  const { baseYear, baseValue } = t;
  const growth = (to: number | null) =>
    baseYear === null || baseValue === null || to === null ? null : cagr(to, baseValue, t.targetYear, baseYear);
  const required = t.reason?.requiredGrowth ?? growth(t.threshold);
  const projected = t.reason?.projectedGrowth ?? growth(t.median);
  if (required === null || projected === null || !Number.isFinite(required) || !Number.isFinite(projected)) return null;
  return { required, projected };
}

/** Dumbbell of required vs projected annual growth for every target of `result` that has both. */
export function growthGap(result: ScenarioResult, opts: GrowthGapOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  const rows = result.targets.flatMap((t) => {
    const g = targetGrowth(t);
    if (!g || t.comparator === null) return [];
    const name = tr(lang, { zh: t.nameZh, en: t.nameEn });
    return [
      {
        target: `${name} (${comparatorSymbol(t.comparator)})`,
        required: round(g.required * 100),
        projected: round(g.projected * 100),
      },
    ];
  });
  const order = rows.map((r) => r.target);
  const requiredLabel = tr(lang, WORDS.required);
  const projectedLabel = tr(lang, WORDS.projected);
  const long = rows.flatMap((r) => [
    { target: r.target, kind: requiredLabel, growth: r.required },
    { target: r.target, kind: projectedLabel, growth: r.projected },
  ]);

  const xTitle = tr(lang, WORDS.growthAxis);
  const y = {
    field: "target",
    type: "nominal" as const,
    sort: order,
    axis: {
      title: null,
      labelLimit: 0,
      domain: false,
      ticks: false,
      labelPadding: 8,
      grid: true,
      gridColor: "#f0f0f0",
    },
  };
  const x = {
    type: "quantitative" as const,
    axis: { title: xTitle, format: "+.1~f", grid: true },
    scale: { zero: true, nice: true },
  };
  const layers: Layer[] = [
    {
      data: { values: [{ zero: 0 }] },
      mark: { type: "rule", color: INK.faint, strokeWidth: 1 },
      encoding: { x: { ...x, field: "zero" } },
    },
    {
      data: { values: rows },
      mark: { type: "rule", color: "#b8b8b8", strokeWidth: 3 },
      encoding: { y, x: { ...x, field: "required" }, x2: { field: "projected" } },
    },
    {
      data: { values: long },
      mark: { type: "point", filled: true, size: 110, opacity: 1, stroke: "#ffffff", strokeWidth: 0.8 },
      encoding: {
        y,
        x: { ...x, field: "growth" },
        color: {
          field: "kind",
          type: "nominal",
          scale: { domain: [requiredLabel, projectedLabel], range: [TARGET_COLOR, SCENARIO_COLORS[0]] },
          legend: { title: null, direction: "horizontal" },
        },
        shape: {
          field: "kind",
          type: "nominal",
          scale: { domain: [requiredLabel, projectedLabel], range: ["diamond", "circle"] },
          legend: { title: null, direction: "horizontal" },
        },
      },
    },
    // Values: required above its diamond, projected below its circle, so close pairs stay legible.
    ...[
      { kind: requiredLabel, dy: -12, color: TARGET_COLOR },
      { kind: projectedLabel, dy: 13, color: SCENARIO_COLORS[0] },
    ].map(({ kind, dy, color }) => ({
      data: { values: long.filter((d) => d.kind === kind) },
      mark: { type: "text", dy, fontSize: 10, color },
      encoding: { y, x: { ...x, field: "growth" }, text: { field: "growth", type: "quantitative", format: "+.1f" } },
    })),
  ] as Layer[];

  const heading = trLines(lang, {
    zh: `所需与预测年均增速：${result.scenario.nameZh}`,
    en: `Required vs projected annual growth: ${result.scenario.nameEn}`,
  });
  const base = result.scenario.baseYear;
  const note = tr(lang, {
    zh: `自基年 ${base} 至目标年份的复合年均增速；(≤) 为越低越好的目标`,
    en: `compound annual growth from base year ${base} to the target year; (≤) marks lower-is-better targets`,
  });
  return frame({
    description: `Required vs projected annual growth per target in scenario ${scenarioName(result, "en")}`,
    title: chartTitle(heading, provenanceOf(result), lang, [note]),
    width: opts.width ?? 420,
    height: { step: 38 },
    layer: layers,
  } as TopLevelSpec);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
