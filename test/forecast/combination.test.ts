/** combination.ts (and the random-walk and Theta members): drift test, members, median. */
import { describe, expect, it } from "vitest";
import { combinedForecast, DRIFT_T_THRESHOLD, driftT } from "../../src/forecast/combination.js";
import { fitEts } from "../../src/forecast/ets.js";
import { driftForecast, naiveForecast } from "../../src/forecast/random-walk.js";
import { leastSquaresSlope, thetaForecast } from "../../src/forecast/theta.js";

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const k = s.length;
  return k % 2 ? s[(k - 1) / 2] : (s[k / 2 - 1] + s[k / 2]) / 2;
};

describe("naiveForecast and driftForecast", () => {
  it("repeat the last value / extend the mean yearly change (hand-computed)", () => {
    expect(naiveForecast([3, 9, 4], 3)).toEqual([4, 4, 4]);
    // drift = (4 − 1) / 2 = 1.5
    expect(driftForecast([1, 2, 4], 2)).toEqual([5.5, 7]);
    expect(driftForecast([10, 7], 3)).toEqual([4, 1, -2]);
  });
  it("refuse series they cannot forecast", () => {
    expect(() => naiveForecast([], 1)).toThrow(RangeError);
    expect(() => driftForecast([5], 1)).toThrow(RangeError);
  });
});

describe("thetaForecast", () => {
  it("is SES plus half the least-squares slope times (h − 1 + (1 − (1 − α)^n)/α)", () => {
    const y = [10, 12, 13, 15, 16, 19, 18, 21];
    const ses = fitEts(y, { error: "A", trend: "N" })!;
    const b = leastSquaresSlope(y);
    const n = y.length;
    const start = (1 - (1 - ses.alpha) ** n) / ses.alpha;
    const f = thetaForecast(y, 3)!;
    for (let h = 1; h <= 3; h++) expect(f[h - 1]).toBeCloseTo(ses.level + (b / 2) * (h - 1 + start), 10);
  });
  it("uses the slope on t = 0 … n − 1 (hand-computed: 1, 3, 2, 6 → slope 1.4)", () => {
    // x̄ = 1.5, ȳ = 3; Σ(x − x̄)(y − ȳ) = (−1.5)(−2) + (−0.5)(0) + (0.5)(−1) + (1.5)(3) = 7; Σ(x − x̄)² = 5
    expect(leastSquaresSlope([1, 3, 2, 6])).toBeCloseTo(1.4, 14);
    expect(leastSquaresSlope([5, 5, 5])).toBe(0);
  });
  it("needs 4 points", () => {
    expect(thetaForecast([1, 2, 3], 2)).toBeNull();
    expect(thetaForecast([1, 2, 3, 5], 2)).not.toBeNull();
  });
});

describe("driftT", () => {
  it("is +Infinity for an exactly rising line, −Infinity for a falling one, 0 for a flat series", () => {
    expect(driftT([1, 3, 5, 7, 9])).toBe(Infinity);
    expect(driftT([100, 90, 80, 70])).toBe(-Infinity);
    expect(driftT([4, 4, 4, 4])).toBe(0);
    // rounding in the changes of a line on a large level still counts as exactly straight
    expect(driftT([0.1, 0.2, 0.3, 0.4, 0.5].map((v) => v + 1e6))).toBe(Infinity);
  });

  it("is mean(d) / (sd(d) / √m) (hand-computed)", () => {
    // z = 0, 1, 3, 4: d = 1, 2, 1; mean 4/3; sd² = (1/9 + 4/9 + 1/9) / 2 = 1/3; se = √(1/3)/√3 = 1/3 → t = 4
    expect(driftT([0, 1, 3, 4])).toBeCloseTo(4, 12);
    // z = 0, 1, 0, 2: d = 1, −1, 2; mean 2/3; sd² = (1/9 + 25/9 + 16/9) / 2 = 7/3 → t = (2/3)/√(7/9) = 2/√7
    expect(driftT([0, 1, 0, 2])).toBeCloseTo(2 / Math.sqrt(7), 12);
    // sign: a falling series has a negative t
    expect(driftT([4, 3, 1, 0])).toBeCloseTo(-4, 12);
  });

  it("is 0 with fewer than two changes (no standard deviation)", () => {
    expect(driftT([1, 5])).toBe(0);
    expect(driftT([7])).toBe(0);
  });
});

describe("combinedForecast: members", () => {
  it("uses the drift members on both scales when |t| ≥ 2", () => {
    const y = [100, 104, 109, 113, 118, 123, 127, 133];
    const c = combinedForecast(y, 3, "exp");
    expect(Math.abs(c.driftT)).toBeGreaterThanOrEqual(DRIFT_T_THRESHOLD);
    expect(c.drift).toBe(true);
    expect(c.members).toEqual(["drift", "theta", "holt", "drift (ln)", "theta (ln)", "holt (ln)"]);
    expect(c.driftT).toBeCloseTo(driftT(y.map(Math.log)), 12);
  });

  it("uses Theta, the damped trend and the no-change forecast otherwise", () => {
    const y = [50, 53, 49, 52, 55, 50, 54, 51];
    const c = combinedForecast(y, 3, "exp");
    expect(Math.abs(c.driftT)).toBeLessThan(DRIFT_T_THRESHOLD);
    expect(c.drift).toBe(false);
    expect(c.members).toEqual(["theta", "damped", "theta (ln)", "damped (ln)", "naive"]);
  });

  it("counts t exactly 2 as a clear drift (z = 10, 13, 14: d = 3, 1, t = 4 / 2)", () => {
    expect(driftT([10, 13, 14])).toBe(2);
    expect(combinedForecast([10, 13, 14], 1, "identity").drift).toBe(true);
    expect(combinedForecast([10, 13, 13.9], 1, "identity").drift).toBe(false);
  });

  it("labels the logit members and uses only the series' own scale for identity", () => {
    expect(combinedForecast([40, 42, 44.5, 46, 48.5, 50], 2, "logistic100").members).toEqual([
      "drift",
      "theta",
      "holt",
      "drift (logit)",
      "theta (logit)",
      "holt (logit)",
    ]);
    // Six points: too few for the damped trend (7), so Theta stands in and says so.
    expect(combinedForecast([-3, 1, -2, 2, 0, -1], 2, "identity").members).toEqual([
      "theta",
      "theta for damped",
      "naive",
    ]);
  });

  it("names the stand-ins of a 5-point series: Holt needs 6 points, so the drift forecast stands in", () => {
    const c = combinedForecast([100, 105, 111, 116, 122], 2, "exp");
    expect(c.members).toEqual(["drift", "theta", "drift for holt", "drift (ln)", "theta (ln)", "drift for holt (ln)"]);
  });
});

describe("combinedForecast: the median of the members", () => {
  it("equals the median of the members recomputed from their own functions (drift, both scales)", () => {
    const y = [100, 104, 109, 113, 118, 123, 127, 133];
    const H = 4;
    const z = y.map(Math.log);
    const paths = [
      driftForecast(y, H),
      thetaForecast(y, H)!,
      fitEts(y, { error: "A", trend: "A" })!.forecast(H),
      driftForecast(z, H).map(Math.exp),
      thetaForecast(z, H)!.map(Math.exp),
      fitEts(z, { error: "A", trend: "A" })!.forecast(H).map(Math.exp),
    ];
    const c = combinedForecast(y, H, "exp");
    for (let h = 0; h < H; h++) expect(c.forecasts[h]).toBeCloseTo(median(paths.map((p) => p[h])), 9);
  });

  it("equals the median recomputed from the members without drift (odd count, naive once)", () => {
    const y = [50, 53, 49, 52, 55, 50, 54, 51];
    const H = 3;
    const z = y.map(Math.log);
    const paths = [
      thetaForecast(y, H)!,
      fitEts(y, { error: "A", trend: "Ad" })!.forecast(H),
      thetaForecast(z, H)!.map(Math.exp),
      fitEts(z, { error: "A", trend: "Ad" })!.forecast(H).map(Math.exp),
      naiveForecast(y, H),
    ];
    const c = combinedForecast(y, H, "exp");
    for (let h = 0; h < H; h++) expect(c.forecasts[h]).toBeCloseTo(median(paths.map((p) => p[h])), 9);
  });

  it("replaces members a short series cannot support (Holt → drift, damped → Theta, Theta → drift)", () => {
    // 3 points with drift: drift, Theta → drift, Holt → drift: the drift forecast 14 + 2h
    expect(combinedForecast([10, 12, 14.5], 2, "identity").forecasts).toEqual(driftForecast([10, 12, 14.5], 2));
    // 5 points without drift: Theta, damped → Theta, naive: the median is Theta's forecast
    const y = [20, 23, 21, 24, 22];
    const c = combinedForecast(y, 2, "identity");
    expect(c.drift).toBe(false);
    expect(c.forecasts).toEqual(thetaForecast(y, 2));
    // 5 points with drift: drift, Theta, Holt → drift: the median is the drift forecast
    const up = [20, 22, 25, 27, 30];
    const d = combinedForecast(up, 2, "identity");
    expect(d.drift).toBe(true);
    expect(d.forecasts).toEqual(driftForecast(up, 2));
  });

  it("forecasts a steady growth of about 4% near 127 and 132 (the file's example)", () => {
    const f = combinedForecast([100, 104, 109, 113, 118, 123], 2, "exp").forecasts;
    expect(f[0]).toBeGreaterThan(125);
    expect(f[0]).toBeLessThan(130);
    expect(f[1]).toBeGreaterThan(129);
    expect(f[1]).toBeLessThan(136);
    expect(f[1]).toBeGreaterThan(f[0]);
  });

  it("needs 2 points", () => {
    expect(() => combinedForecast([5], 1, "identity")).toThrow(RangeError);
    expect(combinedForecast([5, 6], 2, "identity").forecasts).toHaveLength(2);
  });
});
