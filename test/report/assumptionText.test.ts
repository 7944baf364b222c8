/**
 * A scenario's assumptions in words (src/report/assumptionText.ts), on hand-written templates and
 * terms: parameters of every distribution (as percentages or as given, 4 significant digits),
 * nodes by name, units and codes in words, optional `[…]` parts, and trend nodes sharing a line.
 */
import { describe, expect, it } from "vitest";
import type { Assumption, ScenarioResult } from "../../src/assess/types.js";
import type { SummaryTerms } from "../../src/model/types.js";
import { assumptionLines, assumptionSummary, nodeLabel, paramText } from "../../src/report/assumptionText.js";

const r = {
  indicators: [
    { id: "rd", nameZh: "研发经费", nameEn: "R&D spending", unit: "万元" },
    { id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "亿元" },
    { id: "pat", nameZh: "专利", nameEn: "Patents", unit: "件" },
  ],
  targets: [],
} as unknown as ScenarioResult;

const make = (
  indicator: string,
  zh: string,
  en: string,
  terms: SummaryTerms = {},
  extra: Partial<Assumption> = {},
): Assumption => ({
  indicator,
  mechanism: "growth",
  summary: en,
  template: { zh, en },
  terms,
  forecastWarnings: [],
  ...extra,
});

describe("paramText", () => {
  it("every distribution, as a percentage or as given, to 4 significant digits", () => {
    expect(paramText(0.15, true, "zh")).toBe("15%");
    expect(paramText(1.23456, false, "en")).toBe("1.235");
    expect(paramText(0.123456, true, "en")).toBe("12.35%");
    expect(paramText({ dist: "normal", mean: 0.1, sd: 0.015 }, true, "zh")).toBe("N(10%, 标准差 1.5%)");
    expect(paramText({ dist: "normal", mean: 0.1, sd: 0.015 }, true, "en")).toBe("N(10%, sd 1.5%)");
    expect(paramText({ dist: "triangular", min: 0.5, mode: 1, max: 2 }, false, "en")).toBe("Tri(0.5, 1, 2)");
    expect(paramText({ dist: "uniform", min: 0.02, max: 0.04 }, true, "zh")).toBe("U(2%, 4%)");
    expect(paramText({ dist: "lognormal", median: 1.5, sigma: 0.2 }, false, "zh")).toBe("LogN(中位数 1.5, σ 0.2)");
    expect(paramText({ dist: "lognormal", median: 1.5, sigma: 0.2 }, false, "en")).toBe("LogN(median 1.5, σ 0.2)");
  });
});

describe("nodeLabel", () => {
  it("an indicator by its name, its business-as-usual part, a programme, an intermediate quantity", () => {
    expect(nodeLabel("rd", r)).toEqual({ zh: "研发经费", en: "R&D spending" });
    expect(nodeLabel("rd.bau", r)).toEqual({ zh: "研发经费（常规部分）", en: "R&D spending (business as usual)" });
    expect(nodeLabel("programme.talent", r)).toEqual({ zh: "财政科技项目", en: "a programme" });
    expect(nodeLabel("tmp_x", r)).toEqual({ zh: "模型中间量", en: "an intermediate quantity" });
  });
});

describe("assumptionSummary", () => {
  it("fills {self} and each term: a node, a parameter, a number, a unit, a code", () => {
    const a = make(
      "rd",
      "{self} = {driver} × {rate}，滞后 {lag} 年，单位 {unit}，{how}",
      "{self} = {driver} × {rate}, lag {lag} years, unit {unit}, {how}",
      {
        driver: { node: "gdp" },
        rate: { param: { dist: "normal", mean: 0.02, sd: 0.005 }, percent: true },
        lag: { number: 2 },
        unit: { unit: "万元" },
        how: { code: "count.poisson" },
      },
    );
    expect(assumptionSummary(a, r, "zh")).toBe(
      "研发经费 = 地区生产总值 × N(2%, 标准差 0.5%)，滞后 2 年，单位 万元，泊松分布",
    );
    expect(assumptionSummary(a, r, "en")).toBe(
      "R&D spending = GDP × N(2%, sd 0.5%), lag 2 years, unit 10,000 yuan, Poisson",
    );
    expect(assumptionSummary(a, r, "both")).toBe(`${assumptionSummary(a, r, "zh")} / ${assumptionSummary(a, r, "en")}`);
  });

  it("codes in words, an unknown code as 'other'", () => {
    const say = (code: string, lang: "zh" | "en") =>
      assumptionSummary(make("rd", "{c}", "{c}", { c: { code } }), r, lang);
    expect(say("count.negative_binomial", "zh")).toBe("负二项分布");
    expect(say("count.fixed", "en")).toBe("fixed");
    expect(say("trend.linear", "en")).toBe("linear trend, the model's own intervals, not calibrated");
    expect(say("trend.loglinear", "zh")).toBe("对数线性趋势，模型自身区间，未校准");
    expect(say("trend.holt", "en")).toBe("Holt trend, the model's own intervals, not calibrated");
    expect(say("trend.holt-damped", "zh")).toBe("阻尼 Holt 趋势，模型自身区间，未校准");
    expect(say("trend.logit", "en")).toBe("logit trend, the model's own intervals, not calibrated");
    expect(say("trend.weighted", "zh")).toBe("加权趋势，模型自身区间，未校准");
    expect(say("trend.auto", "en")).toBe(
      "median of ETS, Theta and drift fits, intervals from the reference class of real forecast errors",
    );
    expect(say("nope", "zh")).toBe("其他");
    expect(say("nope", "en")).toBe("other");
  });

  it("keeps a […] part only when all its terms are there; a missing term outside one is empty", () => {
    const t = "{self} grows {g}[, volatility {v}][ and {w}]{missing}";
    expect(assumptionSummary(make("rd", t, t, { g: { number: 5 } }), r, "en")).toBe("R&D spending grows 5");
    expect(assumptionSummary(make("rd", t, t, { g: { number: 5 }, v: { number: 1 } }), r, "en")).toBe(
      "R&D spending grows 5, volatility 1",
    );
    // self: false leaves out the indicator's own name; the line is trimmed.
    expect(assumptionSummary(make("rd", t, t, { g: { number: 5 } }), r, "en", { self: false })).toBe("grows 5");
  });

  it("appends the trend forecast's warnings", () => {
    const a = make(
      "rd",
      "{self} 趋势",
      "{self} trend",
      {},
      { forecastWarnings: [{ code: "gap", before: 2009, dropped: 2 }] },
    );
    expect(assumptionSummary(a, r, "zh")).toBe("研发经费 趋势；2009 年之前有缺失年份，更早的 2 个数据点未使用");
    expect(assumptionSummary(a, r, "en")).toBe(
      "R&D spending trend; the years have a gap before 2009; the 2 earlier points are not used",
    );
    const two = make(
      "rd",
      "x",
      "x",
      {},
      {
        forecastWarnings: [
          { code: "gap", before: 2009, dropped: 1 },
          { code: "constant", floorPercent: 1 },
        ],
      },
    );
    expect(assumptionSummary(two, r, "en")).toMatch(
      /^x; the years have a gap before 2009; the 1 earlier point is not used; the series is constant/,
    );
    expect(assumptionSummary(two, r, "zh")).toMatch(/^x；2009 年之前有缺失年份，更早的 1 个数据点未使用；序列没有变化/);
  });
});

describe("assumptionLines", () => {
  const trend = (indicator: string, from: number, extra: Partial<Assumption> = {}) =>
    make(
      indicator,
      "{self} 趋势",
      "{self} trend",
      { model: { code: "trend.auto" }, from: { number: from }, to: { number: 2013 } },
      {
        mechanism: "trend",
        ...extra,
      },
    );

  it("trend nodes fitted on the same years share one line; others keep their own, in order", () => {
    const list = [
      trend("rd", 2009),
      make("gdp", "{self} 增长", "{self} grows"),
      trend("pat", 2009),
      trend("gdp", 2010),
    ];
    expect(assumptionLines(list, r, "zh")).toEqual([
      "研发经费、专利：各按自身 2009–2013 年的历史趋势外推（ETS、Theta 与漂移模型的中位数组合，区间取自真实预测误差参照类）",
      "地区生产总值 增长",
      "地区生产总值：各按自身 2010–2013 年的历史趋势外推（ETS、Theta 与漂移模型的中位数组合，区间取自真实预测误差参照类）",
    ]);
    expect(assumptionLines(list, r, "en")[0]).toBe(
      "R&D spending, Patents: each follows the trend of its own history 2009–2013 (median of ETS, Theta and drift fits, intervals from the reference class of real forecast errors)",
    );
  });

  it("a trend node with a warning, or without its years, keeps its own line", () => {
    const warned = trend("pat", 2009, { forecastWarnings: [{ code: "constant", floorPercent: 1 }] });
    const noYears = make(
      "gdp",
      "{self} 趋势",
      "{self} trend",
      { model: { code: "trend.auto" } },
      { mechanism: "trend" },
    );
    const lines = assumptionLines([trend("rd", 2009), warned, noYears], r, "zh");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^专利 趋势；序列没有变化/);
    expect(lines[2]).toBe("地区生产总值 趋势");
  });
});
