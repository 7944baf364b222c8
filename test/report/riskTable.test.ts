/**
 * The terminal risk table and the scenario × target matrix (src/report/riskTable.ts) on the chart
 * fixture (test/charts/fixture.ts, figures hand-set there): the heading with file, paths, seed and
 * years; the data line; targets worst first with P(met), median [P10–P90], threshold, unit and the
 * responsible units; the reasons, commitments, not-assessed and assumption blocks; the matrix marks.
 */
import { describe, expect, it } from "vitest";
import { ILLUSTRATIVE_SUFFIX } from "../../src/assess/runScenario.js";
import type { Assumption, ScenarioResult, TargetAssessment } from "../../src/assess/types.js";
import { riskTable, scenarioMatrix, scenarioMatrixTitle } from "../../src/report/riskTable.js";
import { baselineResult, results } from "../charts/fixture.js";

const lines = (s: string) => s.split("\n");
/** The table row of a target: the line starting with its name. */
const row = (s: string, name: string) => lines(s).find((l) => l.startsWith(name))!;
/** The cells of a table row (columns are separated by at least two spaces). */
const cells = (s: string, name: string) =>
  row(s, name)
    .trim()
    .split(/\s{2,}/);

function assumption(indicator: string, zh: string, en: string): Assumption {
  return {
    indicator,
    mechanism: "growth",
    summary: en,
    template: { zh, en },
    terms: {},
    forecastWarnings: [],
  } as unknown as Assumption;
}

const fund: TargetAssessment = {
  ...baselineResult.targets[0],
  id: "sme_fund",
  nameZh: "中小企业发展基金",
  nameEn: "SME development fund",
  status: "commitment_not_adopted",
  pMet: null,
  reason: null,
  nature: "commitment",
  commitment: { adopted: false, pMetByProjection: 0.2, cost: null, dependents: [] },
};

describe("riskTable: the heading", () => {
  it("names the scenario, its file, the paths and seed and the years, in each language", () => {
    expect(lines(riskTable(baselineResult, "zh"))[0]).toBe(
      "基准情景（scenarios/baseline.yaml；5000 条模拟路径，随机种子 20150101；2012→2015）",
    );
    expect(lines(riskTable(baselineResult, "en"))[0]).toBe(
      "Baseline  (scenarios/baseline.yaml; 5000 paths, seed 20150101; 2012→2015)",
    );
    expect(lines(riskTable(baselineResult, "both"))[0]).toBe(
      "基准情景 / Baseline  (scenarios/baseline.yaml; 5000 条模拟路径，随机种子 20150101 5000 paths, seed 20150101; 2012→2015)",
    );
    // The default language is both.
    expect(riskTable(baselineResult)).toBe(riskTable(baselineResult, "both"));
  });

  it("warns of illustrative data in the language asked for, and not for official data", () => {
    expect(lines(riskTable(baselineResult, "zh"))[1]).toBe("⚠ 示意数据，非官方统计");
    expect(lines(riskTable(baselineResult, "en"))[1]).toBe("⚠ Illustrative data, not official statistics");
    expect(lines(riskTable(baselineResult, "both"))[1]).toBe(
      "⚠ 示意数据，非官方统计 — Illustrative data, not official statistics",
    );
    const official: ScenarioResult = { ...baselineResult, illustrative: false, dataSource: "统计年鉴 2013" };
    expect(lines(riskTable(official, "zh")).slice(0, 3)).toEqual([
      "基准情景（scenarios/baseline.yaml；5000 条模拟路径，随机种子 20150101；2012→2015）",
      "数据：统计年鉴 2013",
      "",
    ]);
    expect(riskTable(official, "en")).not.toContain("⚠");
  });

  it("the data line: in Chinese without the English note on illustrative data, which the warning says", () => {
    const r: ScenarioResult = { ...baselineResult, dataSource: `data/a.csv${ILLUSTRATIVE_SUFFIX}` };
    expect(lines(riskTable(r, "zh"))[2]).toBe("数据：data/a.csv");
    expect(lines(riskTable(r, "en"))[2]).toBe(`Data: data/a.csv${ILLUSTRATIVE_SUFFIX}`);
    expect(lines(riskTable(r, "both"))[2]).toBe(`数据 Data: data/a.csv${ILLUSTRATIVE_SUFFIX}`);
  });

  it("lists the indicators left to their trend by name, the first 12 and how many more", () => {
    const named: ScenarioResult = {
      ...baselineResult,
      scenario: { ...baselineResult.scenario, trendByDefault: ["rd_intensity", "energy_intensity"] },
    };
    expect(lines(riskTable(named, "zh"))[3]).toBe(
      "默认趋势外推（情景未设定）：研发投入占地区生产总值的比重、单位GDP能耗",
    );
    expect(lines(riskTable(named, "en"))[3]).toBe(
      "Follow their trend by default (not set in the scenario): R&D expenditure as a share of GDP, Energy consumption per unit of GDP",
    );
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `x${i + 1}`);
    const many = (n: number): ScenarioResult => ({
      ...baselineResult,
      scenario: { ...baselineResult.scenario, trendByDefault: ids(n) },
    });
    expect(lines(riskTable(many(12), "en"))[3]).toBe(
      `Follow their trend by default (not set in the scenario): ${ids(12).join(", ")}`,
    );
    expect(lines(riskTable(many(14), "en"))[3]).toBe(
      `Follow their trend by default (not set in the scenario): ${ids(12).join(", ")} … and 2 more`,
    );
    expect(lines(riskTable(many(13), "zh"))[3]).toBe(`默认趋势外推（情景未设定）：${ids(12).join("、")} 等，另有 1 项`);
    expect(riskTable(baselineResult, "en")).not.toContain("by default");
  });
});

describe("riskTable: the table", () => {
  it("has the column headers of the language asked for", () => {
    const header = (lang: "zh" | "en") =>
      lines(riskTable(baselineResult, lang))
        .find((l) => l.startsWith(lang === "zh" ? "目标" : "Target "))!
        .split(/\s{2,}/);
    expect(header("zh")).toEqual(["目标", "状态", "达成概率", "中位数 [P10–P90]", "目标值", "单位", "责任单位"]);
    expect(header("en")).toEqual([
      "Target",
      "Status",
      "P(met)",
      "Median [P10–P90]",
      "Threshold",
      "Unit",
      "Responsible",
    ]);
  });

  it("lists targets worst first, then by P(met): off track, at risk 38% before 41%, already met, not assessed", () => {
    const out = riskTable(baselineResult, "zh");
    const order = [
      "万人发明专利拥有量",
      "研发投入占地区生产总值的比重",
      "单位GDP能耗",
      "国家高新技术企业数",
      "环境质量达省定小康标准",
    ];
    const at = order.map((n) => lines(out).findIndex((l) => l.startsWith(n)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("shows status, P(met) in percent, median [P10–P90], comparator and threshold, unit and responsible units", () => {
    const out = riskTable(baselineResult, "zh");
    // Patents (fixture: median 5.4, sd 0.75, ≥ 6): P10 = 5.4 − 1.2816 × 0.75 = 4.44, P90 = 6.36, P(met) = 21%.
    expect(cells(out, "万人发明专利拥有量")).toEqual([
      "万人发明专利拥有量",
      "偏离",
      "21%",
      "5.4 [4.44–6.36]",
      "≥ 6",
      "件/万人",
      // Cut at 30 columns: 14 Chinese characters and …
      "科技局、中小企业局、财政局、…",
    ]);
    expect(cells(out, "单位GDP能耗")).toEqual([
      "单位GDP能耗",
      "有风险",
      "41%",
      "0.508 [0.463–0.553]",
      "≤ 0.5",
      "吨标准煤/万元",
      "环保局、经发局、中小企业局、…",
    ]);
    // Not assessed: dashes for the figures.
    expect(cells(out, "环境质量达省定小康标准")).toEqual(["环境质量达省定小康标准", "未评估", "–", "–", "–", "环保局"]);
  });

  it("cuts target names at 40 columns in English and 28 otherwise", () => {
    const en = riskTable(baselineResult, "en");
    expect(cells(en, "Invention patents")[0]).toBe("Invention patents in force per 10000 po…");
    expect(cells(en, "R&D expenditure")[0]).toBe("R&D expenditure as a share of GDP");
    const zh = riskTable(baselineResult, "zh");
    // 14 characters = 28 columns fit; 研发投入占地区生产总值的比重 is exactly 14.
    expect(cells(zh, "研发投入")[0]).toBe("研发投入占地区生产总值的比重");
    const long: ScenarioResult = {
      ...baselineResult,
      targets: [{ ...baselineResult.targets[0], nameZh: "研发投入占地区生产总值的比重之一" }],
    };
    expect(cells(riskTable(long, "zh"), "研发投入")[0]).toBe("研发投入占地区生产总值的比…");
  });

  it("marks a borderline P(met) and adds the legend only when some target is borderline", () => {
    expect(riskTable(baselineResult, "en")).not.toContain("≈");
    const r: ScenarioResult = {
      ...baselineResult,
      targets: baselineResult.targets.map((t, i) => (i === 0 ? { ...t, borderline: true } : t)),
    };
    const out = riskTable(r, "en");
    expect(cells(out, "R&D expenditure")[2]).toBe("38% ≈");
    expect(lines(out).filter((l) => l.startsWith("≈ borderline:"))).toHaveLength(1);
  });

  it("prints the joint line under the table", () => {
    expect(riskTable(baselineResult, "en")).toContain(
      "\n\nTargets met together: expected 1.99 ± 0.01 (Monte Carlo SE) of 4 assessed\n",
    );
  });
});

describe("riskTable: the blocks under the table", () => {
  it("why at risk: each target with a reason, worst first, in one language or in both", () => {
    const en = riskTable(baselineResult, "en");
    const why = en.slice(en.indexOf("Why at risk:\n"));
    expect(
      lines(why)
        .slice(1, 4)
        .map((l) => l.slice(0, l.indexOf(":"))),
    ).toEqual([
      "  • Invention patents in force per 10000 population",
      "  • R&D expenditure as a share of GDP",
      "  • Energy consumption per unit of GDP",
    ]);
    expect(why).toContain(
      "  • R&D expenditure as a share of GDP: needs to grow 5.6% a year; in the scenario's median it grows 4.5% a year",
    );
    const zh = riskTable(baselineResult, "zh");
    expect(zh).toContain("为何有风险：\n  • 万人发明专利拥有量：需年均增长 15.4%");
    const both = riskTable(baselineResult, "both");
    expect(both).toContain(
      "为何有风险 Why at risk:\n  • 万人发明专利拥有量: 需年均增长 15.4%，本情景中位数年均增长 11.5%；影响最大的假设：发明专利授权率（ρ = 0.74）\n    Invention patents in force per 10000 population: needs to grow 15.4% a year;",
    );
  });

  it("not assessed: the reason, with the id in English only", () => {
    expect(riskTable(baselineResult, "zh")).toContain(
      "未评估原因：\n  • 环境质量达省定小康标准：定性目标，规划未给出数值",
    );
    expect(riskTable(baselineResult, "en")).toContain(
      "Not assessed, because:\n  • Environmental quality meets the provincial moderately-prosperous standard (environmental_quality): qualitative goal: the plan states no number",
    );
    const assessed: ScenarioResult = { ...baselineResult, targets: baselineResult.targets.slice(0, 4) };
    expect(riskTable(assessed, "en")).not.toContain("Not assessed, because");
  });

  it("commitments: the mark and the decision sentence", () => {
    const r: ScenarioResult = { ...baselineResult, targets: [...baselineResult.targets, fund] };
    expect(riskTable(r, "zh")).toContain(
      "承诺事项（区级决策，不计入预测目标数）：\n  ◇ 中小企业发展基金：区级决策，本情景未采纳；模型无法估算兑现成本",
    );
    expect(riskTable(r, "en")).toContain(
      "Commitments (decisions of the district, not counted among the forecast targets):\n  ◇ SME development fund: A decision, not adopted by this scenario;",
    );
    expect(riskTable(r, "both")).toMatch(
      /\n {2}◇ 中小企业发展基金: 区级决策[^\n]*\n {4}SME development fund: A decision/,
    );
    expect(riskTable(baselineResult, "zh")).not.toContain("承诺事项");
  });

  it("assumptions: the ones the scenario sets, not trend defaults nor programme bookkeeping", () => {
    const r: ScenarioResult = {
      ...baselineResult,
      scenario: {
        ...baselineResult.scenario,
        trendByDefault: ["energy_intensity"],
        assumptions: [
          assumption("rd_intensity", "研发按 10% 增长", "R&D grows 10%"),
          assumption("energy_intensity", "能耗趋势", "energy trend"),
          assumption("programme.fund", "项目", "programme"),
          assumption("boost.fund", "加成", "boost"),
          assumption("patents", "专利按 5% 增长", "patents grow 5%"),
        ],
      },
    };
    expect(riskTable(r, "zh")).toContain("本情景设定的假设：\n  • 研发按 10% 增长\n  • 专利按 5% 增长");
    expect(riskTable(r, "en")).toContain("Assumptions set by this scenario:\n  • R&D grows 10%\n  • patents grow 5%");
    expect(riskTable(r, "en").endsWith("  • patents grow 5%")).toBe(true);
    expect(riskTable(r, "both")).toContain(
      "本情景设定的假设 Assumptions set by this scenario:\n  • 研发按 10% 增长\n    R&D grows 10%\n  • 专利按 5% 增长\n    patents grow 5%",
    );
    for (const word of ["能耗趋势", "项目", "加成"]) expect(riskTable(r, "zh")).not.toContain(word);
    const none: ScenarioResult = { ...r, scenario: { ...r.scenario, assumptions: [] } };
    expect(riskTable(none, "en")).not.toContain("Assumptions set");
  });

  it("separates the blocks by one empty line", () => {
    const out = riskTable(baselineResult, "en");
    expect(out).not.toContain("\n\n\n");
    expect(out.split("\n\n")).toHaveLength(6);
  });
});

describe("scenarioMatrix", () => {
  it("a row per target of the first scenario, a column per scenario: mark, short word and P(met)", () => {
    const zh = scenarioMatrix(results, "zh");
    expect(lines(zh)[0].split(/\s{2,}/)).toEqual(["目标", "基准情景", "加大研发投入"]);
    expect(cells(zh, "研发投入占地区生产总值的比重")).toEqual([
      "研发投入占地区生产总值的比重",
      "▲ 风险 38%",
      "● 按期 69%",
    ]);
    expect(cells(zh, "万人发明专利拥有量")).toEqual(["万人发明专利拥有量", "✗ 偏离 21%", "▲ 风险 53%"]);
    expect(cells(zh, "国家高新技术企业数")).toEqual(["国家高新技术企业数", "✓ 已达 99%", "✓ 已达 >99%"]);
    // Not assessed: the mark alone, no word and no P(met).
    expect(cells(zh, "环境质量达省定小康标准")).toEqual(["环境质量达省定小康标准", "·", "·"]);
    const en = scenarioMatrix(results, "en");
    expect(lines(en)[0].split(/\s{2,}/)).toEqual(["Target", "Baseline", "Higher R&D spending"]);
    expect(cells(en, "Invention patents")).toEqual([
      "Invention patents in force per 10000 po…",
      "✗ off 21%",
      "▲ risk 53%",
    ]);
    expect(cells(en, "Energy")).toEqual(["Energy consumption per unit of GDP", "▲ risk 41%", "● on 73%"]);
    expect(cells(en, "National")).toEqual(["National high-tech enterprises", "✓ met 99%", "✓ met >99%"]);
    // Both: Chinese names, scenario ids as columns, the short English words.
    const both = scenarioMatrix(results, "both");
    expect(lines(both)[0].split(/\s{2,}/)).toEqual(["目标 Target", "baseline", "accelerated"]);
    expect(cells(both, "万人发明专利拥有量")).toEqual(["万人发明专利拥有量", "✗ off 21%", "▲ risk 53%"]);
    expect(scenarioMatrix(results)).toBe(both);
  });

  it("ends with the legend of the forecast statuses, and of a commitment status only when one is present", () => {
    expect(lines(scenarioMatrix(results, "zh")).at(-1)).toBe("✓ 已达成  ● 按计划  ▲ 有风险  ✗ 偏离  · 未评估");
    expect(lines(scenarioMatrix(results, "en")).at(-1)).toBe(
      "✓ Already met  ● On track  ▲ At risk  ✗ Off track  · Not assessed",
    );
    const r: ScenarioResult = { ...baselineResult, targets: [...baselineResult.targets, fund] };
    const out = scenarioMatrix([r], "zh");
    expect(lines(out).at(-1)).toBe("✓ 已达成  ● 按计划  ▲ 有风险  ✗ 偏离  · 未评估  ◇ 承诺：未采纳");
    expect(cells(out, "中小企业发展基金")).toEqual(["中小企业发展基金", "◇ 未采纳"]);
    const adopted: ScenarioResult = {
      ...baselineResult,
      targets: [{ ...fund, status: "commitment_adopted", commitment: { ...fund.commitment!, adopted: true } }],
    };
    expect(cells(scenarioMatrix([adopted], "en"), "SME")).toEqual(["SME development fund", "◆ adopted"]);
  });

  it("leaves a cell empty for a target a later scenario does not have, and is empty for no results", () => {
    const fewer: ScenarioResult = { ...results[1], targets: results[1].targets.slice(1) };
    const out = scenarioMatrix([baselineResult, fewer], "zh");
    expect(cells(out, "研发投入占地区生产总值的比重")).toEqual(["研发投入占地区生产总值的比重", "▲ 风险 38%"]);
    expect(scenarioMatrix([], "zh")).toBe("");
  });

  it("has a title in each language", () => {
    expect(scenarioMatrixTitle("zh")).toBe("情景 × 目标");
    expect(scenarioMatrixTitle("en")).toBe("Scenario × target");
    expect(scenarioMatrixTitle()).toBe("情景 × 目标 Scenario × target");
  });
});

describe("riskTable: alignment and edge cases", () => {
  it("figures are right-aligned under their headers (the first lines of the Chinese table, column by column)", () => {
    const out = lines(riskTable(baselineResult, "zh"));
    const at = out.findIndex((l) => l.startsWith("目标"));
    expect(out.slice(at, at + 3)).toEqual([
      "目标                          状态    达成概率     中位数 [P10–P90]  目标值  单位           责任单位",
      "────────────────────────────  ──────  ────────  ───────────────────  ──────  ─────────────  ─────────────────────────────",
      "万人发明专利拥有量            偏离         21%      5.4 [4.44–6.36]     ≥ 6  件/万人        科技局、中小企业局、财政局、…",
    ]);
  });

  it("a threshold without a comparator, or a comparator without a threshold, shows a dash", () => {
    const t = baselineResult.targets[0];
    const r: ScenarioResult = {
      ...baselineResult,
      targets: [
        { ...t, id: "a", nameEn: "Alpha", threshold: null },
        { ...t, id: "b", nameEn: "Beta", comparator: null },
      ],
    };
    const out = riskTable(r, "en");
    expect(cells(out, "Alpha")[4]).toBe("–");
    expect(cells(out, "Beta")[4]).toBe("–");
  });

  it("a result with nothing to explain: heading, table and joint line only", () => {
    const t = baselineResult.targets[3]; // already met, no reason
    const r: ScenarioResult = {
      ...baselineResult,
      targets: [t],
      scenario: { ...baselineResult.scenario, assumptions: [] },
    };
    const blocks = riskTable(r, "en").split("\n\n");
    expect(blocks).toHaveLength(3);
    expect(blocks[2]).toMatch(/^Targets met together: /);
  });

  it("the why block lists only the targets with a reason", () => {
    const en = riskTable(baselineResult, "en");
    const why = en.slice(en.indexOf("Why at risk:\n")).split("\n\n")[0];
    expect(lines(why)).toHaveLength(4);
  });

  it("the borderline legend on its own line above the joint line", () => {
    const r: ScenarioResult = {
      ...baselineResult,
      targets: baselineResult.targets.map((t, i) => (i === 0 ? { ...t, borderline: true } : t)),
    };
    expect(riskTable(r, "en")).toContain("change the status\nTargets met together: ");
  });

  it("several commitments and several targets not assessed, one line each; both languages with the id", () => {
    const q = baselineResult.targets[4];
    const r: ScenarioResult = {
      ...baselineResult,
      targets: [
        q,
        { ...q, id: "q2", nameZh: "质量二", nameEn: "Quality two" },
        fund,
        { ...fund, id: "f2", nameZh: "基金二", nameEn: "Fund two" },
      ],
    };
    const en = riskTable(r, "en");
    expect(en).toContain(
      "  • Environmental quality meets the provincial moderately-prosperous standard (environmental_quality): qualitative goal: the plan states no number\n  • Quality two (q2): qualitative goal: the plan states no number",
    );
    expect(en).toMatch(/\n {2}◇ SME development fund: [^\n]*\n {2}◇ Fund two: A decision/);
    const both = riskTable(r, "both");
    expect(both).toContain("\n  • 质量二 Quality two (q2): qualitative goal: the plan states no number");
    expect(both).toMatch(
      /\n {2}◇ 中小企业发展基金: 区级决策，本情景未采纳[^\n]*\n {4}SME development fund: A decision, not adopted/,
    );
  });

  it("keeps an assumption whose indicator only contains 'programme.' later in its name", () => {
    const r: ScenarioResult = {
      ...baselineResult,
      scenario: { ...baselineResult.scenario, assumptions: [assumption("subprogramme.x", "子项目", "sub-programme")] },
    };
    expect(riskTable(r, "en")).toContain("Assumptions set by this scenario:\n  • sub-programme");
  });
});

describe("scenarioMatrix: widths", () => {
  it("a not-assessed cell is the mark alone, so a narrow column stays narrow", () => {
    const q = baselineResult.targets[4];
    const one = (id: string, nameEn: string): ScenarioResult => ({
      ...baselineResult,
      scenario: { ...baselineResult.scenario, id, nameEn },
      targets: [q],
    });
    const out = lines(scenarioMatrix([one("a", "A"), one("b", "B")], "en"));
    expect(out[0]).toBe("Target                                    A  B");
    expect(out[2]).toBe("Environmental quality meets the provinc…  ·  ·");
  });

  it("cuts Chinese target names at 28 columns", () => {
    const long: ScenarioResult = {
      ...baselineResult,
      targets: [{ ...baselineResult.targets[0], nameZh: "研发投入占地区生产总值的比重之一之二" }],
    };
    expect(cells(scenarioMatrix([long], "zh"), "研发")[0]).toBe("研发投入占地区生产总值的比…");
  });
});
