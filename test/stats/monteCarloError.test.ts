/** Monte Carlo standard errors: hand-computed cases. */
import { describe, expect, it } from "vitest";
import { distinguishable, pairedDifference, proportionStandardError } from "../../src/stats/monteCarloError.js";

describe("Monte Carlo standard errors", () => {
  it("binomial SE √(p(1−p)/n): 0.05 at p = 0.5, n = 100; zero at p = 0 and 1", () => {
    expect(proportionStandardError(0.5, 100)).toBeCloseTo(0.05, 15);
    expect(proportionStandardError(0.2, 400)).toBeCloseTo(0.02, 15);
    expect(proportionStandardError(0, 100)).toBe(0);
    expect(proportionStandardError(1, 100)).toBe(0);
  });

  it("paired difference: d = (1, 0, 1, −1), mean 0.25, SE = √((2.75/3)/4)", () => {
    const d = pairedDifference([1, 2, 3, 4], [0, 2, 2, 5]);
    expect(d.mean).toBeCloseTo(0.25, 15);
    expect(d.standardError).toBeCloseTo(Math.sqrt(2.75 / 3 / 4), 15);
    // identical samples: no difference and no error, whatever their own spread
    expect(pairedDifference([3, 9, 27], [3, 9, 27])).toEqual({ mean: 0, standardError: 0 });
  });

  it("a difference is distinguishable only beyond two standard errors", () => {
    expect(distinguishable(0.21, 0.1)).toBe(true);
    expect(distinguishable(-0.21, 0.1)).toBe(true);
    expect(distinguishable(0.2, 0.1)).toBe(false);
    expect(distinguishable(0, 0)).toBe(false);
  });
});
