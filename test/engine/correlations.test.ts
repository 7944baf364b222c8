import { describe, expect, it } from "vitest";
import { pathValues, simulate } from "../../src/simulate/monteCarlo.js";
import { makeBaseline, plan, scenario } from "./helpers.js";

const baseline = makeBaseline({
  a: { unit: "亿元", values: { 2010: 100 } },
  b: { unit: "亿元", values: { 2010: 100 } },
  c: { unit: "亿元", values: { 2010: 100 } },
});
const indicators = {
  a: { growth: { dist: "normal", mean: 0.08, sd: 0.02 } },
  b: { growth: { dist: "triangular", min: 0, mode: 0.05, max: 0.1 } },
  c: { growth: { dist: "uniform", min: 0.02, max: 0.06 } },
};
const PATHS = 20_000;

function drawsOf(correlations: unknown[], paths = PATHS, seed = 4) {
  const p = plan(scenario(2010, 2012, indicators, { correlations }), baseline);
  const sim = simulate(p, { paths, seed });
  const col = (name: string) => {
    const k = p.params.findIndex((q) => q.name === name);
    return Array.from(sim.draws.subarray(k * paths, (k + 1) * paths));
  };
  return { a: col("a.growth"), b: col("b.growth"), c: col("c.growth"), sim };
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
const ranks = (x: number[]) => {
  const order = x.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0]);
  const r = new Array<number>(x.length);
  order.forEach(([, i], k) => {
    r[i] = k;
  });
  return r;
};
const spearman = (x: number[], y: number[]) => pearson(ranks(x), ranks(y));

describe("correlated parameters (Gaussian copula within each path)", () => {
  it("normal scores correlate as asked: Spearman ρ_s = (6/π)·asin(ρ/2) for any marginals, within sampling error", () => {
    const rho = 0.6;
    const { a, b, c } = drawsOf([
      { between: ["a.growth", "b.growth"], rho },
      { between: ["b.growth", "c.growth"], rho: -0.4 },
    ]);
    // Sampling sd of Spearman's ρ at n = 20,000 is about (1 − ρ²)/√n < 0.007: allow 3.5 sd.
    expect(Math.abs(spearman(a, b) - (6 / Math.PI) * Math.asin(rho / 2))).toBeLessThan(0.025);
    expect(Math.abs(spearman(b, c) - (6 / Math.PI) * Math.asin(-0.4 / 2))).toBeLessThan(0.025);
    // a–c is not asked for; through b it is ρ_ac = 0 (the matrix has 0 there).
    expect(Math.abs(spearman(a, c))).toBeLessThan(0.025);
    // the normal marginal keeps its mean
    expect(Math.abs(a.reduce((s, v) => s + v, 0) / a.length - 0.08)).toBeLessThan(0.001);
  });

  it("keeps the marginals: the triangular and uniform draws stay in their supports with their means", () => {
    const { b, c } = drawsOf([{ between: ["b.growth", "c.growth"], rho: 0.9 }]);
    expect(Math.min(...b)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...b)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(b.reduce((s, v) => s + v, 0) / b.length - 0.05)).toBeLessThan(0.001); // mean (0 + 0.05 + 0.1)/3
    expect(Math.abs(c.reduce((s, v) => s + v, 0) / c.length - 0.04)).toBeLessThan(0.0005);
  });

  it("without correlations the draws are independent; parameters left out keep their draws exactly", () => {
    const free = drawsOf([]);
    expect(Math.abs(spearman(free.a, free.b))).toBeLessThan(0.025);
    const linked = drawsOf([{ between: ["a.growth", "b.growth"], rho: 0.7 }]);
    expect(linked.c).toEqual(free.c); // common random numbers for everything not correlated
  });

  it("each path's numbers are its own: a batch of paths gives the same bits as the whole run", () => {
    const correlations = [{ between: ["a.growth", "b.growth"], rho: 0.5 }];
    const p = plan(scenario(2010, 2012, indicators, { correlations }), baseline);
    const whole = simulate(p, { paths: 300, seed: 9 });
    const part = simulate(p, { paths: 300, seed: 9, range: [150, 300] });
    const k = p.params.findIndex((q) => q.name === "b.growth");
    expect(Array.from(part.draws.subarray(k * 300 + 150, (k + 1) * 300))).toEqual(
      Array.from(whole.draws.subarray(k * 300 + 150, (k + 1) * 300)),
    );
  });

  it("a pair with a fixed number is left out (a variant may fix a rate); the other pairs hold", () => {
    const fixedC = { ...indicators, c: { growth: 0.04 } };
    const correlations = [
      { between: ["a.growth", "c.growth"], rho: 0.5 },
      { between: ["a.growth", "b.growth"], rho: 0.6 },
    ];
    const p = plan(scenario(2010, 2012, fixedC, { correlations }), baseline);
    expect(p.copula?.members.map((k) => p.params[k].name)).toEqual(["a.growth", "b.growth"]);
    const none = plan(scenario(2010, 2012, fixedC, { correlations: correlations.slice(0, 1) }), baseline);
    expect(none.copula).toBeNull();
  });

  it("refuses unknown names, repeated pairs and inconsistent correlations, naming the fix", () => {
    const bad =
      (correlations: unknown[], fixed = false) =>
      () =>
        plan(
          scenario(2010, 2012, fixed ? { ...indicators, c: { growth: 0.04 } } : indicators, { correlations }),
          baseline,
        );
    expect(bad([{ between: ["a.growht", "b.growth"], rho: 0.5 }])).toThrow(
      /no uncertain parameter "a.growht".*a\.growth/,
    );
    expect(
      bad([
        { between: ["a.growth", "b.growth"], rho: 0.5 },
        { between: ["b.growth", "a.growth"], rho: 0.2 },
      ]),
    ).toThrow(/already correlated/);
    expect(
      bad([
        { between: ["a.growth", "b.growth"], rho: 0.9 },
        { between: ["a.growth", "c.growth"], rho: 0.9 },
        { between: ["b.growth", "c.growth"], rho: -0.9 },
      ]),
    ).toThrow(/not positive definite/);
  });
});

describe("correlated yearly shocks (Gaussian copula within each path and year)", () => {
  // Fixed rates and no bounds, so each year's shock is recovered exactly from the path:
  // v_t = v_{t−1} · (1 + r + σ·ε_t) ⇒ ε_t = (v_t / v_{t−1} − 1 − r) / σ (src/model/growth.ts).
  const shocked = {
    a: { growth: 0.05, volatility: 0.02 },
    b: { growth: 0.05, volatility: 0.03 },
    c: { growth: 0.05, volatility: 0.01 },
  };
  const sd = { a: 0.02, b: 0.03, c: 0.01 } as const;
  const N = 20_000;
  /** Tolerance of a sample correlation at n paths: 4/√n (its sampling sd is at most (1 − ρ²)/√n ≤ 1/√n). */
  const tolerance = (n: number) => 4 / Math.sqrt(n);

  function run(correlations: unknown[], opts: { paths?: number; seed?: number; range?: [number, number] } = {}) {
    const p = plan(scenario(2010, 2012, shocked, { correlations }), baseline);
    const paths = opts.paths ?? N;
    const sim = simulate(p, { paths, seed: opts.seed ?? 8, ...(opts.range ? { range: opts.range } : {}) });
    const shocks = (id: "a" | "b" | "c", year: 2011 | 2012) => {
      const now = pathValues(sim, id, year)!;
      const before = year === 2011 ? null : pathValues(sim, id, 2011)!;
      return Array.from(now, (v, i) => (v / (before ? before[i] : 100) - 1.05) / sd[id]);
    };
    return { p, sim, shocks };
  }

  it("the two shocks of each year correlate as asked, within 4/√n; shocks of different years do not", () => {
    const { shocks } = run([
      { between: ["a.shock", "b.shock"], rho: 0.6 },
      { between: ["b.shock", "c.shock"], rho: -0.4 },
    ]);
    const tol = tolerance(N); // 0.028
    for (const year of [2011, 2012] as const) {
      expect(Math.abs(pearson(shocks("a", year), shocks("b", year)) - 0.6)).toBeLessThan(tol);
      expect(Math.abs(pearson(shocks("b", year), shocks("c", year)) + 0.4)).toBeLessThan(tol);
      expect(Math.abs(pearson(shocks("a", year), shocks("c", year)))).toBeLessThan(tol); // 0 in the matrix
      // Each shock is still N(0, 1): mean within 4/√n, sd within 4/√(2n).
      const x = shocks("b", year);
      const mean = x.reduce((s, v) => s + v, 0) / N;
      const sdX = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (N - 1));
      expect(Math.abs(mean)).toBeLessThan(tol);
      expect(Math.abs(sdX - 1)).toBeLessThan(4 / Math.sqrt(2 * N));
    }
    // Within the year only: a's 2011 shock and b's 2012 shock are independent.
    expect(Math.abs(pearson(shocks("a", 2011), shocks("b", 2012)))).toBeLessThan(tol);
    // And the test can fail: without the block the shocks are independent.
    const free = run([]).shocks;
    expect(Math.abs(pearson(free("a", 2011), free("b", 2011)))).toBeLessThan(tol);
  });

  it("ρ = 0 gives exactly the numbers of no block; a shock left out keeps its numbers exactly", () => {
    const none = run([], { paths: 500 }).sim;
    const zero = run([{ between: ["a.shock", "b.shock"], rho: 0 }], { paths: 500 });
    expect(zero.p.shockCopula).toBeNull();
    const linked = run([{ between: ["a.shock", "b.shock"], rho: 0.8 }], { paths: 500 }).sim;
    for (const slot of [0, 1, 2]) expect(Array.from(zero.sim.values[slot])).toEqual(Array.from(none.values[slot]));
    const c = none.plan.indicators.indexOf("c");
    expect(Array.from(linked.values[c])).toEqual(Array.from(none.values[c])); // common random numbers
    // a's shock is the first member's own: its numbers stay; b's change.
    const [a, b] = ["a", "b"].map((id) => none.plan.indicators.indexOf(id));
    expect(Array.from(linked.values[a])).toEqual(Array.from(none.values[a]));
    expect(Array.from(linked.values[b])).not.toEqual(Array.from(none.values[b]));
  });

  it("each path's shocks are its own: a batch of paths, or a recompute of some nodes only, gives the same bits", () => {
    const correlations = [{ between: ["a.shock", "b.shock"], rho: 0.7 }];
    const whole = run(correlations, { paths: 300, seed: 9 });
    const part = run(correlations, { paths: 300, seed: 9, range: [150, 300] }).sim;
    const b = whole.p.indicators.indexOf("b");
    const tail = (v: Float64Array) => Array.from(v.subarray(150, 300)).concat(Array.from(v.subarray(450, 600)));
    expect(tail(part.values[b])).toEqual(tail(whole.sim.values[b]));
    // Recompute b only (a copied from the previous run): b's correlated shocks still read a's draws.
    const recompute = new Uint8Array(whole.p.indicators.length);
    recompute[b] = 1;
    const reused = simulate(whole.p, { paths: 300, seed: 9, reuse: { sim: whole.sim, recompute } });
    expect(Array.from(reused.values[b])).toEqual(Array.from(whole.sim.values[b]));
  });

  it("leveraged and elastic shocks are correlated too (any mechanism with a volatility)", () => {
    const base = makeBaseline({
      g: { unit: "亿元", values: { 2008: 80, 2009: 90, 2010: 100 } },
      d: { unit: "亿元", values: { 2008: 40, 2009: 45, 2010: 50 } },
      e: { unit: "件", values: { 2008: 10, 2009: 11, 2010: 12 } },
    });
    const ind = {
      g: { growth: 0.05, volatility: 0.02 },
      d: { growth: 0.05 },
      e: { elastic: { driver: "d", elasticity: 0.5, lag: 0 }, volatility: 0.1 },
    };
    const p = plan(scenario(2010, 2011, ind, { correlations: [{ between: ["g.shock", "e.shock"], rho: -0.5 }] }), base);
    const sim = simulate(p, { paths: N, seed: 3 });
    const eps = (id: string, f: (v: number) => number) => Array.from(pathValues(sim, id, 2011)!, f);
    // e_2011 = e_2010 · (d_2011 / d_2010)^β · exp(σ ε) with d growing exactly 5%.
    const g = eps("g", (v) => (v / 100 - 1.05) / 0.02);
    const e = eps("e", (v) => Math.log(v / (12 * 1.05 ** 0.5)) / 0.1);
    expect(Math.abs(pearson(g, e) + 0.5)).toBeLessThan(tolerance(N));
  });

  it("a shock with volatility 0 (a variant may set it) leaves its pair out; deterministic runs draw none", () => {
    const p = plan(
      scenario(
        2010,
        2012,
        { ...shocked, c: { growth: 0.05, volatility: 0 } },
        {
          correlations: [
            { between: ["a.shock", "c.shock"], rho: 0.5 },
            { between: ["a.shock", "b.shock"], rho: 0.5 },
          ],
        },
      ),
      baseline,
    );
    expect(p.shockCopula?.members.map((s) => p.indicators[s])).toEqual(["a", "b"]);
    const det = simulate(p, { paths: 1, seed: 0, deterministic: true });
    expect(pathValues(det, "a", 2012)![0]).toBeCloseTo(100 * 1.05 ** 2, 10);
  });

  it("refuses unknown shocks, shocks of indicators without a volatility, mixed and inconsistent pairs, naming the fix", () => {
    const bad =
      (correlations: unknown[], ind: Record<string, unknown> = shocked) =>
      () =>
        plan(scenario(2010, 2012, ind, { correlations }), baseline);
    expect(bad([{ between: ["z.shock", "b.shock"], rho: 0.5 }])).toThrow(
      /no yearly shock "z\.shock" in this scenario.*Fix: name the shock of an indicator whose mechanism takes a volatility \(a\.shock, b\.shock, c\.shock\)/,
    );
    expect(
      bad([{ between: ["a.shock", "r.shock"], rho: 0.5 }], {
        ...shocked,
        r: { ratio: { numerator: "a", denominator: "b" } },
      }),
    ).toThrow(/no yearly shock "r\.shock".*mechanism takes a volatility/);
    expect(bad([{ between: ["a.shock", "b.growth"], rho: 0.5 }])).toThrow(
      /yearly shock.*parameter.*cannot be correlated/,
    );
    expect(bad([{ between: ["a.shock", "a.shock"], rho: 0.5 }])).toThrow(/paired with itself/);
    expect(
      bad([
        { between: ["a.shock", "b.shock"], rho: 0.9 },
        { between: ["a.shock", "c.shock"], rho: 0.9 },
        { between: ["b.shock", "c.shock"], rho: -0.9 },
      ]),
    ).toThrow(/not positive definite/);
    // Consistent only as a whole (the first two pairs alone would need b–c near 0.9): accepted.
    expect(
      bad([
        { between: ["a.shock", "b.shock"], rho: 0.9 },
        { between: ["a.shock", "c.shock"], rho: 0.9 },
        { between: ["b.shock", "c.shock"], rho: 0.85 },
      ]),
    ).not.toThrow();
    // Shocks and parameters are separate matrices: consistent apart, so accepted together.
    expect(
      bad(
        [
          { between: ["a.shock", "b.shock"], rho: 0.9 },
          { between: ["a.growth", "b.growth"], rho: -0.9 },
        ],
        {
          a: { growth: { dist: "normal", mean: 0.05, sd: 0.01 }, volatility: 0.02 },
          b: { growth: { dist: "normal", mean: 0.05, sd: 0.01 }, volatility: 0.02 },
        },
      ),
    ).not.toThrow();
  });
});
