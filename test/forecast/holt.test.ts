/** holt and holt-damped: recursions, fitting, variance formula, refusals. */
import { describe, expect, it } from "vitest";
import {
  etsForecastVariance,
  holt,
  holtDamped,
  holtFilter,
  InvalidSeriesError,
  PHI_MAX,
  PHI_MIN,
  TooShortError,
} from "../../src/forecast/index.js";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("holtFilter", () => {
  it("runs the recursions as written (hand-computed, α = 0.5, β* = 0.5, φ = 1)", () => {
    // y = 1, 3, 4, 7; ℓ0 = 1, b0 = 2
    // t=1: ŷ = 3, e = 0; ℓ = 0.5·3 + 0.5·3 = 3; b = 0.5·2 + 0.5·2 = 2
    // t=2: ŷ = 5, e = −1; ℓ = 0.5·4 + 0.5·5 = 4.5; b = 0.5·1.5 + 0.5·2 = 1.75
    // t=3: ŷ = 6.25, e = 0.75; ℓ = 0.5·7 + 0.5·6.25 = 6.625; b = 0.5·2.125 + 0.5·1.75 = 1.9375
    const r = holtFilter([1, 3, 4, 7], 0.5, 0.5, 1);
    expect(r.fitted).toEqual([1, 3, 5, 6.25]);
    expect(r.errors).toEqual([0, 0, -1, 0.75]);
    expect(r.sse).toBeCloseTo(1.5625, 14);
    expect(r.level).toBeCloseTo(6.625, 14);
    expect(r.trend).toBeCloseTo(1.9375, 14);
  });
});

describe("holt", () => {
  it("forecasts an exactly linear series exactly, with zero-width intervals", () => {
    const fit = holt.fit({ years: years(2015, 6), values: [4, 6, 8, 10, 12, 14] });
    expect(fit.sse).toBe(0);
    for (const p of fit.forecast([2021, 2022, 2025], 95)) {
      expect(p.mean).toBeCloseTo(4 + 2 * (p.year - 2015), 12);
      expect(p.upper - p.lower).toBe(0);
    }
  });

  it("fits parameters inside the box and no worse than any grid point", () => {
    const s = { years: years(2010, 9), values: [5, 5.8, 6.1, 7.0, 7.9, 8.1, 9.2, 9.8, 10.9] };
    const fit = holt.fit(s);
    expect(fit.params.alpha).toBeGreaterThanOrEqual(0);
    expect(fit.params.alpha).toBeLessThanOrEqual(1);
    expect(fit.params.beta).toBeGreaterThanOrEqual(0);
    expect(fit.params.beta).toBeLessThanOrEqual(1);
    expect(fit.params.phi).toBe(1);
    for (let a = 0; a <= 1; a += 0.1)
      for (let b = 0; b <= 1; b += 0.1) expect(fit.sse).toBeLessThanOrEqual(holtFilter(s.values, a, b, 1).sse + 1e-15);
    // sigma from n − 2 informative errors minus 2 estimated parameters
    expect(fit.df).toBe(9 - 2 - 2);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(fit.sse / 5), 14);
  });

  it("uses fixed parameters when given", () => {
    const s = { years: years(2010, 6), values: [1, 3, 4, 7, 8, 11] };
    const fit = holt.fit(s, { alpha: 0.5, beta: 0.5 });
    expect(fit.params.alpha).toBe(0.5);
    expect(fit.params.beta).toBe(0.5);
    expect(fit.df).toBe(4); // nothing estimated
  });

  it("refuses gaps, naming the missing years", () => {
    const s = { name: "x", years: [2010, 2011, 2013, 2014, 2015, 2016], values: [1, 2, 4, 5, 6, 7] };
    expect(() => holt.fit(s)).toThrow(InvalidSeriesError);
    expect(() => holt.fit(s)).toThrow("series x: holt needs consecutive years, but 2012 is missing");
  });

  it("refuses fewer than 5 points", () => {
    expect(() => holt.fit({ name: "x", years: years(2010, 4), values: [1, 2, 3, 4] })).toThrow(TooShortError);
    expect(() => holt.fit({ name: "x", years: years(2010, 4), values: [1, 2, 3, 4] })).toThrow(
      "series x has 4 points; holt needs at least 5",
    );
  });

  it("forecasts only whole years after the last observation", () => {
    const fit = holt.fit({ years: years(2010, 5), values: [1, 2, 3, 5, 6] });
    expect(() => fit.forecast([2014], 80)).toThrow(RangeError);
    expect(() => fit.forecast([2015.5], 80)).toThrow(RangeError);
  });
});

describe("holt intervals", () => {
  it("widen with the horizon when α > 0 and stay constant when α = 0", () => {
    const s = { years: years(2010, 7), values: [3, 4.2, 4.9, 6.3, 6.8, 8.1, 8.7] };
    const widths = (alpha: number) =>
      holt
        .fit(s, { alpha, beta: 0.3 })
        .forecast([2017, 2018, 2019, 2020], 80)
        .map((p) => p.upper - p.lower);
    const w = widths(0.4);
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeGreaterThan(w[i - 1]);
    const c = widths(0);
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeCloseTo(c[0], 12);
  });
});

describe("holt-damped", () => {
  it("keeps φ in [0.8, 0.98] and levels off towards ℓ + φ b / (1 − φ)", () => {
    const s = { years: years(2012, 8), values: [10, 12, 13.5, 14.6, 15.4, 16.0, 16.4, 16.7] };
    const fit = holtDamped.fit(s);
    const { phi, level, trend } = fit.params;
    expect(phi).toBeGreaterThanOrEqual(PHI_MIN);
    expect(phi).toBeLessThanOrEqual(PHI_MAX);
    const [far] = fit.forecast([2019 + 400], 80);
    expect(far.mean).toBeCloseTo(level + (phi * trend) / (1 - phi), 6);
    expect(fit.df).toBe(8 - 1 - 3);
  });

  it("with fixed φ = 1 reproduces undamped holt", () => {
    const s = { years: years(2012, 6), values: [10, 12, 13.5, 14.6, 15.4, 16.0] };
    const a = holtDamped.fit(s, { alpha: 0.3, beta: 0.2, phi: 1 }).forecast([2018, 2020], 80);
    const b = holt.fit(s, { alpha: 0.3, beta: 0.2 }).forecast([2018, 2020], 80);
    a.forEach((p, i) => expect(p.mean).toBeCloseTo(b[i].mean, 12));
  });
});

describe("ETS forecast variance (Hyndman et al. 2008, Table 6.1)", () => {
  const sigma2 = 2.5;
  it("equals the closed form for ETS(A,A,N)", () => {
    for (const [alpha, beta] of [
      [0.6, 0.18],
      [1, 0.3],
      [0.2, 0.01],
    ]) {
      for (let h = 1; h <= 8; h++) {
        const closed = sigma2 * (1 + (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6));
        expect(etsForecastVariance(h, sigma2, alpha, beta, 1)).toBeCloseTo(closed, 10);
      }
    }
  });
  it("equals the closed form for ETS(A,Ad,N)", () => {
    for (const [alpha, beta, phi] of [
      [0.6, 0.18, 0.9],
      [0.9, 0.05, 0.8],
      [0.3, 0.3, 0.98],
    ]) {
      for (let h = 1; h <= 8; h++) {
        const closed =
          sigma2 *
          (1 +
            alpha ** 2 * (h - 1) +
            ((beta * phi * h) / (1 - phi) ** 2) * (2 * alpha * (1 - phi) + beta * phi) -
            ((beta * phi * (1 - phi ** h)) / ((1 - phi) ** 2 * (1 - phi ** 2))) *
              (2 * alpha * (1 - phi ** 2) + beta * phi * (1 + 2 * phi - phi ** h)));
        expect(etsForecastVariance(h, sigma2, alpha, beta, phi)).toBeCloseTo(closed, 9);
      }
    }
  });
  it("is σ² one step ahead", () => {
    expect(etsForecastVariance(1, sigma2, 0.4, 0.1, 0.9)).toBe(sigma2);
  });
});

describe("holt: the fit, its outputs and refusals in detail", () => {
  const s = { years: years(2010, 9), values: [5, 5.8, 6.1, 7.0, 7.9, 8.1, 9.2, 9.8, 10.9] };

  it("holtFilter damps the trend by φ in the forecast and the trend update (hand-computed, φ = 0.5)", () => {
    // ℓ0 = 1, b0 = 2. t=1: ŷ = 1 + 0.5·2 = 2, e = 1; ℓ = 0.5·3 + 0.5·2 = 2.5; b = 0.5·1.5 + 0.5·0.5·2 = 1.25.
    // t=2: ŷ = 2.5 + 0.5·1.25 = 3.125, e = 0.875; ℓ = 0.5·4 + 0.5·3.125 = 3.5625; b = 0.5·1.0625 + 0.5·0.5·1.25 = 0.84375.
    expect(holtFilter([1, 3, 4], 0.5, 0.5, 0.5)).toEqual({
      fitted: [1, 2, 3.125],
      errors: [0, 1, 0.875],
      sse: 1.765625,
      level: 3.5625,
      trend: 0.84375,
    });
  });

  it("refines the best grid point: the fitted SSE is below every grid point's and a local minimum", () => {
    const fit = holt.fit(s);
    let gridBest = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= 20; i++)
      for (let j = 0; j <= 20; j++) gridBest = Math.min(gridBest, holtFilter(s.values, i / 20, j / 20, 1).sse);
    // The grid's best is (0.5, 0.1) with SSE 0.66979; the refined fit 0.66944.
    expect(gridBest).toBeCloseTo(0.6697852506597302, 12);
    expect(fit.sse).toBeLessThan(gridBest - 3e-4);
    const { alpha, beta } = fit.params;
    for (const [da, db] of [
      [0.01, 0],
      [-0.01, 0],
      [0, 0.01],
      [0, -0.01],
    ])
      expect(holtFilter(s.values, alpha + da, beta + db, 1).sse).toBeGreaterThan(fit.sse);
    expect(fit.sse).toBe(holtFilter(s.values, alpha, beta, 1).sse);
  });

  it("keeps the first grid point (α = 0, β* = 0) when nothing improves on it: an exactly linear series", () => {
    // Every (α, β*) forecasts a straight line exactly (SSE 0), so no refinement is strictly better.
    const fit = holt.fit({ years: years(2015, 6), values: [4, 6, 8, 10, 12, 14] });
    expect(fit.params).toEqual({ alpha: 0, beta: 0, phi: 1, level: 14, trend: 2, initialLevel: 4, initialTrend: 2 });
  });

  it("reports its states, the data it was fitted on (copies) and the identity scale", () => {
    const fit = holt.fit(s);
    const run = holtFilter(s.values, fit.params.alpha, fit.params.beta, 1);
    expect(fit.params.level).toBe(run.level);
    expect(fit.params.trend).toBe(run.trend);
    expect(fit.params.initialLevel).toBe(5);
    expect(fit.params.initialTrend).toBeCloseTo(0.8, 14);
    expect(fit.years).toEqual(s.years);
    expect(fit.years).not.toBe(s.years);
    expect(fit.values).toEqual(s.values);
    expect(fit.values).not.toBe(s.values);
    expect(fit.fitted).toEqual(run.fitted);
    expect(fit.residuals).toEqual(run.errors);
    expect(fit.model).toBe("holt");
    expect(fit.transform).toBe("identity");
    const dist = fit.forecastDistribution!([2019, 2021]);
    expect(dist.model).toBe("holt");
    expect(dist.transform).toBe("identity");
    expect(dist.back(3.5)).toBe(3.5);
    expect(dist.points[1].mean).toBeCloseTo(run.level + 3 * run.trend, 12);
    expect(dist.points[0].df).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses a fixed parameter outside [0, 1], naming it (NaN too); φ only for the damped model", () => {
    const five = { years: years(2010, 5), values: [1, 2, 3, 4, 6] };
    expect(() => holt.fit(five, { alpha: 1.5 })).toThrow(new RangeError("holt: alpha must be in [0, 1], got 1.5"));
    expect(() => holt.fit(five, { alpha: -0.1 })).toThrow("holt: alpha must be in [0, 1], got -0.1");
    expect(() => holt.fit(five, { beta: 2 })).toThrow("holt: beta must be in [0, 1], got 2");
    expect(() => holt.fit(five, { beta: Number.NaN })).toThrow("holt: beta must be in [0, 1], got NaN");
    expect(() => holtDamped.fit(five, { phi: 1.2 })).toThrow("holt: phi must be in [0, 1], got 1.2");
    // The bounds themselves are allowed; holt ignores φ.
    expect(holt.fit(five, { alpha: 0, beta: 1 }).params.beta).toBe(1);
    expect(holt.fit(five, { alpha: 1, beta: 0 }).params.alpha).toBe(1);
    expect(holt.fit(five, { phi: 5 }).params.phi).toBe(1);
  });

  it("names the series (or the name given) and every missing year", () => {
    expect(() => holt.fit({ years: [2010, 2011, 2014, 2015, 2016, 2017], values: [1, 2, 3, 4, 5, 6] })).toThrow(
      "series: holt needs consecutive years, but 2012, 2013 are missing; use linear, loglinear or weighted for series with gaps",
    );
    expect(() =>
      holt.fit({ years: [2010, 2012, 2013, 2014, 2015], values: [1, 2, 3, 4, 6] }, { name: "custom" }),
    ).toThrow("series custom: holt needs consecutive years, but 2011 is missing;");
  });

  it("refuses to forecast a year that is not a whole number of years after the last, with the reason", () => {
    const fit = holt.fit({ years: years(2010, 5), values: [1, 2, 3, 4, 6] });
    expect(() => fit.forecast([2014], 80)).toThrow(
      "holt: can forecast only whole years after the last observation (2014), got 2014",
    );
    expect(() => fit.forecast([2016.5], 80)).toThrow(
      "holt: can forecast only whole years after the last observation (2014), got 2016.5",
    );
    expect(() => fit.forecastDistribution!([2013])).toThrow("got 2013");
  });
});
