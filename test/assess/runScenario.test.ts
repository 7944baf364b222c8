/**
 * One scenario end to end (src/assess/runScenario.ts) beyond assessCases.test.ts: the run over
 * worker threads gives the same result as the run in this thread, shared trend fits are filled,
 * the scenario id from its file name, the indicators' names and units and which observations a
 * result keeps, and the edges of the trend-only scenario (a base year equal to the data's last
 * year, a horizon of exactly 2200). Every run is inside its test.
 */
import { describe, expect, it } from "vitest";
import { runScenario, runScenarioInThreads, trendOnlyScenario } from "../../src/assess/runScenario.js";
import type { TrendFits } from "../../src/model/trend.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const baseline = makeBaseline({
  x: { unit: "万元", values: { 2011: 100 / 1.21, 2012: 100 / 1.1, 2013: 100 } },
  unused: { unit: "人", values: { 2012: 5, 2013: 6 } },
});
const s = scenario(2013, 2015, { x: { growth: { dist: "normal", mean: 0.1, sd: 0.05 } } }, { seed: 9 });
const cat = catalogue(target("x_121", "x", 2015, ">=", 121, "万元"));

describe("runScenarioInThreads", () => {
  it.each([1])(
    // Worker threads run the compiled files (dist/), so in-process tests of src/ use one thread.
    "on %i thread: the same result as runScenario, and progress reported once, at the end",
    async (threads) => {
      const input = { scenario: s, scenarioFile: "s.yaml", baseline, catalogue: cat, paths: 64, seed: 9 };
      const here = runScenario(input).result;
      const progress: [number, number][] = [];
      const threaded = await runScenarioInThreads({ ...input, threads, onProgress: (d, t) => progress.push([d, t]) });
      expect(threaded.result.targets).toEqual(here.targets);
      expect(threaded.result.joint).toEqual(here.joint);
      expect(threaded.result.series).toEqual(here.series);
      expect(threaded.result).toMatchObject({ paths: 64, seed: 9 });
      expect(progress).toEqual([[64, 64]]);
      // No callback: nothing to call.
      await expect(runScenarioInThreads({ ...input, threads })).resolves.toBeDefined();
    },
  );
});

describe("runScenario", () => {
  it("fills the trend fits it is given, so the runs of several scenarios share them", () => {
    const fits: TrendFits = new Map();
    const trend = scenario(2013, 2015, {}, { seed: 1 });
    runScenario({ scenario: trend, scenarioFile: "t.yaml", baseline, catalogue: cat, paths: 20, trendFits: fits });
    expect(fits.size).toBeGreaterThan(0);
  });

  it("the id is the file name without a final .yaml or .yml, in any case", () => {
    const id = (scenarioFile: string) =>
      runScenario({ scenario: s, scenarioFile, baseline, catalogue: cat, paths: 2 }).result.scenario.id;
    expect(id("dir/plan.yml.yaml")).toBe("plan.yml");
    expect(id("dir/Plan.YML")).toBe("Plan");
    expect(id("plan.yaml.txt")).toBe("plan.yaml.txt");
  });

  it("keeps only the observations of indicators in the plan", () => {
    const r = runScenario({ scenario: s, scenarioFile: "s.yaml", baseline, catalogue: cat, paths: 2 }).result;
    expect(r.indicators.map((i) => i.id)).not.toContain("unused");
    expect(new Set(r.history.map((o) => o.indicator))).toEqual(new Set(["x"]));
  });

  it("an indicator's name comes from a target that is not relative to a base; its unit, lacking data, from the target or none", () => {
    const withRatio = scenario(
      2013,
      2015,
      {
        x: { growth: 0.1 },
        r: { ratio: { numerator: "x", denominator: "x" } },
        q: { ratio: { numerator: "x", denominator: "x" } },
      },
      { seed: 1 },
    );
    const targets = catalogue(
      {
        ...target("x_double", "x", 2015, ">=", 2, "倍"),
        nameZh: "x 翻番",
        nameEn: "x doubled",
        kind: "relative_to_base",
        baseYear: 2013,
      },
      { ...target("x_level", "x", 2015, ">=", 130, "万元"), nameZh: "x 总量", nameEn: "x total" },
      { ...target("r_1", "r", 2015, ">=", 1, "倍"), nameZh: "比值", nameEn: "ratio" },
    );
    const r = runScenario({
      scenario: withRatio,
      scenarioFile: "s.yaml",
      baseline,
      catalogue: targets,
      paths: 2,
    }).result;
    const ind = Object.fromEntries(r.indicators.map((i) => [i.id, i]));
    expect(ind.x).toEqual({ id: "x", nameZh: "x 总量", nameEn: "x total", unit: "万元" });
    expect(ind.r).toEqual({ id: "r", nameZh: "比值", nameEn: "ratio", unit: "倍" });
    // q: no dictionary, no data, no target.
    expect(ind.q).toEqual({ id: "q", nameZh: "q", nameEn: "q", unit: "" });
  });
});

describe("the trend-only scenario at its edges", () => {
  it("a base year equal to the data's last year is accepted", () => {
    expect(trendOnlyScenario(baseline, cat, 2013)).toMatchObject({ base_year: 2013, horizon: 2015 });
  });

  it("a horizon of exactly 2200 is accepted (the last year targetcast takes)", () => {
    const late = makeBaseline({ x: { unit: "万元", values: { 2198: 1, 2199: 2 } } });
    expect(trendOnlyScenario(late, catalogue(target("t", "x", 2200, ">=", 3)))).toMatchObject({
      base_year: 2199,
      horizon: 2200,
    });
  });
});
