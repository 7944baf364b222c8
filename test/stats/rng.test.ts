/** Counter-based streams (src/stats/threefry.ts, rng.ts) and the ziggurat normal (samplers.ts). */
import { describe, expect, it } from "vitest";
import { CounterRng, pathRng } from "../../src/stats/rng.js";
import { standardNormal } from "../../src/stats/samplers.js";
import { threefry2x32 } from "../../src/stats/threefry.js";

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

describe("CounterRng", () => {
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
