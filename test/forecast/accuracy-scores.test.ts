/** accuracy.ts (smape, intervalScore, brier) and evaluate.ts on hand-made data. */
import { describe, expect, it } from "vitest";
import { brier, intervalScore, smape } from "../../src/forecast/accuracy.js";
import { calibratedForecast } from "../../src/forecast/calibrated.js";
import {
  BRIER_THRESHOLDS,
  type EvaluationSeries,
  evaluateForecasts,
  type PeerForecast,
  reliabilityBins,
} from "../../src/forecast/evaluate.js";
import { normalQuantile } from "../../src/forecast/normal-quantile.js";

/** Standard normal CDF from the Taylor series of erf (accurate to ~1e-14 for |z| < 4). */
function phi(z: number): number {
  const x = z / Math.SQRT2;
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

describe("smape", () => {
  it("is 200 |A − F| / (|A| + |F|) (hand-computed)", () => {
    expect(smape(110, 100)).toBeCloseTo((200 * 10) / 210, 12);
    expect(smape(100, 110)).toBeCloseTo((200 * 10) / 210, 12);
    expect(smape(50, 100)).toBeCloseTo((200 * 50) / 150, 12);
    expect(smape(-10, 10)).toBe(200);
    expect(smape(7, 7)).toBe(0);
  });
  it("is 0 when both are 0 and 200 when one is", () => {
    expect(smape(0, 0)).toBe(0);
    expect(smape(5, 0)).toBe(200);
    expect(smape(0, 5)).toBe(200);
  });
});

describe("intervalScore", () => {
  it("inside: the width", () => {
    expect(intervalScore(0, 10, 4, 0.1)).toBe(10);
    expect(intervalScore(0, 10, 0, 0.1)).toBe(10);
    expect(intervalScore(0, 10, 10, 0.1)).toBe(10);
  });
  it("below: width + (2/α)(l − y)", () => {
    expect(intervalScore(0, 10, -2, 0.1)).toBeCloseTo(10 + 20 * 2, 12);
    expect(intervalScore(5, 6, 4, 0.5)).toBeCloseTo(1 + 4 * 1, 12);
  });
  it("above: width + (2/α)(y − u)", () => {
    expect(intervalScore(0, 10, 12, 0.1)).toBeCloseTo(50, 12);
    expect(intervalScore(0, 10, 12, 0.2)).toBeCloseTo(10 + 10 * 2, 12);
  });
});

describe("brier", () => {
  it("is the mean squared difference of probability and outcome (hand-computed)", () => {
    expect(brier([0.8, 0.3], [true, false])).toBeCloseTo(0.065, 14);
    expect(brier([1, 0], [true, false])).toBe(0);
    expect(brier([0, 1], [true, false])).toBe(1);
    expect(brier([0.5], [true])).toBe(0.25);
  });
  it("is null for no events and refuses arrays of different lengths", () => {
    expect(brier([], [])).toBeNull();
    expect(() => brier([0.5], [])).toThrow(RangeError);
  });
});

describe("reliabilityBins", () => {
  it("puts probabilities in ten bins [k/10, (k+1)/10), 1 in the last; empty bins left out", () => {
    const bins = reliabilityBins([0.05, 0.15, 0.1, 1, 0.95, 0.12], [false, true, false, true, true, true]);
    expect(bins.map((b) => [b.from, b.to, b.events])).toEqual([
      [0, 0.1, 1],
      [0.1, 0.2, 3],
      [0.9, 1, 2],
    ]);
    expect(bins[1].stated).toBeCloseTo((0.15 + 0.1 + 0.12) / 3, 14);
    expect(bins[1].observed).toBeCloseTo(2 / 3, 14);
    expect(bins[2].stated).toBeCloseTo(0.975, 14);
    expect(bins[2].observed).toBe(1);
    expect(bins[0].observed).toBe(0);
  });
});

describe("evaluateForecasts", () => {
  const data: EvaluationSeries[] = [
    { series: "A", train: [10, 12, 14, 16], test: [18, 20] },
    { series: "B", train: [100, 96, 99, 103, 101, 104], test: [106, 105, 109] },
    { series: "C", train: [5, 5.5, 5.2, 5.9, 6.3], test: [6.1] },
    { series: "short", train: [3, 4], test: [5, 6] },
  ];
  /** A peer that knew the outcome: mean = lower = upper = the actual. */
  const oracle: PeerForecast[] = data.flatMap((s) =>
    s.test.map((y, i) => ({
      method: "oracle",
      series: s.series,
      h: i + 1,
      mean: y,
      lo80: y,
      hi80: y,
      lo90: y,
      hi90: y,
    })),
  );

  it("scores a peer equal to the actuals perfectly: sMAPE 0, MASE 0, coverage 100, MSIS 0, Brier 0", () => {
    const r = evaluateForecasts(data, { peers: oracle });
    const o = r.methods.find((m) => m.method === "oracle")!;
    expect(o).toBeDefined();
    expect(o.smape).toBe(0);
    expect(o.mase).toBe(0);
    expect(o.cov80).toBe(100);
    expect(o.cov90).toBe(100);
    expect(o.msis).toBe(0);
    expect(o.brier).toBe(0);
  });

  it("lists the series with 2 training points as skipped, with the reason, and leaves it out of every method", () => {
    const r = evaluateForecasts(data, { peers: oracle });
    expect(r.series).toBe(4);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].series).toBe("short");
    expect(r.skipped[0].reason).toMatch(/has 2 points; .* needs at least 3/);
    expect(r.methods.map((m) => m.method)).toEqual(["targetcast", "naive", "oracle"]);
    for (const m of r.methods) {
      expect(m.series).toBe(3);
      expect(m.forecasts).toBe(2 + 3 + 1);
    }
  });

  it("skips a series a peer has no forecast for, naming the peer and the horizon", () => {
    const partial = oracle.filter((p) => !(p.series === "B" && p.h === 2));
    const r = evaluateForecasts(data, { peers: partial });
    expect(r.skipped.map((s) => s.series)).toEqual(["B", "short"]);
    expect(r.skipped[0].reason).toBe("oracle: no forecast for h = 2");
    for (const m of r.methods) expect(m.series).toBe(2);
  });

  it("scores the no-change forecast as hand-computed (series A)", () => {
    // naive: 16 for both years; |errors| 2, 4; MASE scale = mean |Δ| = 2; σ² = mean Δ² = 4
    const r = evaluateForecasts([data[0]]);
    const n = r.methods.find((m) => m.method === "naive")!;
    expect(n.smape).toBeCloseTo(((200 * 2) / 34 + (200 * 4) / 36) / 2, 12);
    expect(n.mase).toBeCloseTo((1 + 2) / 2, 12);
    // 80%: 16 ± 1.2816·2·√h → h = 1 [13.4, 18.6] holds 18; h = 2 [12.4, 19.6] misses 20
    expect(n.cov80).toBe(50);
    // 90%: 16 ± 1.6449·2·√h → h = 2 [11.3, 20.7] holds 20
    expect(n.cov90).toBe(100);
    const z95 = normalQuantile(0.95);
    expect(n.msis).toBeCloseTo((2 * z95 * 2 + 2 * z95 * 2 * Math.SQRT2) / 2 / 2, 10);
    // Brier: last test 20 vs 16, 18.4, 20.8 → events true, true, false; P from N(16, (2√2)²)
    const sd = 2 * Math.SQRT2;
    const p = [16, 18.4, 20.8].map((x) => 1 - phi((x - 16) / sd));
    expect(n.brier).toBeCloseTo(((p[0] - 1) ** 2 + (p[1] - 1) ** 2 + p[2] ** 2) / 3, 6);
    expect(BRIER_THRESHOLDS).toEqual([1, 1.15, 1.3]);
  });

  it("scores targetcast with calibratedForecast's point, quantiles and P(met)", () => {
    const s = data[1];
    const r = evaluateForecasts([s]);
    const t = r.methods.find((m) => m.method === "targetcast")!;
    const f = calibratedForecast(
      { name: s.series, years: s.train.map((_, i) => i + 1), values: s.train },
      { horizon: 3 },
    );
    const smapes = s.test.map((y, i) => smape(f.point[i], y));
    expect(t.smape).toBeCloseTo(smapes.reduce((a, b) => a + b, 0) / 3, 12);
    const scale = (4 + 3 + 4 + 2 + 3) / 5;
    expect(t.mase).toBeCloseTo(s.test.reduce((a, y, i) => a + Math.abs(f.point[i] - y), 0) / 3 / scale, 12);
    const in80 = s.test.filter((y, i) => y >= f.quantile(i + 1, 0.1) && y <= f.quantile(i + 1, 0.9)).length;
    expect(t.cov80).toBeCloseTo((100 * in80) / 3, 12);
    const last = s.train[s.train.length - 1];
    const pMet = BRIER_THRESHOLDS.map((c) => 1 - f.cdf(3, c * last));
    const events = BRIER_THRESHOLDS.map((c) => s.test[2] >= c * last);
    expect(t.brier).toBeCloseTo(brier(pMet, events)!, 12);
    expect(r.reliability.reduce((a, b) => a + b.events, 0)).toBe(3);
    expect(r.referenceClass).toBe("the shipped reference class");
  });

  it("`last` keeps the last N training values and takes the MASE scale on them", () => {
    const s: EvaluationSeries = { series: "L", train: [1, 2, 10, 12, 14], test: [15, 17] };
    const all = evaluateForecasts([s]);
    const last3 = evaluateForecasts([s], { last: 3 });
    expect(all.last).toBeNull();
    expect(last3.last).toBe(3);
    const naiveAll = all.methods.find((m) => m.method === "naive")!;
    const naive3 = last3.methods.find((m) => m.method === "naive")!;
    // naive = 14 either way; |errors| 1, 3; scale (1 + 8 + 2 + 2)/4 = 3.25 on all, (2 + 2)/2 = 2 on the last 3
    expect(naiveAll.mase).toBeCloseTo(2 / 3.25, 12);
    expect(naive3.mase).toBeCloseTo(2 / 2, 12);
    expect(naive3.smape).toBeCloseTo(naiveAll.smape, 12);
    // the last 2 is too few for targetcast: the series is skipped
    const last2 = evaluateForecasts([s], { last: 2 });
    expect(last2.skipped.map((x) => x.series)).toEqual(["L"]);
  });

  it("uses the training years when given (a gap before the last run shortens what targetcast sees)", () => {
    const s: EvaluationSeries = {
      series: "Y",
      train: [40, 41, 50, 52, 55, 57],
      test: [60],
      trainYears: [2000, 2001, 2010, 2011, 2012, 2013],
    };
    const r = evaluateForecasts([s]);
    const t = r.methods.find((m) => m.method === "targetcast")!;
    const f = calibratedForecast(
      { name: "Y", years: [2010, 2011, 2012, 2013], values: [50, 52, 55, 57] },
      { horizon: 1 },
    );
    expect(t.smape).toBeCloseTo(smape(f.point[0], 60), 12);
  });
});
