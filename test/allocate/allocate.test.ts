/**
 * Budget allocation: programme responses, common random numbers, the optimiser on a problem
 * whose optimum is known, marginal values, the tornado, and budget errors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { makeEvaluator, prepareTargets } from "../../src/allocate/evaluate.js";
import { allocateBudget } from "../../src/allocate/runAllocation.js";
import { InputError } from "../../src/data/errors.js";
import { saturatingResponse } from "../../src/model/programmeResponse.js";
import { type Inputs, loadInputs } from "../../src/project/inputs.js";
import { loadScenario } from "../../src/scenario/load.js";
import { pathValues, simulate } from "../../src/simulate/monteCarlo.js";
import { buildPlan } from "../../src/simulate/plan.js";
import { pairedDifference } from "../../src/stats/monteCarloError.js";
import { catalogue, makeBaseline, plan, scenario, target } from "../engine/helpers.js";

const YEARS = { 2011: 100, 2012: 110, 2013: 121 };
const baseline = makeBaseline({
  useful_out: { unit: "", values: YEARS },
  other_out: { unit: "", values: YEARS },
  firms: { unit: "", values: { 2011: 10, 2012: 12, 2013: 14 } },
});
/** Two targets a useful programme serves; a useless programme serves an indicator no target asks about. */
const cat = catalogue(
  target("useful_2015", "useful_out", 2015, ">=", 150),
  target("firms_2015", "firms", 2015, ">=", 22),
);

function programmeScenario(extra: { floorUseless?: number; capUseful?: number; maxEffect?: unknown } = {}) {
  return scenario(
    2013,
    2015,
    {
      useful_out: { growth: { dist: normal, mean: 0.08, sd: 0.03 } },
      other_out: { growth: 0.05 },
      firms: { count: { additions: 2 } },
    },
    {
      seed: 7,
      programmes: {
        useful: {
          name: { zh: "有用", en: "Useful" },
          ...(extra.capUseful !== undefined ? { cap: extra.capUseful } : {}),
          effects: [
            {
              indicator: useful,
              max_effect: extra.maxEffect ?? { dist: triangular, min: 0.05, mode: 0.1, max: 0.15 },
              half_budget: 1000,
              lag: 0,
            },
            { indicator: "firms", max_effect: 4, half_budget: 1000, lag: 1 },
          ],
        },
        useless: {
          name: { zh: "无用", en: "Useless" },
          floor: extra.floorUseless ?? 0,
          effects: [{ indicator: "other_out", max_effect: 0.2, half_budget: 1000, lag: 0 }],
        },
      },
      budget: { amount: 0, start_year: 2014, split: { useful: 0.5, useless: 0.5 } },
    },
  );
}
// Bare identifiers used in the scenario objects above.
const normal = "normal";
const triangular = "triangular";
const useful = "useful_out";

describe("programme response", () => {
  it("is E·B/(B+H): zero at zero spending, half of E at B = H, rising and saturating", () => {
    expect(saturatingResponse(0, 0.1, 1000)).toBe(0);
    expect(saturatingResponse(1000, 0.1, 1000)).toBeCloseTo(0.05, 15);
    expect(saturatingResponse(3000, 0.1, 1000)).toBeCloseTo(0.075, 15);
    const xs = [0, 10, 100, 1000, 1e4, 1e6].map((b) => saturatingResponse(b, 2, 500));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
    expect(xs[xs.length - 1]).toBeLessThan(2);
  });

  it("a programme with zero budget changes nothing: the served indicator equals the run without programmes, path by path", () => {
    // Fixed effect sizes draw no random numbers, so the two plans share every other draw.
    const withProgrammes = plan(programmeScenario({ maxEffect: 0.1 }), baseline, cat);
    const s0 = scenario(
      2013,
      2015,
      {
        useful_out: { growth: { dist: normal, mean: 0.08, sd: 0.03 } },
        other_out: { growth: 0.05 },
        firms: { count: { additions: 2 } },
      },
      { seed: 7 },
    );
    const without = plan(s0, baseline, cat);
    const a = simulate(withProgrammes, { paths: 500, seed: 7 });
    const b = simulate(without, { paths: 500, seed: 7 });
    for (const id of ["useful_out", "other_out", "firms"]) {
      expect(Array.from(pathValues(a, id, 2015)!)).toEqual(Array.from(pathValues(b, id, 2015)!));
    }
  });

  it("more budget for a programme never lowers the indicators it serves (every path, every year)", () => {
    const p = plan(programmeScenario(), baseline, cat);
    const run = (spend: number) => {
      return simulate(p, { paths: 400, seed: 3, budget: { amount: spend, split: [1, 0] } });
    };
    const runs = [0, 200, 1000, 5000].map(run);
    for (const id of ["useful_out", "firms"]) {
      for (const year of [2014, 2015]) {
        for (let k = 1; k < runs.length; k++) {
          const lo = pathValues(runs[k - 1], id, year)!;
          const hi = pathValues(runs[k], id, year)!;
          for (let i = 0; i < lo.length; i++) expect(hi[i]).toBeGreaterThanOrEqual(lo[i]);
        }
      }
    }
    // …and it does raise them: the mean of useful_out in 2015 rises with spending.
    const mean = (s: ReturnType<typeof run>) => pathValues(s, "useful_out", 2015)!.reduce((a, b) => a + b, 0) / s.paths;
    expect(mean(runs[3])).toBeGreaterThan(mean(runs[0]) * 1.05);
  });
});

describe("evaluation with common random numbers", () => {
  it("identical allocations score identically; the same draws serve every allocation", () => {
    const p = plan(programmeScenario(), baseline, cat);
    const ev = makeEvaluator(p, prepareTargets(p, cat, baseline), 1000, 11);
    const a = ev.score([600, 400]);
    const draws = Float64Array.from(ev.draws!);
    ev.score([100, 900]);
    const b = ev.score([600, 400]);
    expect(Array.from(b.pMet)).toEqual(Array.from(a.pMet));
    expect(b.expectedMet).toBe(a.expectedMet);
    expect(Array.from(ev.draws!)).toEqual(Array.from(draws));
  });

  it("reusing the first run (only what programmes reach is recomputed) gives exactly a full run's numbers", async () => {
    const inputs = await loadInputs({});
    const { scenario: s } = await loadScenario("scenarios/baseline.yaml");
    const p = buildPlan({ ...inputs, scenario: s, scenarioFile: "scenarios/baseline.yaml" });
    const targets = prepareTargets(p, inputs.catalogue, inputs.baseline);
    const shared = makeEvaluator(p, targets, 300, 5);
    const scenarioBudget = { amount: p.allocation!.amount, split: Array.from(p.allocation!.split) };
    shared.score([800, 800, 800, 800, 800, 1000]);
    for (const x of [
      [5000, 0, 0, 0, 0, 0],
      [0, 1000, 1000, 1000, 1000, 1000],
      [100, 200, 300, 400, 500, 3500],
    ]) {
      const reused = shared.score(x);
      const full = makeEvaluator(p, targets, 300, 5).score(x); // a first call: full simulation
      expect(Array.from(reused.pMet)).toEqual(Array.from(full.pMet));
      // …also with a parameter held fixed (tornado), which must be recomputed downstream.
      const k = p.params.findIndex((q) => q.name === "gdp.growth");
      const fixed = new Map([[k, 0.02]]);
      expect(Array.from(shared.score(x, fixed).pMet)).toEqual(
        Array.from(makeEvaluator(p, targets, 300, 5).score(x, fixed).pMet),
      );
    }
    // Scoring passes each split to the run; the plan keeps the scenario's own budget.
    expect({ amount: p.allocation!.amount, split: Array.from(p.allocation!.split) }).toEqual(scenarioBudget);
  });

  it("plans built on one baseline share their trend fits, with the same numbers as fresh fits", async () => {
    const inputs = await loadInputs({});
    const { scenario: s } = await loadScenario("scenarios/baseline.yaml");
    const trendFits = new Map();
    const first = buildPlan({ ...inputs, scenario: s, scenarioFile: "scenarios/baseline.yaml", trendFits });
    const fitted = trendFits.size;
    expect(fitted).toBeGreaterThan(0);
    const second = buildPlan({ ...inputs, scenario: s, scenarioFile: "scenarios/baseline.yaml", trendFits });
    expect(trendFits.size).toBe(fitted); // nothing refitted
    const fresh = buildPlan({ ...inputs, scenario: s, scenarioFile: "scenarios/baseline.yaml" });
    const a = simulate(second, { paths: 50, seed: 2 });
    const b = simulate(fresh, { paths: 50, seed: 2 });
    expect(a.values.map((v) => Array.from(v))).toEqual(b.values.map((v) => Array.from(v)));
    expect(first.nodes.every((n) => Object.isFrozen(n))).toBe(true);
  });

  it("the expected number met is the sum of P(met), and weights scale the score", () => {
    const p = plan(programmeScenario(), baseline, cat);
    const weights = new Map([["useful_2015", 3]]);
    const ev = makeEvaluator(p, prepareTargets(p, cat, baseline, weights), 1000, 11);
    const s = ev.score([500, 500]);
    expect(s.expectedMet).toBeCloseTo(s.pMet[0] + s.pMet[1], 12);
    expect(s.score).toBeCloseTo(3 * s.pMet[0] + s.pMet[1], 12);
  });
});

describe("optimiser", () => {
  const inputs = { baseline, catalogue: cat };

  it("finds the known optimum: everything to the programme that serves targets", () => {
    const r = allocateBudget({
      ...inputs,
      scenario: programmeScenario(),
      scenarioFile: "mem.yaml",
      budget: 3000,
      paths: 1000,
      gridSteps: 3,
    });
    expect(r.best.split.useful).toBeCloseTo(3000, 6);
    expect(r.best.split.useless).toBeCloseTo(0, 6);
    expect(r.best.expectedMet).toBeGreaterThan(r.equalSplit.expectedMet);
    expect(r.best.expectedMet).toBeGreaterThanOrEqual(r.gridSearch.expectedMet);
    expect(r.gain.overEqualSplit).toBeCloseTo(r.best.expectedMet - r.equalSplit.expectedMet, 12);
  });

  it("respects floors and caps: the known optimum moves to the constraint", () => {
    const floor = allocateBudget({
      ...inputs,
      scenario: programmeScenario({ floorUseless: 500 }),
      scenarioFile: "mem.yaml",
      budget: 3000,
      paths: 1000,
    });
    expect(floor.best.split.useless).toBeCloseTo(500, 6);
    expect(floor.best.split.useful).toBeCloseTo(2500, 6);
    const cap = allocateBudget({
      ...inputs,
      scenario: programmeScenario({ capUseful: 1200 }),
      scenarioFile: "mem.yaml",
      budget: 3000,
      paths: 1000,
    });
    expect(cap.best.split.useful).toBeCloseTo(1200, 6);
    expect(cap.best.split.useless).toBeCloseTo(1800, 6);
  });

  it("marginal values: positive for the programme that serves targets, zero for the other", () => {
    const r = allocateBudget({
      ...inputs,
      scenario: programmeScenario(),
      scenarioFile: "mem.yaml",
      budget: 1000,
      paths: 2000,
    });
    const m = Object.fromEntries(r.marginal.map((x) => [x.programme, x.expectedMet]));
    expect(m.useful).toBeGreaterThan(0);
    expect(m.useless).toBe(0);
  });

  it("a budget below the floors is a clear error naming the floors and the fix", () => {
    let err: unknown;
    try {
      allocateBudget({
        ...inputs,
        scenario: programmeScenario({ floorUseless: 500 }),
        scenarioFile: "mem.yaml",
        budget: 300,
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/below the programmes' floors, which add up to 500/);
    expect((err as InputError).message).toMatch(/Fix: give a budget of at least 500/);
  });
});

describe("tornado on the bundled baseline", () => {
  let inputs: Inputs;
  beforeAll(async () => {
    inputs = await loadInputs({});
  });

  it("bars are sorted by swing, span P10 < P90, and an assumption that only raises R&D never lowers the expected number met", async () => {
    const { scenario: s } = await loadScenario("scenarios/baseline.yaml");
    const r = allocateBudget({
      ...inputs,
      scenario: s,
      scenarioFile: "scenarios/baseline.yaml",
      budget: 2000,
      paths: 400,
      gridSteps: 2,
      sensitivity: true,
    });
    const bars = r.tornado!.bars;
    expect(bars.length).toBeGreaterThan(10);
    for (let i = 1; i < bars.length; i++)
      expect(Math.abs(bars[i - 1].high - bars[i - 1].low)).toBeGreaterThanOrEqual(Math.abs(bars[i].high - bars[i].low));
    for (const b of bars) expect(b.lowValue).toBeLessThan(b.highValue);
    expect(r.sweeps!.length).toBe(3);
    // P10 → P90 of a parameter that only raises R&D can only raise the expected number met.
    const own = bars.find((b) => b.parameter === "rd_expenditure.leveraged.own_growth")!;
    expect(own.high).toBeGreaterThanOrEqual(own.low);
    // Bilingual labels, never the internal id; what the budget works through is told apart.
    expect(own.label).toEqual({ zh: "研发经费支出：自身增速", en: "R&D expenditure: own growth" });
    for (const b of bars) expect(b.label.en).not.toBe(b.parameter);
    const bar = (id: string) => bars.find((b) => b.parameter === id)!;
    expect(bar("rd_expenditure.leveraged.multiplier").budgetCanChange).toBe(true);
    expect(bar("enterprise_rd.effect.rd_expenditure").budgetCanChange).toBe(true);
    expect(bar("enterprise_rd.effect.rd_expenditure").label.en).toBe(
      "Enterprise R&D matching and rewards: maximum effect on R&D expenditure",
    );
    expect(bar("agri_labour_productivity.trend").budgetCanChange).toBe(false);
    expect(bar("gdp.growth").budgetCanChange).toBe(false);
  });

  it("plan for the bundled scenario adds the programme budget to fiscal S&T spending", async () => {
    const { scenario: s } = await loadScenario("scenarios/baseline.yaml");
    const p = buildPlan({ ...inputs, scenario: s, scenarioFile: "scenarios/baseline.yaml" });
    const sim = simulate(p, { paths: 50, seed: 1, budget: { amount: 3000, split: p.allocation!.split } });
    const total = pathValues(sim, "fiscal_st_spending", 2015)!;
    const bau = pathValues(sim, "fiscal_st_spending.bau", 2015)!;
    for (let i = 0; i < total.length; i++) expect(total[i] - bau[i]).toBeCloseTo(3000, 6);
  });
});

describe("budget as a share of another budget", () => {
  it("tops fiscal S&T spending up to exactly the share (never down), split across programmes", async () => {
    const inputs = await loadInputs({});
    const { scenario: s } = await loadScenario("scenarios/accelerated-investment.yaml");
    const p = buildPlan({ ...inputs, scenario: s, scenarioFile: "scenarios/accelerated-investment.yaml" });
    const sim = simulate(p, { paths: 300, seed: 2 });
    const share = pathValues(sim, "fiscal_st_share", 2015)!;
    const f = pathValues(sim, "fiscal_st_spending", 2015)!;
    const bau = pathValues(sim, "fiscal_st_spending.bau", 2015)!;
    const gbe = pathValues(sim, "general_budget_expenditure", 2015)!;
    const progs = p.allocation!.programmes.map((id) => pathValues(sim, `programme.${id}`, 2015)!);
    for (let i = 0; i < share.length; i++) {
      const topUp = Math.max(0, 0.03 * gbe[i] - bau[i]);
      expect(f[i]).toBeCloseTo(bau[i] + topUp, 6);
      expect(share[i]).toBeCloseTo(Math.max(3, (100 * bau[i]) / gbe[i]), 9);
      // programme spending is the top-up times each programme's share of the split
      progs.forEach((prog, k) => expect(prog[i]).toBeCloseTo(topUp * p.allocation!.split[k], 6));
    }
  });
});

describe("the allocation answer in full: no budget, per target, paired error, ties", () => {
  const inputs = { baseline, catalogue: cat };

  it("noBudget is the run with every programme at zero; perTarget changes are best − equal and best − none", () => {
    const r = allocateBudget({
      ...inputs,
      scenario: programmeScenario(),
      scenarioFile: "mem.yaml",
      budget: 3000,
      paths: 1000,
      gridSteps: 3,
    });
    const p = plan(programmeScenario(), baseline, cat);
    const zero = makeEvaluator(p, prepareTargets(p, cat, baseline), 1000, 7).score([0, 0]);
    expect(r.noBudget.pMet).toEqual({ useful_2015: zero.pMet[0], firms_2015: zero.pMet[1] });
    expect(r.noBudget.split).toEqual({ useful: 0, useless: 0 });
    expect(r.gain.overNoBudget).toBeCloseTo(r.best.expectedMet - zero.expectedMet, 12);
    // The useful programme raises both targets: with 3000 everything goes there and both gain.
    expect(r.best.expectedMet).toBeGreaterThan(r.noBudget.expectedMet);
    for (const t of r.perTarget) {
      expect(t.none).toBe(r.noBudget.pMet[t.id]);
      expect(t.equal).toBe(r.equalSplit.pMet[t.id]);
      expect(t.best).toBe(r.best.pMet[t.id]);
      expect(t.changeOverEqual).toBeCloseTo(t.best - t.equal, 15);
      expect(t.changeOverNone).toBeCloseTo(t.best - t.none, 15);
      expect(t.changeOverNone).toBeGreaterThan(0);
    }
    expect(r.objective).toBe("expectedMet");
    expect(r.weights).toBeNull();
    // gain over the equal split, path by path: its mean is the difference of the two scores
    expect(r.gainOverEqualSplit).toBeCloseTo(r.best.score - r.equalSplit.score, 12);
    expect(r.gainStandardError).toBeGreaterThan(0);
    expect(r.gainDistinguishable).toBe(Math.abs(r.gainOverEqualSplit) > 2 * r.gainStandardError);
    for (const u of r.runnersUp) {
      expect(u.gap).toBeCloseTo(r.best.score - u.score, 12);
      expect(u.tied).toBe(Math.abs(u.gap) <= 2 * u.gapStandardError);
    }
  });

  it("with weights the objective is named the weighted score and the gain is measured on it", () => {
    const r = allocateBudget({
      ...inputs,
      scenario: programmeScenario(),
      scenarioFile: "mem.yaml",
      budget: 1000,
      paths: 500,
      gridSteps: 2,
      weights: new Map([["useful_2015", 3]]),
    });
    expect(r.objective).toBe("weightedScore");
    expect(r.weights).toEqual({ useful_2015: 3 });
    expect(r.best.score).toBeCloseTo(3 * r.best.pMet.useful_2015 + r.best.pMet.firms_2015, 12);
    expect(r.gainOverEqualSplit).toBeCloseTo(r.best.score - r.equalSplit.score, 12);
  });

  it("the paired standard error matches the spread of the gain over repeated seeds", () => {
    // Two fixed splits of 1000: all to the useful programme, and half each. Over 40 seeds the
    // gain's standard deviation should match the paired SE each seed reports (within sampling
    // error of a standard deviation from 40 values, about ±25% at 2σ).
    const p = plan(programmeScenario(), baseline, cat);
    const targets = prepareTargets(p, cat, baseline);
    const gains: number[] = [];
    const ses: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const ev = makeEvaluator(p, targets, 400, seed);
      const a = ev.score([1000, 0]);
      const b = ev.score([500, 500]);
      const d = pairedDifference(a.scorePerPath, b.scorePerPath);
      gains.push(d.mean);
      ses.push(d.standardError);
    }
    const mean = gains.reduce((x, y) => x + y, 0) / gains.length;
    const sd = Math.sqrt(gains.reduce((x, g) => x + (g - mean) ** 2, 0) / (gains.length - 1));
    const meanSe = ses.reduce((x, y) => x + y, 0) / ses.length;
    expect(mean).toBeGreaterThan(0);
    expect(sd / meanSe).toBeGreaterThan(0.7);
    expect(sd / meanSe).toBeLessThan(1.35);
    // …and pairing matters: the unpaired error √(SE_a² + SE_b²) would be several times larger.
    const ev = makeEvaluator(p, targets, 400, 1);
    const a = ev.score([1000, 0]);
    const b = ev.score([500, 500]);
    const unpaired = Math.sqrt(
      Array.from(a.pMet).reduce((x, q) => x + q * (1 - q), 0) / 400 +
        Array.from(b.pMet).reduce((x, q) => x + q * (1 - q), 0) / 400,
    );
    expect(pairedDifference(a.scorePerPath, b.scorePerPath).standardError).toBeLessThan(unpaired / 2);
  });
});
