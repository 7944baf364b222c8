/**
 * Commitments (catalogue `nature: commitment`) are decisions, not forecasts: on small plans with
 * known answers, they are left out of the count of targets met, get their own status code, a cost
 * computed by hand and the forecast targets that depend on them; the catalogue column and the
 * scenario's `adopts:` refuse bad values with the file, the place and the fix.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/assess/runScenario.js";
import { loadTargets } from "../../src/data/loadTargets.js";
import type { IndicatorDef, Target } from "../../src/data/types.js";
import { pathValues } from "../../src/simulate/monteCarlo.js";
import { expectInputError } from "../data/helpers.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";
import { cli } from "../region/helpers.js";

const history = (v: number, unit = "万元") => ({ unit, values: { 2011: v, 2012: v, 2013: v } });
// Everything deterministic (growth 0): spend 200 万元, total 10,000 万元, fund 300 万元, gdp 5,000 万元.
const baseline = makeBaseline({
  spend: history(200),
  total: history(10_000),
  fund: history(300),
  gdp: history(5_000),
  other: history(7, ""),
});
const commitment = (t: Target): Target => ({ ...t, nature: "commitment" });
const cat = catalogue(
  target("gdp_t", "gdp", 2015, ">=", 4_000, "万元"), // met on every path
  target("other_t", "other", 2015, ">=", 10), // missed on every path
  target("rd_share_t", "rd_share", 2015, ">=", 10, "%"), // 100 · 200 / 5000 = 4%: missed
  commitment(target("fiscal_share_t", "fiscal_share", 2015, ">=", 3, "%")), // 2% now: needs 300 万元
  commitment(target("fund_t", "fund", 2015, ">=", 500, "万元")), // 300 now: needs 200 万元 more
);
const indicators = {
  spend: { growth: 0 },
  total: { growth: 0 },
  fund: { growth: 0 },
  gdp: { growth: 0 },
  other: { growth: 0 },
  fiscal_share: { ratio: { numerator: "spend", denominator: "total", scale: 100 } },
  rd_share: { ratio: { numerator: "spend", denominator: "gdp", scale: 100 } },
};

function run(adopts: string[]) {
  const s = scenario(2013, 2015, indicators, { paths: 50, seed: 3, adopts });
  return runScenario({ scenario: s, scenarioFile: "mem.yaml", baseline, catalogue: cat }).result;
}

describe("commitments are not forecasts", () => {
  it("are left out of expectedMet and atLeast: 3 forecasts, 1 met on every path → expectedMet 1, not 3", () => {
    const r = run(["fiscal_share_t"]);
    // Both commitments are met by nothing here, but even if counted they would change the count: check
    // the count is over the 3 forecast targets only, with gdp_t the only one met.
    expect(r.joint.targets).toBe(3);
    expect(r.joint.expectedMet).toBe(1);
    expect(r.joint.atLeast).toEqual([1, 1, 0, 0]);
    const byId = new Map(r.targets.map((t) => [t.id, t]));
    expect(byId.get("gdp_t")!.pMet).toBe(1);
    for (const id of ["fiscal_share_t", "fund_t"]) {
      expect(byId.get(id)!.nature).toBe("commitment");
      expect(byId.get(id)!.pMet).toBeNull();
      expect(byId.get(id)!.reason).toBeNull();
    }
  });

  it("a met commitment does not raise the count either", () => {
    const met = catalogue(
      target("gdp_t", "gdp", 2015, ">=", 4_000, "万元"),
      commitment(target("f", "fund", 2015, ">=", 100, "万元")),
    );
    const s = scenario(2013, 2015, indicators, { paths: 20, seed: 3, adopts: ["f"] });
    const r = runScenario({ scenario: s, scenarioFile: "mem.yaml", baseline, catalogue: met }).result;
    expect(r.joint.targets).toBe(1);
    expect(r.joint.expectedMet).toBe(1);
    expect(r.targets[1].commitment!.pMetByProjection).toBe(1);
    expect(r.targets[1].commitment!.cost!.median).toBe(0);
  });

  it("its status says adopted or not, from the scenario's adopts list", () => {
    const r = run(["fiscal_share_t"]);
    const status = Object.fromEntries(r.targets.map((t) => [t.id, t.status]));
    expect(status.fiscal_share_t).toBe("commitment_adopted");
    expect(status.fund_t).toBe("commitment_not_adopted");
    expect(run([]).targets.find((t) => t.id === "fiscal_share_t")!.status).toBe("commitment_not_adopted");
  });

  it("costs what closes the gap, by hand: 500 − 300 = 200 万元; 3% of 10,000 − 200 = 100 万元 of the numerator", () => {
    const r = run([]);
    const fund = r.targets.find((t) => t.id === "fund_t")!.commitment!;
    expect(fund.cost).toEqual({ indicator: "fund", unit: "万元", year: 2015, mean: 200, median: 200, p90: 200 });
    expect(fund.pMetByProjection).toBe(0);
    const share = r.targets.find((t) => t.id === "fiscal_share_t")!.commitment!;
    expect(share.cost).toEqual({ indicator: "spend", unit: "万元", year: 2015, mean: 100, median: 100, p90: 100 });
  });

  it("names the forecast targets that depend on it from the plan's graph: rd_share reads spend, gdp does not", () => {
    const r = run([]);
    expect(r.targets.find((t) => t.id === "fiscal_share_t")!.commitment!.dependents).toEqual(["rd_share_t"]);
    expect(r.targets.find((t) => t.id === "fund_t")!.commitment!.dependents).toEqual([]);
  });
});

describe("the catalogue column nature", () => {
  const dir = mkdtempSync(join(tmpdir(), "targetcast-nature-"));
  const header = "id,indicator,name_zh,name_en,target_year,comparator,value,unit,kind";
  const row = "fund,fund,资金,Fund,2015,>=,500,万元,flow_per_year";

  it("is optional: no column, or an empty cell, means forecast", async () => {
    const old = join(dir, "old.csv");
    writeFileSync(old, `${header}\n${row}\n`);
    expect((await loadTargets(old)).targets[0].nature).toBe("forecast");
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, `${header},nature\n${row},\n${row.replace("fund,", "fund2,")},commitment\n`);
    expect((await loadTargets(empty)).targets.map((t) => t.nature)).toEqual(["forecast", "commitment"]);
  });

  it("refuses any other value, naming the file, the row, the column and the allowed values", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `${header},nature\n${row},commitmnet\n`);
    const e = await expectInputError(loadTargets(bad), { file: bad, line: 2, column: "nature" });
    expect(e.message).toContain('"commitmnet" is not a target nature (did you mean "commitment"?)');
    expect(e.message).toContain("forecast, commitment");
  });
});

describe("scenario adopts", () => {
  it("an unknown id is refused with its line and the closest commitment (exit 1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "targetcast-adopts-"));
    const file = join(dir, "typo.yaml");
    writeFileSync(
      file,
      [
        "name: { zh: 测试, en: Test }",
        "description: a typo in adopts",
        "base_year: 2013",
        "horizon: 2015",
        "adopts:",
        "  - sme_development_fund",
        "  - fiscal_st_shar",
        "",
      ].join("\n"),
    );
    const r = cli(["run", file, "--paths", "100"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:7`);
    expect(r.stderr).toContain('adopts[1]: no target "fiscal_st_shar"');
    expect(r.stderr).toContain('did you mean "fiscal_st_share"?');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a forecast target cannot be adopted", () => {
    const dir = mkdtempSync(join(tmpdir(), "targetcast-adopts-"));
    const file = join(dir, "forecast.yaml");
    writeFileSync(
      file,
      "name: { zh: 测试, en: Test }\ndescription: adopts a forecast\nbase_year: 2013\nhorizon: 2015\nadopts: [rd_intensity]\n",
    );
    const r = cli(["run", file, "--paths", "100"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('"rd_intensity" is a forecast target');
    expect(r.stderr).toContain("fiscal_st_share");
  });
});

describe("the cost of a commitment: which ones have one, and its summary over the paths", () => {
  const runWith = (targets: Target[], extra: Record<string, unknown> = {}, dictionary?: Map<string, IndicatorDef>) =>
    runScenario({
      scenario: scenario(2013, 2015, { ...indicators, ...extra }, { paths: 41, seed: 5 }),
      scenarioFile: "mem.yaml",
      baseline,
      catalogue: catalogue(...targets),
      dictionary,
    }).result.targets;

  it("a ceiling (≤) costs nothing to buy: no cost; a strict > commitment has one", () => {
    const [ceiling, strict] = runWith([
      commitment(target("cap", "fund", 2015, "<=", 100, "万元")),
      commitment(target("more", "fund", 2015, ">", 500, "万元")),
    ]);
    expect(ceiling.commitment).toMatchObject({ cost: null, pMetByProjection: 0 });
    expect(strict.commitment!.cost).toMatchObject({ indicator: "fund", mean: 200, median: 200, p90: 200 });
  });

  it("no cost where the model cannot price it: a level not in money, a ratio whose numerator is not money", () => {
    const [count, ratioOfCounts] = runWith(
      [
        commitment(target("other_c", "other", 2015, ">=", 10, "")),
        commitment(target("other_share_c", "other_share", 2015, ">=", 1, "%")),
      ],
      { other_share: { ratio: { numerator: "other", denominator: "total", scale: 100 } } },
    );
    expect(count.commitment!.cost).toBeNull();
    expect(ratioOfCounts.commitment!.cost).toBeNull();
    // A relative-to-base commitment is priced only through a ratio: fund is no ratio.
    const [rel] = runWith([
      { ...commitment(target("fund_x2", "fund", 2015, ">=", 2, "倍")), kind: "relative_to_base", baseYear: 2013 },
    ]);
    expect(rel.threshold).toBe(600);
    expect(rel.commitment!.cost).toBeNull();
    expect(rel.commitment!.pMetByProjection).toBe(0);
  });

  it("the numerator's unit comes from the dictionary first: a numerator in 万元 there is priced", () => {
    const dictionary = new Map<string, IndicatorDef>([
      ["other", { id: "other", nameZh: "其他", nameEn: "Other", unit: "万元", min: null, max: null, note: "" }],
    ]);
    const [c] = runWith(
      [commitment(target("other_share_c", "other_share", 2015, ">=", 1, "%"))],
      { other_share: { ratio: { numerator: "other", denominator: "total", scale: 100 } } },
      dictionary,
    );
    // 1% of 10,000 = 100 万元 needed, 7 there: 93 万元.
    expect(c.commitment!.cost).toEqual({ indicator: "other", unit: "万元", year: 2015, mean: 93, median: 93, p90: 93 });
  });

  it("with uncertainty: mean, median and P90 of max(0, 500 − fund) over the paths, zero where a path meets it", () => {
    // fund₂₀₁₅ = 300 (1 + g)², g ~ N(5%, 5%): met where g ≥ √1.1 − 1 = 4.9%, about half the paths.
    const r = runScenario({
      scenario: scenario(
        2013,
        2015,
        { ...indicators, fund: { growth: { dist: "normal", mean: 0.05, sd: 0.05 } } },
        { paths: 41, seed: 5 },
      ),
      scenarioFile: "mem.yaml",
      baseline,
      catalogue: catalogue(commitment(target("fund_t", "fund", 2015, ">=", 330, "万元"))),
    });
    const made = r.result.targets[0].commitment;
    const v = Array.from(pathValues(r.simulation, "fund", 2015)!);
    const short = v.map((x) => Math.max(0, 330 - x)).sort((a, b) => a - b);
    expect(short[0]).toBe(0);
    expect(short[40]).toBeGreaterThan(0);
    expect(made!.cost!.mean).toBeCloseTo(short.reduce((a, b) => a + b, 0) / 41, 9);
    expect(made!.cost!.median).toBeCloseTo(short[20], 9); // 41 paths: the 21st value
    expect(made!.cost!.p90).toBeCloseTo(short[36], 9); // (41 − 1) · 0.9 = 36 exactly
    expect(made!.pMetByProjection).toBeCloseTo(v.filter((x) => x >= 330).length / 41, 12);
    expect(made!.cost!.median).toBeLessThan(made!.cost!.p90);
  });

  it("a forecast target on the committed indicator itself is not a dependent of it", () => {
    const [c] = runWith([
      commitment(target("fund_t", "fund", 2015, ">=", 500, "万元")),
      target("fund_forecast", "fund", 2015, ">=", 400, "万元"),
      target("rd_share_t", "rd_share", 2015, ">=", 10, "%"),
    ]);
    expect(c.commitment!.dependents).toEqual([]);
  });

  it("a commitment that cannot be assessed (after the horizon) keeps its decision, with nothing else", () => {
    const [c] = runWith([commitment(target("late", "fund", 2016, ">=", 500, "万元"))]);
    expect(c.status).toBe("commitment_not_adopted");
    expect(c.commitment).toEqual({ adopted: false, pMetByProjection: null, cost: null, dependents: [] });
  });
});
