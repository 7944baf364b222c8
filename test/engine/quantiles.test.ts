/**
 * Selection-based quantiles must equal the quantiles of the fully sorted sample exactly
 * (same order statistics, same interpolation), on samples with and without ties.
 */
import { describe, expect, it } from "vitest";
import { QUANTILE_LEVELS } from "../../src/simulate/types.js";
import { quantileSorted, summarise, weightedQuantileSorted } from "../../src/stats/quantiles.js";
import { pathRng } from "../../src/stats/rng.js";

function bySorting(x: Float64Array, levels: readonly number[]): number[] {
  const s = Float64Array.from(x).sort();
  return levels.map((q) => quantileSorted(s, q));
}

describe("summarise (quantiles by selection)", () => {
  const rng = pathRng(5, 0, 0);
  const cases: [string, (n: number) => Float64Array][] = [
    ["continuous", (n) => Float64Array.from({ length: n }, () => rng.next() * 100 - 50)],
    ["heavy ties (counts)", (n) => Float64Array.from({ length: n }, () => Math.floor(rng.next() * 4))],
    // A tied value and a few values just above it share a histogram bucket: the bucket must still be sorted.
    [
      "ties with near neighbours in one bucket",
      (n) =>
        Float64Array.from({ length: n }, () => Math.floor(rng.next() * 4) + (rng.next() < 0.05 ? 1e-9 : 0)).reverse(),
    ],
    ["constant", (n) => new Float64Array(n).fill(3.25)],
    ["already sorted", (n) => Float64Array.from({ length: n }, (_, i) => i)],
    ["reversed", (n) => Float64Array.from({ length: n }, (_, i) => n - i)],
    // The histogram's range is guessed from evenly spaced probes (every ⌊n / 1024⌋-th value): values the
    // probes miss may lie outside it, in the end buckets, or be the only ones that differ.
    [
      "outliers between the probes",
      (n) => {
        const step = Math.floor(n / 1024); // from n = 2048 on, index 1 (mod step) is never probed
        return Float64Array.from({ length: n }, (_, i) =>
          step > 1 && i % step === 1 && i % 37 < 2 ? (i % 2 ? 1e9 : -1e9) : rng.next(),
        );
      },
    ],
    ["probes all equal, other values not", (n) => Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? i : 7))],
  ];
  for (const [name, make] of cases) {
    it(`equals sorting exactly: ${name}`, () => {
      for (const n of [1, 2, 3, 7, 20, 101, 1000, 3001, 10007]) {
        const x = make(n);
        const before = Float64Array.from(x);
        const levels = [...QUANTILE_LEVELS, 0, 1, 0.333];
        const { mean, quantiles } = summarise(x, levels);
        expect(quantiles).toEqual(bySorting(x, levels));
        expect(mean).toBeCloseTo(before.reduce((a, b) => a + b, 0) / n, 9);
        expect(Array.from(x)).toEqual(Array.from(before)); // the sample itself is untouched
      }
    });
  }

  it("gives the sequential sum's mean, and sorts when an infinity lies between the probes", () => {
    const x = Float64Array.from({ length: 5000 }, (_, i) => (i === 4001 ? Infinity : (i * 7919) % 1000));
    const levels = [0.05, 0.5, 0.95, 1];
    const { mean, quantiles } = summarise(x, levels);
    expect(mean).toBe(Infinity);
    expect(quantiles).toEqual(bySorting(x, levels));
    const y = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) / 3);
    let sum = 0;
    for (const v of y) sum += v;
    expect(summarise(y, [0.5]).mean).toBe(sum / y.length);
  });

  it("is monotone in the level and handles NaN by sorting (NaN last)", () => {
    const x = Float64Array.from([5, NaN, 1, 3]);
    const { quantiles } = summarise(x, [0, 0.5]);
    expect(quantiles[0]).toBe(1);
    expect(quantiles).toEqual(bySorting(x, [0, 0.5]));
  });
});

describe("weightedQuantileSorted (midpoint plotting positions)", () => {
  it("interpolates between the positions (W_{i−1} + w_i / 2) / W: hand-computed", () => {
    // weights 1, 1, 2 of 4: positions 1/8, 3/8, 3/4; q = 0.5 lies 1/3 of the way from 2 to 3
    expect(weightedQuantileSorted([1, 2, 3], [1, 1, 2], 0.5)).toBeCloseTo(2 + 1 / 3, 14);
    // equal weights: Hazen's positions (i − ½) / n; n = 4 → 1/8, 3/8, 5/8, 7/8
    expect(weightedQuantileSorted([10, 20, 30, 40], [1, 1, 1, 1], 0.3)).toBeCloseTo(17, 14);
    expect(weightedQuantileSorted([10, 20, 30, 40], [3, 3, 3, 3], 0.5)).toBeCloseTo(25, 14);
  });
  it("holds the end values outside the first and last positions, and is NaN when empty", () => {
    expect(weightedQuantileSorted([1, 2, 3], [1, 1, 2], 0.1)).toBe(1);
    expect(weightedQuantileSorted([1, 2, 3], [1, 1, 2], 0.8)).toBe(3);
    expect(weightedQuantileSorted([], [], 0.5)).toBeNaN();
  });
  it("a heavier value pulls the quantiles towards it", () => {
    const light = weightedQuantileSorted([0, 1, 2, 3, 4], [1, 1, 1, 1, 1], 0.6);
    const heavy = weightedQuantileSorted([0, 1, 2, 3, 4], [1, 1, 1, 1, 5], 0.6);
    expect(heavy).toBeGreaterThan(light);
  });
});
