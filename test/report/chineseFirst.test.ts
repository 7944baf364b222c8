/**
 * Words made in the report layer from the codes and numbers lower layers return (issue 15):
 * assumption summaries from each mechanism's `summary` template, the trend forecast's warnings,
 * why an indicator cannot be projected, the reference-class citation and the combination's
 * member names — each hand-checked in Chinese and English.
 */
import { describe, expect, it } from "vitest";
import type { Assumption, ScenarioResult, TargetAssessment } from "../../src/assess/types.js";
import { calibratedForecast } from "../../src/forecast/calibrated.js";
import { REFERENCE_CLASS } from "../../src/forecast/reference-class-table.js";
import { MECHANISMS } from "../../src/model/registry.js";
import { assumptionSummary } from "../../src/report/assumptionText.js";
import { forecastWarningText, memberName, referenceClassCitation } from "../../src/report/forecastText.js";
import { notAssessedText } from "../../src/report/messages.js";
import type { Plan } from "../../src/simulate/plan.js";
import { catalogue, makeBaseline, plan, scenario, target } from "../engine/helpers.js";

const NAMES: Record<string, [string, string]> = {
  rd: ["研发经费支出", "R&D expenditure"],
  fiscal: ["财政科技支出", "Fiscal S&T spending"],
  gdp: ["地区生产总值", "GDP"],
  trend_only: ["趋势指标", "Trend indicator"],
};
/** Just what the words read of a result: the indicators' names. */
const result = {
  indicators: Object.entries(NAMES).map(([id, [nameZh, nameEn]]) => ({ id, nameZh, nameEn, unit: "" })),
  targets: [],
} as unknown as ScenarioResult;

const years = (from: number, values: number[]) => Object.fromEntries(values.map((v, i) => [from + i, v]));

/** The plan's nodes as the assumptions a result records (src/assess/runScenario.ts). */
function assumptionsOf(p: Plan): Map<string, Assumption> {
  return new Map(
    p.nodes.map((n) => [
      n.indicator,
      {
        indicator: n.indicator,
        mechanism: n.mechanism,
        summary: n.summary,
        template: n.template,
        terms: n.terms,
        forecastWarnings: n.forecastWarnings ?? [],
      },
    ]),
  );
}

const baseline = makeBaseline({
  rd: { unit: "亿元", values: years(2009, [5, 6, 7, 8, 9]) },
  fiscal: { unit: "万元", values: years(2009, [1000, 1100, 1200, 1300, 1400]) },
  gdp: { unit: "亿元", values: years(2009, [300, 330, 360, 400, 440]) },
  // A gap before 2009: the earlier point is not used.
  trend_only: { unit: "亿元", values: { 2006: 1, ...years(2009, [2, 2.2, 2.5, 2.7, 3]) } },
});

describe("assumption summaries: the mechanism's template filled with the node's terms", () => {
  const a = assumptionsOf(
    plan(
      scenario(2013, 2015, {
        rd: {
          leveraged: {
            own_growth: { dist: "normal", mean: 0.16, sd: 0.03 },
            driver: "fiscal",
            multiplier: { dist: "triangular", min: 0.5, mode: 1, max: 2 },
          },
        },
        fiscal: { growth: 0.15 },
        gdp: { growth: { dist: "normal", mean: 0.1, sd: 0.015 }, volatility: 0.01 },
        trend_only: { trend: "auto" },
      }),
      baseline,
    ),
  );

  it("leveraged: the driver by name, the rates as percentages, the multiplier as given", () => {
    expect(assumptionSummary(a.get("rd")!, result, "zh")).toBe(
      "研发经费支出 = 上年 × (1 + 自身增速 N(16%, 标准差 3%)) + 新增财政科技支出 × 杠杆率 Tri(0.5, 1, 2)",
    );
    expect(assumptionSummary(a.get("rd")!, result, "en")).toBe(
      "R&D expenditure = previous year × (1 + own growth N(16%, sd 3%)) + added Fiscal S&T spending × leverage Tri(0.5, 1, 2)",
    );
  });

  it("growth: the volatility part only when the entry has a volatility", () => {
    expect(assumptionSummary(a.get("fiscal")!, result, "zh")).toBe("财政科技支出 = 上年 × (1 + 年增速 15%)");
    expect(assumptionSummary(a.get("gdp")!, result, "zh")).toBe(
      "地区生产总值 = 上年 × (1 + 年增速 N(10%, 标准差 1.5%))，逐年波动 1%",
    );
    expect(assumptionSummary(a.get("gdp")!, result, "both")).toBe(
      "地区生产总值 = 上年 × (1 + 年增速 N(10%, 标准差 1.5%))，逐年波动 1% / GDP = previous year × (1 + growth N(10%, sd 1.5%)), yearly volatility 1%",
    );
  });

  it("trend: the years fitted and the forecast's warnings, worded", () => {
    const t = a.get("trend_only")!;
    expect(t.forecastWarnings).toEqual([{ code: "gap", before: 2009, dropped: 1 }]);
    expect(assumptionSummary(t, result, "zh")).toBe(
      "趋势指标按自身 2009–2013 年的历史趋势外推（ETS、Theta 与漂移模型的中位数组合，区间取自真实预测误差参照类）；2009 年之前有缺失年份，更早的 1 个数据点未使用",
    );
    expect(assumptionSummary(t, result, "en")).toMatch(
      /; the years have a gap before 2009; the 1 earlier point is not used$/,
    );
  });

  it("every registered mechanism has a one-line summary naming the same terms in both languages", () => {
    const terms = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const m of Object.values(MECHANISMS)) {
      expect(m.summary.zh, m.name).toContain("{self}");
      expect(terms(m.summary.zh), m.name).toEqual(terms(m.summary.en));
    }
  });
});

describe("the trend forecast's warnings are codes with their numbers", () => {
  it("a constant series: the no-change forecast, with the assumed ±1% a year", () => {
    const f = calibratedForecast({ years: [2009, 2010, 2011, 2012, 2013], values: [5, 5, 5, 5, 5] }, { horizon: 2 });
    expect(f.warningCodes).toEqual([{ code: "constant", floorPercent: 1 }]);
    expect(forecastWarningText(f.warningCodes[0], "zh")).toBe(
      "序列没有变化，采用不变预测；区间假设每年 ±1% 的波动（数据中没有波动可测）",
    );
    // The English line of the library API is the report's English wording.
    expect(f.warnings[0]).toContain(forecastWarningText(f.warningCodes[0], "en"));
  });

  it("a gap: the first year used and how many earlier points are dropped", () => {
    const f = calibratedForecast(
      { years: [2005, 2006, 2010, 2011, 2012, 2013], values: [1, 2, 3, 4, 5, 6] },
      { horizon: 1 },
    );
    expect(f.warningCodes).toEqual([{ code: "gap", before: 2010, dropped: 2 }]);
    expect(forecastWarningText(f.warningCodes[0], "zh")).toBe("2010 年之前有缺失年份，更早的 2 个数据点未使用");
  });
});

describe("why an indicator cannot be projected: a code from the plan, words from the report", () => {
  const b = makeBaseline({
    two: { unit: "家", values: years(2012, [3, 4]) },
    gappy: { unit: "家", values: { 2009: 1, 2010: 2, 2012: 3, 2013: 4 } },
  });
  const cat = catalogue(
    target("two_t", "two", 2015, ">=", 10),
    target("gappy_t", "gappy", 2015, ">=", 10),
    target("none_t", "none", 2015, ">=", 10),
  );
  const p = plan(scenario(2013, 2015, {}), b, cat);
  const say = (indicator: string, lang: "zh" | "en") => {
    const u = p.unavailable.get(indicator)!;
    const t = {
      notAssessed: { code: "unavailable", indicator, ...u },
      indicator,
      nameZh: "某指标",
      nameEn: "Some indicator",
    };
    return notAssessedText(t as Pick<TargetAssessment, "notAssessed" | "indicator" | "nameZh" | "nameEn">, lang);
  };

  it("too few points: n and the points needed", () => {
    expect(p.unavailable.get("two")?.why).toEqual({ code: "too_short", points: 2, needed: 3 });
    expect(say("two", "zh")).toBe(
      "无法预测“某指标”：只有 2 个数据点，趋势预测至少需要 3 个；请补充数据，或在情景中为它指定机制",
    );
    expect(say("two", "en")).toBe(
      "two: it has 2 points; a trend needs at least 3; add data, or give it a mechanism in the scenario",
    );
  });

  it("a gap leaving too few consecutive years at the end", () => {
    expect(p.unavailable.get("gappy")?.why).toEqual({ code: "gap", before: 2012, consecutive: 2, needed: 3 });
    expect(say("gappy", "zh")).toBe(
      "无法预测“某指标”：2012 年之前有缺失年份，末尾只剩 2 个连续年份（至少需要 3 个）；请补齐缺失年份，或在情景中为它指定机制",
    );
  });

  it("no observation and no mechanism: the base year", () => {
    expect(p.unavailable.get("none")?.why).toEqual({ code: "no_history", baseYear: 2013 });
    expect(say("none", "zh")).toMatch(/^无法预测“某指标”：2013 年及之前没有观测值，情景中也没有为它指定机制/);
    // The English detail stays for JSON.
    expect(p.unavailable.get("none")?.detail).toBe(
      "no observed value at or before 2013 and no mechanism in the scenario",
    );
  });
});

describe("the reference-class citation and the combination's members", () => {
  it("the shipped table in Chinese, its count and references read from its own source line", () => {
    const n = /reference class of (\d+) real yearly series/.exec(REFERENCE_CLASS.source)![1];
    const zh = referenceClassCitation(REFERENCE_CLASS.source, "zh");
    expect(zh).toContain(`参照类：${n} 条真实年度序列的预测误差（仅用训练年份）`);
    expect(zh).toContain("M 竞赛年度序列（Makridakis 等 1982");
    expect(zh).toContain("旅游预测竞赛年度序列（Athanasopoulos, Hyndman, Song 与 Wu 2011");
    expect(zh).not.toMatch(/\b[A-Za-z]+(?: [A-Za-z]+){3,}\b/);
    expect(referenceClassCitation(REFERENCE_CLASS.source, "en")).toBe(REFERENCE_CLASS.source);
    expect(referenceClassCitation("my own table (2026)", "zh")).toBe("my own table (2026)");
  });

  it("member names: scale and stand-ins", () => {
    expect(memberName("drift", "zh")).toBe("漂移");
    expect(memberName("theta (logit)", "zh")).toBe("Theta（logit）");
    expect(memberName("drift for holt (ln)", "zh")).toBe("Holt（以漂移代替）（对数）");
    expect(memberName("drift for holt (ln)", "en")).toBe("drift for holt (ln)");
  });
});
