/**
 * What reading the inputs found, in words (src/report/inputWarnings.ts), the origin of a
 * non-finite value (src/report/nonFiniteText.ts), a target's nature (natureText.ts) and HTML
 * escaping (html.ts): each sentence checked whole, in Chinese and English.
 */
import { describe, expect, it } from "vitest";
import type { NonFiniteOrigin } from "../../src/assess/nonFiniteOrigin.js";
import type { BaselineWarning } from "../../src/data/types.js";
import { escapeHtml } from "../../src/report/html.js";
import {
  baselineWarningLine,
  baselineWarningText,
  scenarioWarningLine,
  scenarioWarningText,
  targetWarningLine,
  targetWarningText,
} from "../../src/report/inputWarnings.js";
import { natureLabel } from "../../src/report/natureText.js";
import { describeOrigin } from "../../src/report/nonFiniteText.js";

describe("baseline warnings", () => {
  it("GB18030, an empty file, gaps, in each language", () => {
    expect(baselineWarningText({ code: "gb18030", file: "d.csv" }, "zh")).toBe(
      "d.csv：不是有效的 UTF-8，已按 GB18030/GBK 读取；建议另存为 UTF-8",
    );
    expect(baselineWarningText({ code: "gb18030", file: "d.csv" }, "en")).toBe(
      "d.csv: read as GB18030/GBK because it is not valid UTF-8; saving it as UTF-8 is recommended",
    );
    expect(baselineWarningText({ code: "empty", file: "d.csv" }, "zh")).toBe("d.csv：文件只有表头没有数据行，基线为空");
    expect(baselineWarningText({ code: "empty", file: "d.csv" }, "en")).toBe(
      "d.csv: the file has a header but no rows, so the baseline is empty",
    );
    const gaps: BaselineWarning = {
      code: "gaps",
      file: "d.csv",
      indicator: "gdp",
      missing: [2011, 2012],
      from: 2009,
      to: 2014,
    };
    expect(baselineWarningText(gaps, "zh")).toBe(
      "d.csv：指标 gdp 缺少 2011、2012 年的数值（2009–2014 年之间）；缺失年份保持缺失",
    );
    expect(baselineWarningText(gaps, "en")).toBe(
      "d.csv: indicator gdp has no value for 2011, 2012 (between 2009 and 2014); gaps are kept as gaps",
    );
    expect(baselineWarningText(gaps, "both")).toBe(
      `${baselineWarningText(gaps, "zh")} / ${baselineWarningText(gaps, "en")}`,
    );
  });

  it("an ignored indicator: rows counted, 'did you mean' when there is a suggestion", () => {
    const w = { code: "ignored_indicator", location: "d.csv:4", indicator: "gpd", rows: 1, suggestion: "gdp" } as const;
    expect(baselineWarningText(w, "zh")).toBe(
      "d.csv:4：指标 gpd 不在目标目录或指标词典中，已忽略（1 行）；是否想写“gdp”？",
    );
    expect(baselineWarningText(w, "en")).toBe(
      'd.csv:4: indicator gpd is not in the catalogue or dictionary; ignored (1 row) (did you mean "gdp"?)',
    );
    const none = { ...w, rows: 3, suggestion: null };
    expect(baselineWarningText(none, "en")).toBe(
      "d.csv:4: indicator gpd is not in the catalogue or dictionary; ignored (3 rows)",
    );
    expect(baselineWarningText(none, "zh")).toBe("d.csv:4：指标 gpd 不在目标目录或指标词典中，已忽略（3 行）");
  });

  it("as a stderr line: 警告 in Chinese, warning in English and in both", () => {
    const w = { code: "empty", file: "d.csv" } as const;
    expect(baselineWarningLine(w, "zh")).toBe("警告：d.csv：文件只有表头没有数据行，基线为空");
    expect(baselineWarningLine(w, "en")).toBe(
      "warning: d.csv: the file has a header but no rows, so the baseline is empty",
    );
    expect(baselineWarningLine(w, "both")).toBe(baselineWarningLine(w, "en"));
  });
});

describe("scenario warnings", () => {
  it("a growth rate that looks like a percent: the file and line, the value as a percent, the fix", () => {
    const w = {
      code: "rate_looks_like_percent",
      file: "s.yaml",
      line: 7,
      path: "indicators.rd.growth",
      value: 10,
    } as const;
    expect(scenarioWarningText(w, "en")).toBe(
      "s.yaml:7: indicators.rd.growth is 10, i.e. 1000% a year; rates are fractions (0.10 = 10%) — if you meant 10%, write 0.1",
    );
    expect(scenarioWarningText(w, "zh")).toBe(
      "s.yaml:7：indicators.rd.growth 为 10，即每年 1000%；增长率应写成小数（0.10 = 10%），如果本意是 10%，请写 0.1",
    );
    // No line: the file alone; 4 significant digits.
    const noLine = { ...w, line: undefined, value: 1.23456 };
    expect(scenarioWarningText(noLine, "en")).toBe(
      "s.yaml: indicators.rd.growth is 1.235, i.e. 123.5% a year; rates are fractions (0.10 = 10%) — if you meant 1.235%, write 0.01235",
    );
    expect(scenarioWarningLine(w, "zh")).toBe(`警告：${scenarioWarningText(w, "zh")}`);
    expect(scenarioWarningLine(w, "both")).toBe(`warning: ${scenarioWarningText(w, "en")}`);
  });
});

describe("catalogue warnings", () => {
  it("no data, and a target year not after the base year", () => {
    const noData = { code: "no_data", at: "t.csv:3", target: "rd_t", indicator: "rd", dataFile: "d.csv" } as const;
    expect(targetWarningText(noData, "zh")).toBe("t.csv:3：目标 rd_t 的指标 rd 在 d.csv 中没有数据，列为未评估");
    expect(targetWarningText(noData, "en")).toBe(
      "t.csv:3: target rd_t: indicator rd has no data in d.csv; it is listed as not assessed",
    );
    const early = {
      code: "target_not_after_base",
      at: "t.csv:4",
      target: "rd_t",
      targetYear: 2012,
      baseYear: 2013,
      firstYear: 2008,
      lastYear: 2013,
    } as const;
    expect(targetWarningText(early, "zh")).toBe(
      "t.csv:4：目标 rd_t 的目标年份 2012 不晚于基准年 2013（数据 2008–2013 年），列为未评估",
    );
    expect(targetWarningText(early, "en")).toBe(
      "t.csv:4: target rd_t: target year 2012 is not after the base year 2013 (data 2008–2013); it is listed as not assessed",
    );
    expect(targetWarningLine(early, "zh")).toBe(`警告：${targetWarningText(early, "zh")}`);
    expect(targetWarningLine(early, "en")).toBe(`warning: ${targetWarningText(early, "en")}`);
  });
});

describe("describeOrigin", () => {
  const growth = { id: "gdp.growth", label: { zh: "地区生产总值：年增速", en: "GDP: growth rate" }, value: 3.1e299 };
  const origin = (extra: Partial<NonFiniteOrigin>): NonFiniteOrigin => ({
    path: 2,
    indicator: "gdp",
    mechanism: "growth",
    year: 2015,
    value: Number.POSITIVE_INFINITY,
    assumptions: [growth],
    inputs: [],
    ...extra,
  });

  it("a node with its own assumptions: the path (1-based), the value, each assumption with its draw", () => {
    expect(describeOrigin(origin({}))).toBe(
      "first on path 3: gdp (growth) is +∞ (overflow) in 2015, from the assumption GDP: growth rate / 地区生产总值：年增速 (gdp.growth = 3.1e+299 on that path)",
    );
    expect(describeOrigin(origin({}), "zh")).toBe(
      "首次出现在第 3 条路径：gdp（growth）在 2015 年为+∞（溢出），来自假设 地区生产总值：年增速（该路径上 gdp.growth = 3.1e+299）",
    );
    const two = origin({
      value: Number.NaN,
      assumptions: [growth, { ...growth, id: "gdp.vol", value: Number.NEGATIVE_INFINITY }],
    });
    expect(describeOrigin(two, "en")).toBe(
      "first on path 3: gdp (growth) is not a number in 2015, from the assumptions GDP: growth rate / 地区生产总值：年增速 (gdp.growth = 3.1e+299 on that path), GDP: growth rate / 地区生产总值：年增速 (gdp.vol = −∞ (overflow) on that path)",
    );
    expect(describeOrigin(two, "zh")).toBe(
      "首次出现在第 3 条路径：gdp（growth）在 2015 年为非数值，来自假设 地区生产总值：年增速（该路径上 gdp.growth = 3.1e+299）、地区生产总值：年增速（该路径上 gdp.vol = −∞（溢出））",
    );
  });

  it("a ratio: its inputs that year, and the assumptions behind the zero or negative ones", () => {
    const rd = { id: "rd.growth", label: { zh: "研发：年增速", en: "R&D: growth rate" }, value: 0.1 };
    const ratio = origin({
      indicator: "rd_share",
      mechanism: "ratio",
      assumptions: [],
      inputs: [
        { indicator: "rd", value: 5, assumptions: [rd] },
        { indicator: "gdp", value: 0, assumptions: [growth] },
      ],
    });
    expect(describeOrigin(ratio)).toBe(
      "first on path 3: rd_share (ratio) is +∞ (overflow) in 2015, computed from rd = 5, gdp = 0 in that year (no assumption of its own; behind gdp: GDP: growth rate / 地区生产总值：年增速 (gdp.growth = 3.1e+299 on that path))",
    );
    expect(describeOrigin(ratio, "zh")).toBe(
      "首次出现在第 3 条路径：rd_share（ratio）在 2015 年为+∞（溢出），由当年的 rd = 5、gdp = 0 算出（本身没有假设；其背后的假设：地区生产总值：年增速（该路径上 gdp.growth = 3.1e+299））",
    );
    // No input at or below zero: the assumptions behind all of them.
    const positive = origin({ ...ratio, assumptions: [], inputs: [{ indicator: "rd", value: 5, assumptions: [rd] }] });
    expect(describeOrigin(positive)).toContain(
      "behind rd: R&D: growth rate / 研发：年增速 (rd.growth = 0.1 on that path))",
    );
    // A negative input counts as degenerate too.
    const negative = origin({
      ...ratio,
      assumptions: [],
      inputs: [
        { indicator: "rd", value: 5, assumptions: [rd] },
        { indicator: "gdp", value: -1, assumptions: [] },
      ],
    });
    expect(describeOrigin(negative)).toBe(
      "first on path 3: rd_share (ratio) is +∞ (overflow) in 2015, computed from rd = 5, gdp = -1 in that year (no assumption of its own)",
    );
    const nothing = origin({ assumptions: [], inputs: [] });
    expect(describeOrigin(nothing)).toBe(
      "first on path 3: gdp (growth) is +∞ (overflow) in 2015, computed from no input in that year (no assumption of its own)",
    );
    expect(describeOrigin(nothing, "zh")).toBe(
      "首次出现在第 3 条路径：gdp（growth）在 2015 年为+∞（溢出），由当年的 （无输入） 算出（本身没有假设）",
    );
    expect(describeOrigin(origin({ value: Number.NEGATIVE_INFINITY, assumptions: [], inputs: [] }), "zh")).toContain(
      "为−∞（溢出）",
    );
  });
});

describe("natureLabel and escapeHtml", () => {
  it("a forecast and a commitment in each language", () => {
    expect(natureLabel("forecast", "zh")).toBe("预测");
    expect(natureLabel("forecast", "en")).toBe("forecast");
    expect(natureLabel("commitment", "zh")).toBe("承诺（决策）");
    expect(natureLabel("commitment", "both")).toBe("承诺（决策） commitment (decision)");
  });

  it("escapes &, <, >, double and single quotes; null and undefined as empty", () => {
    expect(escapeHtml(`<a href="x">R&D's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
    expect(escapeHtml(null)).toBe("");
    expect(escapeHtml(undefined)).toBe("");
    expect(escapeHtml(12)).toBe("12");
  });
});
