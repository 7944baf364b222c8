/**
 * The trend forecast's notes in words (src/report/forecastText.ts): its warnings in each language
 * and in both, the reference-class citation in both, and member names in Chinese.
 */
import { describe, expect, it } from "vitest";
import { REFERENCE_CLASS } from "../../src/forecast/reference-class-table.js";
import { forecastWarningText, memberName, referenceClassCitation } from "../../src/report/forecastText.js";

describe("forecastWarningText", () => {
  it("a gap: one point or several, in each language and in both", () => {
    expect(forecastWarningText({ code: "gap", before: 2010, dropped: 1 }, "en")).toBe(
      "the years have a gap before 2010; the 1 earlier point is not used",
    );
    expect(forecastWarningText({ code: "gap", before: 2010, dropped: 3 }, "en")).toBe(
      "the years have a gap before 2010; the 3 earlier points are not used",
    );
    expect(forecastWarningText({ code: "gap", before: 2010, dropped: 3 }, "both")).toBe(
      "2010 年之前有缺失年份，更早的 3 个数据点未使用 / the years have a gap before 2010; the 3 earlier points are not used",
    );
  });

  it("a constant series, in English", () => {
    expect(forecastWarningText({ code: "constant", floorPercent: 2 }, "en")).toBe(
      "the series is constant, so it gets the no-change forecast; its interval assumes ±2% a year of variability (there is none in the data to measure)",
    );
  });
});

describe("referenceClassCitation", () => {
  it("both: the Chinese citation, then the English line", () => {
    const s = REFERENCE_CLASS.source;
    expect(referenceClassCitation(s, "both")).toBe(`${referenceClassCitation(s, "zh")} / ${s}`);
  });

  it("the shipped line in Chinese: each collection with its own reference, R packages and semicolons in Chinese", () => {
    const zh = referenceClassCitation(REFERENCE_CLASS.source, "zh");
    expect(zh).toMatch(/^参照类：\d+ 条真实年度序列的预测误差（仅用训练年份）：M 竞赛年度序列（Makridakis 等 1982/);
    expect(zh).toContain("R 包 Mcomp）；旅游预测竞赛年度序列（");
    expect(zh).toContain("R 包 Tcomp）");
    expect(zh).not.toContain("; ");
    expect(zh).not.toContain("R package");
  });
});

describe("memberName", () => {
  it("Chinese names of the methods, a stand-in, a scale; unknown names as given", () => {
    expect(memberName("theta", "zh")).toBe("Theta");
    expect(memberName("damped", "zh")).toBe("阻尼趋势");
    expect(memberName("naive (ln)", "zh")).toBe("不变（对数）");
    expect(memberName("drift for holt", "zh")).toBe("Holt（以漂移代替）");
    expect(memberName("mystery (logit)", "zh")).toBe("mystery（logit）");
    expect(memberName("holt (ln) extra", "zh")).toBe("holt (ln) extra");
  });
});
