/**
 * Floors, caps, the equal split and the optimiser (src/allocate/constraints.ts, optimise.ts,
 * marginal.ts) on evaluators whose score is a known function of the split, so every optimum and
 * every number is computed by hand. No Monte Carlo: the score is exact.
 */
import { describe, expect, it } from "vitest";
import { checkBudget, equalSplit, feasible, programmeBounds } from "../../src/allocate/constraints.js";
import type { AllocationScore, Evaluator } from "../../src/allocate/evaluate.js";
import { marginalValues } from "../../src/allocate/marginal.js";
import { compositions, optimiseAllocation } from "../../src/allocate/optimise.js";
import type { Scenario } from "../../src/scenario/schema.js";

/** An evaluator whose score is f(split), counting its evaluations. */
function evaluator(f: (x: readonly number[]) => number): Evaluator {
  const ev = {
    evaluations: 0,
    score(x: readonly number[]): AllocationScore {
      ev.evaluations++;
      const s = f(x);
      return {
        spending: [...x],
        pMet: new Float64Array(0),
        expectedMet: s,
        score: s,
        scorePerPath: Float64Array.of(s),
        commitmentPMet: new Float64Array(0),
        honoured: true,
      };
    },
  };
  return ev as unknown as Evaluator;
}
const bounds = (floor: number[], cap: number[]) => ({ programmes: floor.map((_, i) => `p${i}`), floor, cap });

describe("floors and caps", () => {
  it("programmeBounds reads floors and caps in the scenario's order; no cap is +∞", () => {
    const s = { programmes: { a: { floor: 10, cap: 50 }, b: { floor: 0 } } } as unknown as Scenario;
    expect(programmeBounds(s)).toEqual({ programmes: ["a", "b"], floor: [10, 0], cap: [50, Infinity] });
  });

  it("checkBudget accepts a budget between Σ floors and Σ caps (inclusive) and names both limits otherwise", () => {
    const b = bounds([100, 50], [300, 200]);
    expect(() => checkBudget(150, b, "s.yaml")).not.toThrow();
    expect(() => checkBudget(500, b, "s.yaml")).not.toThrow();
    expect(() => checkBudget(149, b, "s.yaml")).toThrow(
      "s.yaml: a budget of 149 is below the programmes' floors, which add up to 150 (p0 100, p1 50). Fix: give a budget of at least 150, or lower the floors in the scenario's programmes",
    );
    expect(() => checkBudget(501, b, "s.yaml")).toThrow(
      "s.yaml: a budget of 501 is above the programmes' caps, which add up to 500. Fix: lower the budget or raise the caps",
    );
  });

  it("the equal split water-fills: floors first, the rest shared, a capped programme's excess to the others", () => {
    expect(equalSplit(300, bounds([0, 0, 0], [Infinity, Infinity, Infinity]))).toEqual([100, 100, 100]);
    // 300 − 60 of floors = 240 shared by 3 → 80 each, but p0 is capped at 50: its 90 − 50 = 40 go to the others.
    const x = equalSplit(300, bounds([60, 0, 0], [50 + 60, Infinity, Infinity]));
    expect(x[0]).toBeCloseTo(110, 9);
    expect(x[1]).toBeCloseTo(95, 9);
    expect(x[2]).toBeCloseTo(95, 9);
    expect(x.reduce((a, v) => a + v, 0)).toBeCloseTo(300, 9);
    // Everything capped: the split stops at the caps.
    expect(equalSplit(1000, bounds([0, 0], [100, 200]))).toEqual([100, 200]);
    expect(equalSplit(0, bounds([], []))).toEqual([]);
  });

  it("feasible allows 1e-9 of slack at both ends", () => {
    const b = bounds([10, 0], [20, 5]);
    expect(feasible([10, 5], b)).toBe(true);
    expect(feasible([10 - 1e-10, 5 + 1e-10], b)).toBe(true);
    expect(feasible([9.99, 5], b)).toBe(false);
    expect(feasible([10, 5.01], b)).toBe(false);
  });
});

describe("the optimiser", () => {
  it("compositions of 2 units into 3 slots: the 6 of them, in order", () => {
    expect(compositions(2, 3)).toEqual([
      [0, 0, 2],
      [0, 1, 1],
      [0, 2, 0],
      [1, 0, 1],
      [1, 1, 0],
      [2, 0, 0],
    ]);
    expect(compositions(4, 1)).toEqual([[4]]);
  });

  it("a linear score: everything goes to the programme with the largest slope", () => {
    const ev = evaluator((x) => 0.001 * x[0] + 0.003 * x[1] + 0.002 * x[2]);
    const r = optimiseAllocation(ev, 1000, bounds([0, 0, 0], [Infinity, Infinity, Infinity]));
    expect(r.best.spending).toEqual([0, 1000, 0]);
    expect(r.best.score).toBeCloseTo(3, 12);
    // The grid in quarters has C(4 + 2, 2) = 15 splits, and finds the corner itself.
    expect(r.gridSize).toBe(15);
    expect(r.gridBest.spending).toEqual([0, 1000, 0]);
    expect(r.equal.spending.map((v) => +v.toFixed(9))).toEqual([333.333333333, 333.333333333, 333.333333333]);
    // Runners-up: the three next best splits seen, best first, never the best itself.
    expect(r.runnersUp).toHaveLength(3);
    expect(r.runnersUp.map((s) => s.score)).toEqual([...r.runnersUp.map((s) => s.score)].sort((a, b) => b - a));
    expect(r.runnersUp).not.toContain(r.best);
    expect(r.runnersUp[0].score).toBeLessThan(r.best.score);
    expect(r.evaluations).toBe(ev.evaluations);
  });

  it("a concave score: the local search finds the interior optimum the coarse grid misses", () => {
    // Score = −(x₀ − 370)² − (x₁ − 630)² on a budget of 1000: the optimum (370, 630) is off the grid of 250s.
    const ev = evaluator((x) => -((x[0] - 370) ** 2) - (x[1] - 630) ** 2);
    const r = optimiseAllocation(ev, 1000, bounds([0, 0], [Infinity, Infinity]), { finestSteps: 1000 });
    expect(r.gridBest.spending).toEqual([250, 750]);
    expect(Math.abs(r.best.spending[0] - 370)).toBeLessThanOrEqual(1);
    expect(r.best.spending[0] + r.best.spending[1]).toBeCloseTo(1000, 9);
    expect(r.best.score).toBeGreaterThan(r.gridBest.score);
  });

  it("floors and caps bind: the best split sits on them, and every split tried is feasible", () => {
    const tried: number[][] = [];
    const ev = evaluator((x) => {
      tried.push([...x]);
      return x[1];
    });
    const b = bounds([200, 0], [Infinity, 700]);
    const r = optimiseAllocation(ev, 1000, b);
    expect(r.best.spending).toEqual([300, 700]);
    for (const x of tried) expect(feasible(x, b), x.join(",")).toBe(true);
  });

  it("a budget of 0: the equal split (all zero) is the only candidate", () => {
    const ev = evaluator(() => 1);
    const r = optimiseAllocation(ev, 0, bounds([0, 0], [Infinity, Infinity]));
    expect(r).toMatchObject({ gridSize: 0, evaluations: 1, runnersUp: [] });
    expect(r.best.spending).toEqual([0, 0]);
    expect(r.gridBest).toBe(r.equal);
  });

  it("a flat score keeps the equal split (a grid split must be strictly better to win)", () => {
    const r = optimiseAllocation(
      evaluator(() => 2),
      900,
      bounds([0, 0, 0], [Infinity, Infinity, Infinity]),
    );
    expect(r.best.spending).toEqual([300, 300, 300]);
  });

  it("stops after maxEvaluations of the local search", () => {
    const ev = evaluator((x) => -((x[0] - 370) ** 2));
    const r = optimiseAllocation(ev, 1000, bounds([0, 0], [Infinity, Infinity]), {
      maxEvaluations: 1,
      finestSteps: 1e6,
    });
    // Grid (5 splits, the equal split among them) and one round of the local search (2 moves).
    expect(r.evaluations).toBeLessThanOrEqual(5 + 2);
  });
});

describe("marginal values", () => {
  it("the score's change per step; a step cut short by a cap is scaled up; a capped programme adds 0", () => {
    const ev = evaluator((x) => 0.002 * x[0] + 0.005 * x[1] + 0.01 * x[2]);
    const at = ev.score([100, 100, 100]);
    const m = marginalValues(ev, at, ["a", "b", "c"], 100, [1000, 150, 100]);
    expect(m.map((v) => v.programme)).toEqual(["a", "b", "c"]);
    expect(m[0].score).toBeCloseTo(0.2, 12);
    expect(m[0].expectedMet).toBeCloseTo(0.2, 12);
    // b may take only 50 more: 0.25 gained, scaled to a step of 100 → 0.5.
    expect(m[1].score).toBeCloseTo(0.5, 12);
    expect(m[2]).toEqual({ programme: "c", expectedMet: 0, score: 0, step: 100 });
    expect(m.every((v) => v.step === 100)).toBe(true);
  });
});
