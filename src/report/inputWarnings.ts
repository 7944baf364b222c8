/**
 * What reading the inputs found that the user should know, in words: the baseline's warnings
 * (src/data/loadBaseline.ts returns them as codes and numbers). Each names the file.
 *
 * Example: `baselineWarningText({ code: "gaps", file: "d.csv", indicator: "gdp", missing: [2011], from: 2009, to: 2013 }, "zh")`
 *   → "d.csv：指标 gdp 缺少 2011 年的数值（2009–2013 年之间）；缺失年份保持缺失"
 */
import type { Lang } from "../charts/labels.js";
import type { BaselineWarning } from "../data/types.js";

type Words = { [C in BaselineWarning["code"]]: (w: Extract<BaselineWarning, { code: C }>) => string };

// The indicator id stays in these lines: it is what the user typed in the data file and must find there.
const WORDS: Record<"zh" | "en", Words> = {
  zh: {
    gb18030: (w) => `${w.file}：不是有效的 UTF-8，已按 GB18030/GBK 读取；建议另存为 UTF-8`,
    ignored_indicator: (w) =>
      `${w.location}：指标 ${w.indicator} 不在目标目录或指标词典中，已忽略（${w.rows} 行）${w.suggestion ? `；是否想写“${w.suggestion}”？` : ""}`,
    empty: (w) => `${w.file}：文件只有表头没有数据行，基线为空`,
    gaps: (w) =>
      `${w.file}：指标 ${w.indicator} 缺少 ${w.missing.join("、")} 年的数值（${w.from}–${w.to} 年之间）；缺失年份保持缺失`,
  },
  en: {
    gb18030: (w) => `${w.file}: read as GB18030/GBK because it is not valid UTF-8; saving it as UTF-8 is recommended`,
    ignored_indicator: (w) =>
      `${w.location}: indicator ${w.indicator} is not in the catalogue or dictionary; ignored (${w.rows} row${w.rows === 1 ? "" : "s"})${w.suggestion ? ` (did you mean "${w.suggestion}"?)` : ""}`,
    empty: (w) => `${w.file}: the file has a header but no rows, so the baseline is empty`,
    gaps: (w) =>
      `${w.file}: indicator ${w.indicator} has no value for ${w.missing.join(", ")} (between ${w.from} and ${w.to}); gaps are kept as gaps`,
  },
};

/** One baseline warning in the language asked for ("both": the Chinese, then the English). */
export function baselineWarningText(w: BaselineWarning, lang: Lang): string {
  if (lang === "both") return `${baselineWarningText(w, "zh")} / ${baselineWarningText(w, "en")}`;
  const say = WORDS[lang][w.code] as (w: BaselineWarning) => string;
  return say(w);
}

/**
 * A warning as a line for stderr: "警告：…" in Chinese; "warning: …" in English and in "both"
 * (where scripts and logs have always read the English line).
 */
export function baselineWarningLine(w: BaselineWarning, lang: Lang): string {
  return lang === "zh" ? `警告：${baselineWarningText(w, "zh")}` : `warning: ${baselineWarningText(w, "en")}`;
}
