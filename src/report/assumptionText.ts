/**
 * A scenario's assumptions in words: each model node's plain one-line summary (its mechanism's
 * `summary` template, src/model/mechanism.ts) filled with the node's terms — indicators by their
 * names, parameters as the scenario gives them, codes in words — plus the warnings of the trend
 * forecast it follows. No internal id reaches the text.
 *
 * Example: `assumptionSummary(a, r, "zh")` → "研发经费支出 = 上年 × (1 + 自身增速 N(16%, 标准差 3%)) + 新增财政科技支出 × 杠杆率 Tri(0.5, 1, 2)".
 */
import type { Assumption, ScenarioResult } from "../assess/types.js";
import { type Bi, indicatorInfo, type Lang, tr, unitLabel } from "../charts/labels.js";
import type { SummaryTerm } from "../model/types.js";
import type { Param } from "../stats/param.js";
import { forecastWarningText } from "./forecastText.js";

/** A simulation node as words: an indicator, "<indicator>.bau", "programme.<id>". */
export function nodeLabel(node: string, r: ScenarioResult): Bi {
  if (node.startsWith("programme.")) return { zh: "财政科技项目", en: "a programme" };
  const [head, part] = node.split(".");
  const info = indicatorInfo(r, head);
  if (info.name.zh === head) return { zh: "模型中间量", en: "an intermediate quantity" };
  return part === "bau" ? { zh: `${info.name.zh}（常规部分）`, en: `${info.name.en} (business as usual)` } : info.name;
}

/** Codes a node's terms may carry (count distributions, trend models), as words. */
const CODE_WORDS: Record<string, Bi> = {
  "count.poisson": { zh: "泊松分布", en: "Poisson" },
  "count.negative_binomial": { zh: "负二项分布", en: "negative binomial" },
  "count.fixed": { zh: "固定值", en: "fixed" },
  "trend.auto": {
    zh: "ETS、Theta 与漂移模型的中位数组合，区间取自真实预测误差参照类",
    en: "median of ETS, Theta and drift fits, intervals from the reference class of real forecast errors",
  },
  "trend.linear": {
    zh: "线性趋势，模型自身区间，未校准",
    en: "linear trend, the model's own intervals, not calibrated",
  },
  "trend.loglinear": {
    zh: "对数线性趋势，模型自身区间，未校准",
    en: "log-linear trend, the model's own intervals, not calibrated",
  },
  "trend.holt": {
    zh: "Holt 线性趋势，模型自身区间，未校准",
    en: "Holt trend, the model's own intervals, not calibrated",
  },
  "trend.holt-damped": {
    zh: "阻尼 Holt 趋势，模型自身区间，未校准",
    en: "damped Holt trend, the model's own intervals, not calibrated",
  },
  "trend.logit": {
    zh: "logit 趋势，模型自身区间，未校准",
    en: "logit trend, the model's own intervals, not calibrated",
  },
  "trend.weighted": {
    zh: "加权趋势，模型自身区间，未校准",
    en: "weighted trend, the model's own intervals, not calibrated",
  },
};

/** A number as the scenario wrote it (4 significant digits), as a percentage when the parameter is a rate. */
function figure(v: number, percent: boolean): string {
  return percent ? `${+(v * 100).toPrecision(4)}%` : `${+v.toPrecision(4)}`;
}

/** A parameter (a number or a distribution) in one language: "N(10%, 标准差 1.5%)", "Tri(0.5, 1, 2)". */
export function paramText(p: Param, percent: boolean, lang: "zh" | "en"): string {
  const f = (v: number) => figure(v, percent);
  if (typeof p === "number") return f(p);
  switch (p.dist) {
    case "normal":
      return `N(${f(p.mean)}, ${lang === "zh" ? "标准差" : "sd"} ${f(p.sd)})`;
    case "triangular":
      return `Tri(${f(p.min)}, ${f(p.mode)}, ${f(p.max)})`;
    case "uniform":
      return `U(${f(p.min)}, ${f(p.max)})`;
    case "lognormal":
      return `LogN(${lang === "zh" ? "中位数" : "median"} ${f(p.median)}, σ ${p.sigma})`;
  }
}

function termText(term: SummaryTerm, r: ScenarioResult, lang: "zh" | "en"): string {
  if ("node" in term) return tr(lang, nodeLabel(term.node, r));
  if ("param" in term) return paramText(term.param, term.percent, lang);
  if ("number" in term) return String(term.number);
  if ("unit" in term) return unitLabel(term.unit, lang);
  return tr(lang, CODE_WORDS[term.code] ?? { zh: "其他", en: "other" });
}

/**
 * Fill a summary template: `{self}` is the node's indicator, `{name}` a term; a `[…]` part is kept
 * only when every term it names is present.
 */
function fill(template: string, a: Assumption, r: ScenarioResult, lang: "zh" | "en", self: boolean): string {
  const value = (name: string) =>
    name === "self"
      ? self
        ? tr(lang, nodeLabel(a.indicator, r))
        : ""
      : a.terms[name] && termText(a.terms[name], r, lang);
  return template
    .replace(/\[([^\]]*)\]/g, (_, part: string) =>
      [...part.matchAll(/\{(\w+)\}/g)].every((m) => value(m[1]) !== undefined) ? part : "",
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => value(name) ?? "");
}

/** How to say an assumption: `self: false` leaves out the indicator's own name (a table names it in its first column). */
export interface SummaryOptions {
  self?: boolean;
}

/**
 * What one node of the model assumes, in one plain line, with the warnings of the trend it follows
 * ("both": the Chinese, then the English, separated by " / ").
 */
export function assumptionSummary(a: Assumption, r: ScenarioResult, lang: Lang, opts: SummaryOptions = {}): string {
  if (lang === "both") return `${assumptionSummary(a, r, "zh", opts)} / ${assumptionSummary(a, r, "en", opts)}`;
  const line = fill(a.template[lang], a, r, lang, opts.self !== false).trim();
  const warnings = a.forecastWarnings.map((w) => forecastWarningText(w, lang));
  return warnings.length ? `${line}${lang === "zh" ? "；" : "; "}${warnings.join(lang === "zh" ? "；" : "; ")}` : line;
}

/**
 * A scenario's assumptions as terminal lines, one per node, except that nodes following their own
 * calibrated (or the same named) trend over the same years share one line naming them all.
 */
export function assumptionLines(assumptions: readonly Assumption[], r: ScenarioResult, lang: "zh" | "en"): string[] {
  const groups = new Map<string, Assumption[]>();
  const lines: (string | Assumption[])[] = [];
  for (const a of assumptions) {
    const { model, from, to } = a.terms;
    if (a.mechanism !== "trend" || a.forecastWarnings.length || !model || !from || !to) {
      lines.push(assumptionSummary(a, r, lang));
      continue;
    }
    const key = JSON.stringify([model, from, to]);
    const group = groups.get(key);
    if (group) group.push(a);
    else {
      const g = [a];
      groups.set(key, g);
      lines.push(g);
    }
  }
  return lines.map((l) => {
    if (typeof l === "string") return l;
    const names = l.map((a) => tr(lang, nodeLabel(a.indicator, r))).join(lang === "zh" ? "、" : ", ");
    const { model, from, to } = l[0].terms;
    const how = `${termText(from, r, lang)}–${termText(to, r, lang)}`;
    return lang === "zh"
      ? `${names}：各按自身 ${how} 年的历史趋势外推（${termText(model, r, lang)}）`
      : `${names}: each follows the trend of its own history ${how} (${termText(model, r, lang)})`;
  });
}
