/**
 * The targets an allocation scores (prepareTargets) on a small real plan, and the tornado and
 * one-way sweep (src/allocate/sensitivity.ts) on an evaluator whose score is a known function of
 * the parameters held fixed, so every bar is computed by hand.
 */
import { describe, expect, it } from "vitest";
import type { AllocationScore, Evaluator } from "../../src/allocate/evaluate.js";
import { prepareTargets } from "../../src/allocate/evaluate.js";
import { oneWaySweep, tornado } from "../../src/allocate/sensitivity.js";
import type { Target } from "../../src/data/types.js";
import { catalogue, makeBaseline, plan, scenario, target } from "../engine/helpers.js";

describe("prepareTargets", () => {
  const baseline = makeBaseline({ x: { unit: "", values: { 2011: 80, 2012: 90, 2013: 100 } } });
  const p = plan(scenario(2013, 2016, { x: { growth: 0.1 } }), baseline);
  const rel = (id: string, value: number, baseYear: number): Target => ({
    ...target(id, "x", 2015, ">=", value),
    kind: "relative_to_base",
    baseYear,
  });

  it("keeps numeric targets in the projection, with their slot, year index, threshold and weight 1", () => {
    const cat = catalogue(
      target("first", "x", 2014, ">=", 110),
      target("last", "x", 2016, "<", 200),
      target("at_base", "x", 2013, ">=", 1),
      target("past_horizon", "x", 2017, ">=", 1),
      target("unknown", "y", 2015, ">=", 1),
      { ...target("qualitative", "x", 2015, ">=", 1), comparator: null },
      { ...target("no_value", "x", 2015, ">=", 1), value: null },
      rel("doubled", 2, 2012),
      rel("no_base", 2, 2009),
    );
    const slot = p.indicators.indexOf("x");
    expect(prepareTargets(p, cat, baseline)).toEqual([
      { id: "first", slot, yearIndex: 0, comparator: ">=", threshold: 110, weight: 1 },
      { id: "last", slot, yearIndex: 2, comparator: "<", threshold: 200, weight: 1 },
      { id: "doubled", slot, yearIndex: 1, comparator: ">=", threshold: 180, weight: 1 },
    ]);
  });

  it("weights are applied by id; a weight for a target that is not scored is an error naming it", () => {
    const cat = catalogue(target("a", "x", 2014, ">=", 1), target("b", "x", 2015, ">=", 1));
    expect(prepareTargets(p, cat, baseline, new Map([["b", 3]])).map((t) => t.weight)).toEqual([1, 3]);
    expect(() => prepareTargets(p, cat, baseline, new Map([["c", 2]]))).toThrow(
      'mem-targets.csv: weight given for "c", which is not an assessable target. Fix: use target ids from `targetcast targets`',
    );
  });
});

describe("tornado and one-way sweep", () => {
  // Three parameters on 5 paths: k0 draws 1…5 (P10 = 1.4, P90 = 4.6), k1 is fixed at 7 (no bar),
  // k2 draws 10…50. The expected number met is 0.1·k0 + 0.02·k2 with each at its mean (3, 30)
  // unless held; k0 belongs to node 1, which reads the programme's slot 0.
  const paths = 5;
  const draws = Float64Array.from([1, 2, 3, 4, 5, 7, 7, 7, 7, 7, 50, 40, 30, 20, 10]);
  const make = () => {
    const calls: (Map<number, number> | undefined)[] = [];
    const ev = {
      paths,
      draws: null as Float64Array | null,
      evaluations: 0,
      plan: {
        indicators: ["programme.a", "x", "y"],
        params: [{ name: "x.effect" }, { name: "x.fixed" }, { name: "y.growth" }],
        nodes: [
          { reads: [], paramOffset: 0, params: [] },
          { reads: [0], paramOffset: 0, params: [{}, {}] },
          { reads: [], paramOffset: 2, params: [{}] },
        ],
      },
      score(spending: readonly number[], fixed?: Map<number, number>): AllocationScore {
        calls.push(fixed);
        ev.evaluations++;
        ev.draws ??= draws;
        const k0 = fixed?.get(0) ?? 3;
        const k2 = fixed?.get(2) ?? 30;
        const e = 0.1 * k0 + 0.02 * k2;
        return {
          spending: [...spending],
          pMet: Float64Array.of(e / 2, e / 2),
          expectedMet: e,
          score: e,
          scorePerPath: new Float64Array(paths),
          commitmentPMet: new Float64Array(0),
          honoured: true,
        };
      },
    };
    return { ev: ev as unknown as Evaluator, calls };
  };
  const at = (e = 0.6): AllocationScore => ({
    spending: [100],
    pMet: Float64Array.of(0.3, 0.3),
    expectedMet: e,
    score: e,
    scorePerPath: new Float64Array(paths),
    commitmentPMet: new Float64Array(0),
    honoured: true,
  });

  it("one bar per uncertain parameter at its P10 and P90, sorted by swing; fixed parameters have none", () => {
    const { ev, calls } = make();
    const t = tornado(ev, at());
    expect(t.baseline).toBe(0.6);
    // The first call draws the paths (no parameter held).
    expect(calls[0]).toBeUndefined();
    expect(t.bars.map((b) => b.parameter)).toEqual(["y.growth", "x.effect"]);
    const [y, x] = t.bars;
    expect(x).toMatchObject({ label: { zh: "x.effect", en: "x.effect" }, budgetCanChange: true });
    expect(x.lowValue).toBeCloseTo(1.4, 12);
    expect(x.highValue).toBeCloseTo(4.6, 12);
    expect(x.low).toBeCloseTo(0.14 + 0.6, 12);
    expect(x.high).toBeCloseTo(0.46 + 0.6, 12);
    expect(x.lowPMet[0]).toBeCloseTo(0.37, 12);
    expect(x.highPMet[1]).toBeCloseTo(0.53, 12);
    // y's swing 0.02 × (46 − 14) = 0.64 is larger than x's 0.1 × (4.6 − 1.4) = 0.32; its node does not read spending.
    expect(y).toMatchObject({ budgetCanChange: false });
    expect(y.lowValue).toBeCloseTo(14, 12);
    expect(y.highValue).toBeCloseTo(46, 12);
    expect(y.high - y.low).toBeCloseTo(0.64, 12);
  });

  it("the sweep holds one parameter at each quantile of its draws; an unknown one is an error", () => {
    const { ev } = make();
    const s = oneWaySweep(ev, at(), "y.growth", [0, 0.5, 1]);
    expect(s.map((p) => p.quantile)).toEqual([0, 0.5, 1]);
    expect(s.map((p) => p.value)).toEqual([10, 30, 50]);
    expect(s.map((p) => +p.expectedMet.toFixed(12))).toEqual([0.5, 0.9, 1.3]);
    expect(oneWaySweep(ev, at(), "x.effect").map((p) => p.quantile)).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    expect(() => oneWaySweep(ev, at(), "nope")).toThrow("unknown parameter nope");
  });
});
