/**
 * Words on charts and in the briefing, in Chinese, English or both.
 *
 * Every builder takes `lang`: "zh" (Chinese only), "en" (English only) or "both"
 * (Chinese first, then English — the default, since targetcast's readers are Chinese-first
 * planners who share results with English-speaking partners).
 *
 * Example: `statusLabel("at_risk", "both")` → "有风险 At risk".
 */

import type { CommitmentStatus, ForecastStatus, ScenarioResult, Status } from "../assess/types.js";
import type { Comparator } from "../data/types.js";
import { unitEn } from "../data/units.js";
import { formatNumber, type Lang } from "./numberFormat.js";

export type { Lang } from "./numberFormat.js";
export {
  formatCount,
  formatFigure,
  formatGrowth,
  formatNumber,
  formatPercent,
  formatValue,
  percentDecimals,
} from "./numberFormat.js";

/** The default language of every builder. */
export const DEFAULT_LANG: Lang = "both";

/** A phrase in both languages. */
export interface Bi {
  zh: string;
  en: string;
}

/** One line: "中文", "English" or "中文 English". */
export function tr(lang: Lang, text: Bi): string {
  if (lang === "zh") return text.zh;
  if (lang === "en") return text.en;
  return text.zh === text.en ? text.zh : `${text.zh} ${text.en}`;
}

/**
 * The same, but "both" gives two lines (Chinese, then English) for titles that would be
 * too wide on one line. Vega draws a string array as stacked lines.
 */
export function trLines(lang: Lang, text: Bi): string | string[] {
  if (lang === "both" && text.zh !== text.en) return [text.zh, text.en];
  return tr(lang, text);
}

/** A colon after a label: full-width in Chinese-only text. */
export function colon(lang: Lang): string {
  return lang === "zh" ? "：" : ": ";
}

/** Fixed phrases used by several charts and the briefing. */
export const WORDS = {
  target: { zh: "目标", en: "Target" },
  scenario: { zh: "情景", en: "Scenario" },
  year: { zh: "年份", en: "Year" },
  observed: { zh: "观测值", en: "Observed" },
  actual: { zh: "基年后实际值", en: "Actual after base year" },
  median: { zh: "预测中位数", en: "Projected median" },
  baseYear: { zh: "基年", en: "Base year" },
  band: { zh: "预测区间", en: "Projection interval" },
  interval: { zh: "区间", en: "interval" },
  pMet: { zh: "达成概率", en: "P(met)" },
  status: { zh: "状态", en: "Status" },
  source: { zh: "数据来源", en: "Data source" },
  illustrative: { zh: "示意数据，非官方统计", en: "Illustrative data, not official statistics" },
  required: { zh: "所需年均增速", en: "Required growth" },
  projected: { zh: "预测年均增速", en: "Projected growth" },
  growthAxis: { zh: "年均增速（%/年）", en: "Annual growth (%/year)" },
  lowInput: { zh: "参数取低值", en: "Parameter at low value" },
  highInput: { zh: "参数取高值", en: "Parameter at high value" },
  baseline: { zh: "基准", en: "Baseline" },
  parameter: { zh: "参数", en: "Parameter" },
  paths: { zh: "蒙特卡洛模拟路径数", en: "Monte Carlo paths" },
  unit: { zh: "单位", en: "Unit" },
} as const satisfies Record<string, Bi>;

/** The words for each status, in Chinese and English (one definition for every table and chart). */
export const STATUS_WORDS: Record<Status, Bi> = {
  already_met: { zh: "已达成", en: "Already met" },
  on_track: { zh: "按计划", en: "On track" },
  at_risk: { zh: "有风险", en: "At risk" },
  off_track: { zh: "偏离", en: "Off track" },
  not_assessed: { zh: "未评估", en: "Not assessed" },
  commitment_adopted: { zh: "承诺：已采纳", en: "Commitment: adopted" },
  commitment_not_adopted: { zh: "承诺：未采纳", en: "Commitment: not adopted" },
};

/** Forecast status order from best to worst, for legends, sorting and status counts (commitments are not counted). */
export const STATUS_ORDER: ForecastStatus[] = ["already_met", "on_track", "at_risk", "off_track", "not_assessed"];
/** The statuses of a commitment (a decision, src/assess/commitments.ts), after the forecast statuses in legends. */
export const COMMITMENT_STATUS_ORDER: CommitmentStatus[] = ["commitment_adopted", "commitment_not_adopted"];
/** Every status, forecast then commitment: for legends and styles that may meet both. */
export const ALL_STATUSES: Status[] = [...STATUS_ORDER, ...COMMITMENT_STATUS_ORDER];

/** The label of a status in the given language. */
export function statusLabel(status: Status, lang: Lang): string {
  return tr(lang, STATUS_WORDS[status]);
}

/** A unit in the chosen language, e.g. "件/万人" → "per 10,000 population" in English. */
export function unitLabel(unit: string, lang: Lang): string {
  return tr(lang, { zh: unit, en: unitEn(unit) });
}

/** An axis title naming the unit: "单位：件/万人", "Unit: per 10,000 population", or both. */
export function unitTitle(unit: string, lang: Lang): string {
  if (!unit) return "";
  const zh = `${WORDS.unit.zh}：${unit}`;
  const en = `${WORDS.unit.en}: ${unitEn(unit)}`;
  return lang === "zh"
    ? zh
    : lang === "en"
      ? en
      : unitEn(unit) === unit
        ? `${WORDS.unit.zh} ${WORDS.unit.en}: ${unit}`
        : `${zh}  ${en}`;
}

/** "名称（单位）" / "Name (unit)"; with "both", two lines. */
export function withUnit(name: Bi, unit: string, lang: Lang): string | string[] {
  const zh = unit ? `${name.zh}（${unit}）` : name.zh;
  const en = unit ? `${name.en} (${unitEn(unit)})` : name.en;
  return trLines(lang, { zh, en });
}

/** The indicator's names and unit from a result, falling back to the id. */
export function indicatorInfo(
  results: ScenarioResult | ScenarioResult[],
  indicator: string,
): { name: Bi; unit: string } {
  const list = Array.isArray(results) ? results : [results];
  for (const r of list) {
    const def = r.indicators.find((d) => d.id === indicator);
    if (def) return { name: { zh: def.nameZh, en: def.nameEn }, unit: def.unit };
  }
  for (const r of list) {
    const t = r.targets.find((d) => d.indicator === indicator);
    if (t) return { name: { zh: t.nameZh, en: t.nameEn }, unit: t.unit };
  }
  return { name: { zh: indicator, en: indicator }, unit: "" };
}

export function scenarioName(result: ScenarioResult, lang: Lang): string {
  return tr(lang, { zh: result.scenario.nameZh, en: result.scenario.nameEn });
}

/** Comparators as printed: "≥", "≤", ">", "<". */
export function comparatorSymbol(c: Comparator): string {
  return c === ">=" ? "≥" : c === "<=" ? "≤" : c;
}

/** A band label: "90% 区间 interval (P5–P95)". */
export function bandLabel(level: 50 | 80 | 90, lang: Lang): string {
  const q = level === 50 ? "P25–P75" : level === 80 ? "P10–P90" : "P5–P95";
  return `${level}% ${tr(lang, WORDS.interval)} (${q})`;
}

/** "目标 Target ≥ 2.5 %" (units after the number; "%" written tight). */
export function targetLabel(
  t: { comparator: Comparator | null; threshold: number | null; unit: string },
  lang: Lang,
): string {
  const head = tr(lang, WORDS.target);
  if (t.comparator === null || t.threshold === null) return head;
  const unit = unitLabel(t.unit, lang === "both" ? "zh" : lang);
  const sep = t.unit === "%" ? "" : " ";
  return `${head} ${comparatorSymbol(t.comparator)} ${formatNumber(t.threshold)}${unit ? sep + unit : ""}`;
}
