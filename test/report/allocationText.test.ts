/**
 * `targetcast allocate` and `--goal` in words (src/report/allocationText.ts), on a hand-built
 * allocation result whose figures are chosen so every printed number can be read off: the budget
 * line, the split table, the scores with the gain and its paired SE, runners-up and ties, the
 * per-target changes (only those ≥ 0.5 points, largest gain first), commitments, the tornado, and
 * the goal seek's answer reached or not.
 */
import { describe, expect, it } from "vitest";
import type { GoalAnswer } from "../../src/allocate/goalSeek.js";
import type { AllocateResult } from "../../src/allocate/runAllocation.js";
import { allocationText, type GoalContext, goalText, objectiveName } from "../../src/report/allocationText.js";

const split = (inc: number, tal: number, expectedMet: number, score = expectedMet) => ({
  split: { inc, tal },
  expectedMet,
  score,
  pMet: {},
  honoured: true,
});

function result(extra: Partial<AllocateResult> = {}): AllocateResult {
  return {
    scenario: "scenarios/s.yaml",
    budget: 2000,
    budgetPath: null,
    unit: "万元",
    paths: 2000,
    seed: 7,
    programmes: [
      { id: "inc", nameZh: "孵化器", nameEn: "Incubators", floor: 0, cap: null },
      { id: "tal", nameZh: "人才计划", nameEn: "Talent", floor: 0, cap: null },
    ],
    objective: "expectedMet",
    weights: null,
    noBudget: split(0, 0, 19),
    best: split(1200, 800, 20.5),
    runnersUp: [],
    equalSplit: split(1000, 1000, 20.1),
    gridSearch: { ...split(1250, 750, 20.45), size: 21, steps: 20 },
    gain: { overEqualSplit: 0.4, overGrid: 0.05, overNoBudget: 1.5 },
    gainOverEqualSplit: 0.4,
    gainStandardError: 0.05,
    gainDistinguishable: true,
    perTarget: [
      // Moves 0.4 and 0.1 points: below the 0.5 points shown.
      {
        id: "c",
        nameZh: "丙",
        nameEn: "C",
        weight: 1,
        none: 0.5,
        equal: 0.505,
        best: 0.509,
        changeOverEqual: 0.004,
        changeOverNone: 0.001,
      },
      {
        id: "b",
        nameZh: "乙",
        nameEn: "B",
        weight: 1,
        none: 0.6,
        equal: 0.62,
        best: 0.58,
        changeOverEqual: -0.04,
        changeOverNone: -0.02,
      },
      {
        id: "a",
        nameZh: "甲",
        nameEn: "A",
        weight: 1,
        none: 0.3,
        equal: 0.4,
        best: 0.52,
        changeOverEqual: 0.12,
        changeOverNone: 0.22,
      },
    ],
    commitments: [],
    constraintsMet: true,
    commitmentsOutsideBudget: [],
    commitmentsOutsideBudgetNamed: [],
    marginal: [{ programme: "inc", expectedMet: 0.0123, score: 0.0123, step: 100 }],
    evaluations: 120,
    ...extra,
  };
}
const lines = (s: string) => s.split("\n");
const cells = (s: string, start: string) =>
  lines(s)
    .find((l) => l.startsWith(start))!
    .trim()
    .split(/\s{2,}/);

describe("allocationText", () => {
  it("the budget line in each language", () => {
    expect(lines(allocationText(result(), "en"))[0]).toBe(
      "Budget 2000 万元/yr on top of business as usual — scenarios/s.yaml, 2000 paths, seed 7, 120 allocations evaluated on the same draws",
    );
    expect(lines(allocationText(result(), "zh"))[0]).toBe(
      "在照常发展之上每年追加预算 2000 万元 — scenarios/s.yaml，2000 条模拟路径，随机种子 7，在同一组随机抽样上评估了 120 种分配",
    );
    expect(lines(allocationText(result(), "both"))[0]).toMatch(/^预算 Budget 2000 万元\/yr on top/);
    expect(allocationText(result())).toBe(allocationText(result(), "both"));
    expect(allocationText(result(), "en").endsWith("\n")).toBe(true);
  });

  it("the split table: best, equal and grid amounts, and the marginal value of 100 more", () => {
    const en = allocationText(result(), "en");
    expect(lines(en)[2].split(/\s{2,}/)).toEqual([
      "Programme",
      "Best (万元)",
      "Equal",
      "Grid /20",
      "+100万元 → Δ E[met]",
    ]);
    expect(cells(en, "Incubators")).toEqual(["Incubators", "1200", "1000", "1250", "0.012"]);
    // No marginal value for a programme: 0.
    expect(cells(en, "Talent")).toEqual(["Talent", "800", "1000", "750", "0.000"]);
    const zh = allocationText(result(), "zh");
    expect(lines(zh)[2].split(/\s{2,}/)).toEqual(["项目", "最优 (万元)", "平均", "网格 /20", "+100万元 → Δ E[met]"]);
    expect(cells(zh, "孵化器")[0]).toBe("孵化器");
    expect(cells(allocationText(result(), "both"), "孵化器")[0]).toBe("孵化器 Incubators");
  });

  it("the scores, the gain over the equal split with its SE, and what the budget buys", () => {
    const en = allocationText(result(), "en");
    expect(en).toContain(
      [
        "Expected targets met (Σ P(met)):",
        "  No extra budget 19.00 · Equal split 20.10 · Best 20.50",
        "  Best − equal: +0.400 ± 0.050 (paired Monte Carlo SE) — more than 2 SE: the best split is really better",
        "  The budget buys +1.50 expected targets met (best split vs none); grid best of 21 20.45",
      ].join("\n"),
    );
    const zh = allocationText(result(), "zh");
    expect(zh).toContain(
      [
        "预期达成目标数（Σ 达成概率）：",
        "  无追加预算 19.00 · 平均分配 20.10 · 最优 20.50",
        "  最优比平均：+0.400 ± 0.050（配对蒙特卡洛标准误）— 大于两倍标准误，差异可辨",
        "  预算带来预期达成目标数 +1.50（最优分配对比无追加预算）；21 种网格分配中最优 20.45",
      ].join("\n"),
    );
    const both = allocationText(result(), "both");
    expect(both).toContain("  无追加预算 No extra budget 19.00 · 平均分配 Equal split 20.10 · 最优 Best 20.50");
    expect(both).toContain(
      "  最优比平均 Best − equal: +0.400 ± 0.050 (paired Monte Carlo SE) — 大于两倍标准误，差异可辨 more",
    );
    // Not distinguishable, and a loss, with a true minus sign.
    const close = result({ gainOverEqualSplit: -0.01, gainStandardError: 0.02, gainDistinguishable: false });
    expect(allocationText(close, "en")).toContain(
      "  Best − equal: −0.010 ± 0.020 (paired Monte Carlo SE) — within 2 SE: not distinguishable from the equal split",
    );
    expect(allocationText(close, "zh")).toContain("— 不足两倍标准误，与平均分配无法区分");
    expect(allocationText(close, "both")).toContain("— 不足两倍标准误，与平均分配无法区分 within 2 SE:");
  });

  it("a weighted objective: its name, and the unweighted expected targets met beside it", () => {
    const w = result({ objective: "weightedScore", best: split(1200, 800, 20.5, 30.25) });
    const en = allocationText(w, "en");
    expect(en).toContain(
      "Weighted score (Σ weight × P(met)):\n  No extra budget 19.00 · Equal split 20.10 · Best 30.25",
    );
    expect(en).toContain("  Expected targets met (unweighted): no extra budget 19.00 · equal 20.10 · best 20.50\n");
    expect(allocationText(w, "zh")).toContain("  预期达成目标数（不加权）：无追加预算 19.00 · 平均 20.10 · 最优 20.50");
    expect(allocationText(result(), "en")).not.toContain("unweighted");
    expect(objectiveName(w, "zh")).toBe("加权得分（Σ 权重 × 达成概率）");
    expect(objectiveName(w, "both")).toBe("加权得分 Weighted score (Σ weight × P(met))");
    expect(objectiveName(result(), "both")).toBe("预期达成目标数 Expected targets met (Σ P(met))");
    expect(objectiveName(result())).toBe("预期达成目标数 Expected targets met (Σ P(met))");
  });

  it("runners-up with their gap and SE, ties marked and explained", () => {
    const runnersUp = [
      { ...split(1100, 900, 20.48), gap: 0.02, gapStandardError: 0.015, tied: true },
      { ...split(900, 1100, 20.3), gap: 0.2, gapStandardError: 0.04, tied: false },
    ];
    const en = allocationText(result({ runnersUp }), "en");
    expect(en).toContain("  Runners-up: 20.48 (−0.020 ± 0.015, tied), 20.30 (−0.200 ± 0.040)\n");
    expect(en).toContain(
      "  tied = within 2 paired SE of the best: the data cannot rank them; choose on other grounds\n",
    );
    const zh = allocationText(result({ runnersUp }), "zh");
    expect(zh).toContain("  次优：20.48 (−0.020 ± 0.015, 并列), 20.30 (−0.200 ± 0.040)\n");
    expect(zh).toContain("  并列 = 与最优相差不足两倍配对标准误：数据无法区分其优劣，请依据其他因素选择\n");
    expect(allocationText(result({ runnersUp }), "both")).toContain(
      "  次优 Runners-up: 20.48 (−0.020 ± 0.015, 并列 tied)",
    );
    const untied = allocationText(result({ runnersUp: [runnersUp[1]] }), "en");
    expect(untied).toContain("  Runners-up: 20.30 (−0.200 ± 0.040)\n");
    expect(untied).not.toContain("tied");
    expect(allocationText(result(), "en")).not.toContain("Runners-up");
  });

  it("per target: changes of at least 0.5 points, largest gain over none first, and the targets the best split lowers", () => {
    const en = allocationText(result(), "en");
    expect(en).toContain("\nP(met) per target (changes ≥ 0.5 points; Δ in percentage points):\n");
    const table = en.slice(en.indexOf("P(met) per target"));
    expect(lines(table)[1].split(/\s{2,}/)).toEqual(["Target", "None", "Equal", "Best", "Δ vs equal", "Δ vs none"]);
    expect(cells(table, "A")).toEqual(["A", "30.0%", "40.0%", "52.0%", "+12.0", "+22.0"]);
    expect(cells(table, "B")).toEqual(["B", "60.0%", "62.0%", "58.0%", "−4.0", "−2.0"]);
    expect(lines(table).findIndex((l) => l.startsWith("A "))).toBeLessThan(
      lines(table).findIndex((l) => l.startsWith("B ")),
    );
    expect(lines(table).some((l) => l.startsWith("C "))).toBe(false);
    expect(en).toContain("  Lower under the best split than under the equal one: B (62.0% → 58.0%)\n");
    const zh = allocationText(result(), "zh");
    expect(zh).toContain("\n各目标达成概率（变化 ≥ 0.5 个百分点；Δ 以百分点计）：\n");
    expect(cells(zh.slice(zh.indexOf("各目标达成概率")), "目标")).toEqual([
      "目标",
      "无",
      "平均",
      "最优",
      "Δ 对平均",
      "Δ 对无",
    ]);
    expect(zh).toContain("  最优分配下降的目标（相对平均分配）：乙 (62.0% → 58.0%)");
    expect(allocationText(result(), "both")).toContain(": 乙 B (62.0% → 58.0%)");
    // Exactly 0.5 points is shown; a drop of exactly 0.5 points counts as lower.
    const edge = result({
      perTarget: [
        {
          id: "d",
          nameZh: "丁",
          nameEn: "D",
          weight: 1,
          none: 0.5,
          equal: 0.5,
          best: 0.495,
          changeOverEqual: -0.005,
          changeOverNone: -0.005,
        },
      ],
    });
    expect(allocationText(edge, "en")).toContain(
      "Lower under the best split than under the equal one: D (50.0% → 49.5%)",
    );
    const still = result({ perTarget: [result().perTarget[0]] });
    expect(allocationText(still, "en")).toContain("\n  none: no target's P(met) moves with this budget");
    expect(allocationText(still, "zh")).toContain("\n  无：此预算不改变任何目标的达成概率");
    expect(allocationText(still, "en")).not.toContain("Lower under");
  });

  it("a budget by year: every year's amount, held years marked", () => {
    const path = {
      years: [2016, 2017, 2018],
      amounts: [1000, 2000, 2000],
      heldFrom: 2018,
    } as AllocateResult["budgetPath"];
    expect(lines(allocationText(result({ budgetPath: path }), "en"))[1]).toBe(
      "  逐年预算 Budget by year (万元): 2016: 1000 · 2017: 2000 · 2018: 2000 (held 沿用) — the table's amounts are the peak year's; the split's shares are the same every year (caps hold in every year, floors in the peak year)",
    );
    expect(lines(allocationText(result(), "en"))[1]).toBe("");
  });

  it("adopted commitments as constraints: P(met) none / equal / best, honoured or not, and a binding constraint", () => {
    const commitments = [
      {
        id: "k",
        nameZh: "财政科技支出",
        nameEn: "Fiscal S&T",
        honourAt: 0.6,
        none: 0.2,
        equal: 0.5,
        best: 0.65,
        honoured: { none: false, equal: false, best: true },
      },
      {
        id: "m",
        nameZh: "人才承诺",
        nameEn: "Talent pledge",
        honourAt: 0.6,
        none: 0.1,
        equal: 0.2,
        best: 0.3,
        honoured: { none: false, equal: false, best: false },
      },
    ];
    const r = result({ commitments, constraintsMet: false });
    const en = allocationText(r, "en");
    expect(en).toContain(
      "\nAdopted commitments — constraints, not counted among the targets; honoured when P(met) ≥ 60.0%:\n",
    );
    expect(cells(en, "Fiscal S&T")).toEqual(["Fiscal S&T", "20.0%", "50.0%", "65.0%", "✓ honoured"]);
    expect(cells(en, "Talent pledge")).toEqual(["Talent pledge", "10.0%", "20.0%", "30.0%", "✗ not honoured"]);
    expect(en).toContain(
      "  ✗ Binding: no split of 2000 万元/yr found honours every adopted commitment; honouring them needs a larger budget (try --goal with the commitment adopted) or money from outside these programmes",
    );
    const zh = allocationText(r, "zh");
    expect(zh).toContain("已采纳的承诺（约束，不计入目标数）；达成概率 ≥ 60.0% 即为兑现：");
    expect(cells(zh, "财政科技支出")).toEqual(["财政科技支出", "20.0%", "50.0%", "65.0%", "✓ 兑现"]);
    expect(cells(zh, "人才承诺")[4]).toBe("✗ 未兑现");
    expect(zh).toContain("  ✗ 约束起作用：每年 2000 万元 的任何分配都无法兑现全部已采纳的承诺");
    expect(allocationText(result({ commitments }), "en")).not.toContain("Binding");
    expect(allocationText(result(), "en")).not.toContain("Adopted commitments");
  });

  it("commitments the money cannot move, by name (or by id in an older result)", () => {
    const named = result({
      commitmentsOutsideBudget: ["k", "m"],
      commitmentsOutsideBudgetNamed: [
        { id: "k", nameZh: "甲承诺", nameEn: "Pledge A" },
        { id: "m", nameZh: "乙承诺", nameEn: "Pledge B" },
      ],
    });
    expect(allocationText(named, "en")).toContain(
      "  Adopted commitments the programmes' money cannot move in the model (no split honours or breaks them): Pledge A, Pledge B",
    );
    expect(allocationText(named, "zh")).toContain(
      "  项目资金在模型中无法影响的已采纳承诺（任何分配都不改变其兑现与否）：甲承诺、乙承诺",
    );
    const old = result({ commitmentsOutsideBudget: ["k"], commitmentsOutsideBudgetNamed: undefined as never });
    expect(allocationText(old, "en")).toContain("(no split honours or breaks them): k");
  });

  it("the tornado: bars on and off the budget's path, at most ten, with the swing", () => {
    const bar = (i: number, on: boolean) => ({
      parameter: `p${i}`,
      label: { zh: `假设${i}`, en: `assumption ${i}` },
      low: 20 - i / 10,
      high: 20 + i / 5,
      budgetCanChange: on,
    });
    const bars = [...Array.from({ length: 11 }, (_, i) => bar(i + 1, true)), bar(20, false)];
    const en = allocationText(result({ tornado: { baseline: 20, bars } as AllocateResult["tornado"] }), "en");
    expect(en).toContain(
      "\nTornado — expected targets met with each assumption at its P10 / P90 (the others drawn as usual):\n",
    );
    expect(en).toContain(
      "\nOn the budget's path (programme effects, and the indicators programmes and spending feed):\n",
    );
    // assumption 2: P10 19.80, P90 20.40, swing 0.60.
    expect(cells(en, "assumption 2")).toEqual(["assumption 2", "19.80", "20.40", "0.60"]);
    expect(lines(en).some((l) => l.startsWith("assumption 10 "))).toBe(true);
    expect(lines(en).some((l) => l.startsWith("assumption 11 "))).toBe(false);
    expect(en).toContain("\nOff the budget's path: the budget cannot change what these drive:\n");
    expect(cells(en, "assumption 20")).toEqual(["assumption 20", "18.00", "24.00", "6.00"]);
    const onlyOn = allocationText(
      result({ tornado: { baseline: 20, bars: [bar(1, true)] } as AllocateResult["tornado"] }),
      "zh",
    );
    expect(onlyOn).toContain("预算无法改变的假设：预算改变不了它们所驱动的结果：\n  无\n");
    expect(onlyOn).toContain("敏感性（龙卷风图）— 每个假设取其 P10 / P90 时的预期达成目标数（其余假设照常抽样）：");
    expect(allocationText(result(), "en")).not.toContain("Tornado");
  });
});

describe("goalText", () => {
  const context: GoalContext = {
    file: "scenarios/s.yaml",
    paths: 2000,
    seed: 7,
    names: new Map([
      ["rd", { zh: "研发投入强度", en: "R&D intensity" }],
      ["k", { zh: "财政承诺", en: "Fiscal pledge" }],
    ]),
    programmes: { inc: { zh: "孵化器", en: "Incubators" } },
  };
  const answer = (extra: Partial<GoalAnswer> = {}): GoalAnswer => ({
    target: "rd",
    p: 0.8,
    reachable: true,
    budget: 3000,
    unit: "万元",
    split: { inc: 2000, tal: 1000 },
    pMet: 0.8125,
    pMetStandardError: 0.0087,
    pMetNoBudget: 0.31,
    below: { budget: 2900, pMet: 0.795 },
    tolerance: 100,
    searchLimit: { budget: 10000, from: "caps" },
    expectedMet: 21.3,
    expectedMetNoBudget: 19.3,
    costPerExtraTargetMet: 1500,
    commitments: [],
    commitmentBinding: false,
    commitmentsOutsideBudget: [],
    years: [2016, 2017],
    budgetPath: null,
    evaluations: 44,
    ...extra,
  });

  it("reached: the smallest budget, the goal's P(met) with its SE, the check one step below, the split and the cost per target", () => {
    expect(lines(goalText(answer(), context, "en"))).toEqual([
      "Goal seek — R&D intensity: P(met) ≥ 80.00% (scenarios/s.yaml, 2000 paths, seed 7, 44 allocations evaluated, budget step 100 万元)",
      "",
      "✓ Smallest budget: 3000 万元/yr → 81.25% ± 0.87% (Monte Carlo SE); no extra budget: 31.00%",
      "  Check: 2900 万元/yr (one step less) gives 79.50%, below the goal",
      "",
      "Programme   Split (万元/yr)",
      "──────────  ───────────────",
      "Incubators             2000",
      "tal                    1000",
      "",
      "Expected targets met at this split: 21.30 (no extra budget 19.30)",
      "Cost per extra target met: 1500 万元/yr (budget ÷ extra expected targets met)",
      "",
    ]);
    const zh = goalText(answer(), context, "zh");
    expect(lines(zh)[0]).toBe(
      "目标寻求 — 研发投入强度：达成概率 ≥ 80.00%（scenarios/s.yaml，2000 条模拟路径，随机种子 7，评估了 44 种分配，预算步长 100 万元）",
    );
    expect(zh).toContain("✓ 最小预算：3000 万元/年 → 81.25% ± 0.87%（蒙特卡洛标准误）；无追加预算：31.00%\n");
    expect(zh).toContain("  检验：2900 万元/年（少一个步长）得到 79.50%，低于目标\n");
    expect(zh).toContain("此分配下的预期达成目标数：21.30（无追加预算 19.30）\n");
    expect(zh).toContain("每多达成一个目标的成本：1500 万元/年（预算 ÷ 多达成的预期目标数）\n");
    expect(
      lines(zh)
        .find((l) => l.startsWith("项目"))!
        .split(/\s{2,}/),
    ).toEqual(["项目", "分配 (万元/年)"]);
    const both = goalText(answer(), context, "both");
    expect(lines(both)[0]).toMatch(/^目标寻求 Goal seek — 研发投入强度 R&D intensity: P\(met\) ≥ 80\.00%/);
    expect(both).toContain("\n✓ 最小预算 Smallest budget: 3000 万元/yr");
    expect(lines(both).some((l) => l.startsWith("孵化器 Incubators"))).toBe(true);
    expect(goalText(answer(), context)).toBe(both);
  });

  it("the check one step below: not below (non-monotone), or held by a commitment", () => {
    const flat = answer({ below: { budget: 2900, pMet: 0.8 } });
    expect(goalText(flat, context, "en")).toContain(
      "  Check: 2900 万元/yr (one step less) gives 80.00% — NOT below the goal: the search met a non-monotone step; treat the budget as approximate",
    );
    expect(goalText(flat, context, "zh")).toContain(
      "得到 80.00% — 并未低于目标：搜索遇到非单调的一步，预算只能视为近似值",
    );
    const bound = answer({ commitmentBinding: true, below: { budget: 2900, pMet: 0.85 } });
    expect(goalText(bound, context, "en")).toContain(
      "gives 85.00% — the goal, but not an adopted commitment: the commitment, not the goal, sets this budget",
    );
    expect(goalText(bound, context, "zh")).toContain(
      "— 仍达到目标，但未兑现已采纳的承诺：决定这一预算的是承诺，而不是目标",
    );
    expect(goalText(answer({ below: null }), context, "en")).not.toContain("Check:");
  });

  it("an expected number of targets as the goal, with a budget path", () => {
    const g = answer({
      target: "expected",
      p: 21,
      pMet: 21.3,
      pMetStandardError: 0.04,
      pMetNoBudget: 19.3,
      below: { budget: 2900, pMet: 20.95 },
      budgetPath: { years: [2016, 2017], amounts: [1500, 3000] },
    });
    const en = goalText(g, context, "en");
    expect(lines(en)[0]).toMatch(/^Goal seek — expected targets met ≥ 21 \(/);
    expect(en).toContain(
      "✓ Smallest budget: 3000 万元/yr (peak year; the path's shape scaled) → 21.30 ± 0.04 targets (Monte Carlo SE); no extra budget: 19.30\n",
    );
    expect(en).toContain("\n  逐年预算 Budget by year (万元): 2016: 1500 · 2017: 3000 — the table's");
    expect(en).toContain("gives 20.95, below the goal");
    const zh = goalText(g, context, "zh");
    expect(lines(zh)[0]).toMatch(/^目标寻求 — 预期达成目标数 ≥ 21（/);
    expect(zh).toContain("（峰值年份；按路径形状缩放） → 21.30 ± 0.04 个目标（蒙特卡洛标准误）");
    expect(lines(goalText(g, context, "both"))[0]).toMatch(
      /^目标寻求 Goal seek — 预期达成目标数 ≥ 21 expected targets met ≥ 21 \(/,
    );
  });

  it("not reachable: the limit and where it comes from, the best there, and why money alone cannot do it", () => {
    const g = answer({ reachable: false, budget: null, pMet: 0.62, below: null, costPerExtraTargetMet: null });
    const en = goalText(g, context, "en");
    expect(en).toContain(
      "\n✗ Not reachable within 10000 万元/yr (the programmes' caps): the best split there gives 62.00% ± 0.87% (no extra budget: 31.00%).\n",
    );
    expect(en).toContain(
      "  The programmes' effects saturate (E·B/(B+H)): more money alone does not get there; the assumptions the target depends on must change.\n",
    );
    expect(
      lines(en)
        .find((l) => l.startsWith("Programme"))!
        .split(/\s{2,}/),
    ).toEqual(["Programme", "Split at the limit (万元/yr)"]);
    expect(en).toContain("Cost per extra target met: – (no target gained)");
    const zh = goalText({ ...g, searchLimit: { budget: 5000, from: "maxBudget" } }, context, "zh");
    expect(zh).toContain(
      "✗ 在 5000 万元/年（--max-budget；有项目未设上限） 以内无法达到：该处最优分配得到 62.00% ± 0.87%（无追加预算：31.00%）。",
    );
    expect(zh).toContain("  项目效果会饱和（E·B/(B+H)）：仅靠加钱达不到目标，目标所依赖的假设必须改变。");
    expect(zh).toContain("每多达成一个目标的成本：–（没有多达成的目标）");
    expect(
      lines(zh)
        .find((l) => l.startsWith("项目 "))!
        .split(/\s{2,}/),
    ).toEqual(["项目", "上限处的分配 (万元/年)"]);
    const both = goalText(g, context, "both");
    expect(both).toContain(
      "\n✗ 在 10000 万元/yr (the programmes' caps) 以内无法达到 Not reachable within 10000 万元/yr",
    );
    expect(both).toContain("\n  The programmes' effects saturate");
    expect(en).not.toContain("Smallest budget");
  });

  it("commitments at the answer, and those the programmes cannot move", () => {
    const g = answer({
      target: "unknown_target",
      commitments: [
        { id: "k", pMet: 0.7, honourAt: 0.6, honoured: true },
        { id: "z", pMet: 0.4, honourAt: 0.6, honoured: false },
      ],
      commitmentsOutsideBudget: ["k", "q"],
    });
    const en = goalText(g, context, "en");
    expect(lines(en)[0]).toMatch(/^Goal seek — unknown_target: P\(met\) ≥ 80\.00% \(/);
    expect(en).toContain("\nAdopted commitment Fiscal pledge: P(met) 70.00% — ✓ honoured (needs ≥ 60.00%)\n");
    expect(en).toContain("\nAdopted commitment z: P(met) 40.00% — ✗ not honoured (needs ≥ 60.00%)\n");
    expect(en).toContain(
      "\nAdopted commitments the programmes cannot move (not constraints of the search): Fiscal pledge, q\n",
    );
    const zh = goalText(g, context, "zh");
    expect(zh).toContain("\n已采纳的承诺（约束）财政承诺：达成概率 70.00% — ✓ 兑现（需 ≥ 60.00%）\n");
    expect(zh).toContain("\n已采纳的承诺（约束）z：达成概率 40.00% — ✗ 未兑现（需 ≥ 60.00%）\n");
    expect(zh).toContain("\n项目预算无法影响的已采纳承诺（不是搜索的约束）：财政承诺、q\n");
  });
});
