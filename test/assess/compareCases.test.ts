/**
 * Scenario comparison (src/assess/compareScenarios.ts) on a small plan whose answers are known,
 * every figure computed inside the test that checks it (mutation testing activates a mutant only
 * while tests run). Base → other:
 *   x: +10% → +2% a year (fixed): x₂₀₁₅ 146.41 → 125.89 against ≥ 140, P(met) 1 → 0;
 *   y: x's elasticity with a 2-year lag, so y₂₀₁₅ reads the observed x₂₀₁₃: identical on every path;
 *   z: N(5%, 2%) → N(8%, 2%): z₂₀₁₅ ≈ 13.2 → 14.0 against ≥ 100, out of reach both ways;
 *   v: +10% a year → its trend: v₂₀₁₅ changes but stays ≥ 1 on every path, secure;
 *   u: N(5%, 2%) → N(5.001%, 2%) against its median: within noise;
 *   w: +2% → +10%, and no target reads it.
 */
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/assess/compareScenarios.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const h = (a: number, b: number, c: number) => ({ unit: "", values: { 2011: a, 2012: b, 2013: c } });
const baseline = makeBaseline({
  x: h(100, 110, 121),
  y: h(50, 55, 60),
  z: h(10, 11, 12),
  v: h(10, 11, 12),
  u: h(10, 11, 12),
  w: h(10, 11, 12),
});
const cat = catalogue(
  target("x_2015", "x", 2015, ">=", 140),
  target("y_2015", "y", 2015, ">=", 66),
  target("z_2015", "z", 2015, ">=", 100),
  target("v_2015", "v", 2015, ">=", 1),
  target("u_2015", "u", 2015, ">=", 12 * 1.05 ** 2),
);
const indicators = {
  x: { growth: 0.1 },
  y: { elastic: { driver: "x", elasticity: 0.8, lag: 2 }, volatility: 0.05 },
  z: { growth: { dist: "normal", mean: 0.05, sd: 0.02 } },
  v: { growth: 0.1 },
  u: { growth: { dist: "normal", mean: 0.05, sd: 0.02 } },
  w: { growth: 0.02 },
};
const base = scenario(2013, 2015, indicators, { seed: 5 });
const { v: _v, ...withoutV } = indicators;
const otherIndicators = {
  ...withoutV,
  x: { growth: 0.02 },
  z: { growth: { dist: "normal", mean: 0.08, sd: 0.02 } },
  u: { growth: { dist: "normal", mean: 0.05001, sd: 0.02 } },
  w: { growth: 0.1 },
};
const other = scenario(2013, 2015, otherIndicators, { seed: 5, name: { zh: "另一", en: "Other" } });
const compare = (b = base, o = other) =>
  compareScenarios({
    scenarios: [
      { file: "dir/base.yaml", scenario: b },
      { file: "dir/other.yaml", scenario: o },
    ],
    baseline,
    catalogue: cat,
    paths: 1000,
  });

describe("compareScenarios on a plan with known answers", () => {
  it("lists the assumptions that differ, in the scenario's order, with both specs and summaries", () => {
    const c = compare().comparisons[0];
    expect(c.assumptions.map((a) => a.key)).toEqual(["x", "z", "v", "u", "w"]);
    const x = c.assumptions[0];
    expect(x).toMatchObject({ base: { growth: 0.1 }, other: { growth: 0.02 } });
    expect(x.baseSummary).toContain("10%");
    expect(x.otherSummary).toContain("2%");
    // v is not set in the other scenario: it follows its trend there.
    expect(c.assumptions[2]).toMatchObject({ key: "v", other: null });
    expect(c.assumptions[2].otherSummary).not.toBeNull();
    expect(c.settings).toEqual([]);
    expect(c).toMatchObject({ base: "base", other: "other", otherName: { zh: "另一", en: "Other" } });
  });

  it("runs every scenario on the same paths and seed (the first scenario's, 5)", () => {
    const r = compare();
    expect(r).toMatchObject({ paths: 1000, seed: 5 });
    expect(r.results.map((x) => [x.paths, x.seed])).toEqual([
      [1000, 5],
      [1000, 5],
    ]);
  });

  it("x_2015 changed from on track (P = 1) to off track (P = 0), moved by x alone", () => {
    const c = compare().comparisons[0];
    expect(c.changed.map((t) => t.id)).toEqual(["x_2015"]);
    const x = c.changed[0];
    expect(x).toMatchObject({
      statusBase: "on_track",
      statusOther: "off_track",
      pMetBase: 1,
      pMetOther: 0,
      change: -1,
      standardError: 0,
      distinguishable: true,
      movedBy: [{ key: "x", change: -1 }],
    });
    expect(x.medianBase).toBeCloseTo(121 * 1.1 ** 2, 9);
    expect(x.medianOther).toBeCloseTo(121 * 1.02 ** 2, 9);
  });

  it("the expected number met falls by the sum of the per-target changes, on the same paths", () => {
    const r = compare();
    const c = r.comparisons[0];
    const [rb, ro] = r.results;
    expect(c.expectedMet.base).toBeCloseTo(rb.joint.expectedMet, 12);
    expect(c.expectedMet.other).toBeCloseTo(ro.joint.expectedMet, 12);
    expect(c.expectedMet.change).toBeCloseTo(ro.joint.expectedMet - rb.joint.expectedMet, 12);
    // x_2015 loses 1 on every path; the other targets move by a few paths at most.
    expect(c.expectedMet.change).toBeLessThan(-0.95);
    expect(c.expectedMet.change).toBeGreaterThan(-1.05);
    expect(c.expectedMet.standardError).toBeLessThan(0.05);
  });

  it("each swapped assumption: what it reaches, what it moves, and why not", () => {
    const c = compare().comparisons[0];
    const e = (k: string) => c.effects.find((x) => x.key === k)!;
    expect(c.effects.map((x) => x.key)).toEqual(["x", "z", "v", "u", "w"]);

    expect(e("x")).toMatchObject({ reaches: ["x_2015", "y_2015"], reason: null, firstYearChanged: 2014 });
    expect(e("x").moves).toEqual([{ target: "x_2015", change: -1, standardError: 0 }]);

    expect(e("w")).toMatchObject({ reaches: [], moves: [], reason: "no_target_depends", firstYearChanged: 2014 });
    expect(e("w").reached).toEqual([]);

    expect(e("z")).toMatchObject({ reaches: ["z_2015"], moves: [], reason: "out_of_reach" });
    const z = e("z").reached[0];
    expect(z).toMatchObject({ target: "z_2015", targetYear: 2015, pMetBase: 0, pMetSwapped: 0 });
    // Medians of 12 (1 + g)², g ~ N(5%, 2%) → N(8%, 2%).
    expect(z.medianBase).toBeCloseTo(12 * 1.05 ** 2, 1);
    expect(z.medianSwapped).toBeCloseTo(12 * 1.08 ** 2, 1);
    expect(z.medianSwapped - z.medianBase).toBeGreaterThan(0.6);

    expect(e("v")).toMatchObject({ reaches: ["v_2015"], moves: [], reason: "secure" });
    expect(e("v").reached[0]).toMatchObject({ pMetBase: 1, pMetSwapped: 1 });
    expect(e("v").reached[0].medianBase).toBeCloseTo(12 * 1.1 ** 2, 9);
    expect(e("v").reached[0].medianSwapped).not.toBeCloseTo(12 * 1.1 ** 2, 3);

    expect(e("u")).toMatchObject({ reaches: ["u_2015"], moves: [], reason: "within_noise" });
  });

  it("unchanged targets a changed assumption reaches, each with its reason", () => {
    const c = compare().comparisons[0];
    const reasons = Object.fromEntries(c.unchanged.map((t) => [t.id, t.reason]));
    expect(reasons).toEqual({
      y_2015: "same_by_target_year",
      z_2015: "out_of_reach",
      v_2015: "secure",
      u_2015: "within_noise",
    });
    const y = c.unchanged.find((t) => t.id === "y_2015")!;
    expect(y).toMatchObject({ change: 0, standardError: 0, distinguishable: false });
    expect(y.pMetBase).toBe(y.pMetOther);
    expect(y.medianBase).toBe(y.medianOther);
  });

  it("a differing horizon is a setting: listed, and no assumption is swapped", () => {
    const later = scenario(2013, 2016, otherIndicators, { seed: 5 });
    const c = compare(base, later).comparisons[0];
    expect(c.settings).toEqual([{ key: "horizon", base: 2015, other: 2016 }]);
    expect(c.effects).toEqual([]);
    // Still compared: x_2015 changed, but nothing is named as having moved it.
    expect(c.changed.find((t) => t.id === "x_2015")!.movedBy).toEqual([]);
  });

  it("the same scenario twice: nothing differs, nothing changes", () => {
    const c = compare(base, base).comparisons[0];
    expect(c).toMatchObject({ assumptions: [], settings: [], changed: [], unchanged: [], effects: [] });
    expect(c.expectedMet.change).toBe(0);
    expect(c.expectedMet.standardError).toBe(0);
  });
});

describe("compareScenarios: commitments adopted in one scenario and not the other", () => {
  // A commitment on x (x ≥ 140 by 2015, decided by the district) and a forecast target on v.
  const fund = { ...target("x_fund", "x", 2015, ">=", 140), nature: "commitment" as const };
  const commitCat = catalogue(fund, target("v_2015", "v", 2015, ">=", 1));
  const run = (adoptsBase: string[], adoptsOther: string[]) =>
    compareScenarios({
      scenarios: [
        { file: "dir/base.yaml", scenario: scenario(2013, 2015, indicators, { seed: 5, adopts: adoptsBase }) },
        {
          file: "dir/other.yaml",
          scenario: scenario(2013, 2015, indicators, {
            seed: 5,
            adopts: adoptsOther,
            name: { zh: "另一", en: "Other" },
          }),
        },
      ],
      baseline,
      catalogue: commitCat,
      paths: 300,
    }).comparisons[0];

  it("lists `adopts` among the assumptions that differ, the commitment's status change and its cause", () => {
    const c = run(["x_fund"], []);
    expect(c.assumptions.map((a) => a.key)).toEqual(["adopts"]);
    expect(c.assumptions[0]).toMatchObject({ base: ["x_fund"], other: [] });
    expect(c.commitments).toEqual([
      {
        id: "x_fund",
        nameZh: "x_fund",
        nameEn: "x_fund",
        statusBase: "commitment_adopted",
        statusOther: "commitment_not_adopted",
        dependents: [],
      },
    ]);
    // Adopting is a decision: swapped in alone it moves no forecast target, and the model shows why.
    expect(c.effects).toEqual([
      { key: "adopts", reaches: [], moves: [], reason: "decision_only", firstYearChanged: null, reached: [] },
    ]);
    expect(c.changed).toEqual([]); // commitments are not forecasts: no P(met) to change
    expect(c.expectedMet.change).toBe(0);
  });

  it("the order of `adopts` is not a difference; the same list gives none", () => {
    const c = run(["x_fund"], ["x_fund"]);
    expect(c.assumptions).toEqual([]);
    expect(c.commitments).toEqual([]);
  });

  it("says so in words, in zh and en, without the internal id", async () => {
    const { compareText } = await import("../../src/report/compareText.js");
    const r = compareScenarios({
      scenarios: [
        { file: "b.yaml", scenario: scenario(2013, 2015, indicators, { seed: 5, adopts: [] }) },
        {
          file: "o.yaml",
          scenario: scenario(2013, 2015, indicators, {
            seed: 5,
            adopts: ["x_fund"],
            name: { zh: "另一", en: "Other" },
          }),
        },
      ],
      baseline,
      catalogue: catalogue(
        { ...fund, nameZh: "专项资金", nameEn: "Special fund" },
        target("v_2015", "v", 2015, ">=", 1),
      ),
      paths: 200,
    });
    const en = compareText(r, "en");
    expect(en).toContain("Commitments adopted");
    expect(en).toContain("Adopted only in Other: Special fund");
    expect(en).toContain("not adopted → adopted: the status changed because Other adopts this commitment");
    expect(en).toContain("adopting it does not change the projection");
    const zh = compareText(r, "zh");
    expect(zh).toContain("采纳的承诺");
    expect(zh).toContain("未采纳 → 已采纳：状态因承诺的采纳而改变（「另一」采纳该承诺");
    expect(zh).toContain("采纳与否不改变预测");
    expect(zh).not.toContain("x_fund");
  });
});
