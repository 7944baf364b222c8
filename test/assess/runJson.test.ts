/** The joint view and Monte Carlo errors in `targetcast run --format json` and results.json (built CLI). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../region/helpers.js";

interface JointJson {
  scenario: string;
  expectedMet: number;
  expectedMetStandardError: number;
  targetsAssessed: number;
  atLeast: number[];
  targets: { pMet: number | null; pMetStandardError: number | null; borderline: boolean }[];
}

describe("run --format json: the joint view of every scenario", () => {
  it("has atLeast for every bundled scenario, with Σ_{k≥1} atLeast[k] = expectedMet = Σ P(met)", () => {
    const out = tempDir("joint");
    const r = cli(["run", "--paths", "500", "--format", "json", "--out", out]);
    expect(r.status).toBe(0);
    const scenarios = JSON.parse(r.stdout) as JointJson[];
    expect(scenarios.length).toBe(4);
    for (const s of scenarios) {
      expect(s.atLeast).toHaveLength(s.targetsAssessed + 1);
      const tail = s.atLeast.slice(1).reduce((a, b) => a + b, 0);
      expect(tail).toBeCloseTo(s.expectedMet, 9);
      expect(s.expectedMet).toBeCloseTo(
        s.targets.reduce((a, t) => a + (t.pMet ?? 0), 0),
        9,
      );
      expect(s.expectedMetStandardError).toBeGreaterThan(0);
      for (const t of s.targets) if (t.pMet !== null) expect(t.pMetStandardError).toBeGreaterThanOrEqual(0);
    }
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { scenarios: JointJson[] };
    expect(doc.scenarios.map((s) => s.atLeast)).toEqual(scenarios.map((s) => s.atLeast));
  });
});

describe("targetcast compare on the bundled scenarios", () => {
  it("explains what patent-pipeline stress does to the 2015 patent target: out of reach either way, or which assumption moves it", () => {
    // The stress lowers the patent stock's median, but the target's chance is under 1% in both scenarios. Whether
    // a change of a few tenths of a point is told from Monte Carlo noise depends on the draws (1,000 paths), so
    // compare must give one of two explanations, never none: "out of reach regardless" (unchanged), or changed
    // with the assumptions that move it (each swapped alone into the baseline).
    const out = tempDir("compare");
    const args = ["compare", "scenarios/baseline.yaml", "scenarios/patent-pipeline-stress.yaml", "--paths", "1000"];
    const r = cli([...args, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /万人发明专利拥有量 Invention patents in force per 10000 population: P\(met\) [\d.]+% → [\d.]+%/,
    );
    const j = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    const c = j.comparisons[0];
    expect(c.assumptions.map((a: { key: string }) => a.key)).toEqual([
      "invention_patent_grants",
      "invention_patents_in_force",
    ]);
    const byId = (list: { id: string }[]) => list.find((u) => u.id === "invention_patents_per_10k_pop");
    const unchanged = byId(c.unchanged) as { reason: string; medianBase: number; medianOther: number } | undefined;
    const changed = byId(c.changed) as
      | { distinguishable: boolean; movedBy: { key: string }[]; medianBase: number; medianOther: number }
      | undefined;
    expect(Boolean(unchanged) !== Boolean(changed), "listed exactly once").toBe(true);
    if (unchanged) {
      expect(unchanged.reason).toBe("out_of_reach");
      expect(r.stdout).toContain("P(met) is below 5% either way: the target is out of reach regardless");
    } else {
      expect(changed!.movedBy.length).toBeGreaterThan(0);
    }
    const patent = (unchanged ?? changed)!;
    expect(patent.medianOther).toBeLessThan(patent.medianBase);
  });

  it("fewer than two scenarios is a usage error", () => {
    expect(cli(["compare", "scenarios/baseline.yaml"]).status).toBe(2);
  });
});
