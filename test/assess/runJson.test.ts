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
  it("explains what patent-pipeline stress does to the 2015 patent target, and which assumption moves it", () => {
    // The stress lowers both the grants and the stock of patents; at 1,000 paths the already small chance of
    // the target (under 1%) falls by more than twice its paired Monte Carlo error, so compare reports it as
    // changed and names the assumptions that move it (each swapped alone into the baseline: movedBy).
    const out = tempDir("compare");
    const args = ["compare", "scenarios/baseline.yaml", "scenarios/patent-pipeline-stress.yaml", "--paths", "1000"];
    const r = cli([...args, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /万人发明专利拥有量 Invention patents in force per 10000 population \(2015\): median [\d.]+ → [\d.]+, P\(met\) [\d.]+% → [\d.]+%/,
    );
    expect(r.stdout).toMatch(/发明专利授权量 Invention patents granted in the year: moves 万人发明专利拥有量/);
    const j = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    const c = j.comparisons[0];
    expect(c.assumptions.map((a: { key: string }) => a.key)).toEqual([
      "invention_patent_grants",
      "invention_patents_in_force",
    ]);
    const patent = c.changed.find((u: { id: string }) => u.id === "invention_patents_per_10k_pop");
    expect(patent.distinguishable).toBe(true);
    expect(patent.pMetOther).toBeLessThan(patent.pMetBase);
    expect(patent.medianOther).toBeLessThan(patent.medianBase);
    expect(patent.movedBy.map((m: { key: string }) => m.key).sort()).toEqual([
      "invention_patent_grants",
      "invention_patents_in_force",
    ]);
  });

  it("fewer than two scenarios is a usage error", () => {
    expect(cli(["compare", "scenarios/baseline.yaml"]).status).toBe(2);
  });
});
