/**
 * Assessment of small plans whose numbers are closed forms (src/assess/assess.ts, runScenario.ts):
 * x grows at a fixed 10% a year from 100 in 2013 with no shocks, so every path gives
 * x₂₀₁₄ = 110 and x₂₀₁₅ = 121; P(met) is exactly 0 or 1 and the "why" is hand-computed.
 * History 2011–2013 grows 10% a year too (82.64…, 90.90…, 100).
 */
import { describe, expect, it } from "vitest";
import { growthRatio } from "../../src/assess/openSdg.js";
import { progressShare } from "../../src/assess/progressShare.js";
import {
  isIllustrativeSource,
  MAX_OUTPUT_BYTES,
  provenanceOfBaseline,
  runScenario,
  trendOnlyScenario,
} from "../../src/assess/runScenario.js";
import type { TargetAssessment } from "../../src/assess/types.js";
import type { IndicatorDef, Target } from "../../src/data/types.js";
import { notAssessedText, reasonText } from "../../src/report/messages.js";
import { simulationBytes } from "../../src/simulate/monteCarlo.js";
import { catalogue, makeBaseline, plan, scenario, target } from "../engine/helpers.js";

const X = { 2011: 100 / 1.21, 2012: 100 / 1.1, 2013: 100 };
const baseline = makeBaseline({
  x: { unit: "万元", values: { ...X, 2014: 111 } },
  k: { unit: "家", values: { 2011: 10, 2012: 12, 2013: 14 } },
});
const det = scenario(2013, 2015, { x: { growth: 0.1 }, k: { count: { additions: 3, distribution: "fixed" } } });
const rel = (id: string, value: number, baseYear: number): Target => ({
  ...target(id, "x", 2015, ">=", value, "倍"),
  kind: "relative_to_base",
  baseYear,
});
const targets: Target[] = [
  target("reach_121", "x", 2015, ">=", 121, "万元"),
  target("reach_130", "x", 2015, ">=", 130, "万元"),
  target("below_95", "x", 2015, "<", 95, "万元"),
  target("already_90", "x", 2015, ">=", 90, "万元"),
  { ...target("firms_25", "k", 2015, ">=", 25, "家"), kind: "count" },
  rel("x_times_1_2", 1.2, 2013),
  rel("x_times_no_base", 1.2, 2010),
  { ...target("qualitative", "x", 2015, ">=", 1, ""), kind: "qualitative" },
  target("after_horizon", "x", 2016, ">=", 1, "万元"),
  target("at_base_year", "x", 2013, ">=", 1, "万元"),
  target("no_data", "nothing", 2015, ">=", 1, "个"),
  // Met by the base value 100, lost on every path by 2015 (121): not "already met".
  target("met_now_lost", "x", 2015, "<", 120, "万元"),
];
// Every test runs its own (small) plan inside its body: mutation testing (stryker.config.mjs)
// activates a mutant only while tests run, so results computed at import time could not catch it.
const run = () =>
  runScenario({
    scenario: det,
    scenarioFile: "scenarios/Deterministic-Plan.YAML",
    baseline,
    catalogue: catalogue(...targets),
    paths: 40,
    seed: 3,
  }).result;
const byId = (id: string): TargetAssessment => {
  const t = run().targets.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};

describe("P(met), quantiles and status on a plan without uncertainty", () => {
  it("x ≥ 121 is met on every path: P = 1, median = p10 = p90 = 121, gap 0, on track", () => {
    const t = byId("reach_121");
    expect(t).toMatchObject({ status: "on_track", pMet: 1, pMetStandardError: 0, threshold: 121, unit: "万元" });
    for (const v of [t.median, t.p10, t.p90]) expect(v).toBeCloseTo(121, 10);
    expect(t.gap).toBeCloseTo(0, 10);
    expect(t).toMatchObject({ baseYear: 2013, baseValue: 100, reason: null, notAssessed: null });
  });

  it("x ≥ 130 is never met: P = 0, off track, gap 121 − 130 = −9", () => {
    const t = byId("reach_130");
    expect(t).toMatchObject({ status: "off_track", pMet: 0, borderline: false });
    expect(t.gap).toBeCloseTo(-9, 10);
  });

  it("x < 95 is never met (x₂₀₁₅ = 121); x ≥ 90 was already met in the base year", () => {
    expect(byId("below_95")).toMatchObject({ pMet: 0, status: "off_track" });
    expect(byId("already_90")).toMatchObject({ pMet: 1, status: "already_met", borderline: false });
    expect(byId("met_now_lost")).toMatchObject({ pMet: 0, status: "off_track" });
  });

  it("relative to the base: 1.2 × x₂₀₁₃ = 120 is met (121), in the indicator's unit", () => {
    expect(byId("x_times_1_2")).toMatchObject({ threshold: 120, pMet: 1, unit: "万元", status: "on_track" });
  });

  it("counts add 3 a year: 14 → 20 in 2015, against 25", () => {
    const t = byId("firms_25");
    expect(t.median).toBe(20);
    expect(t.pMet).toBe(0);
  });
});

describe("the reason a target is at risk, in closed form", () => {
  it("growth: needs (130 / 100)^(1/2) − 1 = 14.0% a year, the median grows 10.0%", () => {
    const r = byId("reach_130").reason!;
    expect(r.requiredGrowth).toBeCloseTo(Math.sqrt(1.3) - 1, 12);
    expect(r.projectedGrowth).toBeCloseTo(0.1, 12);
    expect(r.requiredChangePerYear).toBeCloseTo(15, 12);
    expect(r.projectedChangePerYear).toBeCloseTo(10.5, 12);
    // Every path draws the same rate: no assumption explains any spread.
    expect(r.topDriver).toBeNull();
    expect(reasonText(byId("reach_130"), "en")!).toBe(
      "needs to grow 14.0% a year; in the scenario's median it grows 10.0% a year; no single assumption dominates: the spread comes from year-to-year shocks",
    );
    expect(reasonText(byId("reach_130"), "zh")!).toBe(
      "需年均增长 14.0%，本情景中位数年均增长 10.0%；无单一主导假设，离散来自逐年波动",
    );
  });

  it("a fall: x < 95 needs to fall 1 − (95 / 100)^(1/2) = 2.5% a year, while the median grows 10.0%", () => {
    const r = byId("below_95").reason!;
    expect(r.requiredGrowth).toBeCloseTo(Math.sqrt(0.95) - 1, 12);
    expect(
      reasonText(byId("below_95"), "en")!.startsWith(
        "needs to fall 2.5% a year; in the scenario's median it grows 10.0% a year;",
      ),
    ).toBe(true);
    expect(reasonText(byId("below_95"), "zh")!.startsWith("需年均下降 2.5%，本情景中位数年均增长 10.0%；")).toBe(true);
  });

  it("counts: needs +(25 − 14) / 2 = 5.5 a year, the median gives +3", () => {
    const r = byId("firms_25").reason!;
    expect(r.requiredChangePerYear).toBeCloseTo(5.5, 12);
    expect(r.projectedChangePerYear).toBeCloseTo(3, 12);
    expect(
      reasonText(byId("firms_25"), "en")!.startsWith(
        "needs +5.5 units (organisations) a year; the scenario's median gives +3 units (organisations);",
      ),
    ).toBe(true);
    expect(reasonText(byId("firms_25"), "zh")!.startsWith("需每年增加 5.5 家，本情景中位数为 3 家；")).toBe(true);
  });

  it("targets on track or already met carry no reason", () => {
    for (const id of ["reach_121", "already_90", "x_times_1_2"]) expect(byId(id).reason).toBeNull();
  });
});

describe("the progress categories use the first and the latest observation up to the base year", () => {
  it("x: 2011 → 2013 (the 2014 observation is an actual, after the base year)", () => {
    const t = byId("reach_130");
    const x = {
      baseYear: 2011,
      baseValue: X[2011],
      currentYear: 2013,
      currentValue: 100,
      targetYear: 2015,
      target: 130,
      comparator: ">=" as const,
    };
    const g = growthRatio(x);
    const s = progressShare(x);
    expect(g.ratio).not.toBeNull();
    expect(t.cagrRatio).toBeCloseTo(g.ratio!, 12);
    expect(t.cagrCategory).toBe(g.category);
    expect(t.progressShare).toBeCloseTo(s.share!, 12);
    expect(t.shareCategory).toBe(s.category);
    // By hand: observed 10% a year against (130 / 82.64)^(1/4) − 1 = 11.99% required.
    expect(t.cagrRatio).toBeCloseTo(0.1 / ((130 / X[2011]) ** 0.25 - 1), 10);
  });
});

describe("targets that are not assessed say why", () => {
  it.each([
    ["qualitative", "qualitative goal: the plan states no number"],
    ["x_times_no_base", "no observed x in 2010 to multiply"],
    ["after_horizon", "the scenario horizon ends before 2016; extend horizon"],
    ["at_base_year", "2013 is not after the base year 2013"],
  ])("%s: %s", (id, why) => {
    const t = byId(id);
    expect(t).toMatchObject({ status: "not_assessed", pMet: null, median: null });
    expect(notAssessedText(t, "en")).toBe(why);
    expect(t.cagrCategory).toBe("not_assessed");
  });

  it("a target past the horizon keeps its threshold, base year and base value", () => {
    expect(byId("after_horizon")).toMatchObject({ threshold: 1, baseYear: 2013, baseValue: 100, unit: "万元" });
  });

  it("an indicator without data is not assessed with the plan's reason", () => {
    const t = byId("no_data");
    expect(t.status).toBe("not_assessed");
    // The reason is a code with its numbers; the report words it in each language.
    expect(t.notAssessed).toMatchObject({ code: "unavailable", why: { code: "no_history", baseYear: 2013 } });
    expect(notAssessedText(t, "en")).toMatch(/^nothing: no observed value at or before 2013 /);
    expect(notAssessedText(t, "zh")).toMatch(/^无法预测“.+”：2013 年及之前没有观测值/);
  });
});

describe("the result around the assessments", () => {
  it("the scenario id is the file name without .yaml; a trend-only run is 'trend-only'", () => {
    expect(run().scenario.id).toBe("Deterministic-Plan");
    const trend = runScenario({
      scenario: det,
      scenarioFile: "(trend only)",
      baseline,
      catalogue: catalogue(targets[0]),
      paths: 2,
    }).result;
    expect(trend.scenario.id).toBe("trend-only");
  });

  it("history stops at the base year; later observations are actuals", () => {
    const result = run();
    expect(result.history.filter((o) => o.indicator === "x").map((o) => o.year)).toEqual([2011, 2012, 2013]);
    expect(result.actuals).toEqual([{ indicator: "x", year: 2014, value: 111, source: "test" }]);
  });

  it("paths and seed are the run's; the joint view counts the assessed targets met", () => {
    const result = run();
    expect(result).toMatchObject({ paths: 40, seed: 3, illustrative: false, dataSource: "mem.csv" });
    const assessed = result.targets.filter((t) => t.pMet !== null);
    expect(result.joint.targets).toBe(assessed.length);
    // Met on every path: reach_121, already_90, x_times_1_2 (P = 1); the rest P = 0.
    expect(result.joint.expectedMet).toBe(3);
    expect(result.joint.exactly[3]).toBe(1);
  });

  it("indicator names come from the dictionary, then the catalogue, then the id; units likewise", () => {
    const dictionary = new Map<string, IndicatorDef>([
      ["x", { id: "x", nameZh: "研发", nameEn: "R&D", unit: "亿元", min: null, max: null, note: "" }],
    ]);
    const named = runScenario({
      scenario: det,
      scenarioFile: "a.yml",
      baseline,
      dictionary,
      catalogue: catalogue({ ...targets[4], nameZh: "企业", nameEn: "Firms" }),
      paths: 2,
    }).result;
    expect(named.scenario.id).toBe("a");
    expect(named.indicators.find((i) => i.id === "x")).toEqual({
      id: "x",
      nameZh: "研发",
      nameEn: "R&D",
      unit: "亿元",
    });
    expect(named.indicators.find((i) => i.id === "k")).toEqual({
      id: "k",
      nameZh: "企业",
      nameEn: "Firms",
      unit: "家",
    });
  });

  it("assumptions follow the evaluation order; indicators the scenario does not set follow their trend", () => {
    const onlyX = scenario(2013, 2015, { x: { growth: 0.1 } });
    const r = runScenario({
      scenario: onlyX,
      scenarioFile: "b.yaml",
      baseline,
      catalogue: catalogue(...targets.slice(0, 5)),
      paths: 2,
    }).result;
    expect(r.scenario.trendByDefault).toEqual(["k"]);
    expect(r.scenario.assumptions.find((a) => a.indicator === "x")).toMatchObject({ mechanism: "growth" });
    expect(r.scenario).toMatchObject({ baseYear: 2013, horizon: 2015, nameZh: "测试", nameEn: "test" });
  });
});

describe("status thresholds from the scenario", () => {
  // x grows at g ~ N(5%, 5%) drawn once per path: P(x₂₀₁₅ ≥ 110.25) = P(g ≥ 5%) = 1/2.
  const random = (assessment?: { on_track: number; off_track: number }) =>
    runScenario({
      scenario: scenario(
        2013,
        2015,
        { x: { growth: { dist: "normal", mean: 0.05, sd: 0.05 } } },
        assessment ? { assessment } : {},
      ),
      scenarioFile: "c.yaml",
      baseline,
      catalogue: catalogue(target("half", "x", 2015, ">=", 110.25, "万元")),
      paths: 2000,
      seed: 11,
    }).result.targets[0];

  it("P ≈ 0.5 is at risk by default, on track when on_track is 0.4, off track when off_track is 0.6", () => {
    const t = random();
    expect(t.pMet).toBeGreaterThan(0.45);
    expect(t.pMet).toBeLessThan(0.55);
    expect(t.status).toBe("at_risk");
    // The drawn rate is the one assumption: its rank correlation with x₂₀₁₅ is 1.
    expect(t.reason!.topDriver).toMatchObject({ parameter: "x.growth" });
    expect(t.reason!.topDriver!.rho).toBeCloseTo(1, 10);
    expect(reasonText(t, "en")!).toMatch(/; most influential assumption: half: growth rate \(ρ = 1\.00\)$/);
    expect(random({ on_track: 0.4, off_track: 0.2 }).status).toBe("on_track");
    expect(random({ on_track: 0.9, off_track: 0.6 }).status).toBe("off_track");
  });

  it("P(met)'s standard error is √(p(1 − p) / paths) and the status is borderline only near a cut-off", () => {
    const t = random();
    expect(t.pMetStandardError).toBeCloseTo(Math.sqrt((t.pMet! * (1 - t.pMet!)) / 2000), 12);
    expect(t.borderline).toBe(false);
    // The same draws whatever the cut-offs: a cut-off at P itself, or 2 SE away, is borderline; 3 SE is not.
    const se = t.pMetStandardError!;
    expect(random({ on_track: t.pMet!, off_track: 0.2 }).borderline).toBe(true);
    expect(random({ on_track: 0.9, off_track: t.pMet! - 1.99 * se }).borderline).toBe(true);
    expect(random({ on_track: 0.9, off_track: t.pMet! - 3 * se }).borderline).toBe(false);
  });
});

describe("guards before a run", () => {
  it("a run that would need more than 1 GB is refused with the paths that fit", () => {
    const p = plan(det, baseline);
    const paths = 50_000_000;
    const bytes = simulationBytes(p, paths);
    expect(bytes).toBeGreaterThan(MAX_OUTPUT_BYTES);
    const fit = Math.floor((paths * MAX_OUTPUT_BYTES) / bytes);
    const nYears = p.years.length - p.baseIndex - 1;
    expect(() =>
      runScenario({ scenario: det, scenarioFile: "big.yaml", baseline, catalogue: catalogue(), paths }),
    ).toThrow(
      `big.yaml: 50,000,000 paths × ${p.indicators.length} indicators × ${nYears} years need ${(bytes / 1e9).toFixed(1)} GB of memory for the results (the limit is 1 GB). Fix: use at most ${fit.toLocaleString("en")} paths (--paths ${fit}) or a nearer horizon`,
    );
    // One path fewer than the limit runs.
    const under = Math.floor(MAX_OUTPUT_BYTES / (bytes / paths));
    expect(simulationBytes(p, under)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
  });
});

describe("the trend-only scenario", () => {
  const cat = catalogue(target("t", "x", 2018, ">=", 1), target("u", "x", 2016, ">=", 1));

  it("runs from the latest year of data (or --base-year) to the latest target year, 5,000 paths, seed 1", () => {
    const s = trendOnlyScenario(baseline, cat);
    expect(s).toMatchObject({ base_year: 2014, horizon: 2018, paths: 5000, seed: 1 });
    expect(s.name).toEqual({ zh: "趋势外推", en: "Trend only" });
    expect(trendOnlyScenario(baseline, cat, 2012)).toMatchObject({ base_year: 2012, horizon: 2018 });
    // With every target year before the data end, the horizon is the year after the base year.
    expect(trendOnlyScenario(baseline, catalogue(target("t", "x", 2012, ">=", 1)))).toMatchObject({
      base_year: 2014,
      horizon: 2015,
    });
  });

  it("refuses a base year after the data, a horizon past 2200 and a baseline with nothing usable", () => {
    expect(() => trendOnlyScenario(baseline, cat, 2015)).toThrow(
      "mem.csv: --base-year 2015 is after the last year of data (2014), so there is nothing to project from. Fix: give a base year up to 2014, or add the data for the later years",
    );
    const late = makeBaseline({ x: { unit: "万元", values: { 2199: 1, 2200: 2 } } });
    expect(() => trendOnlyScenario(late, cat)).toThrow(
      "mem.csv: the data end in 2200, so a projection would have to run past 2200, the last year targetcast accepts. Fix: use data that end before 2200",
    );
    const empty = { ...makeBaseline({}), warnings: ["w"] };
    expect(() => trendOnlyScenario(empty, cat)).toThrow(
      "mem.csv: no usable observations: none of its indicators is in mem-targets.csv (see the warnings above). Fix: check that",
    );
    expect(() => trendOnlyScenario(makeBaseline({}), cat)).toThrow(
      /no usable observations: none of its indicators is in mem-targets\.csv\. Fix/,
    );
  });
});

describe("provenance", () => {
  it("a source saying illustrative (any case), 示意 or 虚构 marks the data illustrative", () => {
    for (const s of ["ILLUSTRATIVE - constructed", "an Illustrative series", "示意数据", "虚构"])
      expect(isIllustrativeSource(s), s).toBe(true);
    for (const s of ["国家统计局", "Statistical Yearbook 2014", ""]) expect(isIllustrativeSource(s), s).toBe(false);
  });

  it("one illustrative observation makes the baseline illustrative, and the data source says so", () => {
    expect(provenanceOfBaseline(baseline)).toEqual({ illustrative: false, dataSource: "mem.csv" });
    const b = makeBaseline({ x: { unit: "万元", values: { 2013: 1 } } });
    b.observations.push({ ...b.observations[0], year: 2012, source: "示意" });
    expect(provenanceOfBaseline(b)).toEqual({
      illustrative: true,
      dataSource: "mem.csv (illustrative data, not official statistics)",
    });
  });
});
