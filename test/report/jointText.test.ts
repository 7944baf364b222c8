/**
 * The joint view and borderline marks in words (src/report/jointText.ts): the expected number of
 * targets met with its SE, P(at least k) for the informative k only (strictly between 1% and 99%),
 * and the borderline mark and legend.
 */
import { describe, expect, it } from "vitest";
import type { JointView } from "../../src/assess/types.js";
import { BORDERLINE_MARK, borderlineLegend, jointLine, pMetCell } from "../../src/report/jointText.js";

const joint = (atLeast: number[], extra: Partial<JointView> = {}): JointView => ({
  targets: atLeast.length - 1,
  expectedMet: 2.345,
  expectedMetStandardError: 0.0123,
  exactly: [],
  atLeast,
  ...extra,
});

describe("jointLine", () => {
  // k = 0 is always 1; 0.995 and 0.005 are outside (1%, 99%); 0.99 and 0.01 are the edges, left out.
  const j = joint([1, 0.995, 0.99, 0.9, 0.25, 0.01, 0.005]);

  it("English: expected ± SE of the targets assessed, then P(≥ k) strictly between 1% and 99%", () => {
    expect(jointLine(j, "en")).toBe(
      "Targets met together: expected 2.35 ± 0.01 (Monte Carlo SE) of 6 assessed\n  P(at least k met), path by path: P(≥ 3) 90% · P(≥ 4) 25%",
    );
  });

  it("Chinese, and both (the default)", () => {
    expect(jointLine(j, "zh")).toBe(
      "同时达成的目标数：期望 2.35 ± 0.01（蒙特卡洛标准误），共评估 6 项\n  至少 k 个达成的概率（逐条路径计）：P(≥ 3) 90% · P(≥ 4) 25%",
    );
    expect(jointLine(j, "both")).toBe(
      "同时达成的目标数 Targets met together: expected 2.35 ± 0.01 (Monte Carlo SE) of 6 assessed\n  至少 k 个达成的概率 P(at least k met), path by path: P(≥ 3) 90% · P(≥ 4) 25%",
    );
    expect(jointLine(j)).toBe(jointLine(j, "both"));
  });

  it("no informative k: the first line alone; k = 0 is never shown", () => {
    expect(jointLine(joint([1, 1, 0]), "en")).toBe(
      "Targets met together: expected 2.35 ± 0.01 (Monte Carlo SE) of 2 assessed",
    );
    expect(jointLine(joint([0.5, 0]), "zh")).toBe("同时达成的目标数：期望 2.35 ± 0.01（蒙特卡洛标准误），共评估 1 项");
    expect(jointLine(joint([0.5, 0.011]), "en")).toMatch(/: P\(≥ 1\) 1%$/);
    expect(jointLine(joint([0.5, 0.989]), "en")).toMatch(/: P\(≥ 1\) 99%$/);
  });
});

describe("borderline", () => {
  it("the legend in each language, after the mark", () => {
    expect(BORDERLINE_MARK).toBe("≈");
    expect(borderlineLegend("zh")).toBe("≈ 临界：达成概率距状态分界不足两个蒙特卡洛标准误，换随机种子可能改变状态");
    expect(borderlineLegend("en")).toBe(
      "≈ borderline: P(met) is within 2 Monte Carlo standard errors of a status cut-off; another seed could change the status",
    );
    expect(borderlineLegend("both")).toBe(`${borderlineLegend("zh")} — ${borderlineLegend("en").slice(2)}`);
    expect(borderlineLegend()).toBe(borderlineLegend("both"));
  });

  it("P(met) as a whole percentage, the mark when borderline, a dash without P(met)", () => {
    expect(pMetCell({ pMet: 0.456, borderline: false })).toBe("46%");
    expect(pMetCell({ pMet: 0.456, borderline: true })).toBe("46% ≈");
    expect(pMetCell({ pMet: null, borderline: true })).toBe("–");
  });
});
