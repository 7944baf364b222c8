/** series.ts, errors.ts, least-squares.ts, random-walk.ts, interval.ts: the checks and their messages, by hand. */
import { describe, expect, it } from "vitest";
import { combinedForecast } from "../../src/forecast/combination.js";
import { InvalidSeriesError, seriesLabel, TooShortError } from "../../src/forecast/errors.js";
import { etsForecastVariance } from "../../src/forecast/ets-variance.js";
import { checkLevel, intervalsFromDistribution } from "../../src/forecast/interval.js";
import { leastSquaresLine } from "../../src/forecast/least-squares.js";
import { driftForecast, naiveForecast } from "../../src/forecast/random-walk.js";
import { isModelName, MODELS } from "../../src/forecast/registry.js";
import { checkSeries, gapYears } from "../../src/forecast/series.js";
import { TRANSFORMS, workingScale } from "../../src/forecast/transform.js";

describe("checkSeries", () => {
  it("returns the label and accepts a clean series of exactly minPoints", () => {
    expect(checkSeries({ name: "gdp", years: [2019, 2020, 2021], values: [1, 2, 3] }, "linear", 3)).toBe("series gdp");
    expect(checkSeries({ years: [2019, 2020, 2021], values: [1, 2, 3] }, "linear", 3, "other")).toBe("series other");
  });
  it("names the year, the value and the order that are wrong", () => {
    const s = (years: number[], values: number[]) => ({ name: "x", years, values });
    expect(() => checkSeries(s([2019, 2020.5], [1, 2]), "m", 1)).toThrow("series x: year 2020.5 is not an integer");
    expect(() => checkSeries(s([2019, 2020], [1, Infinity]), "m", 1)).toThrow(
      "series x: value for 2020 is not a finite number",
    );
    expect(() => checkSeries(s([2019, 2019], [1, 2]), "m", 1)).toThrow(
      "series x: years must be strictly increasing (2019 then 2019)",
    );
    expect(() => checkSeries(s([2019], [1, 2]), "m", 1)).toThrow(
      "series x: years and values must be arrays of the same length",
    );
    expect(() => checkSeries({ years: "2019", values: [1] } as never, "m", 1)).toThrow(InvalidSeriesError);
    expect(() => checkSeries({ years: [2019], values: "1" } as never, "m", 1)).toThrow(InvalidSeriesError);
  });
  it("refuses too few points with the model's minimum, 'point' in the singular for one", () => {
    const e = (() => {
      try {
        checkSeries({ name: "x", years: [2019], values: [1] }, "holt", 5);
      } catch (err) {
        return err as TooShortError;
      }
    })();
    expect(e).toBeInstanceOf(TooShortError);
    expect(e?.message).toBe("series x has 1 point; holt needs at least 5");
    expect(e?.name).toBe("TooShortError");
    expect(new InvalidSeriesError("linear", "m").name).toBe("InvalidSeriesError");
  });
  it("labels an unnamed series 'series'", () => {
    expect(seriesLabel(undefined)).toBe("series");
    expect(seriesLabel("")).toBe("series");
    expect(seriesLabel("rd")).toBe("series rd");
  });
  it("gapYears lists every missing year", () => {
    expect(gapYears([2010, 2011, 2014, 2016])).toEqual([2012, 2013, 2015]);
    expect(gapYears([2010, 2011])).toEqual([]);
  });
});

describe("leastSquaresLine", () => {
  it("refuses mismatched lengths, one point and equal years", () => {
    expect(() => leastSquaresLine([1, 2], [1])).toThrow("leastSquaresLine: x, z and w must have the same length");
    expect(() => leastSquaresLine([1, 2], [1, 2], [1])).toThrow(
      "leastSquaresLine: x, z and w must have the same length",
    );
    expect(() => leastSquaresLine([1], [1])).toThrow("leastSquaresLine: needs at least 2 points");
    expect(() => leastSquaresLine([3, 3], [1, 2])).toThrow("leastSquaresLine: the years must not all be equal");
  });
  it("two points: the line through them, df 0 and σ NaN", () => {
    const l = leastSquaresLine([2020, 2022], [1, 5]);
    expect(l.slope).toBe(2);
    expect(l.centre).toBe(2021);
    expect(l.df).toBe(0);
    expect(l.sigma).toBeNaN();
  });
  it("weighted: hand-computed centre, level, sums and prediction se (w = 1, 1, 2)", () => {
    // x = 0, 1, 2; z = 0, 2, 1; W = 4; x̄ = (0 + 1 + 4)/4 = 1.25; z̄ = (0 + 2 + 2)/4 = 1
    // Sxx = 1.5625 + 0.0625 + 2·0.5625 = 2.75; Sxz = (−1.25)(−1) + (−0.25)(1) + 2(0.75)(0) = 1 → b = 4/11
    const l = leastSquaresLine([0, 1, 2], [0, 2, 1], [1, 1, 2]);
    expect(l.sumWeights).toBe(4);
    expect(l.centre).toBeCloseTo(1.25, 14);
    expect(l.level).toBeCloseTo(1, 14);
    expect(l.sxx).toBeCloseTo(2.75, 14);
    expect(l.slope).toBeCloseTo(4 / 11, 14);
    const e = [0, 1, 2].map((x, i) => [0, 2, 1][i] - (1 + (4 / 11) * (x - 1.25)));
    expect(l.residuals.map((r, i) => r - e[i]).every((d) => Math.abs(d) < 1e-14)).toBe(true);
    const sse = e[0] ** 2 + e[1] ** 2 + 2 * e[2] ** 2;
    expect(l.sse).toBeCloseTo(sse, 14);
    expect(l.sigma).toBeCloseTo(Math.sqrt(sse / 1), 14);
    expect(l.predictionSe(3, 2)).toBeCloseTo(Math.sqrt(sse) * Math.sqrt(1 / 2 + 1 / 4 + 1.75 ** 2 / 2.75), 14);
    expect(l.predictionSe(3)).toBeCloseTo(Math.sqrt(sse) * Math.sqrt(1 + 1 / 4 + 1.75 ** 2 / 2.75), 14);
    expect(l.predict(3)).toBeCloseTo(1 + (4 / 11) * 1.75, 14);
  });
});

describe("random walks, the combination's guard, intervals and variances: refusals", () => {
  it("say what is missing", () => {
    expect(() => naiveForecast([], 1)).toThrow("naiveForecast: empty series");
    expect(() => driftForecast([5], 1)).toThrow("driftForecast: needs at least 2 points");
    expect(driftForecast([5, 9], 2)).toEqual([13, 17]);
    expect(() => combinedForecast([5], 1, "identity")).toThrow("combinedForecast: needs at least 2 points");
    expect(() => checkLevel(100)).toThrow("interval level must be a percentage in (0, 100), got 100");
    expect(() => checkLevel(0)).toThrow("interval level must be a percentage in (0, 100), got 0");
    expect(() => etsForecastVariance(0, 1, 0.5, 0.1, 1)).toThrow(
      "etsForecastVariance: h must be an integer ≥ 1, got 0",
    );
    expect(() => etsForecastVariance(1.5, 1, 0.5, 0.1, 1)).toThrow(RangeError);
  });
  it("etsForecastVariance is the file's example: 1 + 0.6² + 0.7² = 1.85 (and σ² one step ahead)", () => {
    expect(etsForecastVariance(3, 1, 0.5, 0.1, 1)).toBeCloseTo(1.85, 14);
    expect(etsForecastVariance(1, 2.5, 0.5, 0.1, 0.9)).toBe(2.5);
    // damped: φ_1 = 0.5, φ_2 = 0.75 → c = 0.55, 0.575
    expect(etsForecastVariance(3, 2, 0.5, 0.1, 0.5)).toBeCloseTo(2 * (1 + 0.55 ** 2 + 0.575 ** 2), 14);
  });
  it("intervalsFromDistribution: mean ± q sd on the working scale, back-transformed", () => {
    const pts = intervalsFromDistribution(
      { model: "linear", transform: "exp", back: Math.exp, points: [{ year: 2025, mean: 1, sd: 0.5, df: Infinity }] },
      95,
    );
    expect(pts[0].year).toBe(2025);
    expect(pts[0].mean).toBeCloseTo(Math.E, 14);
    expect(pts[0].lower).toBeCloseTo(Math.exp(1 - 1.959963984540054 * 0.5), 12);
    expect(pts[0].upper).toBeCloseTo(Math.exp(1 + 1.959963984540054 * 0.5), 12);
  });
});

describe("transforms, working scales and the model registry", () => {
  it("maps to and from each working scale (hand-computed)", () => {
    expect(TRANSFORMS.exp.forward(Math.E)).toBeCloseTo(1, 15);
    expect(TRANSFORMS.exp.back(0)).toBe(1);
    expect(TRANSFORMS.logistic100.forward(75)).toBeCloseTo(Math.log(3), 15);
    expect(TRANSFORMS.logistic100.back(Math.log(3))).toBeCloseTo(75, 12);
    expect(TRANSFORMS.logistic100.back(-Math.log(3))).toBeCloseTo(25, 12);
    expect(TRANSFORMS.logistic100.back(0)).toBe(50);
    expect(TRANSFORMS.logistic100.back(-800)).toBe(0);
    expect(TRANSFORMS.logistic100.back(800)).toBe(100);
    expect(TRANSFORMS.identity.back(-3)).toBe(-3);
  });
  it("picks the logit only for shares strictly inside (0, 100), the log only for positive series", () => {
    expect(workingScale([10, 50, 99], true)).toBe("logistic100");
    expect(workingScale([10, 50, 100], true)).toBe("exp");
    expect(workingScale([0, 50], true)).toBe("identity");
    expect(workingScale([10, 50, 99], false)).toBe("exp");
    expect(workingScale([10, -1], false)).toBe("identity");
  });
  it("knows the six named models and nothing else", () => {
    expect(Object.keys(MODELS)).toEqual(["linear", "loglinear", "holt", "holt-damped", "logit", "weighted"]);
    expect(isModelName("holt-damped")).toBe(true);
    expect(isModelName("toString")).toBe(false);
    expect(isModelName("ets")).toBe(false);
  });
});
