import { describe, expect, it } from "vitest";
import { autoSelect, backtest, MODEL_NAMES } from "../../src/forecast/index.js";

const years = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("autoSelect", () => {
  it("chooses the lowest MASE among models backtested on the same origins", () => {
    const s = { name: "demo", years: years(2008, 12), values: [1.2, 1.35, 1.5, 1.7, 1.88, 2.1, 2.31, 2.6, 2.85, 3.2, 3.5, 3.95] };
    const r = autoSelect(s, { horizon: 3, level: 80 });
    const ranked = r.models.filter((m) => m.ranked);
    expect(ranked.length).toBeGreaterThan(1);
    // all ranked models were scored on the same comparisons
    expect(new Set(ranked.map((m) => m.scores!.n)).size).toBe(1);
    const best = Math.min(...ranked.map((m) => m.scores!.mase!));
    expect(r.models.find((m) => m.name === r.chosen)!.scores!.mase).toBe(best);
    expect(r.backtestFrom).toBe(5); // the holt models need 5 points
    expect(r.reason).toContain("lowest backtest MASE");
    // the chosen model's scores equal a direct backtest from the same origin
    const direct = backtest(s, r.chosen!, { horizon: 3, level: 80, minTrain: 5 });
    expect(r.models.find((m) => m.name === r.chosen)!.scores).toEqual(direct.scores);
    // forecasts for the three years after the last observation
    expect(r.models.find((m) => m.name === r.chosen)!.forecasts.map((f) => f.year)).toEqual([2020, 2021, 2022]);
  });

  it("considers logit only for shares (bounded0to100)", () => {
    const s = { years: years(2012, 8), values: [20, 24, 29, 33, 38, 44, 49, 53] };
    const plain = autoSelect(s, { horizon: 2, level: 80 });
    expect(plain.models.find((m) => m.name === "logit")!.error).toContain("bounded0to100");
    const share = autoSelect(s, { horizon: 2, level: 80, bounded0to100: true });
    expect(share.models.find((m) => m.name === "logit")!.error).toBeUndefined();
    expect(share.models.find((m) => m.name === "logit")!.ranked).toBe(true);
    const at100 = autoSelect({ years: years(2012, 6), values: [90, 95, 98, 99, 100, 100] }, { horizon: 2, level: 80, bounded0to100: true });
    expect(at100.models.find((m) => m.name === "logit")!.error).toContain("strictly between 0 and 100");
  });

  it("two points: every model says why it is skipped; nothing is chosen", () => {
    const r = autoSelect({ name: "short", years: [2019, 2020], values: [1, 2] }, { horizon: 3, level: 80, bounded0to100: true });
    expect(r.chosen).toBeNull();
    expect(Object.fromEntries(r.models.map((m) => [m.name, m.error]))).toEqual({
      linear: "series short has 2 points; linear needs at least 3",
      loglinear: "series short has 2 points; loglinear needs at least 3",
      holt: "series short has 2 points; holt needs at least 5",
      "holt-damped": "series short has 2 points; holt-damped needs at least 5",
      logit: "series short has 2 points; logit needs at least 3",
      weighted: "series short has 2 points; weighted needs at least 3",
    });
    expect(r.reason).toContain("no candidate model could be fitted");
  });

  it("three points: regressions fit, holt refuses, no backtest → fallback loglinear (positive series)", () => {
    const r = autoSelect({ name: "three", years: [2018, 2019, 2020], values: [1, 1.5, 2.1] }, { horizon: 3, level: 80 });
    expect(r.chosen).toBe("loglinear");
    expect(r.reason).toContain("insufficient backtest");
    expect(r.models.find((m) => m.name === "holt")!.error).toBe("series three has 3 points; holt needs at least 5");
    expect(r.models.find((m) => m.name === "linear")!.note).toContain("gives 0 comparisons");
    expect(r.models.find((m) => m.name === "linear")!.forecasts).toHaveLength(3);
  });

  it("falls back to linear when a value is ≤ 0", () => {
    const r = autoSelect({ years: [2018, 2019, 2020], values: [-1, 0.5, 2] }, { horizon: 2, level: 80 });
    expect(r.chosen).toBe("linear");
    expect(r.models.find((m) => m.name === "loglinear")!.error).toContain("needs values > 0");
  });

  it("series with gaps: holt models say which years are missing; regressions are ranked", () => {
    const s = { years: [2008, 2009, 2011, 2012, 2013, 2015, 2016, 2017], values: [3, 3.4, 4.1, 4.6, 4.9, 5.8, 6.1, 6.6] };
    const r = autoSelect(s, { horizon: 2, level: 80 });
    expect(r.models.find((m) => m.name === "holt")!.error).toContain("2010, 2014 are missing");
    expect(r.backtestFrom).toBe(3);
    expect(["linear", "loglinear", "weighted"]).toContain(r.chosen);
  });

  it("ties go to the fallback order (exactly linear series: linear, holt and weighted all have MASE 0)", () => {
    const r = autoSelect({ years: years(2010, 8), values: [2, 4, 6, 8, 10, 12, 14, 16] }, { horizon: 2, level: 80 });
    expect(r.models.find((m) => m.name === "holt")!.scores!.mase).toBeCloseTo(0, 12);
    expect(r.chosen).toBe("linear");
    expect(r.reason).toContain("tied");
  });

  it("flat series: no NaN anywhere, MASE undefined → fallback", () => {
    const r = autoSelect({ years: years(2010, 8), values: Array(8).fill(42) }, { horizon: 3, level: 95, bounded0to100: true });
    expect(r.chosen).toBe("loglinear");
    for (const m of r.models) {
      expect(m.error).toBeUndefined();
      for (const f of m.forecasts) for (const v of [f.mean, f.lower, f.upper]) expect(v).toBeCloseTo(42, 9);
      for (const v of Object.values(m.params!)) expect(Number.isNaN(v)).toBe(false);
      expect(m.scores!.mae).toBeCloseTo(0, 12);
      expect(m.scores!.mase).toBeNull();
    }
  });

  it("respects the candidate list and rejects unknown names", () => {
    const r = autoSelect({ years: years(2010, 6), values: [1, 2, 3, 4, 5, 7] }, { horizon: 1, level: 80, candidates: ["weighted", "linear"] });
    expect(r.models.map((m) => m.name)).toEqual(["weighted", "linear"]);
    expect(() => autoSelect({ years: [2010], values: [1] }, { horizon: 1, level: 80, candidates: ["arima" as never] })).toThrow("unknown model");
    expect(MODEL_NAMES).toHaveLength(6);
  });
});
