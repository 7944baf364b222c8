/**
 * The project's descriptive statistics and correlations against simple-statistics, the package the user
 * chose for them: where both do the same job they must agree. (The normal and Student-t quantiles stay the
 * project's own, being far more accurate; see src/forecast/normal-quantile.ts.)
 */
import * as ss from "simple-statistics";
import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/forecast/normal-quantile.js";
import { summarise } from "../../src/stats/quantiles.js";
import { pathRng } from "../../src/stats/rng.js";
import { standardNormal } from "../../src/stats/samplers.js";
import { pearson, ranks, spearman } from "../../src/stats/spearman.js";

/** A seeded sample with ties (values rounded to one decimal) and a monotone-plus-noise partner. */
function sample(seed: number, n: number): { x: number[]; y: number[] } {
  const rng = pathRng(seed, 1, 0, 0);
  const x = Array.from({ length: n }, () => Math.round(standardNormal(rng) * 10) / 10);
  const y = x.map((v) => Math.round((v * v * v + standardNormal(rng)) * 10) / 10);
  return { x, y };
}

describe("descriptive statistics and correlations agree with simple-statistics", () => {
  for (const seed of [1, 2, 3]) {
    const { x, y } = sample(seed, 400);
    it(`Spearman ρ with tied values equals sampleRankCorrelation (seed ${seed})`, () => {
      expect(spearman(x, y)).toBeCloseTo(ss.sampleRankCorrelation(x, y), 12);
    });
    it(`Pearson r equals sampleCorrelation (seed ${seed})`, () => {
      expect(pearson(x, y)).toBeCloseTo(ss.sampleCorrelation(x, y), 12);
    });
    it(`mean ranks: their sum is n(n+1)/2 and they sort like the values (seed ${seed})`, () => {
      const r = ranks(x);
      expect(ss.sum(Array.from(r))).toBeCloseTo((x.length * (x.length + 1)) / 2, 9);
      expect(ss.sampleRankCorrelation(Array.from(r), x)).toBeCloseTo(1, 12);
    });
    it(`summarise's mean and median equal simple-statistics' mean and median (seed ${seed})`, () => {
      const s = summarise(Float64Array.from(y), [0.5]);
      expect(s.mean).toBeCloseTo(ss.mean(y), 12);
      expect(s.quantiles[0]).toBe(ss.median(y));
    });
  }

  it("the project's normal quantile is far closer to the 40-digit value than simple-statistics' probit", () => {
    const exact = 1.959963984540054235524594430520551527955; // Φ⁻¹(0.975), mpmath
    expect(Math.abs(normalQuantile(0.975) - exact)).toBeLessThan(1e-15);
    expect(Math.abs(ss.probit(0.975) - exact)).toBeGreaterThan(1e-4);
  });
});

describe("ranks against their definition", () => {
  // rank_i = 1 + #{x_j < x_i} + (#{x_j = x_i} − 1) / 2, counted by brute force.
  const byDefinition = (x: number[]) =>
    x.map((v) => 1 + x.filter((w) => w < v).length + (x.filter((w) => w === v).length - 1) / 2);
  for (const n of [1, 2, 15, 16, 17, 33, 100, 257]) {
    it(`n = ${n}, many ties, across insertion runs and merges`, () => {
      const x = Array.from({ length: n }, (_, i) => ((i * 7919) % 13) - 6 + (i % 5 === 0 ? 0.5 : 0));
      expect(Array.from(ranks(x))).toEqual(byDefinition(x));
    });
  }
  it("descending input and a sample without ties", () => {
    const x = Array.from({ length: 70 }, (_, i) => 70 - i);
    expect(Array.from(ranks(x))).toEqual(byDefinition(x));
  });
});
