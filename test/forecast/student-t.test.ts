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

describe("refusals name the function, the argument and its value", () => {
  it("Student-t, normal quantile, log-gamma and incomplete beta", () => {
    expect(() => studentTQuantile(0.5, 0)).toThrow("Student-t: degrees of freedom must be > 0, got 0");
    expect(() => studentTQuantile(1, 3)).toThrow("studentTQuantile: p must be in (0, 1), got 1");
    expect(() => studentTQuantile(0, 3)).toThrow("studentTQuantile: p must be in (0, 1), got 0");
    expect(() => studentTCdf(1, Infinity)).toThrow("studentTCdf: use a normal CDF for df = Infinity");
    expect(() => studentTDensity(0, -1)).toThrow("Student-t: degrees of freedom must be > 0, got -1");
    expect(() => normalQuantile(0)).toThrow("normalQuantile: p must be in (0, 1), got 0");
    expect(() => normalQuantile(1)).toThrow("normalQuantile: p must be in (0, 1), got 1");
    expect(() => logGamma(0)).toThrow("logGamma: x must be > 0, got 0");
    expect(() => incompleteBeta(0.5, 0, 1)).toThrow("incompleteBeta: a and b must be > 0 (a=0, b=1)");
    expect(() => incompleteBeta(0.5, 1, -1)).toThrow("incompleteBeta: a and b must be > 0 (a=1, b=-1)");
    expect(() => incompleteBeta(1.5, 1, 1)).toThrow("incompleteBeta: x must be in [0, 1], got 1.5");
    expect(() => incompleteBeta(-0.1, 1, 1)).toThrow("incompleteBeta: x must be in [0, 1], got -0.1");
  });
});

describe("Student-t CDF and density at the edges", () => {
  it("is 0 and 1 at ∓Infinity, NaN at NaN, ½ at 0", () => {
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTCdf(-Infinity, 3)).toBe(0);
    expect(studentTCdf(Number.NaN, 3)).toBeNaN();
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 15);
  });
  it("has the normal density for df = Infinity, and 1/π at 0 for df = 1 (Cauchy)", () => {
    expect(studentTDensity(1, Infinity)).toBeCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI), 15);
    expect(studentTDensity(0, 1)).toBeCloseTo(1 / Math.PI, 14);
    // Cauchy: 1 / (π (1 + t²))
    expect(studentTDensity(2, 1)).toBeCloseTo(1 / (5 * Math.PI), 14);
  });
  it("the closed forms for df = 1 and 2 hold in both tails (mpmath)", () => {
    // t(p, 1) = tan(π (p − ½)); t(p, 2) = (2p − 1) √(2 / (4 p (1 − p)))
    expect(studentTQuantile(0.025, 1)).toBeCloseTo(-12.706204736174707, 11);
    expect(studentTQuantile(0.1, 2)).toBeCloseTo(-1.8856180831641267, 13);
    expect(studentTQuantile(0.9, 2)).toBeCloseTo(1.8856180831641267, 13);
  });
});

describe("special functions against 40-digit mpmath values", () => {
  it("normalQuantile in the far tail (the third region of AS 241) and between the regions", () => {
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.047096299361199, 11);
    expect(normalQuantile(1e-50)).toBeCloseTo(-14.933337534788489, 12);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.2623400897984076, 12);
    expect(normalQuantile(1 - 1e-10)).toBeCloseTo(6.361340902404056, 6);
    expect(normalQuantile(0.0001)).toBeCloseTo(-3.7190164854556806, 13);
    expect(normalQuantile(0.07)).toBeCloseTo(-1.4757910281791707, 14);
    expect(normalQuantile(0.93)).toBeCloseTo(1.4757910281791707, 14);
  });
  it("logGamma below ½ (reflection), near 0 and far above 1", () => {
    expect(logGamma(0.25)).toBeCloseTo(1.2880225246980775, 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(1e-5)).toBeCloseTo(11.512919692895826, 11);
    expect(logGamma(3.5)).toBeCloseTo(1.2009736023470742, 13);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });
  it("incompleteBeta on both sides of (a + 1) / (a + b + 2) and with b = ½", () => {
    expect(incompleteBeta(0.9, 2, 3)).toBeCloseTo(0.9963, 14);
    expect(incompleteBeta(0.2, 0.5, 0.5)).toBeCloseTo(0.29516723530086655, 14);
    expect(incompleteBeta(0.7, 5, 0.5)).toBeCloseTo(0.065262246168908173, 14);
    // y = 1 − x passed explicitly is used instead of 1 − x
    expect(incompleteBeta(0.7, 5, 0.5, 0.3)).toBeCloseTo(0.065262246168908173, 14);
  });
});
