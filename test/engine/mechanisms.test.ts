/**
 * Hand-computed deterministic projections, one mechanism at a time (equations in src/model/*.ts).
 * Every scenario gives its parameters as distributions where it can, so the tests also check
 * that `project` uses the central value (normal mean, triangular mode, uniform midpoint,
 * lognormal median) and ignores yearly shocks (`volatility`).
 */
import { describe, expect, it } from "vitest";
import { levelGrowth, solowContribution } from "../../src/model/solow.js";
import { pathValues, project, simulate } from "../../src/simulate/monteCarlo.js";
import { expectClose, makeBaseline, plan, scenario, valueAt } from "./helpers.js";

describe("growth: v_t = v_{t−1}·(1 + r)", () => {
  const baseline = makeBaseline({ gdp: { unit: "亿元", values: { 2011: 100, 2012: 110, 2013: 121 } } });

  it("compounds the central rate from the base-year value, without the yearly shock", () => {
    const s = scenario(2013, 2016, { gdp: { growth: { dist: "normal", mean: 0.08, sd: 0.02 }, volatility: 0.01 } });
    const sim = project(plan(s, baseline));
    expect(sim.years).toEqual([2014, 2015, 2016]);
    expect(sim.paths).toBe(1);
    // 121 × 1.08 = 130.68; × 1.08 = 141.1344; × 1.08 = 152.425152
    expectClose(valueAt(sim, "gdp", 2014), 130.68);
    expectClose(valueAt(sim, "gdp", 2015), 141.1344);
    expectClose(valueAt(sim, "gdp", 2016), 152.425152);
    // The base year is history, not a projected year.
    expect(pathValues(sim, "gdp", 2013)).toBeUndefined();
  });

  it("uses the mean, mode, midpoint and median as central values", () => {
    const h = { unit: "亿元", values: { 2013: 121 } };
    const b = makeBaseline({ a: h, b: h, c: h, d: h, e: h });
    const s = scenario(2013, 2015, {
      a: { growth: 0.08 },
      b: { growth: { dist: "normal", mean: 0.08, sd: 0.5 } },
      c: { growth: { dist: "triangular", min: -0.5, mode: 0.08, max: 0.1 } },
      d: { growth: { dist: "uniform", min: 0.0, max: 0.16 } },
      e: { growth: { dist: "lognormal", median: 0.08, sigma: 1 } },
    });
    const sim = project(plan(s, b));
    for (const id of ["a", "b", "c", "d", "e"]) expectClose(valueAt(sim, id, 2015), 141.1344);
  });

  it("clamps to the scenario bounds and lets a level fall", () => {
    const s = scenario(2013, 2016, {
      gdp: { growth: 0.08, bounds: { max: 140 } },
      down: { growth: -0.25 },
    });
    const b = makeBaseline({
      gdp: { unit: "亿元", values: { 2013: 121 } },
      down: { unit: "亿元", values: { 2013: 121 } },
    });
    const sim = project(plan(s, b));
    // 130.68, then min(141.1344, 140) = 140, then min(151.2, 140) = 140
    expectClose(valueAt(sim, "gdp", 2014), 130.68);
    expect(valueAt(sim, "gdp", 2015)).toBe(140);
    expect(valueAt(sim, "gdp", 2016)).toBe(140);
    // 121 × 0.75 = 90.75; × 0.75 = 68.0625; × 0.75 = 51.046875
    expectClose(valueAt(sim, "down", 2014), 90.75);
    expectClose(valueAt(sim, "down", 2015), 68.0625);
    expectClose(valueAt(sim, "down", 2016), 51.046875);
  });
});

describe("count: v_t = v_{t−1} + N_t", () => {
  const baseline = makeBaseline({ firms: { unit: "家", values: { 2012: 33, 2013: 40 } } });

  it("`fixed` adds exactly the additions every year, on every Monte Carlo path", () => {
    const s = scenario(2013, 2016, { firms: { count: { additions: 5, distribution: "fixed" } } });
    const p = plan(s, baseline);
    const sim = simulate(p, { paths: 7, seed: 99 });
    // 40 + 5 = 45, 50, 55 on each path
    expect(Array.from(pathValues(sim, "firms", 2014)!)).toEqual(Array(7).fill(45));
    expect(Array.from(pathValues(sim, "firms", 2015)!)).toEqual(Array(7).fill(50));
    expect(Array.from(pathValues(sim, "firms", 2016)!)).toEqual(Array(7).fill(55));
    const det = project(p);
    expect(valueAt(det, "firms", 2016)).toBe(55);
  });

  it("`fixed` with uncertain additions: each path adds its own draw λ_p every year", () => {
    const s = scenario(2013, 2015, {
      firms: { count: { additions: { dist: "triangular", min: 2, mode: 5, max: 11 }, distribution: "fixed" } },
    });
    const sim = simulate(plan(s, baseline), { paths: 50, seed: 3 });
    const lambda = sim.draws.subarray(0, 50);
    const v2015 = pathValues(sim, "firms", 2015)!;
    const distinct = new Set<number>();
    for (let p = 0; p < 50; p++) {
      expect(lambda[p]).toBeGreaterThanOrEqual(2);
      expect(lambda[p]).toBeLessThanOrEqual(11);
      expectClose(v2015[p], 40 + 2 * lambda[p]);
      distinct.add(lambda[p]);
    }
    expect(distinct.size).toBe(50);
  });

  it("the deterministic projection adds the central additions, whatever the distribution", () => {
    const b = makeBaseline({
      p: { unit: "家", values: { 2013: 40 } },
      nb: { unit: "家", values: { 2013: 40 } },
    });
    const s = scenario(2013, 2016, {
      p: { count: { additions: 3.5 } }, // poisson by default
      nb: {
        count: {
          additions: { dist: "triangular", min: 2, mode: 4, max: 9 },
          distribution: "negative_binomial",
          dispersion: 2,
        },
      },
    });
    const sim = project(plan(s, b));
    // poisson: 40 + 3.5 = 43.5, 47, 50.5 (the expected count, not an integer draw)
    expectClose(valueAt(sim, "p", 2014), 43.5);
    expectClose(valueAt(sim, "p", 2015), 47);
    expectClose(valueAt(sim, "p", 2016), 50.5);
    // negative binomial, additions at the triangular mode 4: 44, 48, 52
    expectClose(valueAt(sim, "nb", 2014), 44);
    expectClose(valueAt(sim, "nb", 2016), 52);
  });
});

describe("leveraged: v_t = v_{t−1}·(1 + g) + m·c·(D_t − D_{t−1})", () => {
  it("converts the driver's 万元 into the indicator's 亿元 (c = 1e-4)", () => {
    const baseline = makeBaseline({
      rd_expenditure: { unit: "亿元", values: { 2012: 17, 2013: 20 } },
      fiscal_st_spending: { unit: "万元", values: { 2012: 8000, 2013: 10000 } },
    });
    const s = scenario(2013, 2016, {
      fiscal_st_spending: { growth: 0.2 },
      rd_expenditure: {
        leveraged: {
          own_growth: { dist: "normal", mean: 0.1, sd: 0.03 },
          driver: "fiscal_st_spending",
          multiplier: { dist: "triangular", min: 0.5, mode: 1.5, max: 2.5 },
        },
        volatility: 0.02,
      },
    });
    const sim = project(plan(s, baseline));
    // Driver: 10000 → 12000 → 14400 → 17280 万元 (added 2000, 2400, 2880 万元 = 0.2, 0.24, 0.288 亿元)
    expectClose(valueAt(sim, "fiscal_st_spending", 2014), 12000);
    expectClose(valueAt(sim, "fiscal_st_spending", 2016), 17280);
    // 2014: 20 × 1.1 + 1.5 × 1e-4 × 2000 = 22 + 0.3 = 22.3
    // 2015: 22.3 × 1.1 + 1.5 × 1e-4 × 2400 = 24.53 + 0.36 = 24.89
    // 2016: 24.89 × 1.1 + 1.5 × 1e-4 × 2880 = 27.379 + 0.432 = 27.811
    expectClose(valueAt(sim, "rd_expenditure", 2014), 22.3);
    expectClose(valueAt(sim, "rd_expenditure", 2015), 24.89);
    expectClose(valueAt(sim, "rd_expenditure", 2016), 27.811);
  });

  it("gives the same answer when the driver is already in 亿元 (10000 万元 = 1 亿元)", () => {
    const baseline = makeBaseline({
      rd_expenditure: { unit: "亿元", values: { 2013: 20 } },
      fiscal_yi: { unit: "亿元", values: { 2013: 1 } },
    });
    const s = scenario(2013, 2015, {
      fiscal_yi: { growth: 0.2 },
      rd_expenditure: { leveraged: { own_growth: 0.1, driver: "fiscal_yi", multiplier: 1.5 } },
    });
    const sim = project(plan(s, baseline));
    expectClose(valueAt(sim, "rd_expenditure", 2014), 22.3);
    expectClose(valueAt(sim, "rd_expenditure", 2015), 24.89);
  });
});

describe("elastic: v_t = v_b·(D_{t−L} / D_{b−L})^β", () => {
  it("responds to the driver two years earlier (lag 2), reading history then projections", () => {
    const baseline = makeBaseline({
      patents: { unit: "件", values: { 2009: 150, 2010: 160, 2011: 170, 2012: 185, 2013: 200 } },
      rd: { unit: "亿元", values: { 2009: 12, 2010: 14, 2011: 16, 2012: 18, 2013: 20 } },
    });
    const s = scenario(2013, 2016, {
      rd: { growth: 0.1 },
      patents: {
        elastic: { driver: "rd", elasticity: { dist: "triangular", min: 0.3, mode: 0.6, max: 1.0 }, lag: 2 },
        volatility: 0.1,
      },
    });
    const sim = project(plan(s, baseline));
    // b = 2013, v_b = 200, D_{b−2} = D_2011 = 16, β = 0.6 (mode)
    // 2014: 200 × (D_2012 / 16)^0.6 = 200 × 1.125^0.6 ≈ 214.65
    // 2015: 200 × (D_2013 / 16)^0.6 = 200 × 1.25^0.6  ≈ 228.65
    // 2016: 200 × (D_2014 / 16)^0.6 = 200 × (22 / 16)^0.6 ≈ 242.11, D_2014 = 20 × 1.1 projected
    expectClose(valueAt(sim, "patents", 2014), 200 * Math.pow(1.125, 0.6));
    expectClose(valueAt(sim, "patents", 2015), 200 * Math.pow(1.25, 0.6));
    expectClose(valueAt(sim, "patents", 2016), 200 * Math.pow(22 / 16, 0.6));
    expect(valueAt(sim, "patents", 2014)).toBeCloseTo(214.646, 2);
    expect(valueAt(sim, "patents", 2016)).toBeCloseTo(242.109, 2);
  });
});

describe("inventory: K_t = (1 − δ)·K_{t−1} + F_t", () => {
  it("depreciates the stock and adds the same year's flow", () => {
    const baseline = makeBaseline({
      stock: { unit: "件", values: { 2012: 950, 2013: 1000 } },
      grants: { unit: "件", values: { 2012: 90, 2013: 100 } },
    });
    const s = scenario(2013, 2016, {
      grants: { growth: 0.1 },
      stock: { inventory: { flow: "grants", depreciation: { dist: "triangular", min: 0.1, mode: 0.15, max: 0.2 } } },
    });
    const sim = project(plan(s, baseline));
    // flow: 110, 121, 133.1
    // 2014: 0.85 × 1000 + 110 = 960
    // 2015: 0.85 × 960 + 121 = 816 + 121 = 937
    // 2016: 0.85 × 937 + 133.1 = 796.45 + 133.1 = 929.55
    expectClose(valueAt(sim, "stock", 2014), 960);
    expectClose(valueAt(sim, "stock", 2015), 937);
    expectClose(valueAt(sim, "stock", 2016), 929.55);
  });
});

describe("ratio: v_t = min(scale·N_t / D_t, max)", () => {
  it("divides same-year values and caps at max", () => {
    const baseline = makeBaseline({
      hightech: { unit: "亿元", values: { 2013: 40 } },
      industry: { unit: "亿元", values: { 2013: 100 } },
      share: { unit: "%", values: { 2013: 40 } },
    });
    const s = scenario(2013, 2016, {
      share: { ratio: { numerator: "hightech", denominator: "industry", scale: 100, max: 60 } },
      hightech: { growth: 0.25 },
      industry: { growth: 0.05 },
    });
    const sim = project(plan(s, baseline));
    // 2014: 100 × 50 / 105        = 47.619…
    // 2015: 100 × 62.5 / 110.25   = 56.689…
    // 2016: 100 × 78.125 / 115.7625 = 67.488… → capped at 60
    expectClose(valueAt(sim, "share", 2014), (100 * 50) / 105);
    expectClose(valueAt(sim, "share", 2015), (100 * 62.5) / 110.25);
    expect(valueAt(sim, "share", 2016)).toBe(60);
  });

  it("defaults to scale 1 (a rate per 10,000 from 件 and 万人)", () => {
    const baseline = makeBaseline({
      stock: { unit: "件", values: { 2013: 300 } },
      population: { unit: "万人", values: { 2013: 60 } },
    });
    const s = scenario(2013, 2014, {
      stock: { count: { additions: 30 } },
      population: { growth: 0 },
      per_10k: { ratio: { numerator: "stock", denominator: "population" } },
    });
    const sim = project(plan(s, baseline));
    // 330 / 60 = 5.5
    expectClose(valueAt(sim, "per_10k", 2014), 5.5);
  });
});

describe("solow: E_A = (y − α·k − (1 − α)·l) / y × 100", () => {
  it("levelGrowth is the geometric average annual growth", () => {
    // (133.1 / 100)^(1/3) − 1 = 1.1 − 1 = 0.1;  (280.9856 / 200)^(1/3) − 1 = 1.12 − 1 = 0.12
    expectClose(levelGrowth(100, 133.1, 3), 0.1);
    expectClose(levelGrowth(200, 280.9856, 3), 0.12);
    expectClose(levelGrowth(50, 51.51505, 3), 0.01);
    // (121 / 100)^(1/2) − 1 = 0.1
    expectClose(levelGrowth(100, 121, 2), 0.1);
  });

  it("solowContribution on worked numbers", () => {
    // y = 10%, k = 12%, l = 1%, α = 0.35: a = 0.10 − 0.35×0.12 − 0.65×0.01 = 0.10 − 0.042 − 0.0065 = 0.0515
    // E_A = 0.0515 / 0.10 × 100 = 51.5 (%)
    expectClose(solowContribution(0.1, 0.12, 0.01, 0.35), 51.5);
    // y = 8%, k = 10%, l = 2%, α = 0.4: a = 0.08 − 0.04 − 0.012 = 0.028; 0.028 / 0.08 × 100 = 35
    expectClose(solowContribution(0.08, 0.1, 0.02, 0.4), 35);
    // Capital growing fast enough gives a negative residual: y = 5%, k = 20%, l = 0, α = 0.5:
    // a = 0.05 − 0.10 = −0.05; −0.05 / 0.05 × 100 = −100
    expectClose(solowContribution(0.05, 0.2, 0, 0.5), -100);
    // No output growth: nothing to attribute
    expect(solowContribution(0, 0.1, 0.01, 0.35)).toBe(0);
    expect(solowContribution(-0.02, 0.1, 0.01, 0.35)).toBe(0);
  });

  it("projects the contribution over a 3-year window that reaches back into history", () => {
    // History grows exactly 10% (output), 12% (capital), 1% (employment) a year.
    const baseline = makeBaseline({
      gdp_real: { unit: "亿元", values: { 2010: 100, 2011: 110, 2012: 121, 2013: 133.1 } },
      capital: { unit: "亿元", values: { 2010: 200, 2011: 224, 2012: 250.88, 2013: 280.9856 } },
      employment: { unit: "万人", values: { 2010: 50, 2011: 50.5, 2012: 51.005, 2013: 51.51505 } },
      contribution: { unit: "%", values: { 2013: 50 } },
    });
    const steady = scenario(2013, 2016, {
      gdp_real: { growth: 0.1 },
      capital: { growth: 0.12 },
      employment: { growth: 0.01 },
      contribution: {
        solow: {
          output: "gdp_real",
          capital: "capital",
          labour: "employment",
          alpha: { dist: "triangular", min: 0.25, mode: 0.35, max: 0.45 },
          window: 3,
        },
      },
    });
    let sim = project(plan(steady, baseline));
    // Every window has y = 0.1, k = 0.12, l = 0.01 → 51.5 (see above)
    for (const y of [2014, 2015, 2016]) expectClose(valueAt(sim, "contribution", y), 51.5);

    // Output slows to 7% from 2014; capital and labour keep their pace.
    const slowing = scenario(2013, 2016, { ...steady.indicators, gdp_real: { growth: 0.07 } });
    sim = project(plan(slowing, baseline));
    // 2014: y = (1.1 × 1.1 × 1.07)^(1/3) − 1 ≈ 0.0900; a = y − 0.042 − 0.0065
    const y2014 = Math.cbrt(1.1 * 1.1 * 1.07) - 1;
    expectClose(valueAt(sim, "contribution", 2014), ((y2014 - 0.0485) / y2014) * 100);
    // 2015: y = (1.1 × 1.07 × 1.07)^(1/3) − 1
    const y2015 = Math.cbrt(1.1 * 1.07 * 1.07) - 1;
    expectClose(valueAt(sim, "contribution", 2015), ((y2015 - 0.0485) / y2015) * 100);
    // 2016: the window is all projection: y = 0.07 → (0.07 − 0.0485) / 0.07 × 100 = 30.714…
    expectClose(valueAt(sim, "contribution", 2016), ((0.07 - 0.0485) / 0.07) * 100, 1e-10);
    expect(valueAt(sim, "contribution", 2016)).toBeCloseTo(30.7143, 3);
  });
});

describe("trend: v_t follows the fitted model", () => {
  it("`trend: linear` on an exactly linear series continues the line, ignoring data after the base year", () => {
    const baseline = makeBaseline({
      // +2 a year; the 2014 figure is after the base year and must not be used
      idx: { unit: "指数", values: { 2009: 10, 2010: 12, 2011: 14, 2012: 16, 2013: 18, 2014: 999 } },
    });
    const s = scenario(2013, 2016, { idx: { trend: "linear" } });
    const p = plan(s, baseline);
    const sim = project(p);
    expectClose(valueAt(sim, "idx", 2014), 20);
    expectClose(valueAt(sim, "idx", 2015), 22);
    expectClose(valueAt(sim, "idx", 2016), 24);
    expect(p.nodes[p.indicators.indexOf("idx")].summary).toMatch(/^linear trend fitted to 2009–2013/);
  });
});
