/**
 * Scenario comparison (src/assess/compareScenarios.ts) beyond compareCases.test.ts: the budget and
 * the programmes as assumptions, settings that stop the swaps, the median of a swapped run, the
 * order of what moved a target, and the 5% / 95% cut-offs of "out of reach" and "secure". Every
 * figure is computed inside the test that checks it (mutation testing activates a mutant only
 * while tests run).
 */
import { describe, expect, it } from "vitest";
import { compareScenarios } from "../../src/assess/compareScenarios.js";
import { runScenario } from "../../src/assess/runScenario.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { pathValues } from "../../src/simulate/monteCarlo.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const h = (a: number, b: number, c: number) => ({ unit: "", values: { 2011: a, 2012: b, 2013: c } });
const baseline = makeBaseline({
  useful_out: h(100, 110, 121),
  other_out: h(100, 110, 121),
  firms: h(10, 12, 14),
  n: h(8, 9, 10),
  d: h(180, 190, 200),
  r: h(4.4, 4.7, 5),
  z: h(10, 11, 12),
});
const normal = (mean: number, sd: number) => ({ dist: "normal", mean, sd });

const compareTwo = (b: Scenario, o: Scenario, cat: ReturnType<typeof catalogue>, paths = 400) =>
  compareScenarios({
    scenarios: [
      { file: "dir/base.yaml", scenario: b },
      { file: "dir/other.yaml", scenario: o },
    ],
    baseline,
    catalogue: cat,
    paths,
  }).comparisons[0];

describe("compareScenarios: the budget and the programmes are assumptions too", () => {
  // A useful programme lifts useful_out (and firms a year later); a useless one serves other_out,
  // which no target reads. Budget 0 in the base: the programmes do nothing there.
  const programmeScenario = (amount: number, usefulName = "有用") =>
    scenario(
      2013,
      2015,
      {
        useful_out: { growth: normal(0.08, 0.03) },
        other_out: { growth: 0.05 },
        firms: { count: { additions: 2 } },
      },
      {
        seed: 7,
        programmes: {
          useful: {
            name: { zh: usefulName, en: "Useful" },
            effects: [
              { indicator: "useful_out", max_effect: 0.2, half_budget: 1000, lag: 0 },
              { indicator: "firms", max_effect: 4, half_budget: 1000, lag: 1 },
            ],
          },
          useless: {
            name: { zh: "无用", en: "Useless" },
            effects: [{ indicator: "other_out", max_effect: 0.2, half_budget: 1000, lag: 0 }],
          },
        },
        budget: { amount, start_year: 2014, split: { useful: 0.5, useless: 0.5 } },
      },
    );
  const cat = catalogue(
    target("useful_2015", "useful_out", 2015, ">=", 150),
    target("firms_2015", "firms", 2015, ">=", 22),
  );

  it("a larger budget: listed as `budget` with both amounts, reaches every target a programme serves, and moves useful_2015", () => {
    const c = compareTwo(programmeScenario(0), programmeScenario(4000), cat, 401);
    expect(c.assumptions).toEqual([
      {
        key: "budget",
        base: { amount: 0, unit: "万元", start_year: 2014, split: { useful: 0.5, useless: 0.5 } },
        other: { amount: 4000, unit: "万元", start_year: 2014, split: { useful: 0.5, useless: 0.5 } },
        baseSummary: null,
        otherSummary: null,
      },
    ]);
    expect(c.settings).toEqual([]);
    const e = c.effects[0];
    expect(e.key).toBe("budget");
    // Programmes serve useful_out and firms: both targets are reached; the budget is no indicator of its own.
    expect(e.reaches).toEqual(["useful_2015", "firms_2015"]);
    expect(e.firstYearChanged).toBeNull();
    expect(e.reason).toBeNull();
    const moved = e.moves.find((m) => m.target === "useful_2015")!;
    // 2,000 a year to useful: 0.2 · 2000 / (2000 + 1000) = 13.3 points more growth a year on useful_out.
    expect(moved.change).toBeGreaterThan(0.2);
    expect(moved.change).toBeGreaterThan(2 * moved.standardError);
    const changed = c.changed.find((t) => t.id === "useful_2015")!;
    expect(changed.movedBy.map((m) => m.key)).toEqual(["budget"]);
    expect(changed.movedBy[0].change).toBeCloseTo(moved.change, 12);
    // With the budget the only difference, the swap is the other scenario: the same change.
    expect(changed.change).toBeCloseTo(moved.change, 12);
    const reached = e.reached.find((x) => x.target === "useful_2015")!;
    // useful_out₂₀₁₅ = 121 (1 + g + b)², g drawn once per path, b = 2/15: monotone in g, so on an odd
    // number of paths the swapped median is the base median's path with b added.
    const b = (0.2 * 2000) / 3000;
    expect(reached.medianSwapped).toBeCloseTo(121 * (Math.sqrt(reached.medianBase / 121) + b) ** 2, 9);
  });

  it("a budget set in one scenario only: the other side is null", () => {
    const { budget: _b, programmes: _p, ...withoutBudget } = programmeScenario(0);
    const bare = { ...withoutBudget } as Scenario;
    const c = compareTwo({ ...bare, programmes: programmeScenario(0).programmes }, programmeScenario(4000), cat, 100);
    expect(c.assumptions.map((a) => a.key)).toEqual(["budget"]);
    expect(c.assumptions[0].base).toBeNull();
    expect(c.assumptions[0].other).toMatchObject({ amount: 4000 });
  });

  it("programmes that differ only in a name: listed as `programmes`, reached, identical on every path", () => {
    const c = compareTwo(programmeScenario(4000), programmeScenario(4000, "有用项目"), cat);
    expect(c.assumptions.map((a) => a.key)).toEqual(["programmes"]);
    expect(c.assumptions[0].base).toMatchObject({ useful: { name: { zh: "有用" } } });
    expect(c.assumptions[0].other).toMatchObject({ useful: { name: { zh: "有用项目" } } });
    expect(c.effects).toHaveLength(1);
    expect(c.effects[0]).toMatchObject({
      key: "programmes",
      reaches: ["useful_2015", "firms_2015"],
      moves: [],
      reason: "same_by_target_year",
      firstYearChanged: null,
    });
    for (const r of c.effects[0].reached) {
      expect(r.medianSwapped).toBe(r.medianBase);
      expect(r.pMetSwapped).toBe(r.pMetBase);
    }
    expect(c.changed).toEqual([]);
    expect(c.unchanged.map((t) => [t.id, t.reason])).toEqual([
      ["useful_2015", "same_by_target_year"],
      ["firms_2015", "same_by_target_year"],
    ]);
  });
});

describe("compareScenarios: settings that differ are listed, and then nothing is swapped", () => {
  const cat = catalogue(target("z_2015", "z", 2015, ">=", 13));
  const ind = { z: { growth: normal(0.05, 0.02) } };

  it("the assessment cut-offs, set in one scenario only (null in the other)", () => {
    const cut = { on_track: 0.8, off_track: 0.2 };
    const c = compareTwo(
      scenario(2013, 2015, ind, { seed: 3 }),
      scenario(2013, 2015, { z: { growth: normal(0.06, 0.02) } }, { seed: 3, assessment: cut }),
      cat,
      50,
    );
    expect(c.settings).toEqual([{ key: "assessment", base: null, other: cut }]);
    expect(c.assumptions.map((a) => a.key)).toEqual(["z"]);
    expect(c.effects).toEqual([]);
  });

  it("the base year", () => {
    const c = compareTwo(scenario(2012, 2015, ind, { seed: 3 }), scenario(2013, 2015, ind, { seed: 3 }), cat, 50);
    expect(c.settings).toEqual([{ key: "base_year", base: 2012, other: 2013 }]);
    expect(c.assumptions).toEqual([]);
    expect(c.effects).toEqual([]);
  });
});

describe("compareScenarios: a swapped run's figures are those of the run it equals", () => {
  // Only z differs, so swapping z into the base is the other scenario itself.
  it.each([999, 1000])("%i paths: medians (odd and even counts) and P(met) both ways", (paths) => {
    const cat = catalogue(target("z_2015", "z", 2015, ">=", 13.3));
    const b = scenario(2013, 2015, { z: { growth: normal(0.05, 0.02) } }, { seed: 4 });
    const o = scenario(2013, 2015, { z: { growth: normal(0.06, 0.02) } }, { seed: 4 });
    const r = compareScenarios({
      scenarios: [
        { file: "b.yaml", scenario: b },
        { file: "o.yaml", scenario: o },
      ],
      baseline,
      catalogue: cat,
      paths,
    });
    const [rb, ro] = r.results;
    const reached = r.comparisons[0].effects[0].reached[0];
    expect(reached.medianBase).toBeCloseTo(rb.targets[0].median!, 12);
    expect(reached.medianSwapped).toBeCloseTo(ro.targets[0].median!, 12);
    expect(reached.pMetBase).toBe(rb.targets[0].pMet);
    expect(reached.pMetSwapped).toBe(ro.targets[0].pMet);
    // By hand: the median of z₂₀₁₃ · (1 + g)², g ~ N(6%, 2%), is near 12 · 1.06².
    expect(reached.medianSwapped).toBeCloseTo(12 * 1.06 ** 2, 1);
  });
});

describe("compareScenarios: what moved a target, largest |change| first", () => {
  it("r = 100 n / d: a faster d lowers P(met) more than a slightly faster n raises it", () => {
    // n is listed first, so the order below is the sort's, not the scenario's.
    const ind = (gn: number, gd: number) => ({
      n: { growth: normal(gn, 0.02) },
      d: { growth: gd },
      r: { ratio: { numerator: "n", denominator: "d", scale: 100 } },
    });
    const cat = catalogue(target("r_2015", "r", 2015, ">=", 5));
    const c = compareTwo(
      scenario(2013, 2015, ind(0.05, 0.05), { seed: 2 }),
      scenario(2013, 2015, ind(0.06, 0.08), { seed: 2 }),
      cat,
      2000,
    );
    const t = c.changed[0];
    expect(t.id).toBe("r_2015");
    expect(t.movedBy.map((m) => m.key)).toEqual(["d", "n"]);
    const [d, n] = t.movedBy;
    expect(d.change).toBeLessThan(-0.3);
    expect(n.change).toBeGreaterThan(0.1);
    expect(Math.abs(d.change)).toBeGreaterThan(Math.abs(n.change));
    // The target moved less than d alone moves it: n pulls the other way.
    expect(t.change).toBeGreaterThan(d.change);
    expect(t.change).toBeLessThan(0);
  });
});

describe("compareScenarios: out of reach at P(met) ≤ 5%, secure at ≥ 95%, both ways (inclusive)", () => {
  // 20 paths; a threshold between two order statistics of z₂₀₁₅ in the base run makes P(met)
  // exactly 1/20 or 19/20. The other scenario's growth is 10⁻⁶ higher: every value moves a
  // little (not identical), no path crosses the threshold.
  const b = scenario(2013, 2015, { z: { growth: normal(0.05, 0.02) } }, { seed: 6 });
  const o = scenario(2013, 2015, { z: { growth: normal(0.050001, 0.02) } }, { seed: 6 });
  const sortedBase = () => {
    const run = runScenario({ scenario: b, scenarioFile: "b.yaml", baseline, catalogue: catalogue(), paths: 20 });
    return Float64Array.from(pathValues(run.simulation, "z", 2015)!).sort();
  };
  const reasonAt = (threshold: number) => {
    const c = compareTwo(b, o, catalogue(target("z_2015", "z", 2015, ">=", threshold)), 20);
    return { effect: c.effects[0], unchanged: c.unchanged[0] };
  };

  it("met on 1 path of 20 (P = 0.05) both ways: out of reach", () => {
    const s = sortedBase();
    const { effect, unchanged } = reasonAt((s[18] + s[19]) / 2);
    expect(effect.reached[0]).toMatchObject({ pMetBase: 0.05, pMetSwapped: 0.05 });
    expect(effect.reached[0].medianSwapped).not.toBe(effect.reached[0].medianBase);
    expect(effect).toMatchObject({ moves: [], reason: "out_of_reach" });
    expect(unchanged).toMatchObject({ id: "z_2015", reason: "out_of_reach", pMetBase: 0.05, pMetOther: 0.05 });
  });

  it("met on 2 paths of 20 (P = 0.1): within noise, not out of reach", () => {
    const s = sortedBase();
    const { effect, unchanged } = reasonAt((s[17] + s[18]) / 2);
    expect(effect.reached[0]).toMatchObject({ pMetBase: 0.1, pMetSwapped: 0.1 });
    expect(effect.reason).toBe("within_noise");
    expect(unchanged.reason).toBe("within_noise");
  });

  it("met on 19 paths of 20 (P = 0.95) both ways: secure; on 18 (P = 0.9): within noise", () => {
    const s = sortedBase();
    const secure = reasonAt((s[0] + s[1]) / 2);
    expect(secure.effect.reached[0]).toMatchObject({ pMetBase: 0.95, pMetSwapped: 0.95 });
    expect(secure.effect.reason).toBe("secure");
    expect(secure.unchanged.reason).toBe("secure");
    const noise = reasonAt((s[1] + s[2]) / 2);
    expect(noise.effect.reached[0]).toMatchObject({ pMetBase: 0.9, pMetSwapped: 0.9 });
    expect(noise.effect.reason).toBe("within_noise");
  });
});

describe("compareScenarios: runs, seeds and statuses that change without P(met) moving", () => {
  const cat = catalogue(target("z_half", "z", 2015, ">=", 12 * 1.05 ** 2));
  const b = scenario(2013, 2015, { z: { growth: normal(0.05, 0.05) } }, { seed: 21 });

  it("2,000 paths and the first scenario's seed unless told; a given seed is used for every run", () => {
    const o = scenario(2013, 2015, { z: { growth: normal(0.05, 0.05) } }, { seed: 99 });
    const input = {
      scenarios: [
        { file: "b.yaml", scenario: b },
        { file: "o.yaml", scenario: o },
      ],
      baseline,
      catalogue: cat,
    };
    const byDefault = compareScenarios(input);
    expect(byDefault).toMatchObject({ paths: 2000, seed: 21 });
    expect(byDefault.results.map((r) => [r.paths, r.seed])).toEqual([
      [2000, 21],
      [2000, 21],
    ]);
    // Same draws: the same P(met) both ways, although the other file says seed 99.
    expect(byDefault.results[1].targets[0].pMet).toBe(byDefault.results[0].targets[0].pMet);
    const seeded = compareScenarios({ ...input, paths: 50, seed: 4 });
    expect(seeded.results.map((r) => [r.paths, r.seed])).toEqual([
      [50, 4],
      [50, 4],
    ]);
  });

  it("other cut-offs turn P(met) ≈ 0.5 from at risk to on track: listed as changed, within noise, moved by nothing", () => {
    const o = scenario(
      2013,
      2015,
      { z: { growth: normal(0.05, 0.05) } },
      {
        seed: 21,
        assessment: { on_track: 0.4, off_track: 0.2 },
      },
    );
    const r = compareScenarios({
      scenarios: [
        { file: "b.yaml", scenario: b },
        { file: "o.yaml", scenario: o },
      ],
      baseline,
      catalogue: cat,
      paths: 500,
    });
    const c = r.comparisons[0];
    const p = r.results[0].targets[0].pMet!;
    expect(p).toBeGreaterThan(0.4);
    expect(p).toBeLessThan(0.6);
    expect(c.changed).toHaveLength(1);
    expect(c.changed[0]).toMatchObject({
      id: "z_half",
      statusBase: "at_risk",
      statusOther: "on_track",
      pMetBase: p,
      pMetOther: p,
      change: 0,
      standardError: 0,
      distinguishable: false,
      movedBy: [],
    });
    expect(c.expectedMet).toMatchObject({ base: p, other: p, change: 0, standardError: 0 });
  });
});
