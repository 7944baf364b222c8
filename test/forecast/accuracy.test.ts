import { describe, expect, it } from "vitest";
import { brier } from "../../src/forecast/accuracy.js";
import { coverage, mae, mape, mase, naiveScale } from "../../src/forecast/index.js";

describe("accuracy measures", () => {
  it("mae", () => {
    expect(mae([1, 2], [2, 4])).toBe(1.5);
    expect(mae([], [])).toBeNull();
  });
  it("mape in percent; null when an actual is 0", () => {
    expect(mape([110, 90], [100, 100])).toBeCloseTo(10, 12);
    expect(mape([1], [0])).toBeNull();
  });
  it("naiveScale is the mean absolute one-step change of the training sample", () => {
    expect(naiveScale([1, 3, 2])).toBe(1.5);
    expect(naiveScale([5])).toBeNull();
  });
  it("mase with one scale or one scale per forecast; zero scales left out", () => {
    // |4 − 3| / 0.5 = 2
    expect(mase([4], [3], 0.5)).toBe(2);
    // (|4 − 3|/0.5 + |1 − 2|/2) / 2 = (2 + 0.5) / 2
    expect(mase([4, 1], [3, 2], [0.5, 2])).toBe(1.25);
    expect(mase([4, 1], [3, 2], [0, 2])).toBe(0.5);
    expect(mase([4], [3], 0)).toBeNull();
    expect(mase([4], [3], null)).toBeNull();
  });
  it("coverage counts bounds as inside", () => {
    expect(coverage([0, 0, 0], [2, 2, 2], [0, 2, 3])).toBeCloseTo(2 / 3, 14);
    expect(coverage([], [], [])).toBeNull();
  });
  it("rejects arrays of different length", () => {
    expect(() => mae([1], [1, 2])).toThrow(RangeError);
  });
  it("names the measure and both lengths when the arrays differ", () => {
    expect(() => mae([1], [1, 2])).toThrow("mae: arrays differ in length (1 vs 2)");
    expect(() => mape([1], [1, 2])).toThrow("mape: arrays differ in length (1 vs 2)");
    expect(() => mase([1], [1, 2], 1)).toThrow("mase: arrays differ in length (1 vs 2)");
    expect(() => mase([1, 2], [1, 2], [1])).toThrow("mase (scales): arrays differ in length (2 vs 1)");
    expect(() => coverage([0], [1, 2], [1, 2])).toThrow("coverage: arrays differ in length (1 vs 2)");
    expect(() => coverage([0, 0], [1], [1, 2])).toThrow("coverage: arrays differ in length (1 vs 2)");
    expect(() => brier([0.5], [])).toThrow("brier: arrays differ in length");
  });
  it("mape is null when any one actual is 0", () => {
    expect(mape([1, 2], [5, 0])).toBeNull();
    expect(mape([6, 2], [5, 4])).toBeCloseTo((100 * (0.2 + 0.5)) / 2, 12);
  });
  it("naiveScale of two values is their absolute change", () => {
    expect(naiveScale([1, 4])).toBe(3);
  });
  it("coverage counts an actual below its interval as outside", () => {
    expect(coverage([5, 0], [6, 10], [4, 5])).toBe(0.5);
  });
});
