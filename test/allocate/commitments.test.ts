/**
 * An adopted commitment in `allocate` is a constraint (src/allocate/optimise.ts, goalSeek.ts): a split
 * honours it when its P(met) is at least the on-track cut-off; such splits beat any that do not; the
 * goal seek's budget must honour it too. Small deterministic plan, answers by hand.
 */
import { describe, expect, it } from "vitest";
import { goalSeek } from "../../src/allocate/goalSeek.js";
import { allocateBudget } from "../../src/allocate/runAllocation.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";

const history = (v: number, unit = "") => ({ unit, values: { 2011: v, 2012: v, 2013: v } });
const baseline = makeBaseline({
  out: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } },
  spend: history(100, "万元"),
  total: history(10_000, "万元"),
  fund: history(300, "万元"),
});
// out_2015 = 121 · (1.08 + r(B))² with r(B) = 0.1 · B / (B + 1000): reaches 121 · 1.125² at B* = 818.18.
// The budget is added to spend (budget.adds_to), so share_2015 = 100 · (100 + B) / 10,000 ≥ 10 needs B ≥ 900.
const cat = catalogue(
  target("out_2015", "out", 2015, ">=", 121 * 1.125 ** 2),
  { ...target("share_2015", "fiscal_share", 2015, ">=", 10, "%"), nature: "commitment" },
  { ...target("fund_2015", "fund", 2015, ">=", 500, "万元"), nature: "commitment" },
);
const s = scenario(
  2013,
  2015,
  {
    out: { growth: 0.08 },
    spend: { growth: 0 },
    total: { growth: 0 },
    fund: { growth: 0 },
    fiscal_share: { ratio: { numerator: "spend", denominator: "total", scale: 100 } },
  },
  {
    seed: 5,
    adopts: ["share_2015", "fund_2015"],
    programmes: {
      useful: {
        name: { zh: "有用", en: "Useful" },
        effects: [{ indicator: "out", max_effect: 0.1, half_budget: 1000, lag: 0 }],
      },
    },
    budget: { amount: 0, start_year: 2014, adds_to: "spend", split: { useful: 1 } },
  },
);
const base = { scenario: s, scenarioFile: "mem.yaml", baseline, catalogue: cat };

describe("an adopted commitment is a constraint of the allocation", () => {
  it("is not scored: expectedMet counts the one forecast target only", () => {
    const r = allocateBudget({ ...base, budget: 1000, paths: 50 });
    expect(r.perTarget.map((t) => t.id)).toEqual(["out_2015"]);
    expect(r.best.expectedMet).toBe(1);
    expect(r.noBudget.expectedMet).toBe(0);
  });

  it("is binding below 900 万元 (no split honours it) and honoured from 900 万元", () => {
    const low = allocateBudget({ ...base, budget: 800, paths: 50 });
    expect(low.constraintsMet).toBe(false);
    expect(low.commitments).toEqual([
      expect.objectContaining({ id: "share_2015", honourAt: 0.66, none: 0, equal: 0, best: 0 }),
    ]);
    expect(low.best.honoured).toBe(false);
    const high = allocateBudget({ ...base, budget: 900, paths: 50 });
    expect(high.constraintsMet).toBe(true);
    expect(high.commitments[0]).toMatchObject({ best: 1, honoured: { none: false, equal: true, best: true } });
  });

  it("a commitment the programmes cannot move (a fund on its own trend) is listed apart, not a constraint", () => {
    const r = allocateBudget({ ...base, budget: 900, paths: 50 });
    expect(r.commitmentsOutsideBudget).toEqual(["fund_2015"]);
    expect(r.commitments.map((c) => c.id)).toEqual(["share_2015"]);
  });

  it("goal seek: the goal alone needs 820 万元, the commitment 900 万元, so the answer is 900 and the commitment binds", () => {
    const g = goalSeek({ ...base, goal: { target: "out_2015", p: 0.5 }, paths: 50 });
    expect(g.budget).toBe(900);
    expect(g.commitmentBinding).toBe(true);
    expect(g.below).toEqual({ budget: 890, pMet: 1 });
    expect(g.commitments).toEqual([{ id: "share_2015", pMet: 1, honourAt: 0.66, honoured: true }]);
    // Without the commitment adopted the same goal costs 820 万元 (the closed form of goalSeek.test.ts).
    const free = goalSeek({ ...base, scenario: { ...s, adopts: [] }, goal: { target: "out_2015", p: 0.5 }, paths: 50 });
    expect(free.budget).toBe(820);
    expect(free.commitmentBinding).toBe(false);
  });

  it("a commitment is not a goal to seek, nor a target to weight", () => {
    expect(() => goalSeek({ ...base, goal: { target: "share_2015", p: 0.5 }, paths: 50 })).toThrow(/is a commitment/);
    expect(() => allocateBudget({ ...base, budget: 900, paths: 50, weights: new Map([["share_2015", 2]]) })).toThrow(
      /is a commitment/,
    );
  });
});
