/**
 * Tests with teeth: each test here fails under one of the seven one-line bugs a review planted
 * in src/ that the suite used to miss (issue 13). Each was checked by applying the bug and
 * seeing the test fail:
 *
 * 1. the "most influential assumption" picked by the smallest |ρ|;
 * 2. required growth computed from the median instead of the target;
 * 3. P(met) scaled by 0.1 in the terminal table;
 * 4. p10 written into the p90 column of risk.csv;
 * 5. the ▲ / ✗ marks swapped in the scenario matrix;
 * 6. CJK text counted as one column wide;
 * 7. the marginal value halved.
 *
 * The scenario is built in memory and its numbers are closed forms: x grows at a rate g drawn once
 * per path, g ~ N(5%, 5%), with no yearly shocks, so x₂₀₂₀ = 100 (1 + g)⁵ and P(x₂₀₂₀ ≥ 130) =
 * P(g ≥ 1.3^(1/5) − 1 = 5.387%) ≈ 0.47; y = 100 x / z with z growing at h ~ N(2%, 3%).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Evaluator } from "../../src/allocate/evaluate.js";
import { marginalValues } from "../../src/allocate/marginal.js";
import { runScenario } from "../../src/assess/runScenario.js";
import type { ScenarioResult, TargetAssessment } from "../../src/assess/types.js";
import { riskCsv } from "../../src/report/riskCsv.js";
import { riskTable, scenarioMatrix } from "../../src/report/riskTable.js";
import { displayWidth, renderTable } from "../../src/report/textTable.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const years = (f: (y: number) => number) => Object.fromEntries([2011, 2012, 2013, 2014, 2015].map((y) => [y, f(y)]));
const baseline = makeBaseline({
  x: { unit: "万元", values: years((y) => 100 * 1.05 ** (y - 2015)) },
  z: { unit: "万元", values: years((y) => 50 * 1.02 ** (y - 2015)) },
  y: { unit: "指数", values: years((y) => (100 * 100 * 1.05 ** (y - 2015)) / (50 * 1.02 ** (y - 2015))) },
});
const targets = [
  { ...target("x_2020", "x", 2020, ">=", 130, "万元"), nameZh: "研发投入甲", nameEn: "Spending x" },
  { ...target("y_2020", "y", 2020, ">=", 400, "指数"), nameZh: "比重乙", nameEn: "Ratio y" },
];
const s = scenario(2015, 2020, {
  x: { growth: { dist: "normal", mean: 0.05, sd: 0.05 } },
  z: { growth: { dist: "normal", mean: 0.02, sd: 0.03 } },
  y: { ratio: { numerator: "x", denominator: "z", scale: 100 } },
});
let result: ScenarioResult;
const byId = (id: string): TargetAssessment => result.targets.find((t) => t.id === id)!;

beforeAll(() => {
  result = runScenario({
    scenario: s,
    scenarioFile: "mem.yaml",
    baseline,
    catalogue: catalogue(...targets),
    paths: 2000,
    seed: 7,
  }).result;
  expect(byId("x_2020").status).toBe("at_risk");
  expect(byId("y_2020").status).toBe("off_track");
});

describe("the reason a target is at risk", () => {
  it("names the assumption with the largest |ρ| (x's growth, sd 5%, not z's, sd 3%)", () => {
    const y = byId("y_2020").reason!;
    expect(y.topDriver?.parameter).toBe("x.growth");
    expect(Math.abs(y.topDriver!.rho)).toBeGreaterThan(0.7);
  });

  it("computes the required growth from the target: 1.3^(1/5) − 1 = 5.387% a year", () => {
    const x = byId("x_2020");
    expect(x.reason!.requiredGrowth).toBeCloseTo(1.3 ** 0.2 - 1, 10);
    expect(x.reason!.projectedGrowth).toBeCloseTo((x.median! / 100) ** 0.2 - 1, 10);
  });
});

describe("the terminal table and the matrix", () => {
  it("shows P(met) in percent, P(x₂₀₂₀ ≥ 130) ≈ 47%", () => {
    const p = byId("x_2020").pMet!;
    expect(p).toBeGreaterThan(0.4);
    expect(p).toBeLessThan(0.55);
    const row = riskTable(result)
      .split("\n")
      .find((l) => l.startsWith("研发投入甲"))!;
    expect(row).toMatch(new RegExp(`\\s${Math.round(100 * p)}%\\s`));
  });

  it("marks an at-risk target ▲ and an off-track one ✗", () => {
    const rows = scenarioMatrix([result]).split("\n");
    expect(rows.find((l) => l.startsWith("研发投入甲"))).toContain("▲");
    expect(rows.find((l) => l.startsWith("比重乙"))).toContain("✗");
    expect(rows.find((l) => l.startsWith("研发投入甲"))).not.toContain("✗");
  });

  it("aligns columns with Chinese text counted two columns wide", () => {
    expect(displayWidth("研发")).toBe(4);
    expect(displayWidth("ab研")).toBe(4);
    const lines = renderTable(
      [{ header: "名称 Name" }, { header: "值", align: "right" }],
      [
        ["研发投入", "1"],
        ["ab", "22"],
      ],
    ).split("\n");
    // Every line ends at the same terminal column when wide characters take two.
    const widths = lines.map((l) => displayWidth(l.trimEnd()));
    expect(new Set(widths).size, lines.join("\n")).toBe(1);
  });
});

describe("risk.csv", () => {
  it("writes p10 and p90 in their own columns, p10 < median < p90", () => {
    const [header, ...rows] = riskCsv([result]).trim().split("\n");
    const cols = header.split(",");
    const row = rows.find((r) => r.split(",")[cols.indexOf("target")] === "x_2020")!.split(",");
    const x = byId("x_2020");
    expect(x.p10!).toBeLessThan(x.median!);
    expect(x.median!).toBeLessThan(x.p90!);
    expect(Number(row[cols.indexOf("p10")])).toBeCloseTo(x.p10!, 3);
    expect(Number(row[cols.indexOf("p90")])).toBeCloseTo(x.p90!, 3);
    expect(Number(row[cols.indexOf("median")])).toBeCloseTo(x.median!, 3);
  });
});

describe("marginal value of money", () => {
  it("is the score's change per step, scaled up when a cap allows only part of the step", () => {
    // A score that rises by 0.01 target per 万元: hand-computed marginal values are 1 per 100 万元.
    const score = (x: readonly number[]) => {
      const met = 0.01 * x.reduce((a, v) => a + v, 0);
      return {
        spending: [...x],
        pMet: new Float64Array(),
        expectedMet: met,
        score: 2 * met,
        scorePerPath: new Float64Array(),
        commitmentPMet: new Float64Array(),
        honoured: true,
      };
    };
    const ev = { score } as unknown as Evaluator;
    const at = score([100, 200, 300]);
    const m = marginalValues(ev, at, ["a", "b", "c"], 100, [Infinity, 250, 300]);
    expect(m.map((v) => v.expectedMet)).toEqual([1, 1, 0]);
    expect(m.map((v) => v.score)).toEqual([2, 2, 0]);
  });
});
