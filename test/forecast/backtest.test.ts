import { describe, expect, it } from "vitest";
import { backtest, countComparisons, studentTQuantile } from "../../src/forecast/index.js";
import { linear } from "../../src/forecast/linear.js";

describe("backtest (rolling origin)", () => {
  /*
   * Hand-computed example: linear model, series 2001–2005 = 1, 3, 4, 6, 9, horizon H = 2, level 80.
   *
   * Origin 2003 (train 1, 3, 4; k = 3):
   *   x̄ = 2002, z̄ = 8/3, Sxz = (−1)(1 − 8/3) + (1)(4 − 8/3) = 5/3 + 4/3 = 3, Sxx = 2 → slope 1.5
   *   2004: 8/3 + 2·1.5 = 17/6·2 = 17/3 ≈ 5.6667, actual 6, |e| = 1/3
   *   2005: 8/3 + 3·1.5 = 43/6 ≈ 7.1667, actual 9, |e| = 11/6
   *   naive scale (|3 − 1| + |4 − 3|)/2 = 1.5
   *   residuals −1/6, 1/3, −1/6 → SSE 1/6, df 1, σ = √(1/6); t(0.9, 1) = 3.0777
   *   2004: se = σ√(1 + 1/3 + 4/2) = 0.7454, interval 17/3 ± 2.2940 = [3.373, 7.961] ∋ 6
   *   2005: se = σ√(1 + 1/3 + 9/2) = 0.9860, interval 43/6 ± 3.0346 = [4.132, 10.201] ∋ 9
   * Origin 2004 (train 1, 3, 4, 6; k = 4):
   *   x̄ = 2002.5, z̄ = 3.5, Sxz = 3.75 + 0.25 + 0.25 + 3.75 = 8, Sxx = 5 → slope 1.6
   *   2005: 3.5 + 2.5·1.6 = 7.5, actual 9, |e| = 1.5
   *   naive scale (2 + 1 + 2)/3 = 5/3
   *   residuals −0.1, 0.3, −0.3, 0.1 → SSE 0.2, df 2, σ = √0.1; t(0.9, 2) = 1.8856
   *   2005: se = σ√(1 + 1/4 + 2.5²/5) = σ√2.5 = 0.5, interval 7.5 ± 0.9428 = [6.557, 8.443] ∌ 9
   * Pooled (3 comparisons):
   *   MAE  = (1/3 + 11/6 + 3/2)/3 = (22/6)/3 = 11/9 ≈ 1.2222
   *   MAPE = 100·((1/3)/6 + (11/6)/9 + 1.5/9)/3 = 100·(3/54 + 11/54 + 9/54)/3 = 2300/162 ≈ 14.198 %
   *   MASE = ((1/3)/1.5 + (11/6)/1.5 + 1.5/(5/3))/3 = (2/9 + 11/9 + 9/10)/3 = (211/90)/3 = 211/270 ≈ 0.7815
   *   coverage = 2/3
   * By horizon: h = 1 → errors 1/3 (2004) and 1.5 (2005): MAE 11/12; h = 2 → 11/6.
   */
  const series = { years: [2001, 2002, 2003, 2004, 2005], values: [1, 3, 4, 6, 9] };
  // Run inside each test (a mutant is active only while a test body runs).
  const run = () => backtest(series, "linear", { horizon: 2, level: 80 });

  it("makes the hand-computed forecasts", () => {
    const bt = run();
    expect(bt.forecasts.map((f) => [f.origin, f.year, f.h])).toEqual([
      [2003, 2004, 1],
      [2003, 2005, 2],
      [2004, 2005, 1],
    ]);
    expect(bt.forecasts[0].mean).toBeCloseTo(17 / 3, 12);
    expect(bt.forecasts[1].mean).toBeCloseTo(43 / 6, 12);
    expect(bt.forecasts[2].mean).toBeCloseTo(7.5, 12);
    expect(bt.forecasts.map((f) => f.scale)).toEqual([1.5, 1.5, 5 / 3]);
    const hw = 7.5 - bt.forecasts[2].lower;
    expect(hw).toBeCloseTo(studentTQuantile(0.9, 2) * 0.5, 12);
  });

  it("pools the hand-computed scores", () => {
    const bt = run();
    expect(bt.scores.n).toBe(3);
    expect(bt.scores.origins).toBe(2);
    expect(bt.scores.mae).toBeCloseTo(11 / 9, 12);
    expect(bt.scores.mape).toBeCloseTo(2300 / 162, 10);
    expect(bt.scores.mase).toBeCloseTo(211 / 270, 12);
    expect(bt.scores.coverage).toBeCloseTo(2 / 3, 14);
    expect(bt.byHorizon[0].mae).toBeCloseTo(11 / 12, 12);
    expect(bt.byHorizon[1].mae).toBeCloseTo(11 / 6, 12);
    expect(bt.failures).toEqual([]);
  });

  it("counts comparisons from the years alone, skipping unobserved target years", () => {
    expect(countComparisons(series.years, 3, 2)).toBe(3);
    expect(countComparisons([2001, 2002, 2003, 2004, 2005], 3, 3)).toBe(3);
    // 2001, 2002, 2003, 2006: origin 2003 → 2006 is h = 3, outside H = 2
    expect(countComparisons([2001, 2002, 2003, 2006], 3, 2)).toBe(0);
    expect(countComparisons([2001, 2002, 2003, 2006], 3, 3)).toBe(1);
  });

  it("records origins the model refuses (holt and a gap)", () => {
    const s = { years: [2001, 2002, 2003, 2004, 2005, 2007, 2008, 2009], values: [1, 2, 3, 4, 5, 7, 8, 9] };
    const r = backtest(s, "holt", { horizon: 3 });
    expect(r.forecasts.filter((f) => f.origin === 2005).length).toBe(2); // 2007, 2008
    expect(r.failures.map((f) => f.origin)).toEqual([2007, 2008]);
    expect(r.failures[0].message).toContain("2006 is missing");
  });

  it("has no comparisons and null scores when the series is too short", () => {
    const r = backtest({ years: [2001, 2002, 2003], values: [1, 2, 3] }, "linear");
    expect(r.scores).toMatchObject({ n: 0, mae: null, mase: null, coverage: null });
  });

  it("records each comparison's actual, training size and interval, and scores each horizon apart", () => {
    const bt = run();
    expect(bt.forecasts.map((f) => [f.trainSize, f.actual])).toEqual([
      [3, 6],
      [3, 9],
      [4, 9],
    ]);
    expect(bt.forecasts[2].upper - 7.5).toBeCloseTo(studentTQuantile(0.9, 2) * 0.5, 12);
    expect(bt.byHorizon.map((b) => [b.h, b.n, b.origins, b.level])).toEqual([
      [1, 2, 2, 80],
      [2, 1, 1, 80],
    ]);
    // h = 1: 2004 inside [3.373, 7.961], 2005 outside [6.557, 8.443]; h = 2: 2005 inside [4.132, 10.201]
    expect(bt.byHorizon.map((b) => b.coverage)).toEqual([0.5, 1]);
    expect(bt.byHorizon[1].mase).toBeCloseTo(11 / 6 / 1.5, 12);
    expect(bt.byHorizon[0].mape).toBeCloseTo((100 * (1 / 3 / 6 + 1.5 / 9)) / 2, 10);
  });

  it("takes a model object as well as a name", () => {
    expect(backtest(series, linear, { horizon: 2 }).scores).toEqual(run().scores);
  });

  it("starts at minTrain when it is above the model's minimum, and never below the minimum", () => {
    expect(backtest(series, "linear", { horizon: 2, minTrain: 4 }).forecasts.map((f) => f.origin)).toEqual([2004]);
    const low = backtest(series, "linear", { horizon: 2, minTrain: 1 });
    expect(low.failures).toEqual([]);
    expect([...new Set(low.forecasts.map((f) => f.origin))]).toEqual([2003, 2004]);
  });

  it("counts h in calendar years across a gap", () => {
    const s = { years: [2001, 2002, 2003, 2005, 2006], values: [1, 2, 3, 5, 6] };
    const r = backtest(s, "linear", { horizon: 3 });
    expect(r.forecasts.map((f) => [f.origin, f.year, f.h])).toEqual([
      [2003, 2005, 2],
      [2003, 2006, 3],
      [2005, 2006, 1],
    ]);
    expect(r.byHorizon.map((b) => b.n)).toEqual([1, 1, 1]);
  });

  it("does not fit, nor record a failure, at an origin with no observed year within the horizon", () => {
    // origin 2008 (after a gap, which holt refuses) has nothing within 3 years: it is skipped, not a failure
    const s = { years: [2001, 2002, 2003, 2004, 2005, 2007, 2008, 2020], values: [1, 2, 3, 4, 5, 7, 8, 20] };
    const r = backtest(s, "holt", { horizon: 3 });
    expect(r.failures.map((f) => f.origin)).toEqual([2007]);
    expect(r.forecasts.map((f) => f.year)).toEqual([2007, 2008]);
  });

  it("refuses a horizon that is not a whole number of years ≥ 1, and accepts 1", () => {
    expect(() => backtest(series, "linear", { horizon: 0 })).toThrow("backtest: horizon must be an integer ≥ 1, got 0");
    expect(() => backtest(series, "linear", { horizon: 1.5 })).toThrow(
      "backtest: horizon must be an integer ≥ 1, got 1.5",
    );
    expect(backtest(series, "linear", { horizon: 1 }).forecasts.map((f) => f.h)).toEqual([1, 1]);
  });
});
