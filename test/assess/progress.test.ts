/**
 * Worked examples for the two history-based progress measures (src/assess/openSdg.ts,
 * src/assess/progressShare.ts; definitions in ../shared/notes/methods.md), the status
 * thresholds, CAGR, Spearman's ρ and the quantile definition.
 */
import { describe, expect, it } from "vitest";
import { categoryOf, growthRatio } from "../../src/assess/openSdg.js";
import { progressShare } from "../../src/assess/progressShare.js";
import { DEFAULT_THRESHOLDS, statusFromProbability } from "../../src/assess/status.js";
import { cagr } from "../../src/stats/cagr.js";
import { quantileSorted, summarise } from "../../src/stats/quantiles.js";
import { pearson, ranks, spearman } from "../../src/stats/spearman.js";

function close(actual: number | null, expected: number, rel = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe("Open SDG growth ratio and UN progress share", () => {
  it("higher is better: R&D intensity 1.5% (2009) → 1.8% (2013), target ≥ 2.5% in 2015", () => {
    const x = {
      baseYear: 2009,
      baseValue: 1.5,
      currentYear: 2013,
      currentValue: 1.8,
      targetYear: 2015,
      target: 2.5,
      comparator: ">=" as const,
    };
    // g_o = (1.8 / 1.5)^(1/4) − 1 = 1.2^0.25 − 1 ≈ 0.0466351
    // g_r = (2.5 / 1.5)^(1/6) − 1 ≈ 0.0888669
    // R = +1 · +1 · g_o / |g_r| ≈ 0.524775 → 0 ≤ R < 0.6: limited
    const go = Math.pow(1.8 / 1.5, 1 / 4) - 1;
    const gr = Math.pow(2.5 / 1.5, 1 / 6) - 1;
    const g = growthRatio(x);
    close(g.ratio, go / gr);
    expect(g.ratio!).toBeCloseTo(0.524775, 6);
    expect(g.category).toBe("limited");
    // v̂_2015 = 1.8 · (1 + g_o)^2 ≈ 1.971801;  P = (1.971801 − 1.5) / (2.5 − 1.5) ≈ 0.471801 → fair progress
    const s = progressShare(x);
    close(s.projected, 1.8 * (1 + go) ** 2);
    close(s.share, (1.8 * (1 + go) ** 2 - 1.5) / (2.5 - 1.5));
    expect(s.share!).toBeCloseTo(0.471801, 6);
    expect(s.category).toBe("fair_progress");
  });

  it("lower is better: energy intensity 0.68 (2009) → 0.565 (2013), target ≤ 0.5 in 2015", () => {
    const x = {
      baseYear: 2009,
      baseValue: 0.68,
      currentYear: 2013,
      currentValue: 0.565,
      targetYear: 2015,
      target: 0.5,
      comparator: "<=" as const,
    };
    // g_o = (0.565 / 0.68)^(1/4) − 1 ≈ −0.0452605
    // g_r = (0.5 / 0.68)^(1/6) − 1 ≈ −0.0499564
    // R = +1 · (−1) · g_o / |g_r| ≈ 0.905999 → 0.6 ≤ R < 0.95: moderate
    const go = Math.pow(0.565 / 0.68, 1 / 4) - 1;
    const gr = Math.pow(0.5 / 0.68, 1 / 6) - 1;
    const g = growthRatio(x);
    close(g.ratio, -go / Math.abs(gr));
    expect(g.ratio!).toBeCloseTo(0.905999, 6);
    expect(g.category).toBe("moderate");
    // v̂_2015 = 0.565 · (1 + g_o)^2 ≈ 0.515013;  P = (0.515013 − 0.68) / (0.5 − 0.68) ≈ 0.916594 → fair progress
    const s = progressShare(x);
    close(s.projected, 0.565 * (1 + go) ** 2);
    expect(s.projected!).toBeCloseTo(0.515013, 6);
    expect(s.share!).toBeCloseTo(0.916594, 6);
    expect(s.category).toBe("fair_progress");
  });

  it("a share near 100%: 97% (2009) → 99.2% (2013), target ≥ 99.5% in 2015", () => {
    const x = {
      baseYear: 2009,
      baseValue: 97,
      currentYear: 2013,
      currentValue: 99.2,
      targetYear: 2015,
      target: 99.5,
      comparator: ">=" as const,
    };
    // g_o = (99.2 / 97)^(1/4) − 1 ≈ 0.00562251;  g_r = (99.5 / 97)^(1/6) − 1 ≈ 0.00425012
    // R ≈ 1.322906 → substantial
    const g = growthRatio(x);
    expect(g.ratio!).toBeCloseTo(1.322906, 6);
    expect(g.category).toBe("substantial");
    // v̂_2015 = 99.2 · (1 + g_o)^2 ≈ 100.3186 (the method extrapolates past 100: it has no cap)
    // P = (100.3186 − 97) / (99.5 − 97) ≈ 1.327456 → on track
    const s = progressShare(x);
    expect(s.projected!).toBeCloseTo(100.318641, 5);
    expect(s.share!).toBeCloseTo(1.327456, 6);
    expect(s.category).toBe("on_track");
  });

  it("an already-met target is `achieved` (checked first), with no ratio or share", () => {
    const x = {
      baseYear: 2009,
      baseValue: 3,
      currentYear: 2013,
      currentValue: 6.2,
      targetYear: 2015,
      target: 6,
      comparator: ">=" as const,
    };
    expect(growthRatio(x)).toEqual({ ratio: null, category: "achieved" });
    expect(progressShare(x)).toEqual({ share: null, category: "achieved", projected: 6.2 });
    // lower is better, already below the ceiling
    const y = { ...x, baseValue: 0.7, currentValue: 0.45, target: 0.5, comparator: "<=" as const };
    expect(growthRatio(y).category).toBe("achieved");
    expect(progressShare(y).category).toBe("achieved");
    // strict comparator: equal is not met
    expect(growthRatio({ ...x, currentValue: 6, comparator: ">" }).category).not.toBe("achieved");
  });

  it("a zero base is replaced by 0.001 as in the Open SDG reference", () => {
    // National incubators: 0 (2009) → 2 (2013), target ≥ 3 in 2015
    const x = {
      baseYear: 2009,
      baseValue: 0,
      currentYear: 2013,
      currentValue: 2,
      targetYear: 2015,
      target: 3,
      comparator: ">=" as const,
    };
    // g_o = (2 / 0.001)^(1/4) − 1 = 2000^0.25 − 1 ≈ 5.687403
    // g_r = (3 / 0.001)^(1/6) − 1 = 3000^(1/6) − 1 ≈ 2.797696
    // R ≈ 2.032888 → substantial
    const g = growthRatio(x);
    close(g.ratio, (Math.pow(2000, 1 / 4) - 1) / (Math.pow(3000, 1 / 6) - 1), 1e-10);
    expect(g.ratio!).toBeCloseTo(2.032888, 6);
    expect(g.category).toBe("substantial");
    // The share needs a CAGR from the base, which is undefined from 0 (see cagr.ts).
    expect(progressShare(x)).toEqual({ share: null, category: "not_assessed", projected: null });
  });

  it("a negative base flips the sign: −10 → −8, target ≥ −5", () => {
    const x = {
      baseYear: 2009,
      baseValue: -10,
      currentYear: 2013,
      currentValue: -8,
      targetYear: 2015,
      target: -5,
      comparator: ">=" as const,
    };
    // g_o = (−8 / −10)^(1/4) − 1 ≈ −0.0542584;  g_r = (−5 / −10)^(1/6) − 1 ≈ −0.1091013
    // R = (−1) · (+1) · g_o / |g_r| ≈ 0.497321 → limited (moving the right way, too slowly)
    const g = growthRatio(x);
    expect(g.ratio!).toBeCloseTo(0.497321, 6);
    expect(g.category).toBe("limited");
  });

  it("moving away from the target is deterioration / regression", () => {
    const x = {
      baseYear: 2009,
      baseValue: 10,
      currentYear: 2013,
      currentValue: 8,
      targetYear: 2015,
      target: 12,
      comparator: ">=" as const,
    };
    // R = ((0.8)^(1/4) − 1) / ((1.2)^(1/6) − 1) ≈ −1.758592
    const g = growthRatio(x);
    expect(g.ratio!).toBeCloseTo(-1.758592, 6);
    expect(g.category).toBe("deterioration");
    const s = progressShare(x);
    expect(s.share!).toBeLessThan(0);
    expect(s.category).toBe("stagnation_or_regression");
  });

  it("base and current of opposite sign are not assessed", () => {
    const x = {
      baseYear: 2009,
      baseValue: -2,
      currentYear: 2013,
      currentValue: 3,
      targetYear: 2015,
      target: 5,
      comparator: ">=" as const,
    };
    expect(growthRatio(x)).toEqual({ ratio: null, category: "not_assessed" });
    expect(progressShare(x).category).toBe("not_assessed");
    // a target on the other side of zero from the base, too
    expect(growthRatio({ ...x, baseValue: 2, currentValue: 1, target: -1, comparator: "<=" }).category).toBe(
      "not_assessed",
    );
  });

  it("category boundaries: 0.95, 0.6, 0", () => {
    expect(categoryOf(0.95)).toBe("substantial");
    expect(categoryOf(0.9499999)).toBe("moderate");
    expect(categoryOf(0.6)).toBe("moderate");
    expect(categoryOf(0.5999999)).toBe("limited");
    expect(categoryOf(0)).toBe("limited");
    expect(categoryOf(-1e-9)).toBe("deterioration");
  });
});

describe("statusFromProbability", () => {
  it("uses 0.66 and 0.33 by default: on track at ≥ 0.66, off track below 0.33", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ onTrack: 0.66, offTrack: 0.33 });
    expect(statusFromProbability(1, false)).toBe("on_track");
    expect(statusFromProbability(0.66, false)).toBe("on_track");
    expect(statusFromProbability(0.6599, false)).toBe("at_risk");
    expect(statusFromProbability(0.5, false)).toBe("at_risk");
    // "P(met) below which a target is off track" (scenario schema): exactly 0.33 is at risk
    expect(statusFromProbability(0.33, false)).toBe("at_risk");
    expect(statusFromProbability(0.3299, false)).toBe("off_track");
    expect(statusFromProbability(0, false)).toBe("off_track");
  });

  it("already met wins, and scenario thresholds replace the defaults", () => {
    expect(statusFromProbability(0, true)).toBe("already_met");
    const t = { onTrack: 0.8, offTrack: 0.2 };
    expect(statusFromProbability(0.7, false, t)).toBe("at_risk");
    expect(statusFromProbability(0.8, false, t)).toBe("on_track");
    expect(statusFromProbability(0.25, false, t)).toBe("at_risk");
    expect(statusFromProbability(0.19, false, t)).toBe("off_track");
  });
});

describe("cagr", () => {
  it("is (v1 / v0)^(1 / (t1 − t0)) − 1", () => {
    close(cagr(121, 100, 2015, 2013), 0.1);
    close(cagr(81, 100, 2015, 2013), -0.1);
    close(cagr(0.565, 0.68, 2013, 2009), Math.pow(0.565 / 0.68, 0.25) - 1);
    close(cagr(-121, -100, 2015, 2013), 0.1); // same sign: the ratio is positive
    expect(cagr(100, 100, 2015, 2013)).toBe(0);
  });

  it("is null when the span is not positive or the ratio is not positive", () => {
    expect(cagr(121, 100, 2013, 2013)).toBeNull();
    expect(cagr(121, 100, 2012, 2013)).toBeNull();
    expect(cagr(121, 0, 2015, 2013)).toBeNull();
    expect(cagr(0, 100, 2015, 2013)).toBeNull();
    expect(cagr(-5, 100, 2015, 2013)).toBeNull();
  });
});

describe("spearman", () => {
  it("averages tied ranks and correlates the ranks", () => {
    const x = [1, 2, 2, 3, 4];
    const y = [2, 1, 4, 3, 5];
    // ranks(x) = [1, 2.5, 2.5, 4, 5]; ranks(y) = [2, 1, 4, 3, 5]; both means 3
    // dx = [−2, −0.5, −0.5, 1, 2]; dy = [−1, −2, 1, 0, 2]
    // Σ dx·dy = 2 + 1 − 0.5 + 0 + 4 = 6.5; Σ dx² = 9.5; Σ dy² = 10; ρ = 6.5 / √95 ≈ 0.666886
    expect(Array.from(ranks(x))).toEqual([1, 2.5, 2.5, 4, 5]);
    expect(Array.from(ranks(y))).toEqual([2, 1, 4, 3, 5]);
    close(spearman(x, y), 6.5 / Math.sqrt(95));
    expect(spearman(x, y)).toBeCloseTo(0.666886, 6);
  });

  it("ties on both sides, unsorted input, perfect and constant cases", () => {
    // x ranks: 30→4.5, 10→1.5, 20→3, 10→1.5, 30→4.5; y ranks: 5→3, 1→1, 5→3, 7→5, 5→3
    expect(Array.from(ranks([30, 10, 20, 10, 30]))).toEqual([4.5, 1.5, 3, 1.5, 4.5]);
    expect(Array.from(ranks([5, 1, 5, 7, 5]))).toEqual([3, 1, 3, 5, 3]);
    // dx = [1.5, −1.5, 0, −1.5, 1.5], dy = [0, −2, 0, 2, 0]: Σ dx·dy = 3 − 3 = 0
    expect(spearman([30, 10, 20, 10, 30], [5, 1, 5, 7, 5])).toBe(0);
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBe(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});

describe("quantileSorted", () => {
  it("matches numpy.quantile's default (linear, Hyndman–Fan 7)", () => {
    const a = Float64Array.from([1, 3, 4, 7, 10, 12]);
    // numpy.quantile([1, 3, 4, 7, 10, 12], q) for q = 0, .05, .1, .25, .5, .75, .9, .95, 1:
    // [1.0, 1.5, 2.0, 3.25, 5.5, 9.25, 11.0, 11.5, 12.0]
    const qs = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1];
    const numpy = [1.0, 1.5, 2.0, 3.25, 5.5, 9.25, 11.0, 11.5, 12.0];
    qs.forEach((q, i) => expect(quantileSorted(a, q)).toBeCloseTo(numpy[i], 12));
    expect(quantileSorted([42], 0.3)).toBe(42);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("summarise sorts a copy numerically and leaves the sample alone", () => {
    const sample = Float64Array.from([12, 1, 10, 3, 7, 4]);
    const { mean, quantiles } = summarise(sample, [0.25, 0.5, 0.75]);
    expect(mean).toBeCloseTo(37 / 6, 12);
    expect(quantiles).toEqual([3.25, 5.5, 9.25]);
    expect(Array.from(sample)).toEqual([12, 1, 10, 3, 7, 4]);
  });
});
