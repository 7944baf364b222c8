/** evaluate.ts: peers, ties at the Brier thresholds, the MASE scale, interval coverage and a custom reference class. */
import { describe, expect, it } from "vitest";
import { brier, intervalScore, naiveScale, smape } from "../../src/forecast/accuracy.js";
import { calibratedForecast } from "../../src/forecast/calibrated.js";
import {
  type EvaluationSeries,
  evaluateForecasts,
  type PeerForecast,
  reliabilityBins,
} from "../../src/forecast/evaluate.js";
import type { ReferenceClassTable } from "../../src/forecast/reference-class.js";
import { REFERENCE_CLASS } from "../../src/forecast/reference-class-table.js";

/** A peer that knew the outcome: mean = every bound = the actual. */
function oracle(data: EvaluationSeries[], method = "oracle"): PeerForecast[] {
  return data.flatMap((s) =>
    s.test.map((y, i) => ({ method, series: s.series, h: i + 1, mean: y, lo80: y, hi80: y, lo90: y, hi90: y })),
  );
}

const byName = (r: ReturnType<typeof evaluateForecasts>, method: string) => {
  const m = r.methods.find((x) => x.method === method);
  if (!m) throw new Error(`no method ${method} in ${r.methods.map((x) => x.method).join(", ")}`);
  return m;
};

describe("evaluateForecasts: the Brier events at their thresholds", () => {
  it("a last test value equal to the last training value meets the 1.00 threshold, and a zero-width peer at it says P = 1", () => {
    // last training 20, last test 20: the events are 20 ≥ 20 (true), 20 ≥ 23, 20 ≥ 26 (false).
    // The oracle's interval has zero width at 20, so its P is 1, 0, 0: Brier 0.
    const data: EvaluationSeries[] = [{ series: "flat end", train: [14, 16, 18, 20], test: [22, 20] }];
    const r = evaluateForecasts(data, { peers: oracle(data) });
    expect(byName(r, "oracle").brier).toBe(0);
  });
});

describe("evaluateForecasts: peers", () => {
  const data: EvaluationSeries[] = [
    { series: "A", train: [10, 12, 14, 16], test: [18, 20] },
    { series: "B", train: [100, 96, 99, 103, 101, 104], test: [106, 105, 109] },
  ];

  it("skips a series a peer has no rows for, listing every missing horizon", () => {
    const onlyA = oracle(data).filter((p) => p.series === "A");
    const r = evaluateForecasts(data, { peers: onlyA });
    expect(r.skipped).toEqual([{ series: "B", reason: "oracle: no forecast for h = 1, 2, 3" }]);
    for (const m of r.methods) expect(m.series).toBe(1);
  });

  it("scores a peer called naive apart from targetcast's no-change forecast, as 'naive (peer)'", () => {
    const alone = evaluateForecasts(data);
    const r = evaluateForecasts(data, { peers: oracle(data, "naive") });
    expect(r.methods.map((m) => m.method)).toEqual(["targetcast", "naive", "naive (peer)"]);
    expect(byName(r, "naive")).toEqual(byName(alone, "naive"));
    expect(byName(r, "naive (peer)").smape).toBe(0);
    expect(byName(r, "naive (peer)").series).toBe(2);
  });
});

describe("evaluateForecasts: the MASE scale and the interval coverage", () => {
  it("leaves a series with no yearly change out of MASE and MSIS (scale 0), but not out of sMAPE", () => {
    const moving: EvaluationSeries = { series: "A", train: [10, 12, 14, 16], test: [18, 20] };
    const flat: EvaluationSeries = { series: "flat", train: [5, 5, 5, 5], test: [5, 6] };
    const one = byName(evaluateForecasts([moving]), "naive");
    const both = byName(evaluateForecasts([moving, flat]), "naive");
    expect(naiveScale(flat.train)).toBe(0);
    expect(both.mase).toBeCloseTo(one.mase, 12);
    expect(both.msis).toBeCloseTo(one.msis, 12);
    expect(both.forecasts).toBe(4);
    // sMAPE of the no-change 5 against 5 and 6: 0 and 200 / 11
    expect(both.smape).toBeCloseTo((one.smape * 2 + 0 + 200 / 11) / 4, 12);
  });

  it("counts a test value below the interval and one above it as outside, at 80% and at 90%", () => {
    // naive intervals around 16 and 104 are a few units wide; −100 is below, 1000 above
    const data: EvaluationSeries[] = [
      { series: "low", train: [10, 12, 14, 16], test: [-100] },
      { series: "high", train: [100, 96, 99, 103, 101, 104], test: [1000] },
    ];
    const n = byName(evaluateForecasts(data), "naive");
    expect(n.cov80).toBe(0);
    expect(n.cov90).toBe(0);
  });
});

describe("evaluateForecasts with a reference class of its own", () => {
  /** The shipped class with every quantile tripled: the same cells, wider intervals. */
  const wider = (): ReferenceClassTable => ({
    ...REFERENCE_CLASS,
    source: "test: the shipped class × 3",
    quantiles: REFERENCE_CLASS.quantiles.map((a) => a.map((b) => b.map((row) => row.map((q) => 3 * q)))),
  });

  it("scores targetcast's 90% interval from that class (MSIS recomputed from calibratedForecast) and names it", () => {
    const table = wider();
    const s: EvaluationSeries = { series: "B", train: [100, 96, 99, 103, 101, 104], test: [106, 105, 120] };
    const r = evaluateForecasts([s], { table });
    expect(r.referenceClass).toBe("test: the shipped class × 3");
    const f = calibratedForecast({ name: "B", years: [1, 2, 3, 4, 5, 6], values: s.train }, { horizon: 3, table });
    const scale = naiveScale(s.train)!;
    const msis =
      s.test.reduce((a, y, i) => a + intervalScore(f.quantile(i + 1, 0.05), f.quantile(i + 1, 0.95), y, 0.1), 0) /
      scale /
      3;
    const t = byName(r, "targetcast");
    expect(t.msis).toBeCloseTo(msis, 10);
    const shipped = byName(evaluateForecasts([s]), "targetcast");
    expect(t.msis).not.toBeCloseTo(shipped.msis, 3);
  });

  it("`last` with training years forecasts from the last N years and values", () => {
    const s: EvaluationSeries = {
      series: "Y",
      train: [40, 41, 44, 50, 52, 55, 57],
      test: [60],
      trainYears: [2000, 2001, 2002, 2010, 2011, 2012, 2013],
    };
    const r = evaluateForecasts([s], { last: 5 });
    // the last 5 years are 2002, 2010, …, 2013: a gap before 2010 leaves the last 4
    const f = calibratedForecast(
      { name: "Y", years: [2002, 2010, 2011, 2012, 2013], values: [44, 50, 52, 55, 57] },
      { horizon: 1 },
    );
    expect(f.used.values).toEqual([50, 52, 55, 57]);
    expect(byName(r, "targetcast").smape).toBeCloseTo(smape(f.median[0], 60), 12);
    expect(r.skipped).toEqual([]);
  });
});

describe("reliabilityBins", () => {
  it("leaves out probabilities above 1 (no bin holds them)", () => {
    expect(reliabilityBins([1.5, 0.95], [true, false])).toEqual([
      { from: 0.9, to: 1, stated: 0.95, observed: 0, events: 1 },
    ]);
    expect(brier([0.95], [false])).toBeCloseTo(0.9025, 14);
  });
});
