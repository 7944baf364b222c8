/**
 * What reading the inputs found that the user should know, in words: the baseline's warnings
 * (src/data/loadBaseline.ts), the scenario's (src/scenario/load.ts) and the catalogue's
 * (src/assess/targetWarnings.ts), each returned there as codes and numbers. Each names the file.
 *
 * Example: `baselineWarningText({ code: "gaps", file: "d.csv", indicator: "gdp", missing: [2011], from: 2009, to: 2013 }, "zh")`
 *   → "d.csv：指标 gdp 缺少 2011 年的数值（2009–2013 年之间）；缺失年份保持缺失"
 */
import type { TargetWarning } from "../assess/targetWarnings.js";
import type { Lang } from "../charts/labels.js";
import type { BaselineWarning } from "../data/types.js";
import type { ScenarioWarning } from "../scenario/load.js";

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
function warningLine(say: (lang: "zh" | "en") => string, lang: Lang): string {
  return lang === "zh" ? `警告：${say("zh")}` : `warning: ${say("en")}`;
}

/** A baseline warning as a line for stderr (see warningLine). */
export function baselineWarningLine(w: BaselineWarning, lang: Lang): string {
  return warningLine((l) => baselineWarningText(w, l), lang);
}

const at = (w: { file: string; line?: number }) => `${w.file}${w.line !== undefined ? `:${w.line}` : ""}`;
/** 4 significant digits, without trailing zeros: 10 → "10", 0.1 → "0.1", 1000 → "1000". */
const short = (x: number) => String(+x.toPrecision(4));

/** A scenario warning in one language: the file and line, the field, what it means and the fix. */
export function scenarioWarningText(w: ScenarioWarning, lang: "zh" | "en"): string {
  const percent = short(w.value * 100);
  return lang === "zh"
    ? `${at(w)}：${w.path} 为 ${short(w.value)}，即每年 ${percent}%；增长率应写成小数（0.10 = 10%），如果本意是 ${short(w.value)}%，请写 ${short(w.value / 100)}`
    : `${at(w)}: ${w.path} is ${short(w.value)}, i.e. ${percent}% a year; rates are fractions (0.10 = 10%) — if you meant ${short(w.value)}%, write ${short(w.value / 100)}`;
}

/** A scenario warning as a line for stderr (see warningLine). */
export function scenarioWarningLine(w: ScenarioWarning, lang: Lang): string {
  return warningLine((l) => scenarioWarningText(w, l), lang);
}

/** A catalogue warning in one language: the catalogue line, the target, why it will be listed as not assessed. */
export function targetWarningText(w: TargetWarning, lang: "zh" | "en"): string {
  if (w.code === "no_data")
    return lang === "zh"
      ? `${w.at}：目标 ${w.target} 的指标 ${w.indicator} 在 ${w.dataFile} 中没有数据，列为未评估`
      : `${w.at}: target ${w.target}: indicator ${w.indicator} has no data in ${w.dataFile}; it is listed as not assessed`;
  return lang === "zh"
    ? `${w.at}：目标 ${w.target} 的目标年份 ${w.targetYear} 不晚于基准年 ${w.baseYear}（数据 ${w.firstYear}–${w.lastYear} 年），列为未评估`
    : `${w.at}: target ${w.target}: target year ${w.targetYear} is not after the base year ${w.baseYear} (data ${w.firstYear}–${w.lastYear}); it is listed as not assessed`;
}

/** A catalogue warning as a line for stderr (see warningLine). */
export function targetWarningLine(w: TargetWarning, lang: Lang): string {
  return warningLine((l) => targetWarningText(w, l), lang);
}
