/**
 * nelderMeadNash against R's optim(method = "Nelder-Mead") (R 4, same algorithm: Nash 1990,
 * Algorithm 19). The reference figures were printed by Rscript with `print(o$par, digits = 17)`,
 * `o$value`, `o$counts["function"]` and `o$convergence`; the step-by-step case is traced by hand.
 */
import { describe, expect, it } from "vitest";
import { nelderMeadNash } from "../../src/forecast/nelder-mead-nash.js";

const rosenbrock = (x: ArrayLike<number>) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

/** Every point the objective is handed, copied (the optimiser reuses its scratch arrays). */
function recordPoints(f: (x: Float64Array) => number, start: number[]) {
  const points: number[][] = [];
  const result = nelderMeadNash((x) => {
    points.push(Array.from(x));
    return f(x);
  }, start);
  return { points, result };
}

describe("nelderMeadNash lands where R's optim(method = 'Nelder-Mead') does", () => {
  it("Rosenbrock from (−1.2, 1): R's par, value and 195 function calls", () => {
    // optim(c(-1.2, 1), fr): par 1.0002601387256695 1.0005059993037650, value 8.8252410967227472e-08
    const r = nelderMeadNash(rosenbrock, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1.0002601387256695, 13);
    expect(r.x[1]).toBeCloseTo(1.000505999303765, 13);
    expect(r.f).toBeCloseTo(8.8252410967227472e-8, 17);
    expect(r.evaluations).toBe(195);
    expect(r.status).toBe(0);
  });

  it("an elliptic quadratic from (1, 5): R's par and 89 calls; f is the value at x", () => {
    const q = (x: ArrayLike<number>) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2;
    const r = nelderMeadNash(q, [1, 5]);
    expect(r.x[0]).toBeCloseTo(3.0006961682942261, 13);
    expect(r.x[1]).toBeCloseTo(-1.0003725200493563, 13);
    expect(r.f).toBeCloseTo(7.6219266823055089e-7, 18);
    expect(r.f).toBe(q(r.x));
    expect(r.evaluations).toBe(89);
    expect(r.status).toBe(0);
  });

  it("three parameters from the origin: R's par, value −25/7 and 160 calls", () => {
    // The minimum of (x−1)² + 2(y+2)² + 3(z−½)² + xy is at (16/7, −18/7, ½), value −25/7.
    const f3 = (x: ArrayLike<number>) => (x[0] - 1) ** 2 + 2 * (x[1] + 2) ** 2 + 3 * (x[2] - 0.5) ** 2 + x[0] * x[1];
    const r = nelderMeadNash(f3, [0, 0, 0]);
    expect(r.x[0]).toBeCloseTo(2.28553505343989727, 12);
    expect(r.x[1]).toBeCloseTo(-2.57129541377875359, 12);
    expect(r.x[2]).toBeCloseTo(0.50003410481390753, 12);
    expect(r.f).toBeCloseTo(-3.5714285242191774, 14);
    expect(r.f).toBeCloseTo(-25 / 7, 6);
    expect(r.evaluations).toBe(160);
    expect(r.status).toBe(0);
  });

  it("a looser relTol stops earlier, where R's reltol = 1e-4 stops (67 calls)", () => {
    const q = (x: ArrayLike<number>) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2;
    const r = nelderMeadNash(q, [1, 5], { relTol: 1e-4 });
    expect(r.x[0]).toBeCloseTo(3.0340338882134859, 13);
    expect(r.x[1]).toBeCloseTo(-1.005135483253639, 13);
    expect(r.f).toBeCloseTo(0.0012110519234248642, 16);
    expect(r.evaluations).toBe(67);
  });

  it("stops with status 1 after maxEvaluations, where R's maxit = 30 stops (31 calls, convergence 1)", () => {
    const r = nelderMeadNash(rosenbrock, [-1.2, 1], { maxEvaluations: 30 });
    expect(r.x[0]).toBeCloseTo(-0.9910125732421875, 14);
    expect(r.x[1]).toBeCloseTo(0.99044738769531204, 14);
    expect(r.f).toBeCloseTo(3.9710890745989733, 13);
    expect(r.evaluations).toBe(31);
    expect(r.status).toBe(1);
  });

  it("a kinked objective |x| + |y| from (1, 1): R's par and 127 calls (shrinks included)", () => {
    const r = nelderMeadNash((x) => Math.abs(x[0]) + Math.abs(x[1]), [1, 1]);
    expect(r.x[0]).toBeCloseTo(-5.4887706120361778e-9, 17);
    expect(r.x[1]).toBeCloseTo(1.8159023660433979e-8, 17);
    expect(r.f).toBeCloseTo(2.3647794272470159e-8, 17);
    expect(r.evaluations).toBe(127);
  });

  it("max(|x − 1|, |y − 2|) from the origin: R's par and 121 calls", () => {
    const r = nelderMeadNash((x) => Math.max(Math.abs(x[0] - 1), Math.abs(x[1] - 2)), [0, 0]);
    expect(r.x[0]).toBeCloseTo(0.99999999836693021, 14);
    expect(r.x[1]).toBeCloseTo(1.99999991179596748, 14);
    expect(r.f).toBeCloseTo(8.8204032522298803e-8, 17);
    expect(r.evaluations).toBe(121);
  });

  it("treats a non-finite value as BIG = 1e35: stays in x ≥ 0 as R does (100 calls)", () => {
    // optim(c(1), function(x) if (x < 0) Inf else (x + 1)^2): par 4.7683714932134123e-08, value 1.0000000953674322
    const r = nelderMeadNash((x) => (x[0] < 0 ? Number.POSITIVE_INFINITY : (x[0] + 1) ** 2), [1]);
    expect(r.x[0]).toBeCloseTo(4.7683714932134123e-8, 20);
    expect(r.f).toBeCloseTo(1.0000000953674322, 15);
    expect(r.evaluations).toBe(100);
    // NaN counts as infeasible too: the same path.
    const n = nelderMeadNash((x) => (x[0] < 0 ? Number.NaN : (x[0] + 1) ** 2), [1]);
    expect(n).toEqual(r);
  });
});

describe("nelderMeadNash step by step", () => {
  it("the initial simplex steps 0.1 · max |x_i| along each axis (0.1 when the start is 0)", () => {
    expect(recordPoints((x) => (x[0] - 3) ** 2 + x[1] ** 2, [2, -5]).points.slice(0, 3)).toEqual([
      [2, -5],
      [2.5, -5],
      [2, -4.5],
    ]);
    expect(recordPoints((x) => (x[0] - 3) ** 2 + x[1] ** 2, [0, 0]).points.slice(0, 3)).toEqual([
      [0, 0],
      [0.1, 0],
      [0, 0.1],
    ]);
  });

  it("reflects, expands, keeps a reflection when the expansion is worse, then contracts ((x − 3)² from 1)", () => {
    // Traced by hand; the same points as R's optim. Simplex {1, 1.1}: reflect 2·1.1 − 1 = 1.2 (better than the best) → expand
    // 2·1.2 − 1.1 = 1.3 (better still, kept); {1.1, 1.3}: 1.5, 1.7 kept; {1.3, 1.7}: 2.1, 2.5 kept;
    // {1.7, 2.5}: reflect 3.3 (f 0.09), expand 4.1 (f 1.21, worse) → keep 3.3; {2.5, 3.3}: reflect
    // 4.1 (f 1.21, worse than the worst 0.25) → contract halfway to the worst, 0.5·2.5 + 0.5·3.3 = 2.9.
    const { points, result } = recordPoints((x) => (x[0] - 3) ** 2, [1]);
    const expected = [1, 1.1, 1.2, 1.3, 1.5, 1.7, 2.1, 2.5, 3.3, 4.1, 4.1, 2.9];
    expect(points.length).toBe(result.evaluations);
    points.slice(0, expected.length).forEach(([x], i) => expect(x).toBeCloseTo(expected[i], 12));
    // Then 2.5 (reflection) and 3.1 (contraction): f(2.9) = f(3.1) = 0.01 to the last bit, the values
    // agree within the tolerance and it stops at 2.9 after 14 calls — as R's optim(1, …) does (its
    // "one-dimensional optimization by Nelder-Mead is unreliable").
    expect(result.evaluations).toBe(14);
    expect(result.x[0]).toBe(2.9000000000000017);
    expect(result.status).toBe(0);
  });

  it("returns a copy of the best vertex, not the scratch array", () => {
    const r = nelderMeadNash((x) => (x[0] - 3) ** 2, [1]);
    expect(Array.isArray(r.x)).toBe(true);
    expect(r.x).toHaveLength(1);
  });

  it("refuses a start where the objective is not finite, saying so", () => {
    expect(() => nelderMeadNash(() => Number.NaN, [1])).toThrow(
      new RangeError("nelderMeadNash: the objective is not finite at the starting point"),
    );
    expect(() => nelderMeadNash(() => Number.POSITIVE_INFINITY, [0, 0])).toThrow(RangeError);
  });

  it("is deterministic", () => {
    expect(nelderMeadNash(rosenbrock, [-1.2, 1])).toEqual(nelderMeadNash(rosenbrock, [-1.2, 1]));
  });
});
