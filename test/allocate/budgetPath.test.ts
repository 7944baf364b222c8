/**
 * Budgets that change year by year (src/allocate/budgetPath.ts): a path equal to a constant gives the
 * constant's numbers; a zero first year changes nothing in that year; a short path holds its last
 * amount; a long one is refused; goal seek scales the path's shape.
 */
import { describe, expect, it } from "vitest";
import { budgetPath, budgetProfile } from "../../src/allocate/budgetPath.js";
import { goalSeek } from "../../src/allocate/goalSeek.js";
import { allocateBudget } from "../../src/allocate/runAllocation.js";
import { InputError } from "../../src/data/errors.js";
import { budgetOfSpending } from "../../src/model/allocation.js";
import { simulate } from "../../src/simulate/monteCarlo.js";
import { catalogue, makeBaseline, plan, scenario, target } from "../engine/helpers.js";
import { cli } from "../region/helpers.js";

const baseline = makeBaseline({
  out: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
  other: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
});
const cat = catalogue(
  target("out_2015", "out", 2015, ">=", 121 * 1.125 ** 2),
  target("other_2015", "other", 2015, ">=", 134),
);
const s = scenario(
  2013,
  2015,
  {
    out: { growth: { dist: "normal", mean: 0.08, sd: 0.03 } },
    other: { growth: { dist: "normal", mean: 0.05, sd: 0.02 } },
  },
  {
    seed: 7,
    programmes: {
      a: { name: { zh: "甲", en: "A" }, effects: [{ indicator: "out", max_effect: 0.1, half_budget: 1000, lag: 0 }] },
      b: { name: { zh: "乙", en: "B" }, effects: [{ indicator: "other", max_effect: 0.05, half_budget: 500, lag: 0 }] },
    },
    budget: { amount: 0, start_year: 2014, split: { a: 0.5, b: 0.5 } },
  },
);
const base = { scenario: s, scenarioFile: "mem.yaml", baseline, catalogue: cat, paths: 400, gridSteps: 2 };

describe("a budget path", () => {
  it("equal to a constant gives the constant's numbers, bit for bit", () => {
    const constant = allocateBudget({ ...base, budget: 900 });
    const path = allocateBudget({ ...base, budget: 0, budgetPath: [900, 900] });
    expect(path.budget).toBe(900);
    expect(path.budgetPath).toMatchObject({ years: [2014, 2015], amounts: [900, 900], heldFrom: null, peak: 900 });
    for (const k of ["noBudget", "equalSplit", "best", "perTarget", "gainOverEqualSplit", "gainStandardError"] as const)
      expect(path[k]).toEqual(constant[k]);
  });

  it("with a zero first year changes nothing in that year, and spends in the next", () => {
    const p = plan(s, baseline, cat);
    const path = budgetPath([0, 2000], p, "mem.yaml");
    const profile = budgetProfile(path, p);
    const none = simulate(p, { paths: 200, seed: 7, budget: budgetOfSpending([0, 0]) });
    const spent = simulate(p, { paths: 200, seed: 7, budget: budgetOfSpending([1000, 1000], profile) });
    const y2014 = none.years.indexOf(2014);
    const y2015 = none.years.indexOf(2015);
    const at = (sim: typeof none, id: string, j: number) =>
      Array.from(sim.values[p.indicators.indexOf(id)].subarray(j * 200, (j + 1) * 200));
    for (const id of ["out", "other", "programme.a", "programme.b"])
      expect(at(spent, id, y2014)).toEqual(at(none, id, y2014));
    // 2015: each programme gets half of 2000 万元, and out grows faster on every path.
    expect(at(spent, "programme.a", y2015).every((v) => v === 1000)).toBe(true);
    const before = at(none, "out", y2015);
    expect(at(spent, "out", y2015).every((v, i) => v > before[i])).toBe(true);
  });

  it("shorter than the projection holds its last amount and says from when; longer is refused", () => {
    const p = plan(s, baseline, cat);
    expect(budgetPath([1500], p, "mem.yaml")).toEqual({
      years: [2014, 2015],
      amounts: [1500, 1500],
      given: 1,
      heldFrom: 2015,
      peak: 1500,
    });
    expect(() => budgetPath([1, 2, 3], p, "mem.yaml")).toThrow(InputError);
    expect(() => budgetPath([1, 2, 3], p, "mem.yaml")).toThrow(/3 yearly amounts but the scenario projects 2 years/);
  });

  it("goal seek scales the shape: a flat shape gives the constant's answer; a rising one spends half in 2014", () => {
    const goal = { target: "out_2015", p: 0.6 };
    const constant = goalSeek({ ...base, goal });
    const flat = goalSeek({ ...base, goal, budgetPath: [1, 1] });
    expect(flat.budget).toBe(constant.budget);
    expect(flat.budgetPath).toEqual({ years: [2014, 2015], amounts: [constant.budget, constant.budget] });
    const rising = goalSeek({ ...base, goal, budgetPath: [1, 2] });
    expect(rising.reachable).toBe(true);
    expect(rising.budgetPath!.amounts).toEqual([rising.budget! / 2, rising.budget!]);
    // Half the money in 2014 buys less, so the peak must be higher than the flat answer; one step less misses.
    expect(rising.budget!).toBeGreaterThan(constant.budget!);
    expect(rising.below!.pMet).toBeLessThan(0.6);
  });
});

describe("allocate --budget with a path (CLI)", () => {
  it("more amounts than projected years is an input error (exit 1); a malformed path a usage error (exit 2)", () => {
    const bad = cli([
      "allocate",
      "--budget",
      "1000,2000,3000",
      "--paths",
      "100",
      "--quiet",
      "--out",
      "/tmp/targetcast-bp",
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("3 yearly amounts but the scenario projects 2 years (2014–2015)");
    const malformed = cli(["allocate", "--budget", "1000,", "--quiet"]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("is not a list of amounts");
  });
});

describe("refusals of a budget and of a budget path (each names the file, the amount and the fix)", () => {
  const p = plan(s, baseline, cat);
  for (const [what, amounts] of [
    ["empty", []],
    ["a negative amount", [100, -1]],
    ["not a number", [Number.NaN]],
    ["infinite", [Number.POSITIVE_INFINITY]],
  ] as const) {
    it(`a path that is ${what}`, () => {
      let err: unknown;
      try {
        budgetPath([...amounts], p, "mem.yaml");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      const e = err as InputError;
      expect(e.file).toBe("mem.yaml");
      expect(e.problem).toBe(`the budget path ${amounts.join(",")} has an amount that is not a number ≥ 0`);
      expect(e.fix).toMatch(/^give --budget as amounts ≥ 0 separated by commas/);
    });
  }
  it("a zero path is allowed (nothing spent)", () => {
    expect(budgetPath([0], p, "mem.yaml").amounts).toEqual([0, 0]);
  });
  for (const budget of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`allocateBudget refuses budget ${budget}`, () => {
      let err: unknown;
      try {
        allocateBudget({ ...base, budget });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).file).toBe("mem.yaml");
      expect((err as InputError).problem).toBe(`budget ${budget} is not a non-negative number`);
    });
  }
});
