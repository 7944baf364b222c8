/**
 * Sentences for people, made from the numbers and codes the assessment returns (src/assess gives
 * growth rates, changes per year and the driving parameter's name; the words are made here).
 * One wording per language; no internal id reaches the text: a parameter is named by its
 * indicator's name and a label for the parameter kind.
 *
 * Example: `plainReason(t, result, "zh")` → "需年均增长 10.4%，预测年均增长 6.6%；影响最大：研发经费支出的自身增速".
 */
import type { ScenarioResult, TargetAssessment } from "../assess/types.js";
import { type Bi, formatNumber, indicatorInfo, type Lang, tr, unitLabel } from "../charts/labels.js";

/** Labels of the parameter kinds the mechanisms draw (the last part of a parameter name, src/model/). */
const PARAMETER_WORDS: Record<string, Bi> = {
  trend: { zh: "趋势", en: "trend" },
  growth: { zh: "年均增速", en: "growth rate" },
  own_growth: { zh: "自身增速", en: "own growth" },
  multiplier: { zh: "财政投入杠杆倍数", en: "leverage of fiscal spending" },
  additions: { zh: "每年新增数", en: "yearly additions" },
  depreciation: { zh: "折旧（失效）率", en: "depreciation rate" },
  elasticity: { zh: "弹性", en: "elasticity" },
  alpha: { zh: "资本份额", en: "capital share" },
};

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
};

export function mechanismLabel(mechanism: string, lang: Lang): string {
  return tr(lang, MECHANISM_WORDS[mechanism] ?? { zh: "其他机制", en: "other mechanism" });
}

/**
 * A parameter name such as "rd_expenditure.leveraged.own_growth" as words:
 * "研发经费支出的自身增速" / "own growth of R&D expenditure". A programme's effect
 * ("<programme>.effect.<indicator>") is named by the indicator it acts on.
 */
export function parameterLabel(name: string, results: ScenarioResult | ScenarioResult[], lang: Lang): string {
  const parts = name.split(".");
  if (parts.length >= 3 && parts[1] === "effect") {
    const info = indicatorInfo(results, parts.slice(2).join("."));
    return tr(lang, { zh: `财政项目对${info.name.zh}的效果`, en: `programme effect on ${info.name.en}` });
  }
  const info = indicatorInfo(results, parts[0]);
  const kind = PARAMETER_WORDS[parts[parts.length - 1]] ?? { zh: "假设", en: "assumption" };
  return tr(lang, { zh: `${info.name.zh}的${kind.zh}`, en: `${kind.en} of ${info.name.en}` });
}

/** A growth rate (fraction a year) as a percentage with one decimal: 0.104 → "10.4%". */
export function formatGrowth(g: number): string {
  return `${(Math.abs(g) * 100).toFixed(1)}%`;
}

/** "需年均增长 10.4%" / "needs 10.4% a year" (decline when negative). */
function growthPhrase(g: number, needed: boolean): Bi {
  const up = g >= 0;
  return needed
    ? {
        zh: `需年均${up ? "增长" : "下降"} ${formatGrowth(g)}`,
        en: `needs ${up ? "growth" : "a fall"} of ${formatGrowth(g)} a year`,
      }
    : {
        zh: `预测年均${up ? "增长" : "下降"} ${formatGrowth(g)}`,
        en: `projected ${up ? "growth" : "fall"}: ${formatGrowth(g)} a year`,
      };
}

/**
 * Why a target is not on track, in one plain sentence: the growth (or yearly change) it needs
 * versus what the scenario gives, then the assumption that matters most. Null when the
 * assessment gave no reason.
 */
export function plainReason(
  t: TargetAssessment,
  results: ScenarioResult | ScenarioResult[],
  lang: Lang,
  opts: { driver?: boolean } = {},
): string | null {
  const r = t.reason;
  if (!r) return null;
  const zh: string[] = [];
  const en: string[] = [];
  // Counts by change per year, everything else by growth rate (the rule of src/assess/assess.ts).
  const byGrowth = t.kind !== "count" && t.kind !== "cumulative_count";
  if (byGrowth && r.requiredGrowth !== null && r.projectedGrowth !== null) {
    const a = growthPhrase(r.requiredGrowth, true);
    const b = growthPhrase(r.projectedGrowth, false);
    zh.push(`${a.zh}，${b.zh}`);
    en.push(`${a.en}; ${b.en}`);
  } else if (r.requiredChangePerYear !== null && r.projectedChangePerYear !== null) {
    const u = (l: "zh" | "en") => unitLabel(t.unit, l);
    const n = (v: number) => formatNumber(v);
    zh.push(`需每年增加 ${n(r.requiredChangePerYear)} ${u("zh")}，预测每年 ${n(r.projectedChangePerYear)} ${u("zh")}`);
    en.push(
      `needs ${n(r.requiredChangePerYear)} ${u("en")} more a year; projected ${n(r.projectedChangePerYear)} ${u("en")}`,
    );
  } else if (t.median !== null && t.threshold !== null) {
    zh.push(
      `${t.targetYear} 年预测中位数 ${formatNumber(t.median)}，目标 ${formatNumber(t.threshold)} ${unitLabel(t.unit, "zh")}`,
    );
    en.push(
      `projected median ${formatNumber(t.median)} in ${t.targetYear} against ${formatNumber(t.threshold)} ${unitLabel(t.unit, "en")}`,
    );
  }
  if (r.topDriver && opts.driver !== false) {
    zh.push(`影响最大的假设：${parameterLabel(r.topDriver.parameter, results, "zh")}`);
    en.push(`the assumption that matters most: ${parameterLabel(r.topDriver.parameter, results, "en")}`);
  }
  if (!zh.length) return null;
  return tr(lang, { zh: `${zh.join("；")}。`, en: `${en.join("; ").replace(/^./, (c) => c.toUpperCase())}.` });
}

/**
 * An amount with its unit. Chinese: 万 and 亿 — 2000 万元 → "2,000万元", 25000 万元 → "2.5亿元".
 * English: amounts in 万元 as million yuan (1 万元 = 0.01 million yuan) — "20 million yuan".
 * "both" gives "2,000万元（20 million yuan）".
 */
export function formatAmount(value: number, unit: string, lang: Lang): string {
  const zh =
    unit.startsWith("万") && Math.abs(value) >= 10_000
      ? `${formatNumber(value / 10_000)}亿${unit.slice(1)}`
      : `${formatNumber(value)}${unit}`;
  const en =
    unit === "万元" ? `${formatNumber(value / 100)} million yuan` : `${formatNumber(value)} ${unitLabel(unit, "en")}`;
  return lang === "zh" ? zh : lang === "en" ? en : `${zh}（${en}）`;
}

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
