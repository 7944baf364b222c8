/** linear, loglinear, logit and weighted: exact recovery, transforms, weights, gaps, refusals. */
import { describe, expect, it } from "vitest";
import {
  escapWeights,
  InvalidSeriesError,
  linear,
  logit,
  loglinear,
  MODELS,
  weighted,
} from "../../src/forecast/index.js";
import { leastSquaresLine } from "../../src/forecast/least-squares.js";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("linear", () => {
  it("forecasts an exactly linear series exactly, with zero-width intervals", () => {
    const s = { years: years(2011, 6), values: [3, 5.5, 8, 10.5, 13, 15.5] };
    const fit = linear.fit(s);
    expect(fit.params.slope).toBeCloseTo(2.5, 12);
    expect(fit.params.intercept).toBeCloseTo(3 - 2.5 * 2011, 8);
    expect(fit.sigma).toBeLessThan(1e-13);
    for (const p of fit.forecast([2017, 2020, 2030], 95)) {
      const exact = 3 + 2.5 * (p.year - 2011);
      expect(p.mean).toBeCloseTo(exact, 10);
      expect(p.upper - p.lower).toBeLessThan(1e-10);
    }
  });

  it("handles gaps: years enter as numbers, so missing years need no filling", () => {
    // v = 2 + 0.5 (t − 2010) + noise at irregular years; OLS by hand on x = t − 2013.4 (mean year):
    const s = { years: [2010, 2011, 2014, 2015, 2017], values: [2.1, 2.4, 4.1, 4.4, 5.6] };
    const fit = linear.fit(s);
    const xbar = (2010 + 2011 + 2014 + 2015 + 2017) / 5;
    const ybar = (2.1 + 2.4 + 4.1 + 4.4 + 5.6) / 5;
    const sxy = s.years.reduce((a, t, i) => a + (t - xbar) * (s.values[i] - ybar), 0);
    const sxx = s.years.reduce((a, t) => a + (t - xbar) ** 2, 0);
    expect(fit.params.centreYear).toBeCloseTo(xbar, 12);
    expect(fit.params.slope).toBeCloseTo(sxy / sxx, 12);
    expect(fit.df).toBe(3);
    // A forecast for a missing year inside the range is allowed too (an interpolation).
    expect(fit.forecast([2012], 80)[0].mean).toBeCloseTo(ybar + (sxy / sxx) * (2012 - xbar), 12);
  });

  it("keeps precision with years near 2000 (centred regression)", () => {
    const s = { years: years(2004, 15), values: years(2004, 15).map((t) => 1e-6 * (t - 2004) + 1) };
    expect(linear.fit(s).params.slope).toBeCloseTo(1e-6, 15);
  });
});

describe("loglinear", () => {
  it("recovers a constant-growth series exactly", () => {
    const s = { years: years(2015, 7), values: years(2015, 7).map((t) => 80 * 1.07 ** (t - 2015)) };
    const fit = loglinear.fit(s);
    expect(fit.params.growth).toBeCloseTo(0.07, 13);
    expect(fit.sigma).toBeLessThan(1e-13);
    for (const p of fit.forecast([2022, 2025], 80)) {
      expect(p.mean / (80 * 1.07 ** (p.year - 2015))).toBeCloseTo(1, 12);
      expect(p.upper - p.lower).toBeLessThan(1e-9);
    }
    fit.fitted.forEach((f, i) => expect(f).toBeCloseTo(s.values[i], 10));
  });

  it("gives intervals that are asymmetric in the unit (log scale) and positive", () => {
    const fit = loglinear.fit({ years: years(2015, 6), values: [1.0, 1.3, 1.2, 1.7, 1.6, 2.2] });
    const [p] = fit.forecast([2030], 95);
    expect(p.lower).toBeGreaterThan(0);
    expect(p.upper - p.mean).toBeGreaterThan(p.mean - p.lower);
  });

  it("refuses zero or negative values with a clear message", () => {
    expect(() => loglinear.fit({ name: "patents", years: [2018, 2019, 2020], values: [2, 0, 3] })).toThrow(
      "series patents: loglinear needs values > 0, but 2019 has 0",
    );
    expect(() => loglinear.fit({ years: [2018, 2019, 2020], values: [2, -1, 3] })).toThrow(InvalidSeriesError);
  });
});

describe("logit", () => {
  it("keeps forecasts and intervals strictly inside (0, 100), even far ahead", () => {
    const fit = logit.fit({ years: years(2014, 6), values: [55, 63, 70, 79, 85, 90] });
    for (const p of fit.forecast([2020, 2030, 2045], 95)) {
      for (const v of [p.lower, p.mean, p.upper]) {
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThan(100);
      }
      expect(p.lower).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.upper);
    }
    // Decades further out the upper bound is within 1e-14 of 100 and may round to exactly 100 in
    // double precision, but never exceeds it.
    const [far] = fit.forecast([2200], 95);
    expect(far.upper).toBeLessThanOrEqual(100);
    expect(far.lower).toBeGreaterThan(0);
    // A falling share stays above 0.
    const down = logit.fit({ years: years(2014, 5), values: [9, 6, 4.5, 3, 2] });
    expect(down.forecast([2080], 95)[0].lower).toBeGreaterThan(0);
  });

  it("recovers an exact logistic curve", () => {
    const s = {
      years: years(2010, 5),
      values: years(2010, 5).map((t) => 100 / (1 + Math.exp(-(0.4 * (t - 2012) - 1)))),
    };
    const fit = logit.fit(s);
    expect(fit.params.slope).toBeCloseTo(0.4, 12);
    expect(fit.forecast([2020], 80)[0].mean).toBeCloseTo(100 / (1 + Math.exp(-(0.4 * 8 - 1))), 10);
  });

  it("refuses 0 and values ≥ 100", () => {
    expect(() => logit.fit({ name: "share", years: [2018, 2019, 2020], values: [0, 20, 30] })).toThrow(
      "series share: logit needs shares strictly between 0 and 100 (%), but 2018 has 0",
    );
    expect(() => logit.fit({ years: [2018, 2019, 2020], values: [90, 100, 99] })).toThrow("2019 has 100");
    expect(() => logit.fit({ years: [2018, 2019, 2020], values: [90, 101, 99] })).toThrow(InvalidSeriesError);
  });
});

describe("weighted (ESCAP-style time weights)", () => {
  it("uses w_t = 1/(T − t + 1), following calendar distance across gaps", () => {
    expect(escapWeights([2015, 2016, 2018])).toEqual([1 / 4, 1 / 3, 1]);
  });

  it("matches a hand-computed weighted line", () => {
    // years 2018, 2019, 2020 → w = 1/3, 1/2, 1; W = 11/6; values 1, 2, 4.
    // x̄_w = (2018/3 + 2019/2 + 2020)/W = 2019 + (−1/3 + 1)/(11/6) = 2019 + 4/11
    // z̄_w = (1/3 + 1 + 4)/(11/6) = (16/3)(6/11) = 32/11
    // Sxx = Σ w (x − x̄)²: dx = −15/11, −4/11, 7/11 → (1/3)(225) + (1/2)(16) + 49 = 75 + 8 + 49 = 132, /121
    // Sxz = Σ w dx (z − z̄): dz = −21/11, −10/11, 12/11 → (1/3)(315) + (1/2)(40) + 84 = 105 + 20 + 84 = 209, /121
    // slope = 209/132 = 19/12
    const fit = weighted.fit({ years: [2018, 2019, 2020], values: [1, 2, 4] });
    expect(fit.params.centreYear).toBeCloseTo(2019 + 4 / 11, 12);
    expect(fit.params.levelAtCentre).toBeCloseTo(32 / 11, 12);
    expect(fit.params.slope).toBeCloseTo(19 / 12, 12);
    const line = leastSquaresLine([2018, 2019, 2020], [1, 2, 4], [1 / 3, 1 / 2, 1]);
    expect(fit.sse).toBeCloseTo(line.sse, 14);
  });

  it("follows the recent slope more closely than OLS", () => {
    const s = { years: years(2010, 8), values: [1, 1.1, 1.2, 1.3, 1.4, 2.0, 2.6, 3.2] };
    expect(weighted.fit(s).params.slope).toBeGreaterThan(linear.fit(s).params.slope);
  });

  it("equals OLS on an exactly linear series", () => {
    const s = { years: [2010, 2012, 2013, 2016], values: [1, 2, 2.5, 4] };
    expect(weighted.fit(s).forecast([2020], 80)[0].mean).toBeCloseTo(6, 12);
    expect(weighted.fit(s).forecast([2020], 80)[0].upper - weighted.fit(s).forecast([2020], 80)[0].lower).toBeLessThan(
      1e-10,
    );
  });
});

describe("every regression model", () => {
  it("reports params, fitted, residuals and sigma consistently", () => {
    const s = { years: years(2012, 7), values: [10, 11.5, 11.9, 13.8, 14.1, 15.9, 17.2] };
    for (const name of ["linear", "loglinear", "logit", "weighted"] as const) {
      const fit = MODELS[name].fit(s);
      expect(fit.model).toBe(name);
      expect(fit.fitted).toHaveLength(7);
      expect(fit.residuals).toHaveLength(7);
      expect(fit.df).toBe(5);
      expect(fit.sigma).toBeCloseTo(Math.sqrt(fit.sse / fit.df), 14);
      for (const k of ["slope", "intercept", "centreYear", "levelAtCentre"])
        expect(Number.isFinite(fit.params[k])).toBe(true);
      const dist = fit.forecastDistribution([2019, 2020]);
      expect(dist.points.map((p) => p.df)).toEqual([5, 5]);
      expect(dist.back(dist.points[0].mean)).toBeCloseTo(fit.forecast([2019], 80)[0].mean, 12);
    }
  });
});
