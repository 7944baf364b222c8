/**
 * The same regions through the library (no build needed): loadInputs → loadScenario →
 * runScenario, plus checks that the national example's files are faithful to the shared
 * first-published series and that its README records what the kit actually says.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runScenario, trendOnlyScenario } from "../../src/assess/runScenario.js";
import { parseCsvRecords } from "../../src/data/csv.js";
import { InputError } from "../../src/data/errors.js";
import { calibratedForecast } from "../../src/forecast/calibrated.js";
import { loadInputs } from "../../src/project/inputs.js";
import { notAssessedText } from "../../src/report/messages.js";
import { loadScenario } from "../../src/scenario/load.js";
import { byId, malformed, NATIONAL, RIVERTON, SHARED_NATIONAL_CSV } from "./helpers.js";

async function national(data = NATIONAL.data) {
  const inputs = await loadInputs({ data, targets: NATIONAL.targets, indicators: NATIONAL.indicators });
  const { scenario } = await loadScenario(NATIONAL.scenario);
  return { inputs, scenario, ...runScenario({ ...inputs, scenario, scenarioFile: NATIONAL.scenario }) };
}

function csvObjects(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRecords(readFileSync(file, "utf8"), file);
  return rows.map((r) => Object.fromEntries(header.fields.map((h, i) => [h.trim(), r.fields[i] ?? ""])));
}

describe("China national example: files", () => {
  // The shared series is vendored in test/fixtures/shared/, so this runs in a bare clone too.
  it("data.csv is the shared series in baseline long form, sources verbatim, units the kit knows", () => {
    const shared = csvObjects(SHARED_NATIONAL_CSV);
    const ours = csvObjects(NATIONAL.data);
    expect(ours).toHaveLength(shared.length);
    const unitMap: Record<string, string> = { "% of GDP": "%", "per 10k pop": "件/万人" };
    shared.forEach((s, i) => {
      const o = ours[i];
      expect(o.indicator).toBe(s.indicator);
      expect(o.year).toBe(s.year);
      expect(Number(o.value)).toBe(Number(s.value));
      expect(o.unit).toBe(unitMap[s.unit]);
      expect(o.source).toBe(s.source); // verbatim, nothing prefixed
      expect(`${o.source} ${o.note}`).not.toMatch(/illustrative|示意|虚构/i);
    });
    const derived = ours.find((o) => o.indicator === "invention_patents_per_10k_pop" && o.year === "2019")!;
    expect(derived.note).toMatch(/derived/i);
    expect(ours.filter((o) => /derived/i.test(o.note))).toHaveLength(1);
  });

  it("data-to-2018.csv is data.csv cut at 2018", () => {
    const cut = csvObjects(NATIONAL.dataTo2018);
    expect(cut).toEqual(csvObjects(NATIONAL.data).filter((o) => Number(o.year) <= 2018));
  });

  it("loads with the dictionary and the catalogue, without unknown-indicator warnings", async () => {
    const { catalogue, baseline, dictionary } = await loadInputs({
      data: NATIONAL.data,
      targets: NATIONAL.targets,
      indicators: NATIONAL.indicators,
    });
    expect(
      catalogue.targets.map((t) => [t.id, t.targetYear, t.comparator, t.value, t.unit, t.section, t.responsible]),
    ).toEqual([
      ["rd_intensity_2020", 2020, ">=", 2.5, "%", "十三五规划纲要 主要指标", ""],
      ["invention_patents_per_10k_pop_2020", 2020, ">=", 12, "件/万人", "十三五规划纲要 主要指标", ""],
    ]);
    expect([...dictionary!.keys()].sort()).toEqual(["invention_patents_per_10k_pop", "rd_intensity"]);
    expect(baseline.warnings).toEqual([expect.stringContaining("no value for 2009")]);
    expect(baseline.series.get("rd_intensity")!.years.at(-1)).toBe(2023);
  });
});

describe("China national example: library run from 2018", () => {
  it("R&D 2.5% has P(met) below 0.5 and patents above, consistent with history", async () => {
    const { result, inputs } = await national();
    expect(result.illustrative).toBe(false);
    const rd = byId(result.targets, "rd_intensity_2020");
    expect(rd.pMet!).toBeLessThan(0.5);
    expect(rd.status).toBe("off_track");
    const pat = byId(result.targets, "invention_patents_per_10k_pop_2020");
    expect(pat.pMet!).toBeGreaterThan(0.5);
    // What happened: read the 2020 outcomes from the data itself.
    const actual = (id: string) => {
      const s = inputs.baseline.series.get(id)!;
      return s.values[s.years.indexOf(2020)];
    };
    expect(actual("rd_intensity")).toBe(2.4);
    expect(actual("invention_patents_per_10k_pop")).toBe(15.8);
    expect(rd.pMet! < 0.5).toBe(actual("rd_intensity") < 2.5); // both say "missed"
    expect(pat.pMet! > 0.5).toBe(actual("invention_patents_per_10k_pop") >= 12); // both say "met"
  });

  it("never sees observations after base_year: the plan's history stops at 2018 and the cut file gives the same draws", async () => {
    const full = await national(NATIONAL.data);
    const cut = await national(NATIONAL.dataTo2018);
    const plan = full.simulation.plan;
    const y2019 = plan.years.indexOf(2019);
    expect(plan.years[plan.baseIndex]).toBe(2018);
    for (let slot = 0; slot < plan.indicators.length; slot++) {
      for (let y = y2019; y < plan.years.length; y++) expect(plan.history[slot * plan.years.length + y]).toBeNaN();
    }
    expect(Array.from(plan.history)).toEqual(Array.from(cut.simulation.plan.history));
    expect(full.simulation.values.map((v) => Array.from(v))).toEqual(cut.simulation.values.map((v) => Array.from(v)));
    expect(full.result.targets).toEqual(cut.result.targets);
  });

  /** The calibrated trend forecast behind a 2020 target, from the 2018 history (what the engine samples). */
  function trendForecastOf(targetId: string) {
    const indicator = targetId.replace(/_2020$/, "");
    const rows = csvObjects(NATIONAL.dataTo2018).filter((r) => r.indicator === indicator);
    return calibratedForecast(
      { name: indicator, years: rows.map((r) => Number(r.year)), values: rows.map((r) => Number(r.value)) },
      { horizon: 2, isShare: rows[0].unit === "%" },
    );
  }

  it("P10, median and P90 of the run equal the calibrated forecast's quantiles within Monte Carlo error", async () => {
    const { result } = await national();
    for (const id of ["rd_intensity_2020", "invention_patents_per_10k_pop_2020"]) {
      const t = byId(result.targets, id);
      const f = trendForecastOf(id);
      for (const [p, mc] of [
        [0.1, t.p10!],
        [0.5, t.median!],
        [0.9, t.p90!],
      ] as const) {
        // 5,000 paths: p̂ is within ±0.01 of p with probability ≈ 0.98.
        expect(mc, `${id} q${p}`).toBeGreaterThanOrEqual(f.quantile(2, p - 0.01));
        expect(mc, `${id} q${p}`).toBeLessThanOrEqual(f.quantile(2, p + 0.01));
      }
      expect(Math.abs(t.pMet! - (1 - f.cdf(2, t.threshold!))), `${id} P(met)`).toBeLessThan(0.02);
    }
  });

  it("README records the figures the kit gives today (P(met), median, 80% interval) and the 2020 outcomes", async () => {
    const readme = readFileSync(NATIONAL.readme, "utf8");
    const { result } = await national();
    // Rows of the results table: | target | P(met) | median | P10–P90 | actual 2020 | met? |
    const rows = [
      ...readme.matchAll(/^\| (.+?) \| (\d+)% \| ([\d.]+) \| ([\d.]+)–([\d.]+) \| ([\d.]+) \| (yes|no) \|$/gm),
    ];
    expect(rows).toHaveLength(2);
    const cases = [
      { id: "rd_intensity_2020", row: rows.find((r) => r[1].startsWith("R&D"))!, tol: 0.02, actual: 2.4 },
      {
        id: "invention_patents_per_10k_pop_2020",
        row: rows.find((r) => r[1].startsWith("Invention"))!,
        tol: 0.15,
        actual: 15.8,
      },
    ];
    for (const { id, row, tol, actual } of cases) {
      const t = byId(result.targets, id);
      const [pMet, median, p10, p90, recorded] = row.slice(2, 7).map(Number);
      // Monte Carlo noise and engine tweaks move the last digit; more than that means: update the README.
      expect(Math.abs(pMet / 100 - t.pMet!), `${id} P(met) in README`).toBeLessThanOrEqual(0.03);
      expect(Math.abs(median - t.median!), `${id} median in README`).toBeLessThanOrEqual(tol);
      // A tail quantile of 5,000 paths moves by about its Monte Carlo error: the change of the
      // forecast's quantile over ±1 point of probability (≈ 2.4 standard errors of p̂ at n = 5,000).
      const f = trendForecastOf(id);
      const tail = (p: number) => Math.max(tol, f.quantile(2, p + 0.01) - f.quantile(2, p - 0.01));
      expect(Math.abs(p10 - t.p10!), `${id} P10 in README`).toBeLessThanOrEqual(tail(0.1));
      expect(Math.abs(p90 - t.p90!), `${id} P90 in README`).toBeLessThanOrEqual(tail(0.9));
      expect(recorded).toBe(actual);
      expect(row[7]).toBe(actual >= t.threshold! ? "yes" : "no");
    }
    expect(readme).toContain(
      "node dist/cli/main.js run examples/china-national/scenario-2018.yaml --data examples/china-national/data.csv --targets examples/china-national/targets.csv --indicators examples/china-national/indicators.csv",
    );
    expect(readme).toMatch(
      /node dist\/cli\/main\.js run --data examples\/china-national\/data-to-2018\.csv --targets examples\/china-national\/targets\.csv/,
    );
  });
});

describe("China national example: the 12th Five-Year Plan's 2015 R&D target, seen from 2013", () => {
  // First-published R&D intensity 2004–2013 from data.csv; the plan asked for ≥ 2.2% in 2015, the
  // outcome was 2.07%. The pre-calibration kit called it 99% likely with P10–P90 2.28–2.40.
  it("is no longer a confident wrong answer: P(met) below 0.8 and P10 at or below 2.08", async () => {
    const rows = csvObjects(NATIONAL.data).filter((r) => r.indicator === "rd_intensity" && Number(r.year) <= 2013);
    expect(rows.map((r) => Number(r.year))).toEqual([2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013]);
    const f = calibratedForecast(
      { name: "rd_intensity", years: rows.map((r) => Number(r.year)), values: rows.map((r) => Number(r.value)) },
      { horizon: 2, isShare: true },
    );
    const pMet = 1 - f.cdf(2, 2.2);
    expect(pMet).toBeGreaterThan(0.3); // the trend did point upwards
    expect(pMet).toBeLessThan(0.8);
    expect(f.quantile(2, 0.1)).toBeLessThanOrEqual(2.08);
    expect(f.quantile(2, 0.9)).toBeGreaterThan(2.4);
  });
});

describe("Riverton through the library", () => {
  it("runs trend-only (no scenario) and with the one-indicator scenario", async () => {
    const inputs = await loadInputs({
      data: RIVERTON.data,
      targets: RIVERTON.targets,
      indicators: RIVERTON.indicators,
    });
    expect(inputs.baseline.warnings).toEqual([]);
    const trend = runScenario({
      ...inputs,
      scenario: trendOnlyScenario(inputs.baseline, inputs.catalogue),
      scenarioFile: "(trend only)",
      paths: 1000,
    }).result;
    expect(trend.scenario.baseYear).toBe(2024);
    expect(trend.illustrative).toBe(true);
    expect(trend.targets.every((t) => t.status !== "not_assessed")).toBe(true);

    const { scenario } = await loadScenario(RIVERTON.scenario);
    expect(Object.keys(scenario.indicators)).toEqual(["tech_startups"]);
    const push = runScenario({ ...inputs, scenario, scenarioFile: RIVERTON.scenario, paths: 1000 }).result;
    expect(push.scenario.assumptions.find((a) => a.indicator === "tech_startups")!.mechanism).toBe("count");
    expect(push.scenario.assumptions.find((a) => a.indicator === "broadband_share")!.mechanism).toBe("trend");
    expect(byId(push.targets, "tech_startups_2026").median!).toBeGreaterThan(
      byId(trend.targets, "tech_startups_2026").median!,
    );
    // Untouched indicators follow the same trend in both runs.
    expect(byId(push.targets, "broadband_share_2026").status).toBe(byId(trend.targets, "broadband_share_2026").status);
    // Lower is better: P(met) counts paths at or below 50.
    const air = byId(push.targets, "air_pollution_index_2026");
    expect(air.pMet! <= 0.5).toBe(air.median! > 50);
  });
});

describe("malformed catalogues through the library", () => {
  const load = (targets: string, indicators?: string) =>
    loadInputs({ data: RIVERTON.data, targets, ...(indicators ? { indicators } : {}) });

  async function inputError(p: Promise<unknown>): Promise<InputError> {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }

  it("unknown comparator → InputError at the row and column", async () => {
    const file = malformed("unknown-comparator.csv");
    const e = await inputError(load(file));
    expect([e.file, e.line, e.column]).toEqual([file, 3, "comparator"]);
    expect(e.fix).toBe("write one of: >=, >, <=, <.");
  });

  it("mixed units → InputError at the second target's unit", async () => {
    const file = malformed("mixed-units.csv");
    const e = await inputError(load(file));
    expect([e.file, e.line, e.column]).toEqual([file, 3, "unit"]);
  });

  it("catalogue unit disagreeing with the data → InputError in the data file", async () => {
    const e = await inputError(load(malformed("unit-disagrees-with-data.csv")));
    expect([e.file, e.line, e.column]).toEqual([RIVERTON.data, 8, "unit"]);
  });

  it("data not in the catalogue: warning and ignored without a dictionary; error with a dictionary that lacks it", async () => {
    const file = malformed("data-not-in-catalogue.csv");
    const { baseline } = await load(file);
    expect(baseline.warnings).toEqual([
      `${RIVERTON.data}:14: indicator air_pollution_index is not in the catalogue or dictionary; ignored (6 rows)`,
    ]);
    expect(baseline.series.has("air_pollution_index")).toBe(false);
    // With the full dictionary the series is kept (known indicator), just not targeted.
    const withDict = await load(file, RIVERTON.indicators);
    expect(withDict.baseline.warnings).toEqual([]);
    expect(withDict.baseline.series.has("air_pollution_index")).toBe(true);
  });

  it("indicator with no data: loads, runs, and the target is not assessed", async () => {
    const inputs = await load(malformed("indicator-without-data.csv"));
    const { result } = runScenario({
      ...inputs,
      scenario: trendOnlyScenario(inputs.baseline, inputs.catalogue),
      scenarioFile: "(trend only)",
      paths: 200,
    });
    const t = byId(result.targets, "green_roofs_2026");
    expect(t.status).toBe("not_assessed");
    expect(t.notAssessed).toMatchObject({ code: "unavailable", indicator: "green_roof_area" });
    expect(notAssessedText(t, "en")).toMatch(/no observed value/);
    expect(notAssessedText(t, "zh")).toContain(t.nameZh);
    expect(result.indicators.map((i) => i.id)).not.toContain("green_roof_area");
  });

  it("target year before the data: runs, the target is not assessed", async () => {
    const inputs = await load(malformed("target-year-before-data.csv"));
    const { result } = runScenario({
      ...inputs,
      scenario: trendOnlyScenario(inputs.baseline, inputs.catalogue),
      scenarioFile: "(trend only)",
      paths: 200,
    });
    expect(byId(result.targets, "broadband_share_2015").status).toBe("not_assessed");
  });
});
