/**
 * Goal seek on small plans with known answers: a closed form without uncertainty, a bisection by
 * hand with uncertainty, a goal beyond the caps, the expected-count goal and bad goals.
 */
import { describe, expect, it } from "vitest";
import { makeEvaluator, prepareTargets } from "../../src/allocate/evaluate.js";
import { goalSeek } from "../../src/allocate/goalSeek.js";
import { InputError } from "../../src/data/errors.js";
import { catalogue, makeBaseline, plan, scenario, target } from "../engine/helpers.js";

const baseline = makeBaseline({
  out: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
  other: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
});
// out_2015 = 121 · (1 + g + r(B))² with r(B) = 0.1 · B / (B + 1000) from 2014 (lag 0).
// Without uncertainty (g = 0.08) the target 121 · 1.125² needs r = 0.045, i.e. B* = 1000 · 0.045 / 0.055 = 818.18.
const T = 121 * 1.125 ** 2;
const cat = catalogue(target("out_2015", "out", 2015, ">=", T), target("other_2015", "other", 2015, ">=", 140));

function goalScenario(growth: unknown, caps: { useful?: number; useless?: number } = {}) {
  return scenario(
    2013,
    2015,
    { out: { growth }, other: { growth: 0.05 } },
    {
      seed: 5,
      programmes: {
        useful: {
          name: { zh: "有用", en: "Useful" },
          ...(caps.useful ? { cap: caps.useful } : {}),
          effects: [{ indicator: "out", max_effect: 0.1, half_budget: 1000, lag: 0 }],
        },
        useless: {
          name: { zh: "无用", en: "Useless" },
          ...(caps.useless ? { cap: caps.useless } : {}),
          effects: [{ indicator: "other", max_effect: 0.01, half_budget: 1000, lag: 0 }],
        },
      },
      budget: { amount: 0, start_year: 2014, split: { useful: 0.5, useless: 0.5 } },
    },
  );
}
const base = { scenarioFile: "mem.yaml", baseline, catalogue: cat };

describe("goal seek", () => {
  it("closed form: P(met) ≥ 0.5 first at B* = 818.18, so 820 on a 10 万元 grid, all to the useful programme", () => {
    const g = goalSeek({ ...base, scenario: goalScenario(0.08), goal: { target: "out_2015", p: 0.5 }, paths: 200 });
    expect(g.reachable).toBe(true);
    expect(g.budget).toBe(820);
    expect(g.split).toEqual({ useful: 820, useless: 0 });
    expect(g.pMet).toBe(1);
    expect(g.pMetStandardError).toBe(0);
    expect(g.below).toEqual({ budget: 810, pMet: 0 });
    expect(g.pMetNoBudget).toBe(0);
    expect(g.searchLimit).toEqual({ budget: 100_000, from: "maxBudget" });
    // one target gained (other_2015 is missed either way): 820 万元 a year per extra target met
    expect(g.expectedMet - g.expectedMetNoBudget).toBe(1);
    expect(g.costPerExtraTargetMet).toBe(820);
  });

  it("with uncertainty: agrees with a bisection by hand on the same draws, and P(met) < p one step below", () => {
    const s = goalScenario({ dist: "normal", mean: 0.08, sd: 0.03 });
    const paths = 1000;
    const goal = { target: "out_2015", p: 0.7 };
    const g = goalSeek({ ...base, scenario: s, goal, paths, tolerance: 10 });
    // By hand: all money to the useful programme (the other does nothing for this target).
    const p = plan(s, baseline, cat);
    const ev = makeEvaluator(p, prepareTargets(p, cat, baseline), paths, 5);
    const pOut = (b: number) => ev.score([b, 0]).pMet[0];
    let lo = 0;
    let hi = 100_000;
    expect(pOut(lo)).toBeLessThan(0.7);
    expect(pOut(hi)).toBeGreaterThanOrEqual(0.7);
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      if (pOut(mid) >= 0.7) hi = mid;
      else lo = mid;
    }
    expect(g.reachable).toBe(true);
    expect(g.budget!).toBeGreaterThanOrEqual(hi - 0.5);
    expect(g.budget! - 10).toBeLessThan(hi);
    expect(g.pMet).toBeGreaterThanOrEqual(0.7);
    expect(g.below!.budget).toBe(g.budget! - 10);
    expect(g.below!.pMet).toBeLessThan(0.7);
    expect(g.pMetStandardError).toBeCloseTo(Math.sqrt((g.pMet * (1 - g.pMet)) / (paths - 1)), 12);
    // Cost per extra target met = budget / (expected met at the budget − with none); here the gain is a fraction.
    const gained = g.expectedMet - g.expectedMetNoBudget;
    expect(gained).toBeGreaterThan(0);
    expect(gained).not.toBeCloseTo(1, 3);
    expect(g.costPerExtraTargetMet).toBeCloseTo(g.budget! / gained, 9);
  });

  it("says when the caps make the goal unreachable, with what the caps give", () => {
    const g = goalSeek({
      ...base,
      scenario: goalScenario(0.08, { useful: 500, useless: 500 }),
      goal: { target: "out_2015", p: 0.5 },
      paths: 200,
    });
    expect(g.reachable).toBe(false);
    expect(g.budget).toBeNull();
    expect(g.searchLimit).toEqual({ budget: 1000, from: "caps" });
    expect(g.pMet).toBe(0); // r(500) = 0.033 < 0.045
    expect(g.split.useful).toBeCloseTo(500, 9);
    expect(g.costPerExtraTargetMet).toBeNull(); // no budget reaches the goal: no cost to quote
  });

  it("expected:K seeks the expected number of targets met", () => {
    const g = goalSeek({ ...base, scenario: goalScenario(0.08), goal: { target: "expected", p: 1 }, paths: 200 });
    expect(g.budget).toBe(820);
    expect(g.pMet).toBe(1); // the measure is now the expected number met
  });

  it("an unknown target or an impossible level is a clear input error", () => {
    const s = goalScenario(0.08);
    const err = (goal: { target: string; p: number }) => {
      try {
        goalSeek({ ...base, scenario: s, goal, paths: 100 });
      } catch (e) {
        return e;
      }
      return null;
    };
    const unknown = err({ target: "out_2016", p: 0.5 });
    expect(unknown).toBeInstanceOf(InputError);
    expect((unknown as Error).message).toMatch(/no target "out_2016"/);
    expect((err({ target: "out_2015", p: 1.5 }) as Error).message).toMatch(/not a probability/);
    expect((err({ target: "expected", p: 3 }) as Error).message).toMatch(/between 0 and the 2 assessable targets/);
  });
});
