/** Properties every model must have: nested levels, widening horizons, short and flat series. */
import { describe, expect, it } from "vitest";
import { MODEL_NAMES, MODELS, TooShortError } from "../../src/forecast/index.js";

const noisy = {
  name: "noisy",
  years: [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018],
  values: [10.2, 11.9, 12.1, 14.8, 15.1, 17.4, 17.9, 20.6, 21.0],
};
const future = [2019, 2020, 2021, 2022, 2023];

describe.each(MODEL_NAMES)("%s", (name) => {
  const model = MODELS[name];
  const fit = model.fit(noisy);

  it("a wider level gives a wider interval that contains the narrower one", () => {
    const levels = [50, 80, 90, 95, 99];
    const byLevel = levels.map((l) => fit.forecast(future, l));
    for (let i = 1; i < levels.length; i++) {
      byLevel[i].forEach((p, j) => {
        const q = byLevel[i - 1][j];
        expect(p.lower).toBeLessThan(q.lower);
        expect(p.upper).toBeGreaterThan(q.upper);
        expect(p.mean).toBe(q.mean);
      });
    }
  });

  it("intervals widen with the horizon (holt models: never narrow; constant when α = 0)", () => {
    // With α = 0 the ETS variance is σ² at every horizon (see holt.ts), so widths stay equal.
    const constant = fit.params.alpha === 0;
    const fc = fit.forecast(future, 80);
    const sd = fit.forecastDistribution(future).points.map((p) => p.sd);
    for (let i = 1; i < fc.length; i++) {
      const [w0, w1] = [fc[i - 1].upper - fc[i - 1].lower, fc[i].upper - fc[i].lower];
      if (constant) {
        expect(w1).toBeCloseTo(w0, 12);
        expect(sd[i]).toBe(sd[i - 1]);
      } else {
        expect(w1).toBeGreaterThan(w0);
        expect(sd[i]).toBeGreaterThan(sd[i - 1]);
      }
    }
  });

  it("the point forecast lies inside its interval", () => {
    for (const p of fit.forecast(future, 80)) {
      expect(p.lower).toBeLessThan(p.mean);
      expect(p.mean).toBeLessThan(p.upper);
    }
  });

  it("has a forecast distribution the Monte Carlo engine can sample", () => {
    const dist = fit.forecastDistribution(future);
    expect(dist.model).toBe(name);
    for (const p of dist.points) {
      expect(Number.isFinite(p.mean)).toBe(true);
      expect(p.sd).toBeGreaterThan(0);
      expect(p.df > 0).toBe(true);
    }
  });

  it("refuses two points with a plain message", () => {
    expect(() => model.fit({ name: "two", years: [2019, 2020], values: [1, 2] })).toThrow(TooShortError);
    expect(() => model.fit({ name: "two", years: [2019, 2020], values: [1, 2] })).toThrow(
      `series two has 2 points; ${name} needs at least ${model.minPoints}`,
    );
  });

  it(`three points: ${model.minPoints <= 3 ? "fits" : "refuses"}`, () => {
    const three = { years: [2018, 2019, 2020], values: [21, 23, 26] };
    if (model.minPoints <= 3) {
      const f = model.fit(three);
      expect(f.df).toBe(1);
      expect(f.forecast([2021], 80)[0].upper).toBeGreaterThan(f.forecast([2021], 80)[0].lower);
    } else {
      expect(() => model.fit(three)).toThrow(`series has 3 points; ${name} needs at least 5`);
    }
  });

  it("a flat series gives flat forecasts, zero width and no NaN", () => {
    const flat = model.fit({ years: [2014, 2015, 2016, 2017, 2018, 2019], values: [7, 7, 7, 7, 7, 7] });
    expect(flat.sigma).toBeLessThan(1e-14); // 0 up to rounding of the weighted mean
    for (const v of Object.values(flat.params)) expect(Number.isNaN(v)).toBe(false);
    for (const p of flat.forecast([2020, 2025], 95)) {
      expect(p.mean).toBeCloseTo(7, 12);
      expect(p.lower).toBeCloseTo(7, 12);
      expect(p.upper).toBeCloseTo(7, 12);
    }
  });

  it("rejects malformed series", () => {
    expect(() => model.fit({ years: [2020, 2019, 2021, 2022, 2023], values: [1, 2, 3, 4, 5] })).toThrow(
      "strictly increasing",
    );
    expect(() => model.fit({ years: [2019, 2020, 2021, 2022, 2023], values: [1, NaN, 3, 4, 5] })).toThrow(
      "not a finite number",
    );
    expect(() => model.fit({ years: [2019, 2020, 2021], values: [1, 2] })).toThrow("same length");
  });
});
