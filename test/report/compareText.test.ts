/**
 * `targetcast compare` in words (src/report/compareText.ts) on a hand-built comparison of the chart
 * fixture's scenarios (test/report/compareFixture.ts): the heading, the assumptions that differ,
 * the expected targets met with its paired SE, the changed targets and what moved them, commitments,
 * targets that did not change and why, each assumption swapped in alone; and two saved runs.
 */
import { describe, expect, it } from "vitest";
import type { ComparisonResult } from "../../src/assess/compareScenarios.js";
import { assumptionKeyName, compareRunsText, compareText, reasonText } from "../../src/report/compareText.js";
import { baselineResult } from "../charts/fixture.js";
import { comparison, comparisonResult, runsComparison } from "./compareFixture.js";

const lines = (s: string) => s.split("\n");
const cells = (s: string, start: string) =>
  lines(s)
    .find((l) => l.startsWith(start))!
    .trim()
    .split(/\s{2,}/);
/** Every expected line is a whole line of the text. */
const hasLines = (text: string, expected: string[]) => {
  const all = new Set(lines(text));
  for (const l of expected) expect(all.has(l), `missing line: ${l}`).toBe(true);
};

describe("compareText", () => {
  it("English: heading, assumptions, settings, expected targets met, commitments, unchanged targets, effects", () => {
    const en = compareText(comparisonResult, "en");
    expect(lines(en).slice(0, 4)).toEqual([
      "Comparison Baseline → Higher R&D spending  (2000 paths, seed 42, common random numbers)",
      "⚠ Illustrative data, not official statistics",
      "",
      "Assumptions that differ:",
    ]);
    expect(lines(en)[4].split(/\s{2,}/)).toEqual(["Assumption", "Baseline", "Higher R&D spending"]);
    expect(cells(en, "R&D expenditure as a share of GDP  ")).toEqual([
      "R&D expenditure as a share of GDP",
      "an example assumption",
      "an example assumption",
    ]);
    expect(cells(en, "gdp ")).toEqual(["gdp", "(trend by default)", '{"growth":0.1}']);
    expect(cells(en, "Extra budget")).toEqual(["Extra budget", "0", "500"]);
    expect(cells(en, "Commitments adopted")).toEqual([
      "Commitments adopted",
      "National high-tech enterprises",
      "Energy consumption per unit of GDP; fund_x",
    ]);
    hasLines(en, [
      "  Adopted only in Baseline: National high-tech enterprises",
      "  Adopted only in Higher R&D spending: Energy consumption per unit of GDP; fund_x",
      "  paths: 1000 → 2000 (runs differ in their settings: no one-at-a-time attribution)",
      "Expected targets met: 1.99 → 2.50 (+0.51 ± 0.03, paired Monte Carlo SE)",
      "Targets whose status changed or whose P(met) moved beyond 2 paired SE:",
      "Commitments (decisions of the district) whose status changed:",
      "  • S&T fund:",
      "    not adopted → adopted: the status changed because Higher R&D spending adopts this commitment (adopts differs); the projection is the same",
      "    forecast targets that depend on it: R&D expenditure as a share of GDP",
      "Targets computed from a changed assumption that did not change:",
      "  • Invention patents in force per 10000 population: P(met) 2.1% → 3.0% (+0.9 ± 0.4 points), median 5.4 → 5.5",
      "    the targets' values move, but P(met) is below 5% either way: the target is out of reach regardless",
      "Each assumption swapped in alone (the rest as in the first scenario):",
      "  • R&D expenditure as a share of GDP: moves R&D expenditure as a share of GDP +30.0 ± 1.0 points; gone −5.0 ± 2.0 points",
      "    R&D expenditure as a share of GDP (2015): median 2.42 → 2.6, P(met) 37.9% → 68.0%",
      "  • gdp: moves no target —",
      "    the targets it feeds have exactly the same values in their target year on every path (it changes its own indicator from 2014; a lag puts the effect after the target year)",
    ]);
    // No two empty lines in a row; one newline at the end.
    expect(en).not.toContain("\n\n\n");
    expect(en.endsWith("\n")).toBe(true);
    expect(en.endsWith("\n\n")).toBe(false);
  });

  it("the changed targets: status change, P(met), Δ ± SE in points, medians, and what moved them", () => {
    const en = compareText(comparisonResult, "en");
    const table = en.slice(en.indexOf("Targets whose status changed"));
    expect(lines(table)[1].split(/\s{2,}/)).toEqual([
      "Target",
      "Status",
      "P(met)",
      "Δ ± SE (points)",
      "Median",
      "Moved by (alone)",
    ]);
    expect(cells(table, "R&D expenditure")).toEqual([
      "R&D expenditure as a share of…",
      "At risk → On track",
      "37.9% → 69.0%",
      "+31.1 ± 1.2",
      "2.42 → 2.61",
      "R&D expenditure as a share of GDP (+30.0); …",
    ]);
    expect(cells(table, "Energy")).toEqual([
      "Energy consumption per unit o…",
      "At risk",
      "41.0% → 50.0%",
      "+9.0 ± 2.0",
      "– → 0.49",
      "no single assumption alone; only together",
    ]);
    const zh = compareText(comparisonResult, "zh");
    const zhTable = zh.slice(zh.indexOf("状态改变或达成概率变化超过两倍配对标准误的目标："));
    expect(lines(zhTable)[1].split(/\s{2,}/)).toEqual([
      "目标",
      "状态",
      "达成概率",
      "Δ ± 标准误（百分点）",
      "中位数",
      "由何引起",
    ]);
    expect(cells(zhTable, "研发投入")[1]).toBe("有风险 → 按计划");
    expect(cells(zhTable, "研发投入")[5]).toBe("研发投入占地区生产总值的比重 (+30.0); gdp (…");
    expect(cells(zhTable, "单位GDP能耗")[5]).toBe("没有单独起作用的假设，只有共同作用");
  });

  it("Chinese: every heading and sentence in Chinese", () => {
    const zh = compareText(comparisonResult, "zh");
    expect(lines(zh).slice(0, 4)).toEqual([
      "情景对比 基准情景 → 加大研发投入（2000 条模拟路径，随机种子 42，共同随机数）",
      "⚠ 示意数据，非官方统计",
      "",
      "不同的假设：",
    ]);
    expect(lines(zh)[4].split(/\s{2,}/)).toEqual(["假设", "基准情景", "加大研发投入"]);
    expect(cells(zh, "gdp ")).toEqual(["gdp", "（默认趋势外推）", '{"growth":0.1}']);
    expect(cells(zh, "追加预算")).toEqual(["追加预算", "0", "500"]);
    expect(cells(zh, "采纳的承诺")).toEqual(["采纳的承诺", "国家高新技术企业数", "单位GDP能耗；fund_x"]);
    hasLines(zh, [
      "  只在「基准情景」中采纳：国家高新技术企业数",
      "  只在「加大研发投入」中采纳：单位GDP能耗；fund_x",
      "  paths: 1000 → 2000 (两次运行的设置不同：无法逐一归因)",
      "预期达成目标数：1.99 → 2.50 (+0.51 ± 0.03, 配对蒙特卡洛标准误)",
      "状态改变的承诺（区级决策）：",
      "  • 科技基金：",
      "    未采纳 → 已采纳：状态因承诺的采纳而改变（「加大研发投入」采纳该承诺，adopts 不同）；预测不变",
      "    依赖它的预测目标：研发投入占地区生产总值的比重",
      "由改变的假设计算、但未变化的目标：",
      "  • 万人发明专利拥有量：达成概率 2.1% → 3.0%（+0.9 ± 0.4 个百分点），中位数 5.4 → 5.5",
      "    相关目标取值变化，但两种情况下达成概率均低于 5%：目标本就遥不可及",
      "每个假设单独换入时（其余同第一个情景）：",
      "  • 研发投入占地区生产总值的比重：改变 研发投入占地区生产总值的比重 +30.0 ± 1.0 个百分点；gone −5.0 ± 2.0 个百分点",
      "    研发投入占地区生产总值的比重（2015）：中位数 2.42 → 2.6，达成概率 37.9% → 68.0%",
      "  • gdp：无可辨影响 —",
      "    相关目标在目标年的取值在每条路径上都完全相同（该假设自 2014 年起才改变本指标，影响经滞后在目标年之后才显现）",
    ]);
  });

  it("both: the Chinese label before the English sentence, scenario ids as columns, both why-lines", () => {
    const both = compareText(comparisonResult);
    expect(both).toBe(compareText(comparisonResult, "both"));
    expect(lines(both).slice(0, 4)).toEqual([
      "情景对比 基准情景 → 加大研发投入 / Baseline → Higher R&D spending  (2000 paths, seed 42, common random numbers)",
      "⚠ 示意数据，非官方统计 — Illustrative data, not official statistics",
      "",
      "不同的假设 Assumptions that differ:",
    ]);
    expect(lines(both)[4].split(/\s{2,}/)).toEqual(["假设 Assumption", "baseline", "accelerated"]);
    expect(cells(both, "gdp gdp")).toEqual(["gdp gdp", "（默认趋势外推） (trend by default)", '{"growth":0.1}']);
    expect(cells(both, "采纳的承诺")[1]).toBe("国家高新技术企业数 National high-tech enterprises");
    hasLines(both, [
      "  只在「基准情景」中采纳： Adopted only in Baseline: 国家高新技术企业数 National high-tech enterprises",
      "预期达成目标数 Expected targets met: 1.99 → 2.50 (+0.51 ± 0.03, paired Monte Carlo SE)",
      "变化的目标 Targets whose status changed or whose P(met) moved beyond 2 paired SE:",
      "承诺（区级决策） Commitments (decisions of the district) whose status changed:",
      "  • 科技基金 S&T fund:",
      "    未采纳 → 已采纳：状态因承诺的采纳而改变（「加大研发投入」采纳该承诺，adopts 不同）；预测不变",
      "    not adopted → adopted: the status changed because Higher R&D spending adopts this commitment (adopts differs); the projection is the same",
      "受影响但未变化的目标 Targets computed from a changed assumption that did not change:",
      "每个假设单独换入时 Each assumption swapped in alone (the rest as in the first scenario):",
      "  • gdp gdp: 无可辨影响 moves no target —",
    ]);
    expect(cells(both, "研发投入占地区生产总值的比重 …")[1]).toBe("有风险 At risk → 按计划 On track");
  });

  it("official data, nothing different, nothing changed: no warning and 'none' where a table would be", () => {
    const plain: ComparisonResult = {
      ...comparisonResult,
      results: comparisonResult.results.map((r) => ({ ...r, illustrative: false })),
      comparisons: [
        {
          ...comparison,
          assumptions: [],
          settings: [],
          changed: [],
          commitments: [],
          unchanged: [],
          effects: [],
          expectedMet: { base: 2, other: 1.9, change: -0.1, standardError: 0.04 },
        },
      ],
    };
    const en = compareText(plain, "en");
    expect(lines(en)).toEqual([
      "Comparison Baseline → Higher R&D spending  (2000 paths, seed 42, common random numbers)",
      "",
      "Assumptions that differ:",
      "  none",
      "",
      "Expected targets met: 2.00 → 1.90 (−0.10 ± 0.04, paired Monte Carlo SE)",
      "",
      "Targets whose status changed or whose P(met) moved beyond 2 paired SE:",
      "  none",
      "",
      "Each assumption swapped in alone (the rest as in the first scenario):",
      "",
    ]);
    expect(compareText(plain, "zh")).toContain("不同的假设：\n  无\n");
  });

  it("a commitment adopted in neither list, or adopted in the base only", () => {
    const c = {
      ...comparison,
      assumptions: [{ key: "adopts", base: [], other: [], baseSummary: null, otherSummary: null }],
      commitments: [
        {
          ...comparison.commitments[0],
          statusBase: "commitment_adopted",
          statusOther: "commitment_not_adopted",
          dependents: [],
        },
      ],
    } as typeof comparison;
    const r = { ...comparisonResult, comparisons: [c] };
    expect(cells(compareText(r, "en"), "Commitments adopted")).toEqual(["Commitments adopted", "none", "none"]);
    expect(cells(compareText(r, "zh"), "采纳的承诺")).toEqual(["采纳的承诺", "无", "无"]);
    expect(cells(compareText(r, "both"), "采纳的承诺")).toEqual([
      "采纳的承诺 Commitments adopted",
      "无 none",
      "无 none",
    ]);
    expect(compareText(r, "en")).not.toContain("Adopted only in");
    hasLines(compareText(r, "en"), [
      "    adopted → not adopted: the status changed because Higher R&D spending does not adopt this commitment (adopts differs); the projection is the same",
    ]);
    expect(compareText(r, "zh")).toContain("（「加大研发投入」未采纳该承诺，adopts 不同）");
    expect(compareText(r, "en")).not.toContain("forecast targets that depend on it");
  });

  it("two comparisons are separated by a rule", () => {
    const r = {
      ...comparisonResult,
      results: [...comparisonResult.results, comparisonResult.results[1]],
      comparisons: [comparison, comparison],
    };
    expect(compareText(r, "en").split(`\n\n${"═".repeat(80)}\n\n`)).toHaveLength(2);
  });
});

describe("the words of compare", () => {
  it("names: budget, programmes, commitments, an indicator by its name, anything else as given", () => {
    expect(assumptionKeyName("budget", baselineResult)).toEqual({ zh: "追加预算", en: "Extra budget" });
    expect(assumptionKeyName("programmes", baselineResult)).toEqual({ zh: "项目设置", en: "Programmes" });
    expect(assumptionKeyName("adopts", baselineResult)).toEqual({ zh: "采纳的承诺", en: "Commitments adopted" });
    expect(assumptionKeyName("energy_intensity", baselineResult)).toEqual({
      zh: "单位GDP能耗",
      en: "Energy consumption per unit of GDP",
    });
    expect(assumptionKeyName("xyz", baselineResult)).toEqual({ zh: "xyz", en: "xyz" });
  });

  it("why an assumption moves nothing, for every reason", () => {
    expect(reasonText("no_target_depends", null)).toEqual({
      zh: "没有任何目标依赖该指标",
      en: "no target is computed from this indicator",
    });
    expect(reasonText("same_by_target_year", null).en).toContain("it changes its own indicator from –;");
    expect(reasonText("secure", null)).toEqual({
      zh: "相关目标取值变化，但两种情况下达成概率均高于 95%",
      en: "the targets' values move, but P(met) stays above 95% either way",
    });
    expect(reasonText("within_noise", 2014)).toEqual({
      zh: "达成概率的变化小于两倍配对蒙特卡洛标准误",
      en: "P(met) moves by less than 2 paired Monte Carlo standard errors",
    });
    expect(reasonText("decision_only", null)).toEqual({
      zh: "承诺是区级决策，采纳与否不改变预测：每个预测目标在每条路径上的取值都相同",
      en: "a commitment is a decision of the district; adopting it does not change the projection (every forecast target has the same values on every path)",
    });
  });
});

describe("compareRunsText", () => {
  it("English: the two files, why SEs add, changed inputs, assumptions, commitments, changed targets", () => {
    const en = compareRunsText(runsComparison, "en");
    expect(lines(en).slice(0, 3)).toEqual([
      "Two saved runs: a/results.json (2024-05-01) → b/results.json",
      "  Independent runs, not common random numbers: the SE of a change is √(se₁² + se₂²) (conservative when both used the same seed, paths and inputs)",
      "  results.json records each scenario's assumptions, not which one moved which target: compare the scenario files (compare A.yaml B.yaml) to attribute",
    ]);
    hasLines(en, [
      "Input files whose contents changed (e.g. new actuals):",
      "  • data/x.csv",
      "  • data/new.csv (only in the second run)",
      "  • data/old.csv (only in the first run)",
      "═".repeat(80),
      "Scenario Baseline (baseline)",
      "  seed: 1 → –",
      "Recorded assumptions that differ:",
      "  Commitments adopted: none → S&T fund (the statuses of these commitments changed because of it; adopting does not change the projection)",
      "Expected targets met: 2.00 → 1.75 (−0.25 ± 0.10, SE of independent runs)",
      "Targets whose status changed or whose P(met) moved beyond 2 SE (3 others unchanged):",
      "  Only in the first run: t_old",
      "  Only in the second run: t_new, t_new2",
      "Scenarios in one run only (not compared): s_old (first), s_new (second)",
    ]);
    expect(cells(en, "Indicator")).toEqual(["Indicator", "Before", "After"]);
    expect(cells(en, "gdp ")).toEqual(["gdp", "growth: 5%", "growth: 6%"]);
    expect(cells(en, "rd ")).toEqual(["rd", "(not in this run)", "trend: linear"]);
    expect(cells(en, "R&D ")).toEqual(["R&D", "At risk → On track", "40.0% → 70.0%", "+30.0 ± 2.0", "2 → 2.5"]);
    // A status code from another version is shown as it is; no P(met): dashes.
    expect(cells(en, "Quality")).toEqual(["Quality", "future_code", "–", "–", "– → –"]);
    expect(cells(en, "Patents")).toEqual([
      "Patents",
      "Off track",
      "10.0% → 12.0%",
      "+2.0 ± 1.5 (within 2 SE)",
      "5 → 5.1",
    ]);
    expect(en.endsWith("(second)\n")).toBe(true);
  });

  it("Chinese and both", () => {
    const zh = compareRunsText(runsComparison, "zh");
    hasLines(zh, [
      "两次运行对比：a/results.json (2024-05-01) → b/results.json",
      "  两次独立运行，非公共随机数：变化的标准误 = √(se₁² + se₂²)（若两次种子、路径和输入相同则偏保守）",
      "内容改变的输入文件（例如新的实际数据）：",
      "  • data/new.csv (仅在第二次运行中)",
      "  • data/old.csv (仅在第一次运行中)",
      "情景 基准情景 (baseline)",
      "记录中不同的假设：",
      "状态改变或达成概率变化超过两倍标准误的目标（其余 3 个未变）：",
      "  只在之前: t_old",
      "  只在之后: t_new, t_new2",
      "只在一次运行中的情景（未对比）: s_old (第一次), s_new (第二次)",
    ]);
    expect(zh).toContain("  采纳的承诺: 无 → 科技基金 (这些承诺的状态因此改变；采纳与否不改变预测)");
    expect(zh).toContain("预期达成目标数: 2.00 → 1.75 (−0.25 ± 0.10, 独立运行的标准误)");
    expect(cells(zh, "rd ")).toEqual(["rd", "(本次运行中没有)", "trend: linear"]);
    expect(cells(zh, "专利")).toEqual(["专利", "偏离", "10.0% → 12.0%", "+2.0 ± 1.5 (在两倍标准误内)", "5 → 5.1"]);
    expect(cells(zh, "研发")[1]).toBe("有风险 → 按计划");
    const both = compareRunsText(runsComparison);
    expect(both).toBe(compareRunsText(runsComparison, "both"));
    hasLines(both, [
      "两次运行对比 Two saved runs: a/results.json (2024-05-01) → b/results.json",
      "  两次独立运行，非公共随机数：变化的标准误 = √(se₁² + se₂²)（若两次种子、路径和输入相同则偏保守）",
      "  Independent runs, not common random numbers: the SE of a change is √(se₁² + se₂²) (conservative when both used the same seed, paths and inputs)",
    ]);
  });

  it("nothing recorded differs: 'none'; a commitment change alone needs no assumptions table; no expected line without one", () => {
    const base = runsComparison.comparisons[0];
    const quiet = {
      ...runsComparison,
      inputsChanged: [],
      scenariosOnlyBefore: [],
      scenariosOnlyAfter: [],
      comparisons: [
        {
          ...base,
          settings: [],
          assumptions: [],
          adopts: null,
          expectedMet: null,
          changed: [],
          onlyBefore: [],
          onlyAfter: [],
        },
      ],
    } as typeof runsComparison;
    const en = compareRunsText(quiet, "en");
    expect(en).toContain("Recorded assumptions that differ:\n  none\n");
    expect(en).toContain("(3 others unchanged):\n  none\n");
    expect(en).not.toContain("Input files");
    expect(en).not.toContain("Expected targets met");
    expect(en).not.toContain("one run only");
    const adoptsOnly = {
      ...quiet,
      comparisons: [
        {
          ...quiet.comparisons[0],
          adopts: {
            before: [
              { id: "a", nameZh: "甲", nameEn: "A" },
              { id: "b", nameZh: "乙", nameEn: "B" },
            ],
            after: [],
          },
        },
      ],
    } as typeof runsComparison;
    const a = compareRunsText(adoptsOnly, "en");
    expect(a).toContain("Recorded assumptions that differ:\n  Commitments adopted: A; B → none (");
    expect(compareRunsText(adoptsOnly, "zh")).toContain("  采纳的承诺: 甲；乙 → 无 (");
    const onlyAfter = { ...quiet, scenariosOnlyAfter: ["s2"] } as typeof runsComparison;
    expect(compareRunsText(onlyAfter, "en")).toContain("Scenarios in one run only (not compared): s2 (second)\n");
  });
});
