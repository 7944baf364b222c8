/**
 * The edges of the assessment's small rules, hand-computed: the comparators' rounding slack, the
 * status and borderline cut-offs (inclusive where documented), the Open SDG ratio's guards and zero
 * replacements, the UN share's cut-offs, which targets the joint view counts, and the catalogue
 * warnings. (Equivalent mutants left in these files are listed in README.md, "Mutation testing".)
 */
import { describe, expect, it } from "vitest";
import { direction, meets } from "../../src/assess/comparator.js";
import { jointView } from "../../src/assess/joint.js";
import { growthRatio } from "../../src/assess/openSdg.js";
import { progressShare } from "../../src/assess/progressShare.js";
import { DEFAULT_THRESHOLDS, isBorderline, statusFromProbability } from "../../src/assess/status.js";
import { targetWarnings } from "../../src/assess/targetWarnings.js";
import type { TargetAssessment } from "../../src/assess/types.js";
import { targetWarningLine, targetWarningText } from "../../src/report/inputWarnings.js";
import type { Simulation } from "../../src/simulate/monteCarlo.js";
import { catalogue, makeBaseline, target } from "../engine/helpers.js";

describe("meets: ≥ and ≤ forgive 1e-9 of the threshold, > and < nothing", () => {
  it("≥ 100: 100 and 100 − 1e-8 meet (slack 1e-7), 100 − 2e-7 does not", () => {
    expect(meets(100, ">=", 100)).toBe(true);
    expect(meets(100 - 1e-8, ">=", 100)).toBe(true);
    expect(meets(100 - 2e-7, ">=", 100)).toBe(false);
    expect(meets(101, ">=", 100)).toBe(true);
    // The slack is relative to |threshold|: for −100 it is 1e-7 as well.
    expect(meets(-100 - 1e-8, ">=", -100)).toBe(true);
    expect(meets(-100 - 2e-7, ">=", -100)).toBe(false);
  });

  it("≤ 100: 100 and 100 + 1e-8 meet, 100 + 2e-7 does not", () => {
    expect(meets(100, "<=", 100)).toBe(true);
    expect(meets(100 + 1e-8, "<=", 100)).toBe(true);
    expect(meets(100 + 2e-7, "<=", 100)).toBe(false);
    expect(meets(99, "<=", 100)).toBe(true);
  });

  it("> 100 and < 100 are strict: 100 meets neither, 100 ± 1e-9 meets one", () => {
    expect(meets(100, ">", 100)).toBe(false);
    expect(meets(100 + 1e-9, ">", 100)).toBe(true);
    expect(meets(99, ">", 100)).toBe(false);
    expect(meets(100, "<", 100)).toBe(false);
    expect(meets(100 - 1e-9, "<", 100)).toBe(true);
    expect(meets(101, "<", 100)).toBe(false);
  });

  it("NaN meets nothing; higher is better for ≥ and >, lower for ≤ and <", () => {
    for (const c of [">=", ">", "<=", "<"] as const) expect(meets(Number.NaN, c, 0)).toBe(false);
    expect([">=", ">", "<=", "<"].map((c) => direction(c as ">="))).toEqual([1, 1, -1, -1]);
  });
});

describe("status and borderline cut-offs", () => {
  it("the defaults are 0.66 and 0.33, used when no thresholds are given", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ onTrack: 0.66, offTrack: 0.33 });
    expect([0.66, 0.6599, 0.33, 0.3299].map((p) => statusFromProbability(p, false))).toEqual([
      "on_track",
      "at_risk",
      "at_risk",
      "off_track",
    ]);
    expect(isBorderline(0.67, 0.01, false)).toBe(true);
    expect(isBorderline(0.5, 0.01, false)).toBe(false);
  });

  it("borderline is inclusive at exactly 2 SE from either cut-off (numbers exact in binary)", () => {
    const t = { onTrack: 0.75, offTrack: 0.25 };
    // 2 × 0.125 = 0.25: P = 0.5 is exactly 2 SE from both cut-offs; P = 1 exactly 2 SE from on track.
    expect(isBorderline(0.5, 0.125, false, t)).toBe(true);
    expect(isBorderline(1, 0.125, false, t)).toBe(true);
    expect(isBorderline(0, 0.125, false, t)).toBe(true);
    expect(isBorderline(0.5, 0.0625, false, t)).toBe(false);
    expect(isBorderline(0.75, 0.125, true, t)).toBe(false);
  });
});

describe("Open SDG growth ratio: guards and zero replacements", () => {
  const x = (o: Partial<Parameters<typeof growthRatio>[0]>) => ({
    baseYear: 2009,
    baseValue: 10,
    currentYear: 2013,
    currentValue: 12,
    targetYear: 2015,
    target: 20,
    comparator: ">=" as const,
    ...o,
  });

  it("no span from the base to the current year, or to the target year: not assessed", () => {
    expect(growthRatio(x({ currentYear: 2009 }))).toEqual({ ratio: null, category: "not_assessed" });
    expect(growthRatio(x({ targetYear: 2009 }))).toEqual({ ratio: null, category: "not_assessed" });
    expect(growthRatio(x({ currentYear: 2008 }))).toEqual({ ratio: null, category: "not_assessed" });
  });

  it("a target equal to the base needs no growth: not assessed (no division by 0)", () => {
    expect(growthRatio(x({ currentValue: 8, target: 10 }))).toEqual({ ratio: null, category: "not_assessed" });
  });

  it("a zero base, current or target value becomes 0.001 (with the base's sign)", () => {
    const zeroBase = growthRatio(x({ baseValue: 0, currentValue: 1, target: 2 }));
    expect(zeroBase.ratio).toBeCloseTo((1000 ** (1 / 4) - 1) / (2000 ** (1 / 6) - 1), 12);
    const zeroCurrent = growthRatio(x({ currentValue: 0 }));
    expect(zeroCurrent.ratio).toBeCloseTo((0.0001 ** (1 / 4) - 1) / (2 ** (1 / 6) - 1), 12);
    expect(zeroCurrent.category).toBe("deterioration");
    const zeroTarget = growthRatio(x({ currentValue: 5, target: 0, comparator: "<=" }));
    expect(zeroTarget.ratio).toBeCloseTo(-(0.5 ** (1 / 4) - 1) / Math.abs(0.0001 ** (1 / 6) - 1), 12);
  });
});

describe("UN progress share: guards and cut-offs", () => {
  const x = (currentValue: number, target: number, comparator: ">=" | "<=" = ">=") => ({
    baseYear: 2009,
    baseValue: 100,
    currentYear: 2015,
    currentValue,
    targetYear: 2015,
    target,
    comparator,
  });

  it("a target equal to the first value: not assessed", () => {
    expect(progressShare(x(120, 100, "<="))).toEqual({ share: null, category: "not_assessed", projected: null });
  });

  it("share exactly 0.95 is on track, exactly 0.1 fair progress (current year = target year: no projection)", () => {
    expect(progressShare(x(119, 120))).toMatchObject({ share: 0.95, category: "on_track", projected: 119 });
    expect(progressShare(x(102, 120))).toMatchObject({ share: 0.1, category: "fair_progress" });
    expect(progressShare(x(101, 120)).category).toBe("stagnation_or_regression");
  });
});

describe("the joint view counts only assessed targets it can find", () => {
  // One indicator x on 4 paths in 2015: 1, 2, 3, 4.
  const sim = {
    paths: 4,
    seed: 1,
    years: [2015],
    values: [Float64Array.from([1, 2, 3, 4])],
    draws: new Float64Array(0),
    plan: { indicators: ["x"] },
  } as unknown as Simulation;
  const t = (o: Partial<TargetAssessment>) =>
    ({ indicator: "x", targetYear: 2015, comparator: ">=", threshold: 3, pMet: 0.5, ...o }) as TargetAssessment;

  it("a target with no P(met), comparator or threshold, or no simulated values, is left out", () => {
    const left = [
      t({ pMet: null }),
      t({ comparator: null }),
      t({ threshold: null }),
      t({ indicator: "y" }),
      t({ targetYear: 2016 }),
    ];
    for (const one of left)
      expect(jointView(sim, [one]), JSON.stringify(one)).toMatchObject({ targets: 0, expectedMet: 0 });
    const v = jointView(sim, [...left, t({}), t({ threshold: 2 })]);
    // Met per path: (0, 1, 2, 2) → E = 1.25; exactly (¼, ¼, ½); at least (1, ¾, ½).
    expect(v).toMatchObject({ targets: 2, expectedMet: 1.25, exactly: [0.25, 0.25, 0.5], atLeast: [1, 0.75, 0.5] });
    // sd of (0, 1, 2, 2) = √(2.75 / 3); SE = sd / 2.
    expect(v.expectedMetStandardError).toBeCloseTo(Math.sqrt(2.75 / 3) / 2, 12);
  });
});

describe("catalogue warnings", () => {
  const baseline = makeBaseline({ x: { unit: "", values: { 2011: 1, 2013: 3 } } });

  it("a target year at or before the base year, and an indicator without data, each with file and line", () => {
    const cat = catalogue(
      target("early", "x", 2013, ">=", 1),
      target("fine", "x", 2014, ">=", 1),
      target("missing", "nothing", 2015, ">=", 1),
      { ...target("words", "nothing", 2015, ">=", 1), kind: "qualitative" },
    );
    const found = targetWarnings(cat, baseline, 2013);
    expect(found).toEqual([
      {
        code: "target_not_after_base",
        at: "mem-targets.csv:2",
        target: "early",
        targetYear: 2013,
        baseYear: 2013,
        firstYear: 2011,
        lastYear: 2013,
      },
      { code: "no_data", at: "mem-targets.csv:2", target: "missing", indicator: "nothing", dataFile: "mem.csv" },
    ]);
    expect(found.map((w) => targetWarningText(w, "en"))).toEqual([
      "mem-targets.csv:2: target early: target year 2013 is not after the base year 2013 (data 2011–2013); it is listed as not assessed",
      "mem-targets.csv:2: target missing: indicator nothing has no data in mem.csv; it is listed as not assessed",
    ]);
    expect(found.map((w) => targetWarningLine(w, "zh"))).toEqual([
      "警告：mem-targets.csv:2：目标 early 的目标年份 2013 不晚于基准年 2013（数据 2011–2013 年），列为未评估",
      "警告：mem-targets.csv:2：目标 missing 的指标 nothing 在 mem.csv 中没有数据，列为未评估",
    ]);
    expect(targetWarnings(catalogue(target("early", "x", 2013, ">=", 1)), baseline, 2012)).toEqual([]);
  });

  it("an indicator whose series is empty counts as having no data", () => {
    const b = makeBaseline({});
    b.series.set("x", { ...(baseline.series.get("x") as object), years: [], values: [] } as never);
    expect(targetWarnings(catalogue(target("t", "x", 2015, ">=", 1)), b, 2013)).toEqual([
      { code: "no_data", at: "mem-targets.csv:2", target: "t", indicator: "x", dataFile: "mem.csv" },
    ]);
  });
});

describe("Open SDG growth ratio: values of opposite signs are not assessed", () => {
  const x = (o: Partial<Parameters<typeof growthRatio>[0]>) => ({
    baseYear: 2009,
    baseValue: 10,
    currentYear: 2013,
    currentValue: 12,
    targetYear: 2015,
    target: 20,
    comparator: ">=" as const,
    ...o,
  });

  it("a base and a current value, or a base and a target, of opposite signs: no CAGR between them", () => {
    expect(growthRatio(x({ currentValue: -2 }))).toEqual({ ratio: null, category: "not_assessed" });
    expect(growthRatio(x({ target: -5, comparator: "<=" }))).toEqual({ ratio: null, category: "not_assessed" });
  });

  it("all negative (a deficit narrowing towards −5): the base's sign turns the ratio the right way", () => {
    // −20 → −10 over 4 years, target ≥ −5 by 2015: go = 0.5^(1/4) − 1, gr = 0.25^(1/6) − 1; R = −go / |gr|.
    const r = growthRatio(x({ baseValue: -20, currentValue: -10, target: -5 }));
    expect(r.ratio).toBeCloseTo(-(0.5 ** 0.25 - 1) / Math.abs(0.25 ** (1 / 6) - 1), 12);
    expect(r.ratio).toBeGreaterThan(0);
  });
});
