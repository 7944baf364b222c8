/**
 * Fan chart: one indicator in one scenario — observed history (line + points), the projected
 * median and the 50 %, 80 % and 90 % Monte Carlo bands, the base year as a vertical rule and
 * each target on the indicator as a labelled diamond at its target year. In a retrospective run,
 * values observed after the base year (`actuals`) are drawn as open circles over the fan.
 *
 * Bands come from the quantiles every SeriesSummary carries (P5, P10, P25, P50, P75, P90, P95):
 * 50 % = P25–P75, 80 % = P10–P90, 90 % = P5–P95. There is no 95 % band: we do not have P2.5/P97.5.
 *
 * Example: `fanChart(result, "rd_intensity", { lang: "zh" })` → a Vega-Lite spec.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult, TargetAssessment } from "../assess/types.js";
import { chartTitle, frame, type Layer, provenanceOf } from "./frame.js";
import {
  bandLabel,
  colon,
  DEFAULT_LANG,
  formatPercent,
  indicatorInfo,
  type Lang,
  STATUS_WORDS,
  targetLabel,
  tr,
  trLines,
  unitTitle,
  WORDS,
} from "./labels.js";
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
import { STATUS_STYLE } from "./statusStyle.js";
import { BAND, INK, SIZE } from "./theme.js";

export interface FanChartOptions {
  lang?: Lang;
  /** Draw only this target (by id); default: every quantitative target on the indicator. */
  targetId?: string;
  width?: number;
  height?: number;
}

/** Fan chart of `indicator` in `result`. Throws when the result has neither history nor projection for it. */
export function fanChart(result: ScenarioResult, indicator: string, opts: FanChartOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  const info = indicatorInfo(result, indicator);
  const history = historyOf(result, indicator);
  const series = anchoredSeries(result, indicator);
  if (history.length === 0 && series.length === 0) {
    throw new Error(
      `fanChart: no history or projection for indicator "${indicator}" in scenario "${result.scenario.id}"`,
    );
  }
  let targets = drawableTargets(result, indicator);
  if (opts.targetId !== undefined) {
    targets = targets.filter((t) => t.id === opts.targetId);
    if (targets.length === 0) {
      throw new Error(`fanChart: no quantitative target "${opts.targetId}" on indicator "${indicator}"`);
    }
  }

  const yTitle = unitTitle(info.unit, lang);
  const x = xYear(lang);
  const bandLabels = [bandLabel(90, lang), bandLabel(80, lang), bandLabel(50, lang)];
  const fillScale = { domain: bandLabels, range: [BAND.p90, BAND.p80, BAND.p50] };
  const lineLabels = [tr(lang, WORDS.observed), tr(lang, WORDS.median)];
  const colorScale = { domain: lineLabels, range: [INK.observed, BAND.median] };
  // Constant "band"/"series" fields (not datum encodings, which the v5 schema does not allow
  // to carry a scale or legend) put every layer into two shared legends.
  const lineLegend = {
    color: { field: "series", type: "nominal", scale: colorScale, legend: { title: null, symbolType: "stroke" } },
    strokeDash: {
      field: "series",
      type: "nominal",
      scale: {
        domain: lineLabels,
        range: [
          [1, 0],
          [6, 3],
        ],
      },
      legend: { title: null, symbolType: "stroke" },
    },
  };

  // One layer per band, widest first, so the narrower (darker) bands are drawn on top.
  const band = (label: string, lo: "p5" | "p10" | "p25", hi: "p95" | "p90" | "p75"): Layer =>
    ({
      data: { values: series.map((s) => ({ year: s.year, band: label, lo: s[lo], hi: s[hi] })) },
      mark: { type: "area", opacity: 1, interpolate: "linear" },
      encoding: {
        x,
        y: yValue(yTitle, "lo"),
        y2: { field: "hi" },
        fill: {
          field: "band",
          type: "nominal",
          scale: fillScale,
          legend: { title: tr(lang, WORDS.band), symbolType: "square" },
        },
      },
    }) as Layer;

  const layers: Layer[] = [];
  if (series.length > 0) {
    layers.push(band(bandLabels[0], "p5", "p95"), band(bandLabels[1], "p10", "p90"), band(bandLabels[2], "p25", "p75"));
  }
  const falling = targets.length > 0 && targets.every((t) => t.comparator === "<=" || t.comparator === "<");
  layers.push(baseYearLayer(result.scenario.baseYear, lang, falling ? "bottom" : "top"));
  if (series.length > 0) {
    layers.push({
      data: { values: series.map((s) => ({ year: s.year, value: s.p50, series: lineLabels[1] })) },
      mark: { type: "line", strokeWidth: 2.2 },
      encoding: { x, y: yValue(yTitle), ...lineLegend },
    } as Layer);
  }
  if (history.length > 0) layers.push(observedLayer(history, lang, yTitle, lineLabels[0], lineLegend));
  // Retrospective runs: what actually happened after the base year, as open circles over the fan.
  const actuals = (result.actuals ?? [])
    .filter((a) => a.indicator === indicator && a.year > result.scenario.baseYear && Number.isFinite(a.value))
    .map((a) => ({ year: a.year, value: a.value, series: tr(lang, WORDS.actual) }));
  if (actuals.length > 0) {
    layers.push({
      data: { values: actuals },
      mark: { type: "point", filled: false, size: 52, strokeWidth: 1.8, color: INK.observed, opacity: 1 },
      encoding: {
        x,
        y: yValue(yTitle),
        shape: {
          field: "series",
          type: "nominal",
          scale: { domain: [tr(lang, WORDS.actual)], range: ["circle"] },
          legend: { title: null },
        },
      },
    } as Layer);
  }
  layers.push(...targetLayers(targets, result.scenario.baseYear, lang, yTitle));

  // One target: the title states the finding ("… ≥ 2.5% by 2015: 16% likely — off track").
  const one = opts.targetId !== undefined ? targets[0] : undefined;
  const heading = one
    ? findingLines(findingTitle(one, result), lang)
    : trLines(lang, {
        zh: `${info.name.zh}：${result.scenario.nameZh}`,
        en: `${info.name.en}: ${result.scenario.nameEn}`,
      });
  const extra = [`${tr(lang, WORDS.paths)}${colon(lang)}${result.paths.toLocaleString("en-US")}`];
  return frame({
    description: `Fan chart of ${info.name.en} (${info.unit}) in scenario ${result.scenario.nameEn}`,
    title: chartTitle(heading, provenanceOf(result, indicator), lang, extra),
    width: opts.width ?? SIZE.width,
    height: opts.height ?? SIZE.height,
    layer: layers,
  } as TopLevelSpec);
}

/**
 * The finding of a one-target chart, in two lines per language:
 * "研发投入占地区生产总值的比重 ≥ 2.5%（2015年）" / "达成概率 16% ✗ 偏离（基准情景）", and
 * "R&D expenditure as a share of GDP ≥ 2.5% by 2015:" / "16% likely ✗ off track (Baseline)".
 */
export function findingTitle(
  t: TargetAssessment,
  result: ScenarioResult,
): { zh: [string, string]; en: [string, string] } {
  const p = t.pMet === null ? "–" : formatPercent(t.pMet);
  const mark = STATUS_STYLE[t.status].mark;
  const zhTarget = targetLabel(t, "zh").replace(/^目标 /, "");
  const enTarget = targetLabel(t, "en").replace(/^Target /, "");
  return {
    zh: [
      `${t.nameZh} ${zhTarget}（${t.targetYear}年）`,
      `达成概率 ${p} ${mark} ${STATUS_WORDS[t.status].zh}（${result.scenario.nameZh}）`,
    ],
    en: [
      `${t.nameEn} ${enTarget} by ${t.targetYear}:`,
      `${p} likely ${mark} ${STATUS_WORDS[t.status].en.toLowerCase()} (${result.scenario.nameEn})`,
    ],
  };
}

function findingLines(f: { zh: [string, string]; en: [string, string] }, lang: Lang): string[] {
  return lang === "zh" ? f.zh : lang === "en" ? f.en : [...f.zh, ...f.en];
}
