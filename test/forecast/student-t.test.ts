import { describe, expect, it } from "vitest";
import { incompleteBeta } from "../../src/forecast/incomplete-beta.js";
import { normalQuantile, studentTCdf, studentTDensity, studentTQuantile } from "../../src/forecast/index.js";
import { logGamma } from "../../src/forecast/log-gamma.js";

describe("Student-t quantile", () => {
  // Printed t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), six decimals.
  const table: [p: number, df: number, q: number][] = [
    [0.9, 3, 1.637744],
    [0.975, 5, 2.570582],
    [0.975, 1, 12.706205],
    [0.975, 2, 4.302653],
    [0.95, 4, 2.131847],
    [0.995, 10, 3.169273],
    [0.95, 20, 1.724718],
    [0.9, 100, 1.290075],
    [0.99, 7, 2.997952],
  ];
  it.each(table)("t(%s, %s) = %s", (p, df, q) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(q, 6);
  });

  it("is antisymmetric and zero at the median", () => {
    for (const df of [1, 2, 3, 4.5, 12]) {
      expect(studentTQuantile(0.5, df)).toBe(0);
      expect(studentTQuantile(0.1, df)).toBeCloseTo(-studentTQuantile(0.9, df), 12);
    }
  });

  it("inverts the CDF, including far tails and fractional df", () => {
    for (const df of [1, 2, 3, 2.5, 7, 30, 200, 1000]) {
      for (const p of [1e-12, 1e-8, 0.001, 0.2, 0.4999, 0.6, 0.975, 0.999999]) {
        const q = studentTQuantile(p, df);
        expect(Math.abs(studentTCdf(q, df) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-12);
      }
    }
  });

  it("tends to the normal quantile and uses it for df = Infinity", () => {
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959963984540054, 5);
  });

  it("has a density that integrates the CDF (central difference)", () => {
    const h = 1e-5;
    for (const t of [-2, 0, 0.7, 3]) {
      expect((studentTCdf(t + h, 4) - studentTCdf(t - h, 4)) / (2 * h)).toBeCloseTo(studentTDensity(t, 4), 8);
    }
  });

  it("rejects p outside (0, 1) and df ≤ 0", () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe("normal quantile (AS 241)", () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.9, 1.2815515655446004],
    [0.999, 3.090232306167813],
    [0.5, 0],
    [0.025, -1.959963984540054],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%s) = %s", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });
});

describe("special functions", () => {
  it("logGamma matches known values", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });
  it("incompleteBeta matches closed forms", () => {
    // I_x(2, 3) = 6x²/2 − 8x³/3 + 3x⁴/4 times 4·3 … at x = ½: 11/16
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
    // I_x(a, 1) = x^a
    expect(incompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});
