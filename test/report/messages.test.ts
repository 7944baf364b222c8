/**
 * Sentences made from the assessment's numbers and codes (src/report/messages.ts): why a target is
 * at risk (growth, change per year or level, then the driving assumption), why it was not assessed
 * (every code, both languages), a commitment as a decision, and the words for kinds and mechanisms.
 */
import { describe, expect, it } from "vitest";
import type { NotAssessedReason, ScenarioResult, TargetAssessment } from "../../src/assess/types.js";
import {
  COMMITMENTS_HEADING,
  commitmentSentence,
  kindLabel,
  mechanismLabel,
  notAssessedText,
  reasonText,
} from "../../src/report/messages.js";
import { baselineResult } from "../charts/fixture.js";

const t0 = baselineResult.targets[0];
type Reason = NonNullable<TargetAssessment["reason"]>;
const driver = { parameter: "rd.growth", rho: 0.7123, label: { zh: "研发经费增速", en: "R&D spending growth" } };
const withReason = (reason: Partial<Reason> | null, extra: Partial<TargetAssessment> = {}): TargetAssessment => ({
  ...t0,
  unit: "家",
  reason:
    reason === null
      ? null
      : {
          basis: "growth",
          requiredGrowth: null,
          projectedGrowth: null,
          requiredChangePerYear: null,
          projectedChangePerYear: null,
          topDriver: null,
          ...reason,
        },
  ...extra,
});

describe("reasonText", () => {
  it("growth: the rate needed against the scenario's median rate, then the driver with ρ to two decimals", () => {
    const t = withReason({ requiredGrowth: 0.104, projectedGrowth: 0.069, topDriver: driver });
    expect(reasonText(t, "zh")).toBe(
      "需年均增长 10.4%，本情景中位数年均增长 6.9%；影响最大的假设：研发经费增速（ρ = 0.71）",
    );
    expect(reasonText(t, "en")).toBe(
      "needs to grow 10.4% a year; in the scenario's median it grows 6.9% a year; most influential assumption: R&D spending growth (ρ = 0.71)",
    );
    expect(reasonText(t, "both")).toBe(`${reasonText(t, "zh")} / ${reasonText(t, "en")}`);
  });

  it("growth downwards: fall, with the rate's size; a zero rate counts as growth", () => {
    const t = withReason({ requiredGrowth: -0.04, projectedGrowth: 0, topDriver: null });
    expect(reasonText(t, "zh")).toBe("需年均下降 4.0%，本情景中位数年均增长 0.0%；无单一主导假设，离散来自逐年波动");
    expect(reasonText(t, "en")).toBe(
      "needs to fall 4.0% a year; in the scenario's median it grows 0.0% a year; no single assumption dominates: the spread comes from year-to-year shocks",
    );
    const up = withReason({ requiredGrowth: 0, projectedGrowth: -0.02 });
    expect(reasonText(up, "en", { driver: false })).toBe(
      "needs to grow 0.0% a year; in the scenario's median it falls 2.0% a year",
    );
  });

  it("change per year, with the unit; the English projection signed", () => {
    const t = withReason({ basis: "change_per_year", requiredChangePerYear: 12, projectedChangePerYear: 5 });
    expect(reasonText(t, "zh", { driver: false })).toBe("需每年增加 12 家，本情景中位数为 5 家");
    expect(reasonText(t, "en", { driver: false })).toBe(
      "needs +12 units (organisations) a year; the scenario's median gives +5 units (organisations)",
    );
    const down = withReason({ basis: "change_per_year", requiredChangePerYear: 3, projectedChangePerYear: -2 });
    expect(reasonText(down, "en", { driver: false })).toBe(
      "needs +3 units (organisations) a year; the scenario's median gives -2 units (organisations)",
    );
  });

  it("no usable rate: the median in the target year against the threshold", () => {
    const t = withReason(
      { basis: "growth", requiredGrowth: 0.1, projectedGrowth: null },
      { median: 30, threshold: 35, targetYear: 2015 },
    );
    expect(reasonText(t, "zh", { driver: false })).toBe("2015 年中位数 30，目标 35 家");
    expect(reasonText(t, "en", { driver: false })).toBe("median 30 in 2015 against 35 units (organisations)");
    const change = withReason(
      { basis: "change_per_year", requiredChangePerYear: 1, projectedChangePerYear: null },
      { median: 30, threshold: 35 },
    );
    expect(reasonText(change, "en", { driver: false })).toBe("median 30 in 2015 against 35 units (organisations)");
    // Nothing to say at all: null.
    const nothing = withReason({ requiredGrowth: null }, { median: null });
    expect(reasonText(nothing, "en", { driver: false })).toBeNull();
    expect(reasonText(withReason({ requiredGrowth: null }, { threshold: null }), "en", { driver: false })).toBeNull();
    expect(reasonText(nothing, "en")).toBe("no single assumption dominates: the spread comes from year-to-year shocks");
  });

  it("options: the driver without ρ; as a sentence, capitalised with its full stop; no reason: null", () => {
    const t = withReason({ requiredGrowth: 0.104, projectedGrowth: 0.069, topDriver: driver });
    expect(reasonText(t, "en", { rho: false })).toBe(
      "needs to grow 10.4% a year; in the scenario's median it grows 6.9% a year; most influential assumption: R&D spending growth",
    );
    expect(reasonText(t, "zh", { rho: false })).toBe(
      "需年均增长 10.4%，本情景中位数年均增长 6.9%；影响最大的假设：研发经费增速",
    );
    expect(reasonText(t, "en", { sentence: true, driver: false })).toBe(
      "Needs to grow 10.4% a year; in the scenario's median it grows 6.9% a year.",
    );
    expect(reasonText(t, "zh", { sentence: true, driver: false })).toBe(
      "需年均增长 10.4%，本情景中位数年均增长 6.9%。",
    );
    expect(reasonText(withReason(null), "zh")).toBeNull();
  });
});

describe("notAssessedText", () => {
  const named = { indicator: "gdp", nameZh: "地区生产总值", nameEn: "GDP" };
  const say = (notAssessed: NotAssessedReason | null, lang: "zh" | "en" | "both") =>
    notAssessedText({ ...named, notAssessed }, lang);

  it("every code in both languages; in Chinese the target's name, in English the indicator", () => {
    expect(say(null, "zh")).toBeNull();
    expect(say({ code: "qualitative" }, "both")).toBe(
      "定性目标，规划未给出数值 / qualitative goal: the plan states no number",
    );
    expect(say({ code: "no_reference_value", indicator: "gdp", year: 2010 }, "zh")).toBe(
      "没有“地区生产总值”在 2010 年的观测值，无法计算倍数目标",
    );
    expect(say({ code: "no_reference_value", indicator: "gdp", year: 2010 }, "en")).toBe(
      "no observed gdp in 2010 to multiply",
    );
    expect(say({ code: "beyond_horizon", targetYear: 2020 }, "zh")).toBe(
      "情景的预测期在 2020 年之前结束；请延长 horizon",
    );
    expect(say({ code: "beyond_horizon", targetYear: 2020 }, "en")).toBe(
      "the scenario horizon ends before 2020; extend horizon",
    );
    expect(say({ code: "not_after_base_year", targetYear: 2012, baseYear: 2013 }, "zh")).toBe(
      "目标年 2012 不在基年 2013 之后",
    );
    expect(say({ code: "not_after_base_year", targetYear: 2012, baseYear: 2013 }, "en")).toBe(
      "2012 is not after the base year 2013",
    );
  });

  it("non-finite paths: how many of how many, the year, and the fix", () => {
    const r = {
      code: "non_finite",
      indicator: "gdp",
      targetYear: 2015,
      brokenPaths: 3,
      paths: 1000,
      origin: null,
    } as const;
    expect(say(r, "zh")).toBe(
      "1000 条路径中有 3 条在 2015 年给不出“地区生产总值”的有限值（分母为零或负，或增速溢出）；请检查数据和情景中“地区生产总值”及其计算来源指标的增速",
    );
    expect(say(r, "en")).toBe(
      "3 of 1000 paths give no finite value of gdp in 2015 (a zero or negative denominator, or a rate that overflows); check the data and the scenario's rates for gdp and the indicators it is computed from",
    );
    const origin = {
      path: 2,
      indicator: "gdp",
      mechanism: "growth",
      year: 2014,
      value: Number.POSITIVE_INFINITY,
      assumptions: [{ id: "gdp.growth", label: { zh: "年增速", en: "growth rate" }, value: 3e299 }],
      inputs: [],
    };
    expect(say({ ...r, origin }, "en")).toContain(
      "overflows); first on path 3: gdp (growth) is +∞ (overflow) in 2014, from the assumption growth rate / 年增速 (gdp.growth = 3e+299 on that path); check",
    );
    expect(say({ ...r, origin }, "zh")).toContain(
      "增速溢出）；首次出现在第 3 条路径：gdp（growth）在 2014 年为+∞（溢出），来自假设 年增速（该路径上 gdp.growth = 3e+299）；请检查",
    );
  });

  it("an indicator that cannot be projected: each reason with its numbers", () => {
    const u = (why: Extract<NotAssessedReason, { code: "unavailable" }>["why"]): NotAssessedReason => ({
      code: "unavailable",
      indicator: "gdp",
      why,
      detail: "",
    });
    expect(say(u({ code: "no_history", baseYear: 2012 }), "zh")).toBe(
      "无法预测“地区生产总值”：2012 年及之前没有观测值，情景中也没有为它指定机制；请补充数据，或在情景中为它指定机制",
    );
    expect(say(u({ code: "no_history", baseYear: 2012 }), "en")).toBe(
      "gdp: no observed value at or before 2012 and no mechanism in the scenario; add data, or give it a mechanism in the scenario",
    );
    expect(say(u({ code: "too_short", points: 1, needed: 3 }), "en")).toBe(
      "gdp: it has 1 point; a trend needs at least 3; add data, or give it a mechanism in the scenario",
    );
    expect(say(u({ code: "too_short", points: 2, needed: 3 }), "en")).toContain("it has 2 points;");
    expect(say(u({ code: "too_short", points: 2, needed: 3 }), "zh")).toBe(
      "无法预测“地区生产总值”：只有 2 个数据点，趋势预测至少需要 3 个；请补充数据，或在情景中为它指定机制",
    );
    expect(say(u({ code: "gap", before: 2010, consecutive: 1, needed: 3 }), "en")).toBe(
      "gdp: a gap before 2010 leaves 1 consecutive year at the end (a trend needs 3); fill the missing years or give it a mechanism in the scenario",
    );
    expect(say(u({ code: "gap", before: 2010, consecutive: 2, needed: 3 }), "en")).toContain("2 consecutive years at");
    expect(say(u({ code: "gap", before: 2010, consecutive: 2, needed: 3 }), "zh")).toBe(
      "无法预测“地区生产总值”：2010 年之前有缺失年份，末尾只剩 2 个连续年份（至少需要 3 个）；请补齐缺失年份，或在情景中为它指定机制",
    );
    expect(say(u({ code: "non_finite" }), "zh")).toBe("无法预测“地区生产总值”：历史数据中有非有限数值；请检查数据");
    expect(say(u({ code: "non_finite" }), "en")).toBe(
      "gdp: its history holds a value that is not a finite number; check the data",
    );
    expect(say(u({ code: "no_trend", message: "flat" }), "zh")).toBe(
      "无法预测“地区生产总值”：其历史数据拟合不出趋势，情景中也没有为它指定机制；请补充数据，或在情景中为它指定机制",
    );
    expect(say(u({ code: "no_trend", message: "flat" }), "en")).toBe(
      "gdp: no trend fits its history (flat); add data, or give it a mechanism in the scenario",
    );
  });
});

describe("commitmentSentence", () => {
  const fund = (commitment: TargetAssessment["commitment"]): TargetAssessment => ({
    ...t0,
    id: "fund",
    status: "commitment_adopted",
    nature: "commitment",
    commitment,
  });
  const cost = { indicator: "rd_intensity", unit: "万元", year: 2015, mean: 4400, median: 4305, p90: 5694 };
  const r: ScenarioResult = baselineResult;

  it("adopted, with the median and P90 cost beyond the projection and the targets that depend on it", () => {
    const t = fund({ adopted: true, pMetByProjection: 0.2, cost, dependents: ["energy_intensity", "gone"] });
    expect(commitmentSentence(t, r, "en")).toBe(
      "A decision, adopted by this scenario; honouring it takes 43.1 million yuan more R&D expenditure as a share of GDP in 2015 than projected (median; P90 56.9 million yuan); forecast targets that depend on it: Energy consumption per unit of GDP, gone.",
    );
    expect(commitmentSentence(t, r, "zh")).toBe(
      "区级决策，本情景已采纳；兑现它需在预测之外于 2015 年增加研发投入占地区生产总值的比重 4,305 万元（中位数；P90 5,694 万元）；依赖它的预测目标：单位GDP能耗、gone。",
    );
  });

  it("not adopted, already honoured on the median path, nobody depending on it", () => {
    const t = fund({ adopted: false, pMetByProjection: 0.6, cost: { ...cost, median: 0, p90: 120 }, dependents: [] });
    expect(commitmentSentence(t, r, "en")).toBe(
      "A decision, not adopted by this scenario; the scenario's projection honours it on the median path in 2015 (P90 shortfall 1.2 million yuan); no forecast target depends on it in the model.",
    );
    expect(commitmentSentence(t, r, "zh")).toBe(
      "区级决策，本情景未采纳；本情景的预测在 2015 年中位数上已兑现它（P90 仍缺 120 万元）；模型中没有预测目标依赖它。",
    );
  });

  it("a commitment the model cannot cost; a forecast target has no sentence", () => {
    const t = fund({ adopted: true, pMetByProjection: 0.2, cost: null, dependents: [] });
    expect(commitmentSentence(t, r, "zh")).toBe(
      "区级决策，本情景已采纳；模型无法估算兑现成本（不是资金，也不是资金的比率）；模型中没有预测目标依赖它。",
    );
    expect(commitmentSentence(t, r, "en")).toBe(
      "A decision, adopted by this scenario; the model cannot cost it (it is neither money nor a ratio of money); no forecast target depends on it in the model.",
    );
    expect(commitmentSentence(t0, r, "en")).toBeNull();
    expect(COMMITMENTS_HEADING.zh).toBe("承诺事项（区级决策，不计入预测目标数）");
  });
});

describe("kind and mechanism words", () => {
  it("every target kind in both languages", () => {
    expect(kindLabel("level", "zh")).toBe("水平值");
    expect(kindLabel("share", "en")).toBe("share");
    expect(kindLabel("rate_per_10k", "both")).toBe("每万人比率 rate per 10,000");
    expect(kindLabel("count", "en")).toBe("count");
    expect(kindLabel("cumulative_count", "zh")).toBe("累计数");
    expect(kindLabel("flow_per_year", "en")).toBe("amount a year");
    expect(kindLabel("relative_to_base", "zh")).toBe("相对基年倍数");
    expect(kindLabel("qualitative", "en")).toBe("qualitative");
  });

  it("every mechanism, and an unknown one as 'other mechanism'", () => {
    const words = [
      ["trend", "趋势外推", "trend"],
      ["growth", "增速", "growth"],
      ["leveraged", "财政杠杆", "fiscal leverage"],
      ["count", "计数增加", "count additions"],
      ["elastic", "弹性响应", "elastic response"],
      ["stock_flow", "存量与流量", "stock and flow"],
      ["inventory", "永续盘存", "perpetual inventory"],
      ["ratio", "比率", "ratio"],
      ["solow", "索洛余值", "Solow residual"],
      ["top-up", "项目预算叠加", "programme top-up"],
      ["programme", "项目资金", "programme spending"],
      ["response", "项目效应", "programme response"],
      ["nonsense", "其他机制", "other mechanism"],
    ];
    for (const [m, zh, en] of words) {
      expect(mechanismLabel(m, "zh")).toBe(zh);
      expect(mechanismLabel(m, "en")).toBe(en);
    }
  });
});

describe("reasonText: the basis decides which figures are used", () => {
  it("a growth basis ignores changes per year; a change basis ignores growth rates; Chinese falls", () => {
    const both = {
      requiredGrowth: 0.05,
      projectedGrowth: -0.02,
      requiredChangePerYear: 12,
      projectedChangePerYear: 5,
    };
    expect(reasonText(withReason({ ...both, basis: "growth" }), "zh", { driver: false })).toBe(
      "需年均增长 5.0%，本情景中位数年均下降 2.0%",
    );
    expect(reasonText(withReason({ ...both, basis: "change_per_year" }), "zh", { driver: false })).toBe(
      "需每年增加 12 家，本情景中位数为 5 家",
    );
    // A growth basis without the rates, or a change basis without the changes: the level sentence.
    const level = { median: 30, threshold: 35 };
    expect(
      reasonText(withReason({ basis: "growth", requiredChangePerYear: 1, projectedChangePerYear: 2 }, level), "en", {
        driver: false,
      }),
    ).toBe("median 30 in 2015 against 35 units (organisations)");
    expect(
      reasonText(withReason({ basis: "change_per_year", requiredGrowth: 0.1, projectedGrowth: 0.1 }, level), "en", {
        driver: false,
      }),
    ).toBe("median 30 in 2015 against 35 units (organisations)");
    expect(
      reasonText(
        withReason({ basis: "change_per_year", requiredChangePerYear: null, projectedChangePerYear: 2 }, level),
        "en",
        {
          driver: false,
        },
      ),
    ).toBe("median 30 in 2015 against 35 units (organisations)");
    expect(
      reasonText(withReason({ basis: "growth", requiredGrowth: null, projectedGrowth: 0.1 }, level), "en", {
        driver: false,
      }),
    ).toBe("median 30 in 2015 against 35 units (organisations)");
  });
});
