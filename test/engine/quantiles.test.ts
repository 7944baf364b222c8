/**
 * Selection-based quantiles must equal the quantiles of the fully sorted sample exactly
 * (same order statistics, same interpolation), on samples with and without ties.
 */
import { describe, expect, it } from "vitest";
import { QUANTILE_LEVELS } from "../../src/simulate/types.js";
import { quantileSorted, summarise } from "../../src/stats/quantiles.js";
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
  ];
  for (const [name, make] of cases) {
    it(`equals sorting exactly: ${name}`, () => {
      for (const n of [1, 2, 3, 7, 20, 101, 1000, 10007]) {
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

  it("is monotone in the level and handles NaN by sorting (NaN last)", () => {
    const x = Float64Array.from([5, NaN, 1, 3]);
    const { quantiles } = summarise(x, [0, 0.5]);
    expect(quantiles[0]).toBe(1);
    expect(quantiles).toEqual(bySorting(x, [0, 0.5]));
  });
});
