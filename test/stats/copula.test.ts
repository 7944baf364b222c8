import { describe, expect, it } from "vitest";
import { choleskyLower, correlate } from "../../src/stats/copula.js";
import { normalCdf } from "../../src/stats/normal.js";

describe("normalCdf", () => {
  // Reference values: SciPy 1.10 scipy.stats.norm.cdf.
  const SCIPY: [number, number][] = [
    [-8, 6.22096057427174e-16],
    [-6, 9.865876450376946e-10],
    [-4, 3.167124183311986e-5],
    [-3, 0.0013498980316300933],
    [-1, 0.15865525393145707],
    [-0.1, 0.460172162722971],
    [0.5, 0.6914624612740131],
    [1.96, 0.9750021048517795],
    [3, 0.9986501019683699],
    [5, 0.9999997133484281],
  ];
  it("matches SciPy to a relative 1e-8 in the lower tail and 1e-15 absolute", () => {
    for (const [x, p] of SCIPY) {
      expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-8);
      expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-15);
    }
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });
  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    for (const x of [0.3, 1.7, 4.2, 7.5]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
  });
});

describe("Cholesky factor of a correlation matrix", () => {
  it("2 × 2 in closed form: L = [[1, 0], [ρ, √(1 − ρ²)]]", () => {
    const L = choleskyLower([
      [1, 0.6],
      [0.6, 1],
    ])!;
    expect(Array.from(L)).toEqual([1, 0, 0.6, 0.8]);
    const out = new Float64Array(2);
    correlate(L, Float64Array.from([2, -1]), out);
    expect(Array.from(out)).toEqual([2, 0.6 * 2 + 0.8 * -1]);
  });
  it("L·Lᵀ gives the matrix back; an inconsistent matrix is refused (null)", () => {
    const R = [
      [1, 0.5, 0.3],
      [0.5, 1, -0.2],
      [0.3, -0.2, 1],
    ];
    const L = choleskyLower(R)!;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += L[i * 3 + k] * L[j * 3 + k];
        expect(s).toBeCloseTo(R[i][j], 14);
      }
    expect(
      choleskyLower([
        [1, 0.9, 0.9],
        [0.9, 1, -0.9],
        [0.9, -0.9, 1],
      ]),
    ).toBeNull();
  });
});
