/**
 * Properties of the Monte Carlo engine (src/simulate/monteCarlo.ts) and its samplers
 * (src/stats/samplers.ts): reproducibility, independence from batching, agreement with the
 * deterministic projection when nothing is uncertain, ordered quantiles, probabilities in
 * [0, 1], monotone response to a growth rate, and the moments of the samplers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { assessTargets } from "../../src/assess/assess.js";
import { runScenario } from "../../src/assess/runScenario.js";
import { type Inputs, loadInputs } from "../../src/project/inputs.js";
import { loadScenario } from "../../src/scenario/load.js";
import { Scenario } from "../../src/scenario/schema.js";
import { BLOCK, blockSize, pathValues, project, simulate, summariseSimulation } from "../../src/simulate/monteCarlo.js";
import { buildPlan, type Plan } from "../../src/simulate/plan.js";
import { centralValue, type Param } from "../../src/stats/param.js";
import { pathRng } from "../../src/stats/rng.js";
import { gamma, negativeBinomial, poisson, standardNormal, triangular } from "../../src/stats/samplers.js";
import { catalogue, makeBaseline, plan as planOf, scenario, target } from "./helpers.js";

let inputs: Inputs;
let baselineScenario: Scenario;

beforeAll(async () => {
  inputs = await loadInputs({});
  baselineScenario = (await loadScenario("scenarios/baseline.yaml")).scenario;
});

function bundledPlan(s: Scenario, cat = inputs.catalogue): Plan {
  return buildPlan({
    scenario: s,
    scenarioFile: "scenarios/baseline.yaml",
    baseline: inputs.baseline,
    catalogue: cat,
    dictionary: inputs.dictionary,
  });
}

describe("reproducibility", () => {
  it("the same seed gives identical Float64Arrays; another seed gives different ones", () => {
    const p = bundledPlan(baselineScenario);
    const a = simulate(p, { paths: 100, seed: 42 });
    const b = simulate(p, { paths: 100, seed: 42 });
    const c = simulate(p, { paths: 100, seed: 43 });
    expect(a.values.length).toBe(p.indicators.length);
    for (let s = 0; s < a.values.length; s++) {
      expect(a.values[s]).toBeInstanceOf(Float64Array);
      expect(Buffer.from(a.values[s].buffer).equals(Buffer.from(b.values[s].buffer))).toBe(true);
    }
    expect(Buffer.from(a.draws.buffer).equals(Buffer.from(b.draws.buffer))).toBe(true);

    // Another seed: the parameter draws differ, and so do the outcomes of uncertain indicators.
    let differ = 0;
    for (let i = 0; i < a.draws.length; i++) if (a.draws[i] !== c.draws[i]) differ++;
    expect(differ / a.draws.length).toBeGreaterThan(0.9);
    const gdpA = pathValues(a, "gdp", 2015)!;
    const gdpC = pathValues(c, "gdp", 2015)!;
    let gdpDiffer = 0;
    for (let i = 0; i < 100; i++) if (gdpA[i] !== gdpC[i]) gdpDiffer++;
    expect(gdpDiffer).toBe(100);
  });

  it("batching: two half-runs (range) give each path exactly the values of the single run", () => {
    const p = bundledPlan(baselineScenario);
    const paths = 60;
    const whole = simulate(p, { paths, seed: 7 });
    const first = simulate(p, { paths, seed: 7, range: [0, 23] });
    const second = simulate(p, { paths, seed: 7, range: [23, paths] });
    const nYears = whole.years.length;
    for (let s = 0; s < whole.values.length; s++) {
      for (let j = 0; j < nYears; j++) {
        for (let q = 0; q < paths; q++) {
          const part = q < 23 ? first : second;
          const i = j * paths + q;
          if (!Object.is(part.values[s][i], whole.values[s][i])) {
            expect.fail(`${p.indicators[s]} ${whole.years[j]} path ${q}: ${part.values[s][i]} ≠ ${whole.values[s][i]}`);
          }
        }
      }
    }
    for (let k = 0; k < p.params.length; k++) {
      for (let q = 0; q < paths; q++) {
        const part = q < 23 ? first : second;
        expect(part.draws[k * paths + q]).toBe(whole.draws[k * paths + q]);
      }
    }
  });
});

/** Replace every distribution by its central value (recursively). */
function fixParams(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fixParams);
  if (v === null || typeof v !== "object") return v;
  if ("dist" in v) return centralValue(v as Param);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fixParams(x)]));
}

describe("zero uncertainty", () => {
  it("a Monte Carlo run with every parameter fixed, no volatility and `fixed` counts equals `project` exactly", () => {
    // The baseline scenario, with trends (whose uncertainty is the fitted model's) replaced by no growth.
    const uncertainIndicators: Record<string, unknown> = {};
    const certainIndicators: Record<string, unknown> = {};
    for (const [id, spec] of Object.entries(baselineScenario.indicators)) {
      const s: Record<string, unknown> = spec.trend ? { growth: 0 } : { ...spec };
      uncertainIndicators[id] = s;
      const { volatility: _drop, ...rest } = s;
      const fixed = fixParams(rest) as Record<string, unknown>;
      if (fixed.count) fixed.count = { ...(fixed.count as object), distribution: "fixed" };
      certainIndicators[id] = fixed;
    }
    // Anything else in the scenario that holds distributions (e.g. programme effects) is fixed too.
    const uncertain = Scenario.parse({ ...baselineScenario, indicators: uncertainIndicators });
    const certain = Scenario.parse({
      ...(fixParams({ ...baselineScenario, indicators: {} }) as object),
      indicators: certainIndicators,
    });
    // Only the scenario's indicators: no target falls back to a trend.
    const det = project(bundledPlan(uncertain, catalogue()));
    const certainPlan = bundledPlan(certain, catalogue());
    expect(certainPlan.nodes.map((n) => n.mechanism)).not.toContain("trend");
    const mechanisms = new Set(certainPlan.nodes.map((n) => n.mechanism));
    for (const m of ["growth", "ratio", "leveraged", "elastic", "inventory", "count", "solow"])
      expect(mechanisms).toContain(m);
    const mc = simulate(certainPlan, { paths: 32, seed: 2024 });
    expect(mc.plan.indicators).toEqual(det.plan.indicators);
    expect(mc.years).toEqual(det.years);
    for (let s = 0; s < mc.values.length; s++) {
      for (let j = 0; j < mc.years.length; j++) {
        const expected = det.values[s][j];
        expect(Number.isFinite(expected)).toBe(true);
        for (let q = 0; q < 32; q++) {
          if (!Object.is(mc.values[s][j * 32 + q], expected)) {
            expect.fail(
              `${mc.plan.indicators[s]} ${mc.years[j]} path ${q}: ${mc.values[s][j * 32 + q]} ≠ project ${expected}`,
            );
          }
        }
      }
    }
  });
});

describe("summaries and probabilities", () => {
  it("quantiles are ordered p5 ≤ p10 ≤ … ≤ p95 within [min, max] for every indicator and year", () => {
    const sim = simulate(bundledPlan(baselineScenario), { paths: 400, seed: 11 });
    const rows = summariseSimulation(sim);
    expect(rows.length).toBe(sim.plan.indicators.length * sim.years.length);
    for (const r of rows) {
      const q = [r.p5, r.p10, r.p25, r.p50, r.p75, r.p90, r.p95];
      const sample = Array.from(pathValues(sim, r.indicator, r.year)!);
      const lo = Math.min(...sample);
      const hi = Math.max(...sample);
      for (const v of [...q, r.mean]) expect(Number.isFinite(v), `${r.indicator} ${r.year}`).toBe(true);
      expect(lo).toBeLessThanOrEqual(r.p5);
      for (let i = 1; i < q.length; i++)
        expect(q[i - 1], `${r.indicator} ${r.year} level ${i}`).toBeLessThanOrEqual(q[i]);
      expect(r.p95).toBeLessThanOrEqual(hi);
      expect(r.mean).toBeGreaterThanOrEqual(lo);
      expect(r.mean).toBeLessThanOrEqual(hi);
    }
  });

  it("P(met) is a share of paths in [0, 1], consistent with the status", async () => {
    for (const f of ["scenarios/baseline.yaml", "scenarios/fiscal-squeeze.yaml"]) {
      const { scenario: s } = await loadScenario(f);
      const { result } = runScenario({ ...inputs, scenario: s, scenarioFile: f, paths: 250, seed: 5 });
      let assessed = 0;
      for (const t of result.targets) {
        if (t.pMet === null) continue;
        assessed++;
        expect(t.pMet).toBeGreaterThanOrEqual(0);
        expect(t.pMet).toBeLessThanOrEqual(1);
        expect(Math.abs(t.pMet * 250 - Math.round(t.pMet * 250))).toBeLessThan(1e-9);
        expect(t.p10!).toBeLessThanOrEqual(t.median!);
        expect(t.median!).toBeLessThanOrEqual(t.p90!);
        if (t.status === "on_track") expect(t.pMet).toBeGreaterThanOrEqual(0.66);
        if (t.status === "off_track") expect(t.pMet).toBeLessThan(0.33);
        if (t.status === "at_risk") expect(t.pMet >= 0.33 && t.pMet < 0.66).toBe(true);
      }
      // 41 numeric targets, of which 2 are commitments (decisions, no P(met)): 39 forecasts.
      expect(assessed).toBe(39);
    }
  });
});

describe("monotonicity (common random numbers)", () => {
  it("raising a growth rate never lowers P(met) of a ≥ target (synthetic)", () => {
    const baseline = makeBaseline({ gdp: { unit: "亿元", values: { 2012: 90, 2013: 100 } } });
    const cat = catalogue(target("gdp_2016", "gdp", 2016, ">=", 130, "亿元"));
    let previous = -1;
    const seen: number[] = [];
    for (const mean of [0.04, 0.06, 0.08, 0.09, 0.1, 0.12, 0.14]) {
      const s = scenario(2013, 2016, { gdp: { growth: { dist: "normal", mean, sd: 0.03 }, volatility: 0.03 } });
      const sim = simulate(planOf(s, baseline, cat), { paths: 2000, seed: 77 });
      const [a] = assessTargets({ sim, baseline, catalogue: cat, baseYear: 2013 });
      expect(a.pMet).not.toBeNull();
      expect(a.pMet!).toBeGreaterThanOrEqual(previous);
      previous = a.pMet!;
      seen.push(a.pMet!);
    }
    // The test has teeth: the probability actually moves across the range.
    expect(seen[0]).toBeLessThan(0.2);
    expect(seen[seen.length - 1]).toBeGreaterThan(0.8);
  });

  it("raising rd_personnel growth never lowers P(met) of rd_personnel_per_10k_labour ≥ 110 (bundled data)", () => {
    const seen: number[] = [];
    for (const mean of [0.0, 0.04, 0.08, 0.1, 0.12, 0.16, 0.2]) {
      const s = Scenario.parse({
        ...baselineScenario,
        indicators: { ...baselineScenario.indicators, rd_personnel: { growth: { dist: "normal", mean, sd: 0.02 } } },
      });
      const { result } = runScenario({
        ...inputs,
        scenario: s,
        scenarioFile: "scenarios/baseline.yaml",
        paths: 400,
        seed: 123,
      });
      const t = result.targets.find((x) => x.id === "rd_personnel_per_10k_labour")!;
      expect(t.comparator).toBe(">=");
      seen.push(t.pMet!);
    }
    for (let i = 1; i < seen.length; i++)
      expect(seen[i], `P(met) ${seen.join(", ")}`).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[0]).toBeLessThan(0.5);
    expect(seen[seen.length - 1]).toBeGreaterThan(0.9);
  });
});

describe("samplers", () => {
  const N = 200_000;
  const moments = (draw: () => number) => {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const x = draw();
      s += x;
      s2 += x * x;
    }
    const mean = s / N;
    return { mean, variance: (s2 - N * mean * mean) / (N - 1) };
  };

  it("Poisson(3.5), Poisson(50) and Poisson(600): mean within 1%, variance ≈ λ, integer draws", () => {
    for (const lambda of [3.5, 50, 600]) {
      const rng = pathRng(2024, Math.round(lambda * 10));
      let nonInteger = 0;
      const { mean, variance } = moments(() => {
        const k = poisson(rng, lambda);
        if (!Number.isInteger(k) || k < 0) nonInteger++;
        return k;
      });
      expect(nonInteger).toBe(0);
      expect(Math.abs(mean / lambda - 1)).toBeLessThan(0.01);
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.03);
    }
    expect(poisson(pathRng(1, 1), 0)).toBe(0);
  });

  it("Poisson below λ = 500 never gives fewer events for a larger λ on the same random numbers", () => {
    // documented in src/stats/samplers.ts: inversion uses one uniform and is non-decreasing in λ
    for (const [l1, l2] of [
      [0.3, 0.31],
      [3.5, 4],
      [49, 50],
      [100, 140],
    ]) {
      for (let i = 0; i < 5000; i++) {
        const a = poisson(pathRng(8, i), l1);
        const b = poisson(pathRng(8, i), l2);
        if (a > b) expect.fail(`Poisson(${l1}) gave ${a} > Poisson(${l2}) = ${b} on stream ${i}`);
      }
    }
  });

  it("Poisson(50) has the right shape: P(X = 50) ≈ e^−50·50^50/50!", () => {
    const rng = pathRng(99, 1);
    let hits = 0;
    for (let i = 0; i < N; i++) if (poisson(rng, 50) === 50) hits++;
    // ln p = −50 + 50 ln 50 − ln 50! ≈ −3.2535 → p ≈ 0.056325
    const p = Math.exp(-50 + 50 * Math.log(50) - 148.47776695177302);
    expect(p).toBeCloseTo(0.056325, 5);
    expect(Math.abs(hits / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  });

  it("negative binomial: mean μ and variance μ + μ²/r within 5%", () => {
    for (const [mu, r] of [
      [4, 4],
      [10, 2],
      [40, 5],
    ] as const) {
      const rng = pathRng(7, mu * 100 + r);
      const { mean, variance } = moments(() => negativeBinomial(rng, mu, r));
      expect(Math.abs(mean / mu - 1)).toBeLessThan(0.02);
      const expected = mu + (mu * mu) / r;
      expect(Math.abs(variance / expected - 1), `μ ${mu}, r ${r}: variance ${variance} vs ${expected}`).toBeLessThan(
        0.05,
      );
    }
  });

  it("triangular: mean (min + mode + max)/3 and draws within [min, max]", () => {
    for (const [a, c, b] of [
      [2, 3, 10],
      [0, 0, 1],
      [-1, 0.5, 0.5],
    ] as const) {
      const rng = pathRng(31, 1);
      let outside = 0;
      const { mean, variance } = moments(() => {
        const x = triangular(rng, a, c, b);
        if (x < a || x > b) outside++;
        return x;
      });
      const sd = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
      expect(outside).toBe(0);
      // within 5 standard errors
      expect(Math.abs(mean - (a + c + b) / 3)).toBeLessThan((5 * sd) / Math.sqrt(N));
      expect(Math.abs(variance / (sd * sd) - 1)).toBeLessThan(0.02);
    }
  });

  it("standard normal and gamma: first two moments", () => {
    const rng = pathRng(5, 5);
    const z = moments(() => standardNormal(rng));
    expect(Math.abs(z.mean)).toBeLessThan(0.01);
    expect(Math.abs(z.variance - 1)).toBeLessThan(0.015);
    for (const k of [0.5, 2, 7.5]) {
      const g = moments(() => gamma(rng, k));
      expect(Math.abs(g.mean / k - 1)).toBeLessThan(0.01);
      expect(Math.abs(g.variance / k - 1)).toBeLessThan(0.03);
    }
  });
});

describe("blockSize", () => {
  it("is a power of two from 16 to BLOCK, the full block for the bundled plan and 16 for a plan of 518 series × 40 years", () => {
    expect(blockSize(77 * 15)).toBe(BLOCK);
    expect(blockSize(518 * 40)).toBe(16);
    let previous = Infinity;
    for (let rows = 1; rows < 200_000; rows = Math.ceil(rows * 1.3)) {
      const b = blockSize(rows);
      expect(b).toBeLessThanOrEqual(previous); // more state, never a bigger block
      expect(Number.isInteger(Math.log2(b)) && b >= 16 && b <= BLOCK).toBe(true);
      expect(b === 16 || b * rows * 8 <= 4 << 20).toBe(true); // within 4 MB of state unless at the floor
      previous = b;
    }
  });
});
