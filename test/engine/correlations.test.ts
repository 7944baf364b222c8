import { describe, expect, it } from "vitest";
import { InputError } from "../../src/data/errors.js";
import { simulate } from "../../src/simulate/monteCarlo.js";
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
    ).toThrow(InputError);
  });
});
