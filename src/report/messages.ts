/**
 * Sentences for people, made from the numbers and codes the assessment returns (src/assess gives
 * growth rates, changes per year and the driving parameter's name; the words are made here).
 * One catalogue per language; no internal id reaches the text: an assumption is named by its
 * label (src/scenario/assumptionLabel.ts), an indicator by its target's name.
 *
 * Example: `reasonText(t, "zh")` → "需年均增长 10.4%，本情景中位数年均增长 6.9%；影响最大的假设：研发经费支出：自身增速（ρ = 0.71）".
 */
import type { NotAssessedReason, ScenarioResult, TargetAssessment } from "../assess/types.js";
import {
  type Bi,
  formatCount,
  formatFigure,
  formatGrowth,
  indicatorInfo,
  type Lang,
  tr,
  unitLabel,
} from "../charts/labels.js";
import { formatAmount } from "../charts/numberFormat.js";
import type { TargetKind } from "../data/types.js";
import type { Unprojectable } from "../model/types.js";
import { describeOrigin } from "./nonFiniteText.js";

/** Target kinds (catalogue column `kind`, src/data/types.ts) as words. */
const KIND_WORDS: Record<TargetKind, Bi> = {
  level: { zh: "水平值", en: "level" },
  share: { zh: "比重", en: "share" },
  rate_per_10k: { zh: "每万人比率", en: "rate per 10,000" },
  count: { zh: "数量", en: "count" },
  cumulative_count: { zh: "累计数", en: "cumulative count" },
  flow_per_year: { zh: "年度流量", en: "amount a year" },
  relative_to_base: { zh: "相对基年倍数", en: "multiple of a base year" },
  qualitative: { zh: "定性", en: "qualitative" },
};

export function kindLabel(kind: TargetKind, lang: Lang): string {
  return tr(lang, KIND_WORDS[kind]);
}

/** Mechanism names (scenario files, src/model/registry.ts) as words. */
const MECHANISM_WORDS: Record<string, Bi> = {
  trend: { zh: "趋势外推", en: "trend" },
  growth: { zh: "增速", en: "growth" },
  leveraged: { zh: "财政杠杆", en: "fiscal leverage" },
  count: { zh: "计数增加", en: "count additions" },
  elastic: { zh: "弹性响应", en: "elastic response" },
  stock_flow: { zh: "存量与流量", en: "stock and flow" },
  inventory: { zh: "永续盘存", en: "perpetual inventory" },
  ratio: { zh: "比率", en: "ratio" },
  solow: { zh: "索洛余值", en: "Solow residual" },
  "top-up": { zh: "项目预算叠加", en: "programme top-up" },
  programme: { zh: "项目资金", en: "programme spending" },
  response: { zh: "项目效应", en: "programme response" },
};

export function mechanismLabel(mechanism: string, lang: Lang): string {
  return tr(lang, MECHANISM_WORDS[mechanism] ?? { zh: "其他机制", en: "other mechanism" });
}

/** Why an indicator cannot be projected (src/model/types.ts, Unprojectable), in each language. */
type UnprojectableWords = { [C in Unprojectable["code"]]: (w: Extract<Unprojectable, { code: C }>) => string };
const GIVE_MECHANISM = {
  zh: "请补充数据，或在情景中为它指定机制",
  en: "add data, or give it a mechanism in the scenario",
};
const UNPROJECTABLE_ZH: UnprojectableWords = {
  no_history: (w) => `${w.baseYear} 年及之前没有观测值，情景中也没有为它指定机制；${GIVE_MECHANISM.zh}`,
  too_short: (w) => `只有 ${w.points} 个数据点，趋势预测至少需要 ${w.needed} 个；${GIVE_MECHANISM.zh}`,
  gap: (w) =>
    `${w.before} 年之前有缺失年份，末尾只剩 ${w.consecutive} 个连续年份（至少需要 ${w.needed} 个）；请补齐缺失年份，或在情景中为它指定机制`,
  non_finite: () => `历史数据中有非有限数值；请检查数据`,
  no_trend: () => `其历史数据拟合不出趋势，情景中也没有为它指定机制；${GIVE_MECHANISM.zh}`,
};
const UNPROJECTABLE_EN: UnprojectableWords = {
  no_history: (w) =>
    `no observed value at or before ${w.baseYear} and no mechanism in the scenario; ${GIVE_MECHANISM.en}`,
  too_short: (w) =>
    `it has ${w.points} point${w.points === 1 ? "" : "s"}; a trend needs at least ${w.needed}; ${GIVE_MECHANISM.en}`,
  gap: (w) =>
    `a gap before ${w.before} leaves ${w.consecutive} consecutive year${w.consecutive === 1 ? "" : "s"} at the end (a trend needs ${w.needed}); fill the missing years or give it a mechanism in the scenario`,
  non_finite: () => "its history holds a value that is not a finite number; check the data",
  no_trend: (w) => `no trend fits its history (${w.message}); ${GIVE_MECHANISM.en}`,
};

/** The words of the "why" of a target and of "not assessed, because", for one language. */
interface ReasonWords {
  needsGrowth(rate: string, up: boolean): string;
  projectedGrowth(rate: string, up: boolean): string;
  needsChange(change: string, unit: string): string;
  projectedChange(change: string, unit: string): string;
  level(year: number, median: string, threshold: string, unit: string): string;
  driver(label: string, rho: string | null): string;
  shocks: string;
  /** Between the parts of one reason, and how a reason ends as a sentence. */
  join: string;
  end: string;
  notAssessed: {
    [C in NotAssessedReason["code"]]: (r: Extract<NotAssessedReason, { code: C }>, name: string) => string;
  };
}

/** One catalogue per language (Chinese first); every sentence of a reason comes from here. */
const REASON_WORDS: Record<"zh" | "en", ReasonWords> = {
  zh: {
    needsGrowth: (g, up) => `需年均${up ? "增长" : "下降"} ${g}`,
    projectedGrowth: (g, up) => `本情景中位数年均${up ? "增长" : "下降"} ${g}`,
    needsChange: (c, u) => `需每年增加 ${c} ${u}`,
    projectedChange: (c, u) => `本情景中位数为 ${c} ${u}`,
    level: (y, m, t, u) => `${y} 年中位数 ${m}，目标 ${t} ${u}`,
    driver: (label, rho) => `影响最大的假设：${label}${rho === null ? "" : `（ρ = ${rho}）`}`,
    shocks: "无单一主导假设，离散来自逐年波动",
    join: "；",
    end: "。",
    notAssessed: {
      qualitative: () => "定性目标，规划未给出数值",
      unavailable: (r, name) => `无法预测${name}：${UNPROJECTABLE_ZH[r.why.code](r.why as never)}`,
      no_reference_value: (r, name) => `没有${name}在 ${r.year} 年的观测值，无法计算倍数目标`,
      beyond_horizon: (r) => `情景的预测期在 ${r.targetYear} 年之前结束；请延长 horizon`,
      not_after_base_year: (r) => `目标年 ${r.targetYear} 不在基年 ${r.baseYear} 之后`,
      non_finite: (r, name) =>
        `${r.paths} 条路径中有 ${r.brokenPaths} 条在 ${r.targetYear} 年给不出${name}的有限值（分母为零或负，或增速溢出）${r.origin ? `；${describeOrigin(r.origin, "zh")}` : ""}；请检查数据和情景中${name}及其计算来源指标的增速`,
    },
  },
  en: {
    needsGrowth: (g, up) => `needs to ${up ? "grow" : "fall"} ${g} a year`,
    projectedGrowth: (g, up) => `in the scenario's median it ${up ? "grows" : "falls"} ${g} a year`,
    needsChange: (c, u) => `needs +${c} ${u} a year`,
    projectedChange: (c, u) =>
      `the scenario's median gives ${c.startsWith("-") || c.startsWith("−") ? "" : "+"}${c} ${u}`,
    level: (y, m, t, u) => `median ${m} in ${y} against ${t} ${u}`,
    driver: (label, rho) => `most influential assumption: ${label}${rho === null ? "" : ` (ρ = ${rho})`}`,
    shocks: "no single assumption dominates: the spread comes from year-to-year shocks",
    join: "; ",
    end: ".",
    notAssessed: {
      qualitative: () => "qualitative goal: the plan states no number",
      unavailable: (r) => `${r.indicator}: ${UNPROJECTABLE_EN[r.why.code](r.why as never)}`,
      no_reference_value: (r) => `no observed ${r.indicator} in ${r.year} to multiply`,
      beyond_horizon: (r) => `the scenario horizon ends before ${r.targetYear}; extend horizon`,
      not_after_base_year: (r) => `${r.targetYear} is not after the base year ${r.baseYear}`,
      non_finite: (r) =>
        `${r.brokenPaths} of ${r.paths} paths give no finite value of ${r.indicator} in ${r.targetYear} (a zero or negative denominator, or a rate that overflows)${r.origin ? `; ${describeOrigin(r.origin)}` : ""}; check the data and the scenario's rates for ${r.indicator} and the indicators it is computed from`,
    },
  },
};

/** How much of a reason to say: the driving assumption (default yes), its ρ (default yes), as a sentence. */
export interface ReasonOptions {
  driver?: boolean;
  rho?: boolean;
  /** A capitalised sentence with its full stop (briefing, deck); default: a clause (tables, CSV). */
  sentence?: boolean;
}

/**
 * Why a target is not on track, in one language: the growth (or yearly change) it needs versus
 * what the scenario gives, then the assumption that matters most. Null when the assessment gave
 * no reason. "both" gives the Chinese, then the English, separated by " / ".
 */
export function reasonText(t: TargetAssessment, lang: Lang, opts: ReasonOptions = {}): string | null {
  if (!t.reason) return null;
  if (lang === "both") return `${reasonText(t, "zh", opts)} / ${reasonText(t, "en", opts)}`;
  const w = REASON_WORDS[lang];
  const r = t.reason;
  const unit = unitLabel(t.unit, lang);
  const parts: string[] = [];
  if (r.basis === "growth" && r.requiredGrowth !== null && r.projectedGrowth !== null) {
    parts.push(
      w.needsGrowth(formatGrowth(r.requiredGrowth), r.requiredGrowth >= 0) +
        (lang === "zh" ? "，" : "; ") +
        w.projectedGrowth(formatGrowth(r.projectedGrowth), r.projectedGrowth >= 0),
    );
  } else if (r.basis === "change_per_year" && r.requiredChangePerYear !== null && r.projectedChangePerYear !== null) {
    parts.push(
      w.needsChange(formatCount(r.requiredChangePerYear, lang), unit) +
        (lang === "zh" ? "，" : "; ") +
        w.projectedChange(formatCount(r.projectedChangePerYear, lang), unit),
    );
  } else if (t.median !== null && t.threshold !== null) {
    const fig = (v: number) => formatFigure(v, t.unit, lang, t.threshold);
    parts.push(w.level(t.targetYear, fig(t.median), fig(t.threshold), unit));
  }
  if (opts.driver !== false)
    parts.push(
      r.topDriver
        ? w.driver(tr(lang, r.topDriver.label), opts.rho === false ? null : r.topDriver.rho.toFixed(2))
        : w.shocks,
    );
  if (!parts.length) return null;
  const text = parts.join(w.join);
  return opts.sentence ? `${text.charAt(0).toUpperCase()}${text.slice(1)}${w.end}` : text;
}

/** Why a target was not assessed, in the language asked for ("both": Chinese / English); null when it was. */
export function notAssessedText(
  t: Pick<TargetAssessment, "notAssessed" | "indicator" | "nameZh" | "nameEn">,
  lang: Lang,
): string | null {
  const why = t.notAssessed;
  if (!why) return null;
  if (lang === "both") return `${notAssessedText(t, "zh")} / ${notAssessedText(t, "en")}`;
  const say = REASON_WORDS[lang].notAssessed[why.code] as (r: NotAssessedReason, name: string) => string;
  // The target's own name stands for its indicator (the indicator id never reaches Chinese text).
  // Stryker disable next-line ConditionalExpression: the English sentences name the indicator by its id, never by this name
  return say(why, lang === "zh" ? `“${t.nameZh}”` : t.nameEn);
}

export { formatAmount } from "../charts/numberFormat.js";
/**
 * A commitment (a target the district decides) as a decision, in one sentence: adopted or not, what
 * honouring it costs beyond the scenario's projection (median and P90 over the paths, in its target
 * year) and the forecast targets that depend on it. Null for a forecast target.
 *
 * Example (en): "A decision, adopted by this scenario: honouring it takes 43.05 million yuan more
 * Fiscal S&T expenditure in 2015 than projected (median; P90 56.94 million yuan); forecast targets
 * that depend on it: R&D expenditure as a share of GDP."
 */
export function commitmentSentence(t: TargetAssessment, result: ScenarioResult, lang: Lang): string | null {
  const c = t.commitment;
  if (!c) return null;
  const zh: string[] = [c.adopted ? "区级决策，本情景已采纳" : "区级决策，本情景未采纳"];
  const en: string[] = [
    c.adopted ? "A decision, adopted by this scenario" : "A decision, not adopted by this scenario",
  ];
  if (c.cost) {
    const what = indicatorInfo(result, c.cost.indicator).name;
    const amount = (v: number, l: "zh" | "en") => formatAmount(v, c.cost!.unit, l);
    zh.push(
      c.cost.median > 0
        ? `兑现它需在预测之外于 ${c.cost.year} 年增加${what.zh} ${amount(c.cost.median, "zh")}（中位数；P90 ${amount(c.cost.p90, "zh")}）`
        : `本情景的预测在 ${c.cost.year} 年中位数上已兑现它（P90 仍缺 ${amount(c.cost.p90, "zh")}）`,
    );
    en.push(
      c.cost.median > 0
        ? `honouring it takes ${amount(c.cost.median, "en")} more ${what.en} in ${c.cost.year} than projected (median; P90 ${amount(c.cost.p90, "en")})`
        : `the scenario's projection honours it on the median path in ${c.cost.year} (P90 shortfall ${amount(c.cost.p90, "en")})`,
    );
  } else {
    zh.push("模型无法估算兑现成本（不是资金，也不是资金的比率）");
    en.push("the model cannot cost it (it is neither money nor a ratio of money)");
  }
  const names = c.dependents.map((id) => {
    const d = result.targets.find((x) => x.id === id);
    return { zh: d?.nameZh ?? id, en: d?.nameEn ?? id };
  });
  zh.push(names.length ? `依赖它的预测目标：${names.map((n) => n.zh).join("、")}` : "模型中没有预测目标依赖它");
  en.push(
    names.length
      ? `forecast targets that depend on it: ${names.map((n) => n.en).join(", ")}`
      : "no forecast target depends on it in the model",
  );
  return tr(lang, { zh: `${zh.join("；")}。`, en: `${en.join("; ")}.` });
}

/** The heading of the commitments block (terminal, briefing): decisions, not forecasts. */
export const COMMITMENTS_HEADING: Bi = {
  zh: "承诺事项（区级决策，不计入预测目标数）",
  en: "Commitments (decisions of the district, not counted among the forecast targets)",
};
