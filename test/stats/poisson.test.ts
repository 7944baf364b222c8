/** Poisson draws (src/stats/samplers.ts): the tabulated search gives the plain search's draws exactly. */
import { describe, expect, it } from "vitest";
import { CounterRng } from "../../src/stats/rng.js";
import { POISSON_TABLE_LENGTH, poisson, poissonTabulated } from "../../src/stats/samplers.js";

describe("poissonTabulated", () => {
  it("draws what poisson draws from the same stream, for rates inside and beyond its table and at the limits", () => {
    const table = new Float64Array(2 * POISSON_TABLE_LENGTH);
    const plain = new CounterRng(11);
    const tabled = new CounterRng(11);
    // 1e-320: the second term underflows (the table stops at one term); 30 and 120: past the table's 16
    // terms (the search goes on from its last term); 499.99 and 500: the last rate searched, the first by PTRS.
    for (const lambda of [1e-320, 0.3, 4, 15.5, 30, 120, 499.99, 500, 0, -2]) {
      for (let path = 0; path < 400; path++) {
        plain.at(1, path, 0);
        tabled.at(1, path, 0);
        const at = (path % 2) * POISSON_TABLE_LENGTH; // two tables, alternately reused
        expect(poissonTabulated(tabled, lambda, table, at)).toBe(poisson(plain, lambda));
        expect(tabled.nextUint32()).toBe(plain.nextUint32()); // and leaves the stream where poisson does
      }
    }
  });

  it("returns a rate that is NaN or infinite as it is, instead of searching forever", () => {
    const r = new CounterRng(1);
    expect(poisson(r, Number.NaN)).toBeNaN();
    expect(poisson(r, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(poissonTabulated(r, Number.NaN, new Float64Array(POISSON_TABLE_LENGTH), 0)).toBeNaN();
  });

  it("rebuilds a table made for another rate, and its draws are those of the right rate", () => {
    const table = new Float64Array(POISSON_TABLE_LENGTH);
    const r = new CounterRng(5);
    poissonTabulated(r.at(0, 0, 0), 50, table, 0); // a table for λ = 50
    const big = Array.from({ length: 50 }, (_, p) => poissonTabulated(r.at(0, p, 0), 0.1, table, 0));
    const expected = Array.from({ length: 50 }, (_, p) => poisson(r.at(0, p, 0), 0.1));
    expect(big).toEqual(expected);
    expect(Math.max(...big)).toBeLessThan(4); // λ = 0.1, not 50
  });

  it("matches the Poisson probabilities: P(N = 0) = e^−λ and the mean λ over 20,000 draws", () => {
    const table = new Float64Array(POISSON_TABLE_LENGTH);
    const r = new CounterRng(2026);
    const n = 20_000;
    let zeros = 0;
    let sum = 0;
    for (let p = 0; p < n; p++) {
      const k = poissonTabulated(r.at(3, p, 1), 2.5, table, 0);
      if (k === 0) zeros++;
      sum += k;
    }
    const p0 = Math.exp(-2.5);
    expect(Math.abs(zeros / n - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / n));
    expect(Math.abs(sum / n - 2.5)).toBeLessThan(4 * Math.sqrt(2.5 / n));
  });
});
