/**
 * The "why" of a target at risk (src/assess/assess.ts, explain) and the spread of P(met)'s sample,
 * beyond assessCases.test.ts: the basis of the reason (growth, change per year, level) when the
 * growth rate or the base value is undefined, the most influential assumption when it lowers the
 * outcome (ρ < 0), when it acts through another indicator, when it is too weak to name, and that
 * only assumptions the indicator is computed from are candidates. Every run is inside its test.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/assess/runScenario.js";
import type { Target } from "../../src/data/types.js";
import { pathValues } from "../../src/simulate/monteCarlo.js";
import { pearson, ranks } from "../../src/stats/spearman.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const baseline = makeBaseline({
  x: { unit: "万元", values: { 2011: 100 / 1.21, 2012: 100 / 1.1, 2013: 100 } },
  n: { unit: "亿元", values: { 2011: 8, 2012: 9, 2013: 10 } },
  d: { unit: "亿元", values: { 2011: 180, 2012: 190, 2013: 200 } },
  w: { unit: "", values: { 2011: 1, 2012: 2, 2013: 3 } },
  y: { unit: "件", values: { 2011: 2.7, 2012: 2.85, 2013: 3 } },
});
const normal = (mean: number, sd: number) => ({ dist: "normal", mean, sd });

const assess = (indicators: Record<string, unknown>, targets: Target[], paths = 40, seed = 3) =>
  runScenario({
    scenario: scenario(2013, 2015, indicators, { seed }),
    scenarioFile: "s.yaml",
    baseline,
    catalogue: catalogue(...targets),
    paths,
    seed,
  });

describe("the basis of the reason", () => {
  it("x ≤ 0 from 100: no growth rate reaches 0, so by change per year: needs −50 a year, the median gives +10.5", () => {
    const t = assess({ x: { growth: 0.1 } }, [target("x_zero", "x", 2015, "<=", 0, "万元")]).result.targets[0];
    expect(t.status).toBe("off_track");
    const r = t.reason!;
    expect(r.basis).toBe("change_per_year");
    expect(r.requiredGrowth).toBeNull();
    expect(r.projectedGrowth).toBeCloseTo(0.1, 12);
    expect(r.requiredChangePerYear).toBeCloseTo(-50, 12);
    expect(r.projectedChangePerYear).toBeCloseTo(10.5, 12);
  });

  it("x falls to 0 (growth −100%): the median has no growth rate, so by change per year: (0 − 100) / 2 = −50", () => {
    const t = assess({ x: { growth: -1 } }, [target("x_50", "x", 2015, ">=", 50, "万元")]).result.targets[0];
    expect(t).toMatchObject({ status: "off_track", median: 0 });
    expect(t.reason!.basis).toBe("change_per_year");
    expect(t.reason!.requiredGrowth).toBeCloseTo(Math.sqrt(0.5) - 1, 12);
    expect(t.reason!.projectedGrowth).toBeNull();
    expect(t.reason!.projectedChangePerYear).toBe(-50);
    expect(t.reason!.requiredChangePerYear).toBe(-25);
  });

  it("a cumulative count is explained by change per year even where a growth rate exists", () => {
    const t = assess({ x: { growth: 0.1 } }, [
      { ...target("x_cum", "x", 2015, ">=", 130, "万元"), kind: "cumulative_count" },
    ]).result.targets[0];
    expect(t.reason).toMatchObject({ basis: "change_per_year", requiredChangePerYear: 15 });
    expect(t.reason!.requiredGrowth).toBeCloseTo(Math.sqrt(1.3) - 1, 12);
  });

  it("a share is explained by growth", () => {
    const t = assess({ x: { growth: 0.1 } }, [{ ...target("x_share", "x", 2015, ">=", 130, "%"), kind: "share" }])
      .result.targets[0];
    expect(t.reason!.basis).toBe("growth");
  });

  it("an indicator with no history of its own (a ratio of two others): no base value, so by level", () => {
    // r = 100 · n / d: 100 · 10 / 200 = 5 in 2013, n and d growing alike, so r stays 5.
    const t = assess(
      {
        n: { growth: 0.05 },
        d: { growth: 0.05 },
        r: { ratio: { numerator: "n", denominator: "d", scale: 100 } },
      },
      [target("r_6", "r", 2015, ">=", 6, "%")],
    ).result.targets[0];
    expect(t).toMatchObject({ status: "off_track", pMet: 0, baseYear: null, baseValue: null });
    expect(t.median).toBeCloseTo(5, 12);
    expect(t.gap).toBeCloseTo(-1, 12);
    expect(t.reason).toEqual({
      basis: "level",
      requiredGrowth: null,
      projectedGrowth: null,
      requiredChangePerYear: null,
      projectedChangePerYear: null,
      topDriver: null,
    });
    expect(t).toMatchObject({ cagrRatio: null, cagrCategory: "not_assessed", shareCategory: "not_assessed" });
  });
});

describe("the most influential assumption", () => {
  it("a ratio's denominator: its growth lowers the ratio (ρ near −1) and beats the numerator's weaker ρ > 0", () => {
    // log r ≈ const + 2 (g_n − g_d) with sd(g_n) = 1%, sd(g_d) = 4%: ρ(g_d) ≈ −4/√17 ≈ −0.97, ρ(g_n) ≈ +0.24.
    // n comes first in the plan, so a driver picked by signed ρ would be n.
    const t = assess(
      {
        n: { growth: normal(0.05, 0.01) },
        d: { growth: normal(0.05, 0.04) },
        r: { ratio: { numerator: "n", denominator: "d", scale: 100 } },
      },
      [target("r_5", "r", 2015, ">=", 5, "%")],
      2000,
    ).result.targets[0];
    expect(t.status).toBe("at_risk");
    const driver = t.reason!.topDriver!;
    expect(driver.parameter).toBe("d.growth");
    expect(driver.rho).toBeLessThan(-0.9);
    expect(driver.label.en).toContain("growth rate");
  });

  it("a driver that acts through another indicator: y responds to x, so x's growth is named", () => {
    // y = 3 · (x_t / x₂₀₁₃)^1 has no drawn parameter of its own; its spread is all x's growth rate.
    const t = assess(
      {
        x: { growth: normal(0.05, 0.03) },
        y: { elastic: { driver: "x", elasticity: 1 } },
      },
      [target("y_2015", "y", 2015, ">=", 3 * 1.05 ** 2)],
      1000,
    ).result.targets[0];
    expect(t.status).toBe("at_risk");
    expect(t.reason!.topDriver!.parameter).toBe("x.growth");
    expect(t.reason!.topDriver!.rho).toBeCloseTo(1, 9);
  });

  it("ties in |ρ| go to the indicator listed first in the plan (on 2 paths every |ρ| is 1)", () => {
    // y = 3 · (x_t / x₂₀₁₃)^β with β drawn and x's growth drawn: both correlate ±1 with y₂₀₁₅.
    // A target on x listed first puts x before y in the plan, though y's target is the one explained.
    const indicators = {
      x: { growth: normal(0.05, 0.03) },
      y: { elastic: { driver: "x", elasticity: normal(1, 0.2) } },
    };
    const probe = assess(indicators, [], 2, 4);
    const v = Array.from(sampleOf(probe, "y")).sort((a, b) => a - b);
    expect(v[0]).toBeLessThan(v[1]);
    const r = assess(
      indicators,
      [target("x_any", "x", 2015, ">=", 1), target("y_mid", "y", 2015, ">=", (v[0] + v[1]) / 2)],
      2,
      4,
    );
    const t = r.result.targets[1];
    expect(t).toMatchObject({ id: "y_mid", pMet: 0.5, status: "at_risk" });
    expect(Math.abs(t.reason!.topDriver!.rho)).toBe(1);
    const slots = r.simulation.plan.indicators;
    expect(slots.indexOf("x")).toBeLessThan(slots.indexOf("y"));
    expect(t.reason!.topDriver!.parameter).toBe("x.growth");
  });

  it("a parameter with |ρ| < 0.1 is not named: the spread comes from the yearly shocks", () => {
    // The drawn growth rate varies by 10⁻⁵ a year; shocks of 5% a year make the spread.
    const t = assess(
      { x: { growth: normal(0.05, 0.00001), volatility: 0.05 } },
      [target("x_mid", "x", 2015, ">=", 110.25)],
      2000,
    ).result.targets[0];
    expect(t.status).toBe("at_risk");
    expect(t.reason!.topDriver).toBeNull();
  });

  it("only assumptions the indicator is computed from are candidates, however they correlate by chance", () => {
    // x: a near-fixed drawn rate and shocks; w: an unrelated drawn rate. On these 30 paths (seed 5)
    // w's draws correlate with x₂₀₁₅ more than x's own rate does, by chance (checked below).
    const r = assess(
      {
        x: { growth: normal(0.05, 0.00001), volatility: 0.05 },
        w: { growth: normal(0.05, 0.05) },
      },
      [target("x_mid", "x", 2015, ">=", 110.25)],
      30,
      5,
    );
    const sim = r.simulation;
    const rho = (name: string) => {
      const k = sim.plan.params.findIndex((p) => p.name === name);
      return pearson(ranks(sim.draws.subarray(k * sim.paths, (k + 1) * sim.paths)), ranks(sampleOf(r, "x")));
    };
    expect(Math.abs(rho("w.growth"))).toBeGreaterThan(Math.abs(rho("x.growth")) + 0.05);
    expect(Math.abs(rho("x.growth"))).toBeGreaterThanOrEqual(0.1);
    const t = r.result.targets[0];
    expect(t.status).toBe("at_risk");
    expect(t.reason!.topDriver!.parameter).toBe("x.growth");
    expect(t.reason!.topDriver!.rho).toBeCloseTo(rho("x.growth"), 12);
  });
});

describe("the sample's spread", () => {
  it("x = 100 (1 + g)², g ~ N(5%, 2%) drawn once per path: p10, median and p90 from the normal quantiles", () => {
    const t = assess({ x: { growth: normal(0.05, 0.02) } }, [target("x_110", "x", 2015, ">=", 110, "万元")], 4000)
      .result.targets[0];
    const z90 = 1.2815515655446004;
    expect(t.p10!).toBeCloseTo(100 * (1.05 - z90 * 0.02) ** 2, 0);
    expect(t.median!).toBeCloseTo(100 * 1.05 ** 2, 0);
    expect(t.p90!).toBeCloseTo(100 * (1.05 + z90 * 0.02) ** 2, 0);
    expect(t.p10!).toBeLessThan(t.median!);
    expect(t.median!).toBeLessThan(t.p90!);
    expect(t.gap).toBe(t.median! - 110);
  });
});

function sampleOf(r: ReturnType<typeof assess>, indicator: string): Float64Array {
  return pathValues(r.simulation, indicator, 2015)!;
}
