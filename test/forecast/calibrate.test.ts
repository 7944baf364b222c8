/**
 * Backtest calibration of trend intervals (src/forecast/calibrate.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { backtest } from "../../src/forecast/backtest.js";
import { calibrateIntervals, MIN_CALIBRATION_COMPARISONS } from "../../src/forecast/calibrate.js";

/** China's first-published R&D intensity 2004–2018 (../shared/data, via examples/china-national). */
function nationalRd(): { years: number[]; values: number[] } {
  const rows = readFileSync("examples/china-national/data.csv", "utf8").trim().split(/\r?\n/).slice(1);
  const pts = rows.map((r) => r.split(",")).filter((f) => f[0] === "rd_intensity" && Number(f[1]) <= 2018);
  return { years: pts.map((f) => Number(f[1])), values: pts.map((f) => Number(f[2])) };
}

describe("calibrateIntervals", () => {
  it("widens linear-trend intervals on the national R&D series until they hold 80% of the backtest actuals", () => {
    const s = nationalRd();
    const c = calibrateIntervals(s, "linear", { horizon: 3, level: 80 });
    expect(c.comparisons).toBeGreaterThanOrEqual(MIN_CALIBRATION_COMPARISONS);
    expect(c.coverageBefore!).toBeLessThan(0.8); // the uncalibrated intervals are too narrow here
    expect(c.factor).toBeGreaterThan(1);
    // With the factor, at least 80% of the backtest actuals fall inside the widened intervals.
    const bt = backtest(s, "linear", { horizon: 3, level: 80 });
    const inside = bt.forecasts.filter((f) => {
      const w = f.actual >= f.mean ? f.upper - f.mean : f.mean - f.lower;
      return Math.abs(f.actual - f.mean) <= c.factor * w + 1e-12;
    }).length;
    expect(inside / bt.forecasts.length).toBeGreaterThanOrEqual(0.8);
  });

  it("never narrows intervals, and leaves them alone when the backtest is too short", () => {
    const short = { years: [2009, 2010, 2011, 2012, 2013], values: [1.6, 1.72, 1.83, 1.95, 2.05] };
    const c = calibrateIntervals(short, "linear", { horizon: 3, level: 80 });
    expect(c.comparisons).toBeLessThan(MIN_CALIBRATION_COMPARISONS);
    expect(c.factor).toBe(1);
    // A series the model fits well everywhere: factor exactly 1 (floored), not below.
    const wiggly = { years: Array.from({ length: 14 }, (_, i) => 2000 + i), values: Array.from({ length: 14 }, (_, i) => 10 + 0.5 * i + (i % 2 ? 0.3 : -0.3)) };
    expect(calibrateIntervals(wiggly, "linear", { horizon: 2, level: 80 }).factor).toBeGreaterThanOrEqual(1);
  });
});
