/**
 * What one target's assessment carries (src/assess/assess.ts), field by field, on deterministic
 * plans: the catalogue row repeated, the whole record of a target that is not assessed, a
 * reference value in the first year of the series, the history needed for the progress
 * categories (two observations, not one), "already met" at an on-track cut-off of exactly P, and
 * commitments on a projection that has no value. Every run is inside its test.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/assess/runScenario.js";
import type { Target } from "../../src/data/types.js";
import { pathValues } from "../../src/simulate/monteCarlo.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const X = { 2011: 100 / 1.21, 2012: 100 / 1.1, 2013: 100 };
const baseline = makeBaseline({
  x: { unit: "万元", values: X },
  two: { unit: "件", values: { 2012: 50, 2013: 55 } },
  one: { unit: "件", values: { 2013: 55 } },
  zero: { unit: "万元", values: { 2011: 0, 2012: 0, 2013: 0 } },
});
const indicators = {
  x: { growth: 0.1 },
  two: { growth: 0.1 },
  one: { growth: 0.1 },
  zero: { growth: 0 },
  broken: { ratio: { numerator: "x", denominator: "zero" } },
};
const assess = (targets: Target[], extra: Record<string, unknown> = {}) =>
  runScenario({
    scenario: scenario(2013, 2015, indicators, { seed: 2, ...extra }),
    scenarioFile: "s.yaml",
    baseline,
    catalogue: catalogue(...targets),
    paths: 10,
  }).result.targets;

describe("an assessment repeats its catalogue row", () => {
  it("id, indicator, names, kind, nature, unit, responsible office, target year, comparator and value", () => {
    const row: Target = {
      ...target("x_130", "x", 2015, ">=", 130, "万元"),
      nameZh: "研发投入",
      nameEn: "R&D spending",
      kind: "level",
      responsible: "区科技局",
    };
    const [t] = assess([row]);
    expect(t).toMatchObject({
      id: "x_130",
      indicator: "x",
      nameZh: "研发投入",
      nameEn: "R&D spending",
      kind: "level",
      nature: "forecast",
      unit: "万元",
      responsible: "区科技局",
      targetYear: 2015,
      comparator: ">=",
      value: 130,
      threshold: 130,
    });
  });

  it("a target that is not assessed: every figure null, every category not assessed, the reason code", () => {
    const [t] = assess([
      { ...target("plan_only", "x", 2015, ">=", 1, ""), kind: "qualitative", responsible: "区政府" },
    ]);
    expect(t).toEqual({
      id: "plan_only",
      indicator: "x",
      nameZh: "plan_only",
      nameEn: "plan_only",
      kind: "qualitative",
      nature: "forecast",
      unit: "",
      responsible: "区政府",
      targetYear: 2015,
      comparator: ">=",
      value: 1,
      threshold: null,
      status: "not_assessed",
      pMet: null,
      pMetStandardError: null,
      borderline: false,
      median: null,
      p10: null,
      p90: null,
      gap: null,
      baseYear: null,
      baseValue: null,
      cagrRatio: null,
      cagrCategory: "not_assessed",
      progressShare: null,
      shareCategory: "not_assessed",
      reason: null,
      notAssessed: { code: "qualitative" },
      commitment: null,
    });
  });

  it("a level without a comparator or without a value is treated as qualitative: no number to test", () => {
    const noComparator = { ...target("no_cmp", "x", 2015, ">=", 1), comparator: null } as unknown as Target;
    const noValue = { ...target("no_val", "x", 2015, ">=", 1), value: null } as unknown as Target;
    for (const t of assess([noComparator, noValue])) {
      expect(t.status).toBe("not_assessed");
      expect(t.notAssessed).toEqual({ code: "qualitative" });
    }
  });
});

describe("the reference value of a relative target", () => {
  it("may be the first year of the series: 1.5 × x₂₀₁₁ = 1.5 · 100 / 1.21", () => {
    const [t] = assess([{ ...target("x_rel", "x", 2015, ">=", 1.5, "倍"), kind: "relative_to_base", baseYear: 2011 }]);
    expect(t.threshold).toBeCloseTo(150 / 1.21, 12);
    // 121 ≥ 123.97 fails on every path.
    expect(t).toMatchObject({ status: "off_track", pMet: 0, unit: "万元" });
  });
});

describe("a relative target on an indicator without observations of its own", () => {
  it("has no reference value to multiply: not assessed, naming the indicator and the year", () => {
    const [t] = assess([
      { ...target("b_rel", "broken", 2015, ">=", 2, "倍"), kind: "relative_to_base", baseYear: 2013 },
    ]);
    expect(t).toMatchObject({ status: "not_assessed", threshold: null });
    expect(t.notAssessed).toEqual({ code: "no_reference_value", indicator: "broken", year: 2013 });
  });
});

describe("the progress categories need two observations up to the base year", () => {
  it("two (2012, 2013): both categories are computed; one (2013): neither", () => {
    const [two, one] = assess([
      target("two_100", "two", 2015, ">=", 100, "件"),
      target("one_100", "one", 2015, ">=", 100, "件"),
    ]);
    // two: 50 → 55 is 10% a year; it needs (100 / 50)^(1/3) − 1 = 26.0% a year.
    expect(two.cagrRatio).toBeCloseTo(0.1 / (2 ** (1 / 3) - 1), 12);
    expect(two.cagrCategory).toBe("limited"); // R = 0.385 < 0.6
    // Share: 55 · 1.1² = 66.55 projected, (66.55 − 50) / (100 − 50) = 0.331.
    expect(two.progressShare).toBeCloseTo((55 * 1.21 - 50) / 50, 12);
    expect(two.shareCategory).toBe("fair_progress");
    expect(one).toMatchObject({ cagrRatio: null, cagrCategory: "not_assessed", progressShare: null });
    expect(one.shareCategory).toBe("not_assessed");
    expect(one).toMatchObject({ baseYear: 2013, baseValue: 55, pMet: 0 });
  });
});

describe("already met", () => {
  it("met in the base year and on every path, with an on-track cut-off of exactly 1: already met (P ≥ cut-off)", () => {
    const [t] = assess([target("x_90", "x", 2015, ">=", 90, "万元")], { assessment: { on_track: 1, off_track: 0.5 } });
    expect(t).toMatchObject({ pMet: 1, status: "already_met", borderline: false });
  });
});

describe("a projection that has no value on some paths", () => {
  it("is not assessed, counting exactly the paths without a value", () => {
    // d's growth factor max(0, 1 + g), g ~ N(−50%, 60%): d falls to 0 on about a fifth of the paths, and x / d has no value there.
    const r = runScenario({
      scenario: scenario(
        2013,
        2015,
        {
          x: { growth: 0.1 },
          d: { growth: { dist: "normal", mean: -0.5, sd: 0.6 } },
          q: { ratio: { numerator: "x", denominator: "d" } },
        },
        { seed: 2 },
      ),
      scenarioFile: "s.yaml",
      baseline: makeBaseline({ x: { unit: "万元", values: X }, d: { unit: "万元", values: X } }),
      catalogue: catalogue(target("q_1", "q", 2015, ">=", 1)),
      paths: 200,
    });
    const values = pathValues(r.simulation, "q", 2015)!;
    const broken = values.filter((v) => !Number.isFinite(v)).length;
    expect(broken).toBeGreaterThan(10);
    expect(broken).toBeLessThan(190);
    const [t] = r.result.targets;
    expect(t).toMatchObject({ status: "not_assessed", pMet: null, median: null, threshold: 1, baseYear: null });
    expect(t.notAssessed).toMatchObject({
      code: "non_finite",
      indicator: "q",
      targetYear: 2015,
      brokenPaths: broken,
      paths: 200,
    });
  });
});

describe("commitments whose projection has no value", () => {
  it("x / 0 on every path: no P(met) by projection and no cost; still adopted or not", () => {
    const c = { ...target("broken_c", "broken", 2015, ">=", 1, "%"), nature: "commitment" as const };
    const [t] = assess([c], { adopts: ["broken_c"] });
    expect(t).toMatchObject({ status: "commitment_adopted", pMet: null, borderline: false, reason: null });
    expect(t.commitment).toEqual({ adopted: true, pMetByProjection: null, cost: null, dependents: [] });
  });

  it("a commitment is never a dependent of another commitment, only forecast targets are", () => {
    const c = (id: string, indicator: string) => ({
      ...target(id, indicator, 2015, ">=", 1000, "万元"),
      nature: "commitment" as const,
    });
    const [first] = assess([c("x_c", "x"), c("x_share_c", "x_share"), target("x_share_t", "x_share", 2015, ">=", 2)], {
      indicators: { ...indicators, x_share: { ratio: { numerator: "x", denominator: "x" } } },
    });
    expect(first.commitment!.dependents).toEqual(["x_share_t"]);
  });
});
