/**
 * The joint view (how many targets are met together, path by path), Monte Carlo errors of
 * P(met) and the borderline flag: closed forms on small plans and properties.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/assess/runScenario.js";
import { isBorderline } from "../../src/assess/status.js";
import { reasonText } from "../../src/report/messages.js";
import { riskTable } from "../../src/report/riskTable.js";
import { pathValues } from "../../src/simulate/monteCarlo.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const baseline = makeBaseline({
  x: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
  y: { unit: "", values: { 2011: 50, 2012: 52, 2013: 54 } },
});
const run = (cat: ReturnType<typeof catalogue>, indicators: Record<string, unknown>, paths = 4000) =>
  runScenario({
    scenario: scenario(2013, 2015, indicators, { seed: 3 }),
    scenarioFile: "mem.yaml",
    baseline,
    catalogue: cat,
    paths,
  });
const uncertain = {
  x: { growth: { dist: "normal", mean: 0.1, sd: 0.05 } },
  y: { growth: { dist: "normal", mean: 0.04, sd: 0.03 } },
};

describe("joint view", () => {
  it("nested thresholds on one indicator: P(at least 2) = P(the higher one), not the product", () => {
    // x ≥ 140 and x ≥ 150 in 2015: both are met exactly when x ≥ 150.
    const cat = catalogue(target("lo", "x", 2015, ">=", 140), target("hi", "x", 2015, ">=", 150));
    const { result, simulation } = run(cat, uncertain);
    const lo = result.targets.find((t) => t.id === "lo")!.pMet!;
    const hi = result.targets.find((t) => t.id === "hi")!.pMet!;
    expect(hi).toBeGreaterThan(0.1);
    expect(lo).toBeLessThan(0.9);
    const j = result.joint;
    expect(j.targets).toBe(2);
    expect(j.atLeast[0]).toBe(1);
    expect(j.atLeast[2]).toBe(hi);
    expect(j.atLeast[1]).toBe(lo);
    expect(j.atLeast[2]).not.toBeCloseTo(lo * hi, 2); // independence would be wrong here
    expect(j.exactly[0]).toBeCloseTo(1 - lo, 12);
    expect(j.exactly[1]).toBeCloseTo(lo - hi, 12);
    expect(j.exactly[2]).toBe(hi);
    // SE of the mean count, by hand from the per-path values
    const xs = pathValues(simulation, "x", 2015)!;
    const counts = Array.from(xs, (v) => (v >= 140 ? 1 : 0) + (v >= 150 ? 1 : 0));
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const sd = Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1));
    expect(j.expectedMet).toBeCloseTo(mean, 12);
    expect(j.expectedMetStandardError).toBeCloseTo(sd / Math.sqrt(counts.length), 12);
  });

  it("without uncertainty: one target surely met, one surely missed → exactly one met on every path", () => {
    const cat = catalogue(target("met", "x", 2015, ">=", 140), target("missed", "y", 2015, ">=", 100));
    const { result } = run(cat, { x: { growth: 0.1 }, y: { growth: 0.04 } }, 200);
    expect(result.joint.exactly).toEqual([0, 1, 0]);
    expect(result.joint.atLeast).toEqual([1, 1, 0]);
    expect(result.joint.expectedMetStandardError).toBe(0);
  });

  it("properties: atLeast starts at 1, never rises, Σ exactly = 1 and Σ_{k≥1} atLeast[k] = Σ P(met) = expectedMet", () => {
    const cat = catalogue(
      target("a", "x", 2015, ">=", 140),
      target("b", "x", 2014, ">=", 130),
      target("c", "y", 2015, ">=", 58),
      target("d", "y", 2015, "<=", 60),
    );
    const { result } = run(cat, uncertain, 3000);
    const j = result.joint;
    expect(j.atLeast).toHaveLength(5);
    expect(j.atLeast[0]).toBe(1);
    for (let k = 1; k < j.atLeast.length; k++) expect(j.atLeast[k]).toBeLessThanOrEqual(j.atLeast[k - 1]);
    expect(j.exactly.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const sumPMet = result.targets.reduce((a, t) => a + (t.pMet ?? 0), 0);
    expect(j.atLeast.slice(1).reduce((a, b) => a + b, 0)).toBeCloseTo(sumPMet, 12);
    expect(j.expectedMet).toBeCloseTo(sumPMet, 12);
  });
});

describe("Monte Carlo error of P(met) and borderline statuses", () => {
  it("every assessed P(met) carries √(p(1−p)/paths)", () => {
    const cat = catalogue(target("lo", "x", 2015, ">=", 140));
    const { result } = run(cat, uncertain, 2500);
    const t = result.targets[0];
    expect(t.pMetStandardError).toBeCloseTo(Math.sqrt((t.pMet! * (1 - t.pMet!)) / 2500), 15);
  });

  it("borderline within 2 SE of either cut-off (0.66, 0.33), inclusive; never for already-met targets", () => {
    expect(isBorderline(0.653, 0.0067, false)).toBe(true); // 0.66 − 0.653 = 0.007 ≤ 0.0134
    expect(isBorderline(0.661, 0.0067, false)).toBe(true);
    expect(isBorderline(0.64, 0.0067, false)).toBe(false);
    expect(isBorderline(0.339, 0.005, false)).toBe(true);
    expect(isBorderline(0.32, 0.004, false)).toBe(false);
    expect(isBorderline(0.5, 0.05, false)).toBe(false);
    expect(isBorderline(0.66, 0.01, true)).toBe(false);
    expect(isBorderline(0.7, 0.01, false, { onTrack: 0.7, offTrack: 0.2 })).toBe(true);
  });

  it("a run flags a target whose P(met) sits on the on-track cut-off", () => {
    // Find a threshold whose P(met) lands close to 0.66 on these draws, then check the flag.
    const { simulation } = run(catalogue(), uncertain, 2000);
    const xs = Float64Array.from(pathValues(simulation, "x", 2015)!).sort();
    const at66 = xs[Math.floor(0.34 * xs.length)]; // 66% of paths are at or above it
    const { result } = run(
      catalogue(target("edge", "x", 2015, ">=", at66), target("far", "x", 2015, ">=", xs[0] - 1)),
      uncertain,
      2000,
    );
    const edge = result.targets.find((t) => t.id === "edge")!;
    expect(Math.abs(edge.pMet! - 0.66)).toBeLessThan(0.002);
    expect(edge.borderline).toBe(true);
    expect(result.targets.find((t) => t.id === "far")!.borderline).toBe(false);
    // the terminal table marks it, explains the mark, and gives the joint view
    const table = riskTable(result);
    expect(table).toMatch(/ 6[56]% ≈ /);
    expect(table).toContain("≈ 临界");
    expect(table).not.toMatch(/100% ≈/);
    expect(table).toMatch(/Targets met together: expected \d\.\d\d ± 0\.\d\d \(Monte Carlo SE\) of 2 assessed/);
  });
});

describe("indicators that follow their trend by default", () => {
  it("a scenario that sets only x lists y as following its trend by default, in the result and the table", () => {
    const cat = catalogue(target("x", "x", 2015, ">=", 140), target("y", "y", 2015, ">=", 58));
    const { result } = run(cat, { x: uncertain.x }, 300);
    expect(result.scenario.trendByDefault).toEqual(["y"]);
    expect(riskTable(result)).toContain("Follow their trend by default (not set in the scenario): y");
    const full = run(cat, uncertain, 300).result;
    expect(full.scenario.trendByDefault).toEqual([]);
    expect(riskTable(full)).not.toContain("by default");
  });
});

describe("the why names assumptions by their bilingual labels", () => {
  it("the most influential assumption is given by name in both languages, never by its id", async () => {
    const { loadInputs } = await import("../../src/project/inputs.js");
    const { loadScenario } = await import("../../src/scenario/load.js");
    const inputs = await loadInputs({});
    const { scenario: s } = await loadScenario("scenarios/baseline.yaml");
    const { result } = runScenario({ ...inputs, scenario: s, scenarioFile: "scenarios/baseline.yaml", paths: 400 });
    const rd = result.targets.find((t) => t.id === "rd_intensity")!;
    expect(rd.reason!.topDriver!.parameter).toBe("rd_expenditure.leveraged.own_growth");
    expect(rd.reason!.basis).toBe("growth");
    expect(reasonText(rd, "en")).toContain("most influential assumption: R&D expenditure: own growth (ρ = ");
    expect(reasonText(rd, "zh")).toContain("影响最大的假设：研发经费支出：自身增速（ρ = ");
    for (const t of result.targets)
      if (t.reason?.topDriver) {
        expect(reasonText(t, "en")).not.toContain(t.reason.topDriver.parameter);
        expect(reasonText(t, "zh")).not.toContain(t.reason.topDriver.parameter);
      }
  });
});
