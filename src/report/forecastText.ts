/**
 * The trend forecast's notes in words: its warnings (src/forecast/calibrated.ts returns them as
 * codes and numbers) and the citation of the reference class its intervals come from.
 *
 * Example: `forecastWarningText({ code: "gap", before: 2011, dropped: 2 }, "zh")` → "2011 年之前有缺失年份，更早的 2 个数据点未使用".
 */
import type { Lang } from "../charts/labels.js";
import { type ForecastWarning, forecastWarningEnglish } from "../forecast/calibrated.js";
import { REFERENCE_CLASS } from "../forecast/reference-class-table.js";

/** The Chinese words of each warning; the English are the forecast layer's own (forecastWarningEnglish). */
const WARNING_WORDS_ZH: { [C in ForecastWarning["code"]]: (w: Extract<ForecastWarning, { code: C }>) => string } = {
  gap: (w) => `${w.before} 年之前有缺失年份，更早的 ${w.dropped} 个数据点未使用`,
  constant: (w) => `序列没有变化，采用不变预测；区间假设每年 ±${w.floorPercent}% 的波动（数据中没有波动可测）`,
};

/** One warning of the trend forecast in the language asked for ("both": Chinese / English). */
export function forecastWarningText(w: ForecastWarning, lang: Lang): string {
  if (lang === "both") return `${forecastWarningText(w, "zh")} / ${forecastWarningText(w, "en")}`;
  if (lang === "en") return forecastWarningEnglish(w);
  const say = WARNING_WORDS_ZH[w.code] as (w: ForecastWarning) => string;
  return say(w);
}

/**
 * The citation of a reference class (its `source` line) in one language. The shipped table's
 * English line is rendered in Chinese here, its numbers and references read from the line itself
 * (so a regenerated table stays cited right); another table's line is quoted as it is.
 */
export function referenceClassCitation(source: string, lang: Lang): string {
  if (lang === "both") return `${referenceClassCitation(source, "zh")} / ${source}`;
  if (lang === "en" || source !== REFERENCE_CLASS.source) return source;
  const series = /reference class of (\d[\d,]*) real yearly series/.exec(source)?.[1];
  // The references in parentheses, with their English connecting words in Chinese.
  const refs = [...source.matchAll(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].map((m) =>
    m[1]
      .replace(/\bet al\./g, "等")
      .replace(/\bR package\b/g, "R 包")
      .replace(/ & /g, " 与 ")
      .replace(/; /g, "；"),
  );
  const names = [
    /M-competition/.test(source) ? "M 竞赛年度序列" : null,
    /Tourism forecasting competition/.test(source) ? "旅游预测竞赛年度序列" : null,
  ].filter((n): n is string => n !== null);
  const what = series ? `${series} 条真实年度序列的预测误差（仅用训练年份）` : "真实年度序列的预测误差";
  // Each collection with its reference (they appear in the same order in the line).
  const from =
    names.length === refs.length
      ? names.map((n, i) => `${n}（${refs[i]}）`).join("；")
      : [...names, ...refs.map((r) => `（${r}）`)].join("");
  return `参照类：${what}${from ? `：${from}` : ""}`;
}

/** The combination's member methods (src/forecast/combination.ts names them in English) as words. */
const MEMBER_WORDS: Record<string, { zh: string; en: string }> = {
  drift: { zh: "漂移", en: "drift" },
  theta: { zh: "Theta", en: "theta" },
  holt: { zh: "Holt", en: "holt" },
  damped: { zh: "阻尼趋势", en: "damped" },
  naive: { zh: "不变", en: "naive" },
};

/**
 * A member of the combined forecast in one language: "drift (ln)" → "漂移（对数）"; "drift for
 * holt" (drift standing in for Holt on a short series) → "Holt（以漂移代替）".
 */
export function memberName(name: string, lang: "zh" | "en"): string {
  if (lang === "en") return name;
  const scale = / \((ln|logit)\)$/.exec(name);
  const base = scale ? name.slice(0, scale.index) : name;
  const parts = base.split(" for ").map((p) => MEMBER_WORDS[p]?.zh ?? p);
  const method = parts.length > 1 ? `${parts[parts.length - 1]}（以${parts.slice(0, -1).join("代替")}代替）` : parts[0];
  return scale ? `${method}（${scale[1] === "ln" ? "对数" : "logit"}）` : method;
}
