/**
 * Scenario comparison: one indicator across scenarios — each scenario's projected median as a
 * line (colour and dash differ, so grey print still separates them) over its 80 % band
 * (P10–P90, translucent), the observed history, the base year and the targets.
 *
 * `scenarioComparisonPanels` draws several indicators as small multiples, each panel with its
 * own y scale and unit, sharing one scenario legend.
 *
 * Examples:
 *   scenarioComparison(results, "rd_intensity", { lang: "both" })
 *   scenarioComparisonPanels(results, ["rd_intensity", "energy_intensity"], { columns: 2 })
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult } from "../assess/types.js";
import { chartTitle, frame, type Layer, provenanceOf, type SubSpec } from "./frame.js";
import { DEFAULT_LANG, indicatorInfo, type Lang, scenarioName, tr, trLines, unitTitle, WORDS } from "./labels.js";
import {
  anchoredSeries,
  baseYearLayer,
  drawableTargets,
  historyOf,
  observedLayer,
  targetLayers,
  xYear,
  yValue,
} from "./layers.js";
import { INK, SCENARIO_COLORS, SCENARIO_DASHES, SIZE } from "./theme.js";

/** Options of the scenario comparison chart: language, width and height. */
export interface ScenarioComparisonOptions {
  lang?: Lang;
  width?: number;
  height?: number;
}

/** Options of the scenario comparison split into panels. */
export interface ScenarioPanelsOptions extends ScenarioComparisonOptions {
  /** Panels per row; default 2. */
  columns?: number;
}

function checkResults(results: ScenarioResult[], who: string): void {
  if (results.length === 0) throw new Error(`${who}: no scenario results`);
  const ids = results.map((r) => r.scenario.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw new Error(`${who}: scenario "${dup}" appears twice`);
}

/** Scenario names as drawn, made unique if two scenarios share a name. */
function scenarioLabels(results: ScenarioResult[], lang: Lang): string[] {
  const names = results.map((r) => scenarioName(r, lang));
  return names.map((n, i) => (names.indexOf(n) !== i ? `${n} (${results[i].scenario.id})` : n));
}

/** The layers of one indicator's comparison (shared by the single chart and each panel). */
function comparisonLayers(results: ScenarioResult[], indicator: string, lang: Lang, yTitle: string): Layer[] {
  const labels = scenarioLabels(results, lang);
  const observed = tr(lang, WORDS.observed);
  const colorDomain = [observed, ...labels];
  const colors = [INK.observed, ...labels.map((_, i) => SCENARIO_COLORS[i % SCENARIO_COLORS.length])];
  const dashes = [[1, 0], ...labels.map((_, i) => SCENARIO_DASHES[i % SCENARIO_DASHES.length])];
  const legendTitle = tr(lang, WORDS.scenario);
  // Median lines use field "scenario"; observed rows carry the same field, so one legend holds both.
  const legend = {
    color: {
      field: "scenario",
      type: "nominal",
      scale: { domain: colorDomain, range: colors },
      legend: { title: legendTitle, symbolType: "stroke", symbolSize: 300 },
    },
    strokeDash: {
      field: "scenario",
      type: "nominal",
      scale: { domain: colorDomain, range: dashes },
      legend: { title: legendTitle, symbolType: "stroke", symbolSize: 300 },
    },
  };
  const x = xYear(lang);

  const rows = results.flatMap((r, i) =>
    anchoredSeries(r, indicator).map((s) => ({ scenario: labels[i], year: s.year, lo: s.p10, mid: s.p50, hi: s.p90 })),
  );
  const withHistory = results.find((r) => historyOf(r, indicator).length > 0);
  const history = withHistory ? historyOf(withHistory, indicator) : [];
  const first = results[0];
  // Targets are the same plan in every scenario; draw them once, from the first result that has them.
  const targetSource = results.find((r) => drawableTargets(r, indicator).length > 0) ?? first;

  const layers: Layer[] = [];
  if (rows.length > 0) {
    layers.push({
      data: { values: rows },
      mark: { type: "area", opacity: 0.16 },
      encoding: {
        x,
        y: yValue(yTitle, "lo"),
        y2: { field: "hi" },
        fill: { field: "scenario", type: "nominal", scale: { domain: labels, range: colors.slice(1) }, legend: null },
        detail: { field: "scenario" },
      },
    } as Layer);
  }
  layers.push(baseYearLayer(first.scenario.baseYear, lang));
  if (rows.length > 0) {
    layers.push({
      data: { values: rows },
      mark: { type: "line", strokeWidth: 2.2 },
      encoding: {
        x,
        y: yValue(yTitle, "mid"),
        ...legend,
      },
    } as Layer);
  }
  if (history.length > 0) {
    const observedLegend = {
      color: { ...legend.color, field: "series" },
      strokeDash: { ...legend.strokeDash, field: "series" },
    };
    layers.push(observedLayer(history, lang, yTitle, observed, observedLegend));
  }
  layers.push(...targetLayers(drawableTargets(targetSource, indicator), targetSource.scenario.baseYear, lang, yTitle));
  return layers;
}

/** Medians and 80 % bands of `indicator` in every scenario of `results`, on one chart. */
export function scenarioComparison(
  results: ScenarioResult[],
  indicator: string,
  opts: ScenarioComparisonOptions = {},
): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  checkResults(results, "scenarioComparison");
  const info = indicatorInfo(results, indicator);
  const heading = trLines(lang, { zh: `${info.name.zh}：情景比较`, en: `${info.name.en}: scenarios compared` });
  const band = tr(lang, {
    zh: "线为预测中位数，阴影为 80% 区间 (P10–P90)",
    en: "lines: projected median; shading: 80% interval (P10–P90)",
  });
  return frame({
    description: `${info.name.en} (${info.unit}) projected under ${results.length} scenarios`,
    title: chartTitle(heading, provenanceOf(results), lang, [band]),
    width: opts.width ?? SIZE.width,
    height: opts.height ?? SIZE.height,
    layer: comparisonLayers(results, indicator, lang, unitTitle(info.unit, lang)),
  } as TopLevelSpec);
}

/** Small multiples: one comparison panel per indicator, each with its own y scale and unit. */
export function scenarioComparisonPanels(
  results: ScenarioResult[],
  indicators: string[],
  opts: ScenarioPanelsOptions = {},
): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  checkResults(results, "scenarioComparisonPanels");
  if (indicators.length === 0) throw new Error("scenarioComparisonPanels: no indicators");
  const panels: SubSpec[] = indicators.map((indicator) => {
    const info = indicatorInfo(results, indicator);
    return {
      title: { text: trLines(lang, info.name), fontSize: 13, anchor: "start" },
      width: opts.width ?? SIZE.panelWidth,
      height: opts.height ?? SIZE.panelHeight,
      layer: comparisonLayers(results, indicator, lang, unitTitle(info.unit, lang)),
    } as SubSpec;
  });
  const heading = trLines(lang, { zh: "各指标情景比较", en: "Indicators under each scenario" });
  const band = tr(lang, {
    zh: "线为预测中位数，阴影为 80% 区间 (P10–P90)",
    en: "lines: projected median; shading: 80% interval (P10–P90)",
  });
  return frame({
    description: `${indicators.length} indicators projected under ${results.length} scenarios`,
    title: chartTitle(heading, provenanceOf(results), lang, [band]),
    columns: Math.max(1, opts.columns ?? 2),
    concat: panels,
    resolve: { scale: { y: "independent", x: "shared", color: "shared", strokeDash: "shared", fill: "shared" } },
  } as TopLevelSpec);
}
