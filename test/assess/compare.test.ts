/**
 * Scenario comparison on small plans whose answers are known: an assumption no target depends
 * on, one whose effect a lag puts after the target year, one that moves a target, and one that
 * moves a target that is out of reach either way.
 */
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/assess/compareScenarios.js";
import { compareText } from "../../src/report/compareText.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const baseline = makeBaseline({
  x: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
  y: { unit: "", values: { 2011: 50, 2012: 55, 2013: 60 } },
  z: { unit: "", values: { 2011: 10, 2012: 11, 2013: 12 } },
  w: { unit: "", values: { 2011: 10, 2012: 11, 2013: 12 } },
});
// y responds to x two years earlier: y_2015 reads x_2013, which is observed.
const cat = catalogue(
  target("x_2015", "x", 2015, ">=", 145),
  target("y_2015", "y", 2015, ">=", 66),
  target("z_2015", "z", 2015, ">=", 100),
);
const indicators = {
  x: { growth: { dist: "normal", mean: 0.1, sd: 0.04 } },
  y: { elastic: { driver: "x", elasticity: 0.8, lag: 2 }, volatility: 0.05 },
  z: { growth: { dist: "normal", mean: 0.05, sd: 0.02 } },
  w: { growth: 0.02 },
};
const base = scenario(2013, 2015, indicators, { seed: 9 });
const other = scenario(
  2013,
  2015,
  {
    ...indicators,
    x: { growth: { dist: "normal", mean: 0.02, sd: 0.04 } },
    z: { growth: { dist: "normal", mean: 0.08, sd: 0.02 } },
    w: { growth: 0.1 },
  },
  { seed: 9, name: { zh: "另一", en: "other" } },
);
const compare = () =>
  compareScenarios({
    scenarios: [
      { file: "a.yaml", scenario: base },
      { file: "b.yaml", scenario: other },
    ],
    baseline,
    catalogue: cat,
    paths: 2000,
  });

describe("compare scenarios", () => {
  // Each test runs the comparison in its own body: a mutant is active only while a test runs.
  const setup = () => {
    const r = compare();
    const c = r.comparisons[0];
    return { r, c, effect: (k: string) => c.effects.find((e) => e.key === k)! };
  };

  it("lists exactly the assumptions that differ", () => {
    const { c } = setup();
    expect(c.assumptions.map((a) => a.key).sort()).toEqual(["w", "x", "z"]);
    expect(c.settings).toEqual([]);
  });

  it("a slower x changes the x target, and the swap of x alone is what moved it", () => {
    const { c, effect } = setup();
    const t = c.changed.find((d) => d.id === "x_2015")!;
    expect(t.change).toBeLessThan(0);
    expect(t.distinguishable).toBe(true);
    expect(Math.abs(t.change)).toBeGreaterThan(2 * t.standardError);
    expect(t.movedBy.map((m) => m.key)).toEqual(["x"]);
    expect(t.pMetOther - t.pMetBase).toBeCloseTo(t.change, 12);
    expect(effect("x").moves.map((m) => m.target)).toEqual(["x_2015"]);
  });

  it("x feeds y with a two-year lag: y in 2015 is identical on every path, and the reason says so", () => {
    const { c, effect } = setup();
    expect(effect("x").reaches.sort()).toEqual(["x_2015", "y_2015"]);
    const y = effect("x").reached.find((q) => q.target === "y_2015")!;
    expect(y.medianSwapped).toBe(y.medianBase);
    expect(c.changed.some((d) => d.id === "y_2015")).toBe(false);
    expect(c.unchanged.find((u) => u.id === "y_2015")!.reason).toBe("same_by_target_year");
  });

  it("w feeds no target; z moves but its target stays out of reach (P(met) 0 both ways)", () => {
    const { effect } = setup();
    expect(effect("w").reason).toBe("no_target_depends");
    expect(effect("w").reaches).toEqual([]);
    expect(effect("w").firstYearChanged).toBe(2014);
    const z = effect("z");
    expect(z.moves).toEqual([]);
    expect(z.reason).toBe("out_of_reach");
    expect(z.reached[0].medianSwapped).toBeGreaterThan(z.reached[0].medianBase);
  });

  it("the expected number met changes by the sum of the per-target changes, on the same paths", () => {
    const { r, c } = setup();
    const sum = r.results[1].targets.reduce((a, t, i) => a + (t.pMet ?? 0) - (r.results[0].targets[i].pMet ?? 0), 0);
    expect(c.expectedMet.change).toBeCloseTo(sum, 12);
  });

  it("the words name assumptions by their indicator and give the reason", () => {
    const { r } = setup();
    const text = compareText(r);
    expect(text).toContain("no target is computed from this indicator");
    expect(text).toContain("is below 5% either way");
    expect(text).toMatch(/exactly the same values in their target year on every path/);
  });
});
