/** `targetcast allocate` through the built CLI (dist/ is built by the vitest globalSetup). */
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../region/helpers.js";

describe("targetcast allocate", () => {
  it("--format json answers in full: noBudget, equalSplit, best, perTarget, gainStandardError", () => {
    const out = tempDir("allocate");
    const r = cli([
      "allocate",
      "scenarios/baseline.yaml",
      "--budget",
      "5000",
      "--paths",
      "300",
      "--grid",
      "2",
      "--format",
      "json",
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ["noBudget", "equalSplit", "best", "perTarget", "gainStandardError"]) expect(j).toHaveProperty(k);
    for (const k of ["noBudget", "equalSplit", "best"]) expect(typeof j[k].expectedMet).toBe("number");
    expect(j.noBudget.expectedMet).toBeLessThan(j.best.expectedMet);
    expect(j.gainStandardError).toBeGreaterThan(0);
    expect(j.perTarget.length).toBeGreaterThan(20);
  });

  it("the table names the weighted score when --weights is given, and shows the no-budget case", () => {
    const out = tempDir("allocate");
    const r = cli([
      "allocate",
      "--budget",
      "2000",
      "--paths",
      "200",
      "--grid",
      "2",
      "--weights",
      "rd_intensity=3",
      "--out",
      out,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /加权得分 Weighted score \(Σ weight × P\(met\)\):\n {2}无追加预算 No extra budget \d+\.\d\d/,
    );
    expect(r.stdout).toMatch(/Best − equal: [+−]\d\.\d+ ± \d\.\d+ \(paired Monte Carlo SE\)/);
    expect(r.stdout).toContain("P(met) per target");
  });
});
