/**
 * End to end through the built CLI: the real national example (a 2018 retrospective of the
 * 13th Five-Year Plan's 2020 targets), the invented region Riverton with and without a
 * scenario, and custom catalogues that are wrong in one way each.
 *
 * This is the only test file in test/region that builds dist/ (vitest runs files in parallel;
 * two builds at once would race on dist/).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  byId,
  cli,
  isCleanInputError,
  type JsonScenario,
  malformed,
  NATIONAL,
  RIVERTON,
  ROOT,
  tempDir,
} from "./helpers.js";

beforeAll(() => {
  const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
  if (r.status !== 0) throw new Error(`npm run build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}, 300_000);

/** `run ... --format json`, parsed; fails the test on a non-zero exit. */
function runJson(args: string[]): { scenarios: JsonScenario[]; stderr: string } {
  const out = tempDir("cli");
  const r = cli(["run", ...args, "--format", "json", "--out", out]);
  expect(r.stderr, "stderr of a run expected to succeed").not.toContain("error:");
  expect(r.status).toBe(0);
  const scenarios = JSON.parse(r.stdout) as JsonScenario[];
  // stdout and results.json hold the same scenarios
  const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { scenarios: JsonScenario[] };
  expect(doc.scenarios).toEqual(scenarios);
  return { scenarios, stderr: r.stderr };
}

const nationalArgs = (data: string) => [
  "--data",
  data,
  "--targets",
  NATIONAL.targets,
  "--indicators",
  NATIONAL.indicators,
];

describe("China national example (real first-published figures), 2018 retrospective", () => {
  it("runs the 2018 scenario and finds the R&D 2.5% target off track, as history confirms (2.40% in 2020)", () => {
    const { scenarios, stderr } = runJson([NATIONAL.scenario, ...nationalArgs(NATIONAL.data)]);
    expect(scenarios).toHaveLength(1);
    const s = scenarios[0];
    expect(s.baseYear).toBe(2018);
    expect(s.horizon).toBe(2020);
    expect(s.illustrative).toBe(false);
    expect(s.dataSource).not.toMatch(/illustrative/i);
    expect(stderr).toContain("invention_patents_per_10k_pop has no value for 2009");

    const rd = byId(s.targets, "rd_intensity_2020");
    expect(rd.baseYear).toBe(2018);
    expect(rd.baseValue).toBe(2.19);
    expect(rd.pMet).not.toBeNull();
    expect(rd.pMet!).toBeLessThan(0.5);
    expect(rd.status).toBe("off_track");
    expect(rd.median!).toBeGreaterThan(2.19);
    expect(rd.median!).toBeLessThan(2.5);
    expect(rd.p10!).toBeLessThan(rd.median!);
    // The 80% interval has room (sized by the last five yearly changes and the reference class) but
    // does not reach the target: 2.40% in 2020 came with a jump of 0.17 points in a year of weak GDP,
    // above P90 (examples/china-national/README.md says so).
    expect(rd.p90! - rd.p10!).toBeGreaterThan(0.1);
    expect(rd.p90!).toBeLessThan(2.5);

    const pat = byId(s.targets, "invention_patents_per_10k_pop_2020");
    expect(pat.baseValue).toBe(11.5);
    expect(pat.pMet!).toBeGreaterThan(0.5); // met in history: 15.8 in 2020
    expect(pat.median!).toBeGreaterThan(12);
    // The trend from 2018 underestimated the acceleration (median below the actual 15.8), but the
    // backtest-calibrated 80% interval holds it.
    expect(pat.median!).toBeLessThan(15.8);
    expect(pat.p90!).toBeGreaterThan(15.8);
  });

  it("uses only data up to base_year: the full series and the copy cut at 2018 give identical results", () => {
    const full = runJson([NATIONAL.scenario, ...nationalArgs(NATIONAL.data)]).scenarios[0];
    const cut = runJson([NATIONAL.scenario, ...nationalArgs(NATIONAL.dataTo2018)]).scenarios[0];
    expect(cut.assumptions).toEqual(full.assumptions);
    expect(cut.targets).toEqual(full.targets);
    for (const a of full.assumptions) expect(a.summary).toMatch(/fitted to \d{4}–2018/);
  });

  it("prints the risk table without the illustrative-data banner", () => {
    const r = cli(["run", NATIONAL.scenario, ...nationalArgs(NATIONAL.data), "--out", tempDir("table")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("研究与试验发展经费投入强度");
    expect(r.stdout).toContain("每万人口发明专利拥有量");
    expect(r.stdout).not.toMatch(/illustrative/i);
  });

  it("trend-only on the data cut at 2018 projects 2018→2020 and agrees with the scenario", () => {
    const { scenarios } = runJson(nationalArgs(NATIONAL.dataTo2018));
    const s = scenarios[0];
    expect(s.scenario).toBe("trend-only");
    expect(s.baseYear).toBe(2018);
    expect(s.horizon).toBe(2020);
    const rd = byId(s.targets, "rd_intensity_2020");
    expect(rd.pMet!).toBeLessThan(0.5);
    expect(byId(s.targets, "invention_patents_per_10k_pop_2020").pMet!).toBeGreaterThan(0.5);
  });

  it("trend-only on the full series starts after the last observation (2023), so the 2020 targets are history and not assessed", () => {
    const s = runJson(nationalArgs(NATIONAL.data)).scenarios[0];
    expect(s.baseYear).toBe(2023);
    for (const t of s.targets) {
      expect(t.status).toBe("not_assessed");
      expect(t.notAssessedBecause).toContain("2020 is not after the base year 2023");
    }
  });
});

describe("Riverton (invented, illustrative three-indicator region)", () => {
  const args = ["--data", RIVERTON.data, "--targets", RIVERTON.targets];

  it("runs trend-only with a dictionary: all three targets assessed, flagged illustrative", () => {
    const s = runJson([...args, "--indicators", RIVERTON.indicators]).scenarios[0];
    expect(s.scenario).toBe("trend-only");
    expect(s.baseYear).toBe(2024);
    expect(s.horizon).toBe(2026);
    expect(s.illustrative).toBe(true);
    expect(s.targets.map((t) => t.id).sort()).toEqual([
      "air_pollution_index_2026",
      "broadband_share_2026",
      "tech_startups_2026",
    ]);
    for (const t of s.targets) {
      expect(t.status).not.toBe("not_assessed");
      expect(t.pMet).toBeGreaterThanOrEqual(0);
      expect(t.p10!).toBeLessThanOrEqual(t.median!);
      expect(t.median!).toBeLessThanOrEqual(t.p90!);
    }
    const share = byId(s.targets, "broadband_share_2026");
    expect(share.p90!).toBeLessThanOrEqual(100);
    // lower is better: the index keeps falling
    const air = byId(s.targets, "air_pollution_index_2026");
    expect(air.median!).toBeLessThan(58.9);
  });

  it("runs trend-only without a dictionary (no warnings: every data indicator is in the catalogue)", () => {
    const { scenarios, stderr } = runJson(args);
    expect(stderr).toBe("");
    expect(scenarios[0].targets.every((t) => t.status !== "not_assessed")).toBe(true);
  });

  it("runs the start-up scenario: only tech_startups changes mechanism, and its P(met) rises", () => {
    const trend = runJson([...args, "--indicators", RIVERTON.indicators]).scenarios[0];
    const push = runJson([RIVERTON.scenario, ...args, "--indicators", RIVERTON.indicators]).scenarios[0];
    expect(push.scenario).toBe("scenario-startup-push");
    const mech = Object.fromEntries(push.assumptions.map((a) => [a.indicator, a.mechanism]));
    expect(mech).toEqual({ broadband_share: "trend", tech_startups: "count", air_pollution_index: "trend" });
    expect(byId(push.targets, "tech_startups_2026").pMet!).toBeGreaterThan(
      byId(trend.targets, "tech_startups_2026").pMet! + 0.3,
    );
  });

  it("prints the illustrative banner in the table", () => {
    const r = cli(["run", RIVERTON.scenario, ...args, "--out", tempDir("rv-table")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Illustrative data, not official statistics");
  });
});

describe("malformed custom catalogues", () => {
  const run = (targets: string, extra: string[] = []) =>
    cli(["run", "--data", RIVERTON.data, "--targets", targets, ...extra, "--format", "json", "--out", tempDir("bad")]);

  it("unknown comparator: exit 1 naming file, line, column and the allowed comparators", () => {
    const file = malformed("unknown-comparator.csv");
    const r = run(file);
    expect(isCleanInputError(r)).toBe(true);
    expect(r.stderr).toContain(`${file}:3, column "comparator"`);
    expect(r.stderr).toContain('"at least" is not a comparator');
    expect(r.stderr).toContain("Fix: write one of: >=, >, <=, <.");
    expect(r.stdout).toBe("");
  });

  it("mixed units for one indicator within the catalogue: exit 1 naming both lines", () => {
    const file = malformed("mixed-units.csv");
    const r = run(file);
    expect(isCleanInputError(r)).toBe(true);
    expect(r.stderr).toContain(`${file}:3, column "unit"`);
    expect(r.stderr).toContain('"个" here but "家" on line 2');
    expect(r.stderr).toContain("Fix: use one unit for every target of the same indicator");
  });

  it("catalogue unit disagrees with the data's unit: exit 1 naming the data line and the catalogue line", () => {
    const file = malformed("unit-disagrees-with-data.csv");
    const r = run(file);
    expect(isCleanInputError(r)).toBe(true);
    expect(r.stderr).toContain(`${RIVERTON.data}:8, column "unit"`);
    expect(r.stderr).toContain(`(${file}:3)`);
    expect(r.stderr).toContain("Fix:");
  });

  it("data for an indicator not in the catalogue, no dictionary: warning naming the file and line, rows ignored", () => {
    const r = run(malformed("data-not-in-catalogue.csv"));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `warning: ${RIVERTON.data}:14: indicator air_pollution_index is not in the catalogue or dictionary; ignored (6 rows)`,
    );
    const s = JSON.parse(r.stdout) as JsonScenario[];
    expect(s[0].targets.map((t) => t.indicator)).not.toContain("air_pollution_index");
    expect(s[0].assumptions.map((a) => a.indicator)).not.toContain("air_pollution_index");
  });

  it("data for an indicator not in the catalogue but in the dictionary: no warning", () => {
    const r = run(malformed("data-not-in-catalogue.csv"), ["--indicators", RIVERTON.indicators]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("an indicator in the catalogue with no data: no crash, the target is listed as not assessed with the reason", () => {
    const r = run(malformed("indicator-without-data.csv"));
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as JsonScenario[];
    const t = byId(s[0].targets, "green_roofs_2026");
    expect(t.status).toBe("not_assessed");
    expect(t.notAssessedBecause).toContain("green_roof_area: no observed value at or before 2024");
    expect(byId(s[0].targets, "tech_startups_2026").status).not.toBe("not_assessed");
  });

  // KNOWN GAP (reported; src/ is not ours to edit): the run should warn on stderr that a targeted
  // indicator has no data. Today the reason is only in results.json / risk.csv, not on stderr and
  // not in the table. Turn `it.fails` into `it` once src/cli/run.ts prints such a warning.
  it("an indicator in the catalogue with no data: the run warns on stderr", () => {
    const r = run(malformed("indicator-without-data.csv"));
    expect(r.stderr).toMatch(/warning: .*green_roof_area/);
  });

  it("no catalogue indicator has data, with a dictionary: runs and lists the target as not assessed", () => {
    const r = run(malformed("no-indicator-has-data.csv"), ["--indicators", RIVERTON.indicators]);
    expect(r.status).toBe(0);
    const t = byId((JSON.parse(r.stdout) as JsonScenario[])[0].targets, "green_roofs_2026");
    expect(t.status).toBe("not_assessed");
  });

  // BUG (reported): without a dictionary every data row is dropped, the baseline is empty, and
  // trendOnlyScenario (src/assess/runScenario.ts) computes base_year = Math.max() = -Infinity:
  // a ZodError escapes as "internal error", exit 70. Turn `it.fails` into `it` once fixed.
  it("no catalogue indicator has data, no dictionary: a clean input error or a not-assessed run, never an internal error", () => {
    const r = run(malformed("no-indicator-has-data.csv"));
    expect(r.stderr).not.toContain("internal error");
    expect([0, 1]).toContain(r.status);
  });

  it("a target year before the data: no crash, the target is not assessed and the reason names the year", () => {
    const r = run(malformed("target-year-before-data.csv"));
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as JsonScenario[];
    const t = byId(s[0].targets, "broadband_share_2015");
    expect(t.status).toBe("not_assessed");
    expect(t.notAssessedBecause).toContain("2015");
    expect(byId(s[0].targets, "tech_startups_2026").status).not.toBe("not_assessed");
  });

  // KNOWN GAP (reported): a target year before the first observation is almost certainly a typo
  // (or the wrong data file); it deserves a warning naming the catalogue line. Today: silent, and
  // the reason ("2015 is not after the base year 2024") does not say the data start in 2019.
  it("a target year before the data: the run warns naming the catalogue file", () => {
    const file = malformed("target-year-before-data.csv");
    const r = run(file);
    expect(r.stderr).toContain(`warning: ${file}:2`);
  });
});
