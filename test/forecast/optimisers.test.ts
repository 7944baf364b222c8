import { describe, expect, it } from "vitest";
import { compassSearch } from "../../src/forecast/compass-search.js";
import { nelderMead } from "../../src/forecast/nelder-mead.js";

describe("box-constrained minimisers", () => {
  it("Nelder–Mead finds an interior minimum", () => {
    const r = nelderMead(([x, y]) => (x - 0.3) ** 2 + 2 * (y - 0.7) ** 2, [0.9, 0.1], [0, 0], [1, 1]);
    expect(r.x[0]).toBeCloseTo(0.3, 6);
    expect(r.x[1]).toBeCloseTo(0.7, 6);
  });
  it("Nelder–Mead stays in the box and reaches a minimum on a bound", () => {
    const r = nelderMead(([x]) => (x - 1.5) ** 2, [0.2], [0], [1]);
    expect(r.x[0]).toBe(1);
  });
  it("compass search polishes a minimum on one bound with the other coordinate interior", () => {
    const r = compassSearch(([x, y]) => (x - 0.2) ** 2 + y, [0.9, 0.5], [0, 0], [1, 1]);
    expect(r.x[0]).toBeCloseTo(0.2, 9);
    expect(r.x[1]).toBe(0);
  });
  it("are deterministic", () => {
    const f = ([x, y]: number[]) => Math.sin(5 * x) + (y - 0.4) ** 2;
    expect(nelderMead(f, [0.5, 0.5], [0, 0], [1, 1])).toEqual(nelderMead(f, [0.5, 0.5], [0, 0], [1, 1]));
  });
});

/** Every point the minimiser hands the objective, copied, and its result. */
function traced<R>(minimise: (f: (x: number[]) => number) => R, f: (x: number[]) => number) {
  const points: number[][] = [];
  const result = minimise((x) => {
    points.push([...x]);
    return f(x);
  });
  return { points, result };
}

/** Points compared coordinate by coordinate to 12 decimals (the steps are sums of tenths). */
function expectPoints(actual: number[][], expected: number[][]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((p, i) => {
    expect(p).toHaveLength(expected[i].length);
    p.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12));
  });
}

describe("nelderMead step by step (traced by hand)", () => {
  it("builds the first simplex one step of step · (upper − lower) along each axis, stepping back at the upper bound", () => {
    const start = (x: number[], lower: number[], upper: number[], step?: number) =>
      traced(
        (f) => nelderMead(f, x, lower, upper, { maxIter: 0, step }),
        () => 1,
      ).points;
    expect(start([0.9, 0.1], [0, 0], [1, 1])).toEqual([
      [0.9, 0.1],
      [1, 0.1], // 0.9 + 0.1 = 1 is still inside: forward
      [0.9, 0.2],
    ]);
    expectPoints(start([2], [1], [3]), [[2], [2.2]]); // step 0.1 × width 2
    expectPoints(start([0.95, 1.5], [0, 0], [1, 1]), [
      [0.95, 1], // the start is projected onto the box
      [0.85, 1], // 0.95 + 0.1 would leave the box: backward
      [0.95, 0.9],
    ]);
  });

  it("reflects, expands, projects onto the box and contracts outside ((x − 0.3)² from 0.9 in [0, 1])", () => {
    // {0.9, 1}: centroid 0.9, reflect 0.8 (better than the best) → expand 0.7 (better still, kept);
    // {0.7, 0.9}: 0.5 → 0.3 kept; {0.3, 0.7}: reflect −0.1, projected to 0 (f 0.09: worse than the best,
    // better than the worst 0.16) → outside contraction 0.3 − ½ · 0.4 = 0.1 (f 0.04 < 0.09, kept).
    const { points, result } = traced(
      (f) => nelderMead(f, [0.9], [0], [1]),
      ([x]) => (x - 0.3) ** 2,
    );
    expectPoints(points.slice(0, 8), [[0.9], [1], [0.8], [0.7], [0.5], [0.3], [0], [0.1]]);
    expect(result.x[0]).toBeCloseTo(0.3, 12);
    expect(result.f).toBeLessThan(1e-20);
  });

  it("keeps the reflection when the expansion is worse ((x − 0.33)² from 0.45, one iteration)", () => {
    // {0.45 (0.0144), 0.55 (0.0484)}: reflect 0.35 (0.0004), expand 0.25 (0.0064): keep 0.35, the best.
    const { points, result } = traced(
      (f) => nelderMead(f, [0.45], [0], [1], { maxIter: 1 }),
      ([x]) => (x - 0.33) ** 2,
    );
    expectPoints(points, [[0.45], [0.55], [0.35], [0.25]]);
    expect(result.x[0]).toBeCloseTo(0.35, 12);
    expect(result.iterations).toBe(1);
  });

  it("takes an expansion only when strictly better than the reflection (a tie keeps the reflection)", () => {
    // f = 1 below 0.45, 2 + x above: reflect 0.4 (1 < 2.5), expand 0.3 (1, a tie) → keep 0.4.
    const { points, result } = traced(
      (f) => nelderMead(f, [0.5], [0], [1], { maxIter: 1 }),
      ([x]) => (x < 0.45 ? 1 : 2 + x),
    );
    expectPoints(points, [[0.5], [0.6], [0.4], [0.3]]);
    expect(result.x[0]).toBeCloseTo(0.4, 12);
  });

  it("contracts inside when the reflection is worse than the worst, and returns the best vertex after the last step", () => {
    // {0.3 (0.0016), 0.2 (0.0036)}: reflect 0.4 (0.0196 ≥ 0.0036) → inside contraction 0.25 (0.0001), kept.
    const { points, result } = traced(
      (f) => nelderMead(f, [0.2], [0], [1], { maxIter: 1 }),
      ([x]) => (x - 0.26) ** 2,
    );
    expectPoints(points, [[0.2], [0.3], [0.4], [0.25]]);
    expect(result.x[0]).toBeCloseTo(0.25, 12); // the replaced vertex, not the first of the last ordering
    expect(result.f).toBeCloseTo(0.0001, 15);
    expect(result.iterations).toBe(1);
  });

  it("keeps a reflection between the best and the second worst (two parameters, two iterations)", () => {
    // f = (x − 0.62)² + (y − 0.47)²; simplex A (0.5, 0.5) 0.0153, B (0.6, 0.5) 0.0013, C (0.5, 0.6) 0.0313.
    // Centroid of B, A = (0.55, 0.5); reflect C → (0.6, 0.4), f 0.0053: between 0.0013 and 0.0153 → kept.
    // Then {B, r, A}: centroid (0.6, 0.45), reflect A → (0.7, 0.4), f 0.0113 < 0.0153 but ≥ 0.0053 →
    // outside contraction (0.65, 0.425), f 0.002925.
    const { points, result } = traced(
      (f) => nelderMead(f, [0.5, 0.5], [0, 0], [1, 1], { maxIter: 2 }),
      ([x, y]) => (x - 0.62) ** 2 + (y - 0.47) ** 2,
    );
    expectPoints(points, [
      [0.5, 0.5],
      [0.6, 0.5],
      [0.5, 0.6],
      [0.6, 0.4],
      [0.7, 0.4],
      [0.65, 0.425],
    ]);
    expect(result.x).toEqual([0.6, 0.5]);
    expect(result.iterations).toBe(2);
  });

  it("shrinks towards the best vertex when no contraction helps, until the simplex is below xTol", () => {
    // f = 0 at 0.2, 1 elsewhere. {0.2, 0.3}: reflect 0.1 (1, not below the worst's 1: inside),
    // contract 0.25 (1, not better) → shrink: 0.2 + ½ · 0.1 = 0.25. Each iteration halves the simplex
    // (3 calls); the diameter 0.1 / 2^k reaches xTol = 1e-3 after k = 7 iterations (1e-10: 30).
    const flat = ([x]: number[]) => (x === 0.2 ? 0 : 1);
    const { points, result } = traced((f) => nelderMead(f, [0.2], [0], [1], { xTol: 1e-3 }), flat);
    expectPoints(points.slice(0, 8), [[0.2], [0.3], [0.1], [0.25], [0.25], [0.15], [0.225], [0.225]]);
    expect(result).toEqual({ x: [0.2], f: 0, iterations: 7 });
    expect(points).toHaveLength(2 + 3 * 7);
    const full = traced((f) => nelderMead(f, [0.2], [0], [1]), flat);
    expect(full.result).toEqual({ x: [0.2], f: 0, iterations: 30 });
    expect(full.points).toHaveLength(2 + 3 * 30);
  });

  it("on a tie with the best, contracts outside, then shrinks when the contraction only ties", () => {
    // f = 1 below 0.55, else 2. {0.5 (1), 0.6 (2)}: reflect 0.4 (1 = the best: no expansion; < 2:
    // outside) → contract 0.45 (1, not below the reflection's 1) → shrink to 0.55 (2).
    const { points } = traced(
      (f) => nelderMead(f, [0.5], [0], [1]),
      ([x]) => (x < 0.55 ? 1 : 2),
    );
    expectPoints(points.slice(0, 5), [[0.5], [0.6], [0.4], [0.45], [0.55]]);
  });

  it("stops at once when the values agree within fTol relative to the best, or the simplex is within xTol", () => {
    const calls = (f: (x: number[]) => number, opts: Parameters<typeof nelderMead>[4]) =>
      traced((g) => nelderMead(g, [0.5], [0], [1], opts), f);
    // 1.6 − 1.5 ≤ 0.5 · 1.5
    expect(calls(([x]) => 1 + x, { fTol: 0.5 }).result).toEqual({ x: [0.5], f: 1.5, iterations: 0 });
    // all values 0: 0 ≤ fTol · (0 + 1e-300)
    expect(calls(() => 0, {}).result.iterations).toBe(0);
    // equal values and fTol 0: 0 ≤ 0
    expect(calls(() => 1, { fTol: 0 }).result.iterations).toBe(0);
    // the simplex {0.5, 0.75} has diameter exactly xTol = 0.25
    const x = calls(([v]) => v, { step: 0.25, xTol: 0.25 });
    expect(x.result).toEqual({ x: [0.5], f: 0.5, iterations: 0 });
    expect(x.points).toEqual([[0.5], [0.75]]);
  });

  it("stops after maxIter iterations", () => {
    const r = nelderMead(([x, y]) => (x - 0.3) ** 2 + 2 * (y - 0.7) ** 2, [0.9, 0.1], [0, 0], [1, 1], { maxIter: 3 });
    expect(r.iterations).toBe(3);
    const none = nelderMead(([x]) => (x - 0.3) ** 2, [0.9], [0], [1], { maxIter: 0 });
    expect(none.x).toEqual([0.9]);
    expect(none.f).toBeCloseTo(0.36, 15);
    expect(none.iterations).toBe(0);
  });
});

describe("compassSearch step by step (traced by hand)", () => {
  const trace = (f: (x: number[]) => number, start: number[], lower: number[], upper: number[], opts = {}) =>
    traced((g) => compassSearch(g, start, lower, upper, opts), f);

  it("tries +s then −s on each coordinate, halves every step after a round without improvement", () => {
    // A constant objective never improves: rounds of four calls, steps 0.05 and 0.4 (step 0.05 ×
    // widths 1 and 8) halved until both are ≤ 0.01 — six rounds for the wider one: 1 + 6 × 4 calls.
    const { points, result } = trace(() => 1, [0.5, 4], [0, 0], [1, 8], { xTol: 0.01 });
    expectPoints(points.slice(0, 9), [
      [0.5, 4],
      [0.55, 4],
      [0.45, 4],
      [0.5, 4.4],
      [0.5, 3.6],
      [0.525, 4],
      [0.475, 4],
      [0.5, 4.2],
      [0.5, 3.8],
    ]);
    expect(points).toHaveLength(25);
    expect(result).toEqual({ x: [0.5, 4], f: 1 });
  });

  it("stops when every step is at most xTol (a step equal to xTol stops)", () => {
    // step 0.25 → one round (0.75, 0.25), halved to 0.125 = xTol: stop.
    expect(trace(() => 1, [0.5], [0], [1], { step: 0.25, xTol: 0.125 }).points).toEqual([[0.5], [0.75], [0.25]]);
  });

  it("skips a move that the box projects back onto the point itself", () => {
    // At the lower bound 0: +0.25, (−0.25 → 0: skipped), halve; +0.125, (skipped), halve to 0.0625 ≤ 0.1.
    expect(trace(() => 1, [0], [0], [1], { step: 0.25, xTol: 0.1 }).points).toEqual([[0], [0.25], [0.125]]);
  });

  it("stops after maxEval calls", () => {
    const { points } = trace(() => 1, [0.5, 0.5], [0, 0], [1, 1], { maxEval: 5 });
    expectPoints(points, [
      [0.5, 0.5],
      [0.55, 0.5],
      [0.45, 0.5],
      [0.5, 0.55],
      [0.5, 0.45],
    ]);
  });

  it("projects the start onto the box and moves to the first strict improvement", () => {
    // x + y from (1.5, −0.5) → (1, 0); +0.05 on x is projected back (skipped), −0.05 improves: move.
    const { points, result } = trace(([x, y]) => x + y, [1.5, -0.5], [0, 0], [1, 1], { xTol: 0.01 });
    expectPoints(points.slice(0, 4), [
      [1, 0],
      [0.95, 0],
      [1, 0],
      [0.9, 0],
    ]);
    expect(result.x[0]).toBeCloseTo(0, 12);
    expect(result.x[1]).toBe(0);
  });

  it("scales its step by the box width ((x − 2.5)² from 2 in [1, 3]: steps of 0.1)", () => {
    const { points, result } = trace(([x]) => (x - 2.5) ** 2, [2], [1], [3], { xTol: 0.01 });
    expectPoints(points.slice(0, 8), [[2], [2.1], [2.2], [2.3], [2.4], [2.5], [2.6], [2.4]]);
    expect(result.x[0]).toBeCloseTo(2.5, 12);
  });
});
