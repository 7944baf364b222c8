/** Counter-based streams (src/stats/threefry.ts, rng.ts) and the ziggurat normal (samplers.ts). */
import { describe, expect, it } from "vitest";
import { CounterRng, pathRng } from "../../src/stats/rng.js";
import { standardNormal } from "../../src/stats/samplers.js";
import { threefry2x32, threefryBlock } from "../../src/stats/threefry.js";

const hex = (k0: number, k1: number, c0: number, c1: number) => {
  const out = new Uint32Array(2);
  threefry2x32(k0, k1, c0, c1, out);
  return [...out].map((w) => w.toString(16).padStart(8, "0"));
};

describe("Threefry-2x32-20", () => {
  // Known-answer tests of the Random123 distribution (kat_vectors: threefry2x32_20).
  it("matches Random123's known answers", () => {
    expect(hex(0, 0, 0, 0)).toEqual(["6b200159", "99ba4efe"]);
    expect(hex(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff)).toEqual(["1cb996fc", "bb002be7"]);
    expect(hex(0x13198a2e, 0x03707344, 0x243f6a88, 0x85a308d3)).toEqual(["c4923a9c", "483df7a0"]);
  });
});

describe("threefryBlock", () => {
  it("gives, for counter j of a run, the words of threefry2x32 at (c0 + j, c1), wrapping c0 modulo 2^32", () => {
    const n = 7;
    const out = new Uint32Array(2 * n);
    threefryBlock(0xffffffff, 0x13198a2e, 0xfffffffc, 5, n, out); // c0 + j passes 2^32 at j = 4
    for (let j = 0; j < n; j++) {
      const one = new Uint32Array(2);
      threefry2x32(0xffffffff, 0x13198a2e, (0xfffffffc + j) >>> 0, 5, one);
      expect([out[2 * j], out[2 * j + 1]]).toEqual([one[0], one[1]]);
    }
    expect(hex(0, 0, 0, 0)).toEqual(["6b200159", "99ba4efe"]); // and the run of 1 is the known answer
  });
});

describe("CounterRng", () => {
  it("atBlock positions a block of generators exactly as `at` does on each, draw for draw", () => {
    const n = 5;
    const block = Array.from({ length: n }, () => new CounterRng(99));
    block[2].at(8, 1, 1).next(); // a generator left mid-pair elsewhere is reset too
    CounterRng.atBlock(block, 4, 1000, 6, n, new Uint32Array(2 * n));
    for (let b = 0; b < n; b++) {
      const one = new CounterRng(99).at(4, 1000 + b, 6);
      expect(Array.from({ length: 5 }, () => block[b].nextUint32())).toEqual(
        Array.from({ length: 5 }, () => one.nextUint32()),
      );
    }
    expect(() => CounterRng.atBlock([new CounterRng(1), new CounterRng(2)], 0, 0, 0, 2, new Uint32Array(4))).toThrow(
      /different seeds/,
    );
    expect(() => CounterRng.atBlock(block, 2 ** 20, 0, 0, n, new Uint32Array(2 * n))).toThrow(/stream/);
  });

  it("gives the same numbers for the same (seed, stream, path, year), wherever it is positioned from", () => {
    const a = new CounterRng(7).at(3, 11, 5);
    const first = Array.from({ length: 9 }, () => a.next());
    const b = new CounterRng(7);
    b.at(1, 2, 3).next();
    b.at(3, 11, 5);
    expect(Array.from({ length: 9 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 9 }, () => pathRng(7, 11, 3, 5).next())[0]).toBe(first[0]);
  });

  it("changes every number when the seed, the stream, the path or the year changes", () => {
    const draw = (seed: number, stream: number, path: number, year: number) =>
      Array.from(
        { length: 4 },
        (
          (r) => () =>
            r.next()
        )(new CounterRng(seed).at(stream, path, year)),
      );
    const base = draw(1, 2, 3, 4);
    for (const other of [draw(2, 2, 3, 4), draw(1, 3, 3, 4), draw(1, 2, 4, 4), draw(1, 2, 3, 5)]) {
      for (let i = 0; i < 4; i++) expect(other[i]).not.toBe(base[i]);
    }
  });

  it("is uniform on [0, 1): mean, variance and 10 equal bins of 100,000 draws", () => {
    const r = new CounterRng(2026);
    const bins = new Array(10).fill(0);
    let sum = 0;
    let sq = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sq += u * u;
      bins[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005); // SE 0.0009
    expect(Math.abs(sq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
    const chi2 = bins.reduce((a, k) => a + (k - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9); // χ²(9) 99.9th percentile
  });

  it("refuses a stream or a year index outside its key space", () => {
    expect(() => new CounterRng(1).at(2 ** 20, 0, 0)).toThrow(RangeError);
    expect(() => new CounterRng(1).at(0, 0, 4096)).toThrow(RangeError);
  });
});

describe("ziggurat standard normal", () => {
  /** Φ by the complementary error function (A&S 7.1.26, error < 1.5e-7). */
  const phi = (z: number) => {
    const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
    const e =
      t *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(z * z) / 2);
    return z >= 0 ? 1 - e / 2 : e / 2;
  };
  const r = new CounterRng(99);
  const n = 200_000;
  const x = Float64Array.from({ length: n }, () => standardNormal(r)).sort();

  it("has the normal's moments", () => {
    let m = 0;
    for (const v of x) m += v / n;
    let v2 = 0;
    let v4 = 0;
    for (const v of x) {
      v2 += (v - m) ** 2 / n;
      v4 += (v - m) ** 4 / n;
    }
    expect(Math.abs(m)).toBeLessThan(0.01); // SE 0.0022
    expect(Math.abs(v2 - 1)).toBeLessThan(0.015); // SE 0.0032
    expect(Math.abs(v4 / v2 ** 2 - 3)).toBeLessThan(0.06); // kurtosis, SE ≈ 0.011
  });

  it("passes a Kolmogorov–Smirnov test against Φ, tails included", () => {
    let d = 0;
    for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(phi(x[i]) - i / n), Math.abs(phi(x[i]) - (i + 1) / n));
    expect(d).toBeLessThan(1.95 / Math.sqrt(n)); // 0.1% critical value
    // The tail beyond R = 3.4426 (the ziggurat's base strip) has P = 2·(1 − Φ(R)) ≈ 5.76e-4.
    const beyond = x.filter((v) => Math.abs(v) > 3.442619855899).length / n;
    expect(Math.abs(beyond - 5.76e-4)).toBeLessThan(2.5e-4);
  });
});

describe("small stats helpers", async () => {
  const { gridQuantile } = await import("../../src/stats/quantiles.js");
  const { yearlyChanges } = await import("../../src/stats/changes.js");
  it("gridQuantile interpolates linearly in p and holds the end values", () => {
    expect(gridQuantile([0.1, 0.5, 0.9], [-1, 0, 2], 0.7)).toBeCloseTo(1, 14);
    expect(gridQuantile([0.1, 0.5, 0.9], [-1, 0, 2], 0.3)).toBeCloseTo(-0.5, 14);
    expect(gridQuantile([0.1, 0.5, 0.9], [-1, 0, 2], 0.01)).toBe(-1);
    expect(gridQuantile([0.1, 0.5, 0.9], [-1, 0, 2], 0.99)).toBe(2);
  });
  it("gridBracket, gridWeight and gridInterpolate give the interpolation's bits, inside and outside the grid", async () => {
    const { gridBracket, gridWeight, gridInterpolate } = await import("../../src/stats/quantiles.js");
    const grid = [0.05, 0.2, 0.5, 0.8, 0.95];
    const values = [-3.1, -0.7, 0.2, 1.9, 4.4];
    expect(gridBracket(grid, 0.01)).toBe(0);
    expect(gridBracket(grid, 0.05)).toBe(0);
    expect(gridBracket(grid, 0.2)).toBe(1);
    expect(gridBracket(grid, 0.21)).toBe(2);
    expect(gridBracket(grid, 0.95)).toBe(5);
    expect(gridInterpolate(values, 5, gridWeight(grid, 5, 0.99))).toBe(4.4);
    expect(gridWeight(grid, 2, 0.35)).toBeCloseTo(0.5, 15);
    // The one-expression form of the interpolation, with the interval found by a linear scan: same bits.
    const direct = (p: number) => {
      if (p <= grid[0]) return values[0];
      if (p >= grid[grid.length - 1]) return values[values.length - 1];
      let i = 1;
      while (grid[i] < p) i++;
      return values[i - 1] + ((p - grid[i - 1]) / (grid[i] - grid[i - 1])) * (values[i] - values[i - 1]);
    };
    for (let k = 0; k <= 1000; k++) {
      const p = k / 1000;
      const i = gridBracket(grid, p);
      expect(gridInterpolate(values, i, gridWeight(grid, i, p))).toBe(direct(p));
    }
  });
  it("gridQuantile finds the same grid interval as a linear scan, at and between grid points", () => {
    const grid = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995];
    const values = grid.map((p, i) => Math.log(p / (1 - p)) + i * 0.01);
    const byScan = (p: number) => {
      let i = 1;
      while (grid[i] < p) i++;
      return values[i - 1] + ((p - grid[i - 1]) / (grid[i] - grid[i - 1])) * (values[i] - values[i - 1]);
    };
    const ps = [...grid.slice(1, -1), ...grid.slice(1).map((p, i) => (p + grid[i]) / 2)];
    for (const p of ps) expect(gridQuantile(grid, values, p)).toBe(byScan(p));
    grid.forEach((p, i) => expect(gridQuantile(grid, values, p)).toBeCloseTo(values[i], 14));
  });
  it("yearlyChanges of 1, 3, 4: changes 2 and 1", () => {
    const c = yearlyChanges([1, 3, 4]);
    expect(c.m).toBe(2);
    expect(c.mean).toBe(1.5);
    expect(c.meanAbs).toBe(1.5);
    expect(c.sd).toBeCloseTo(Math.SQRT1_2, 15);
    expect(yearlyChanges([5, 3]).meanAbs).toBe(2);
  });
});
