/**
 * Loading scenario files (src/scenario/load.ts, merge.ts): every problem is an InputError that
 * names the file, the line and the field; every bundled scenario loads and runs; `extends`
 * overrides as documented in merge.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../../src/assess/runScenario.js";
import { InputError } from "../../src/data/errors.js";
import { bundledScenarios, type Inputs, loadInputs } from "../../src/project/inputs.js";
import { scenarioWarningLine, scenarioWarningText } from "../../src/report/inputWarnings.js";
import { loadScenario } from "../../src/scenario/load.js";
import { mergeScenario } from "../../src/scenario/merge.js";
import { Scenario } from "../../src/scenario/schema.js";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const fixture = (name: string) => relative(process.cwd(), join(root, "test", "fixtures", "scenarios", name));
const shipped = (name: string) => relative(process.cwd(), join(root, "scenarios", name));

/** Awaits a load that must fail with an InputError about `file`; checks the message's shape. */
async function loadError(file: string): Promise<InputError> {
  let caught: unknown;
  try {
    await loadScenario(file);
  } catch (e) {
    caught = e;
  }
  expect(caught, `loading ${file} should fail`).toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.message).toMatch(/\. Fix: \S.*[.!?]$/s);
  return err;
}

/** The error is located in `file` at `line`, and the message says so ("file:line: …"). */
function expectAt(err: InputError, file: string, line?: number): void {
  expect(err.file).toBe(file);
  expect(err.message).toContain(basename(file));
  if (line !== undefined) {
    expect(err.line).toBe(line);
    expect(err.message.startsWith(`${file}:${line}: `)).toBe(true);
  }
}

describe("bad scenario files", () => {
  it("unknown key: names file, line and field, and suggests the right key", async () => {
    const f = fixture("unknown-key.yaml");
    const err = await loadError(f);
    expectAt(err, f, 8);
    expect(err.problem).toContain("indicators.gdp");
    expect(err.problem).toContain('unknown key "growht"');
    expect(err.message).toContain('did you mean "growth"');
  });

  it("correlations that cannot hold together, or a shock paired with a parameter: file, line of the entry and the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "targetcast-corr-"));
    const write = (name: string, pairs: string[]) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        [
          "extends: " + join(root, "scenarios", "baseline.yaml"),
          "name: { zh: 测试, en: test }",
          "correlations:",
          ...pairs.map((p) => `  - ${p}`),
          "",
        ].join("\n"),
      );
      return file;
    };
    const inconsistent = write("pd.yaml", [
      "{ between: [gdp.shock, rd_expenditure.shock], rho: 0.9 }",
      "{ between: [gdp.shock, hightech_output.shock], rho: 0.9 }",
      "{ between: [rd_expenditure.shock, hightech_output.shock], rho: -0.9 }",
    ]);
    let caught: unknown;
    try {
      await loadScenario(inconsistent, { allowOutside: true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const err = caught as InputError;
    expectAt(err, inconsistent, 6); // the third entry (line 6), the last of the set
    expect(err.problem).toMatch(/^correlations\.2\.rho: the shock correlations .* not positive definite/);
    expect(err.fix).toMatch(/lower the largest \|rho\|/);
    const mixed = write("mixed.yaml", ["{ between: [gdp.growth, gdp.shock], rho: 0.5 }"]);
    caught = undefined;
    try {
      await loadScenario(mixed, { allowOutside: true });
    } catch (e) {
      caught = e;
    }
    expectAt(caught as InputError, mixed, 4);
    expect((caught as InputError).problem).toContain("gdp.shock is a yearly shock");
  });

  it("wrong type: names the field and asks for a number", async () => {
    const f = fixture("wrong-type.yaml");
    const err = await loadError(f);
    expectAt(err, f, 6);
    expect(err.problem).toMatch(/^paths: .*expected number/);
    expect(err.fix).toContain("a plain number for paths");
  });

  it("wrong type of a parameter: explains numbers and distributions", async () => {
    const f = fixture("wrong-type-nested.yaml");
    const err = await loadError(f);
    expectAt(err, f, 8);
    expect(err.problem).toContain("indicators.gdp.growth: expected a number or a distribution");
    expect(err.fix).toContain("normal (mean, sd)");
  });

  it("negative paths", async () => {
    const f = fixture("negative-paths.yaml");
    const err = await loadError(f);
    expectAt(err, f, 6);
    expect(err.problem).toMatch(/^paths: /);
    expect(err.problem).toMatch(/>=\s*1|at least 1|too small/i);
  });

  it("horizon not after base_year", async () => {
    const f = fixture("horizon-not-after-base.yaml");
    const err = await loadError(f);
    expectAt(err, f, 5);
    expect(err.problem).toBe("horizon: expected a horizon after base_year 2013");
  });

  // BUG (src/scenario/schema.ts, MECHANISMS.growth and leveraged.own_growth): a growth rate is any
  // finite number, so −1.5 (−150% a year) is accepted and later silently clamped to −1 by the
  // plan's `min: -1` (src/model/growth.ts), turning the level into 0.
  it("a fixed growth rate below −100% a year is rejected", async () => {
    const f = fixture("growth-below-minus-100.yaml");
    const err = await loadError(f);
    expectAt(err, f, 8);
    expect(err.problem).toMatch(/^indicators\.gdp\.growth: /);
  });

  it("a YAML alias bomb is refused with a message, not expanded", async () => {
    const f = fixture("alias-bomb.yaml");
    const err = await loadError(f);
    expect(err.file).toBe(f);
    expect(err.problem).toMatch(/alias/);
  });

  it("a scenario saved in GB18030 loads with its Chinese names intact", async () => {
    const gb = await loadScenario(fixture("gb18030.yaml"));
    const utf8 = await loadScenario("scenarios/baseline.yaml");
    expect(gb.scenario.name).toEqual(utf8.scenario.name);
    expect(gb.scenario.name.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a growth rate above 1,000% a year (1e308) is rejected at its line", async () => {
    const f = fixture("growth-overflow.yaml");
    const err = await loadError(f);
    expectAt(err, f, 8);
    expect(err.problem).toMatch(/^indicators\.gdp\.growth: a growth rate above 1000% a year is not plausible/);
  });

  it("a growth rate of 10 (1,000% a year) loads with a warning at the child's line that suggests 0.1", async () => {
    const f = fixture("growth-percent-as-number.yaml");
    const loaded = await loadScenario(f, { allowOutside: true }); // its parent is the bundled baseline
    expect(loaded.warnings).toEqual([
      { code: "rate_looks_like_percent", file: f, line: 5, path: "indicators.rd_personnel.growth", value: 10 },
    ]);
    expect(scenarioWarningText(loaded.warnings[0], "en")).toBe(
      `${f}:5: indicators.rd_personnel.growth is 10, i.e. 1000% a year; rates are fractions (0.10 = 10%) — if you meant 10%, write 0.1`,
    );
    expect(scenarioWarningLine(loaded.warnings[0], "zh")).toBe(
      `警告：${f}:5：indicators.rd_personnel.growth 为 10，即每年 1000%；增长率应写成小数（0.10 = 10%），如果本意是 10%，请写 0.1`,
    );
    expect((await loadScenario("scenarios/baseline.yaml")).warnings).toEqual([]);
  });

  it("a growth distribution centred below −100% a year is rejected", async () => {
    const f = fixture("growth-mean-below-minus-100.yaml");
    const err = await loadError(f);
    expectAt(err, f, 8);
    expect(err.problem).toMatch(/^indicators\.gdp\.growth/);
  });

  it("the schema rejects growth −1.5 and accepts exactly −100%", () => {
    const base = { name: { zh: "a", en: "a" }, description: "d", base_year: 2013, horizon: 2015 };
    expect(Scenario.safeParse({ ...base, indicators: { gdp: { growth: -1.5 } } }).success).toBe(false);
    // a growth of exactly −100% (the level drops to 0) is meaningful and must stay accepted
    expect(Scenario.safeParse({ ...base, indicators: { gdp: { growth: -1 } } }).success).toBe(true);
  });

  it("extends cycle: an InputError at the `extends` line naming both files", async () => {
    const a = fixture("cycle-a.yaml");
    const b = fixture("cycle-b.yaml");
    const err = await loadError(a);
    expect([a, b]).toContain(err.file);
    expect(err.line).toBe(2);
    expect(err.message).toContain(`${err.file}:2: `);
    expect(err.problem).toMatch(/^extends cycle: /);
    expect(err.problem).toContain("cycle-a.yaml");
    expect(err.problem).toContain("cycle-b.yaml");
  });

  // BUG (src/scenario/load.ts, loadScenario, the cycle message): `files` is built with unshift, so
  // `files.map(f => f.file)` lists the chain newest-first and the message for a.yaml → b.yaml → a.yaml
  // reads "b.yaml → a.yaml → a.yaml" (as if a.yaml extended itself).
  it("extends cycle: the message shows the chain in order, a → b → a", async () => {
    const a = fixture("cycle-a.yaml");
    const b = fixture("cycle-b.yaml");
    const err = await loadError(a);
    expect(err.problem).toBe(`extends cycle: ${a} → ${b} → ${a}`);
  });

  it("missing file", async () => {
    const f = fixture("does-not-exist.yaml");
    const err = await loadError(f);
    expectAt(err, f);
    expect(err.problem).toBe("scenario file not found");
  });

  it("missing extends target: names the missing file and `extends`", async () => {
    const err = await loadError(fixture("extends-missing.yaml"));
    expect(err.message).toContain("no-such-parent.yaml");
    expect(err.problem).toContain("not found");
    expect(err.message).toContain("extends");
  });

  // BUG (src/scenario/load.ts, loadScenario → parseYamlFile(next)): a missing parent is reported as
  // "<dir>/no-such-parent.yaml: scenario file not found", with no word of the file that names it or of
  // the line of its `extends:`; the module promises "the file, the line and the field".
  it("missing extends target: located at the `extends` line of the file that names it", async () => {
    const f = fixture("extends-missing.yaml");
    const err = await loadError(f);
    expectAt(err, f, 2);
    expect(err.problem).toContain("extends");
  });

  it("invalid YAML (tab indentation)", async () => {
    const f = fixture("tab-indent.yaml");
    const err = await loadError(f);
    expectAt(err, f);
    expect(err.problem).toMatch(/^not valid YAML: .*tab/i);
    expect(err.fix).toContain("spaces, not tabs");
  });

  // BUG (src/scenario/load.ts, parseYamlFile): the document is parsed with `prettyErrors: false`,
  // and the yaml package only fills `error.linePos` when prettyErrors is on, so
  // `firstError.linePos?.[0]?.line` is always undefined: no YAML syntax error ever has a line.
  // Fix: `const line = lines.linePos(firstError.pos[0]).line` (the LineCounter is already there).
  it("invalid YAML: names the line of the tab", async () => {
    const f = fixture("tab-indent.yaml");
    const err = await loadError(f);
    expectAt(err, f, 4);
  });

  // BUG (src/scenario/load.ts, issueToError/lineOf): for an unknown key the line is that of the
  // enclosing mapping (its first key), not of the unknown key: here line 8 (`note:`) instead of 9.
  // At the top level the mapping starts on line 2 (after the comment), so every top-level typo is
  // reported at line 2. Fix: for `unrecognized_keys`, look up the key's own node, e.g.
  // lineOf(owner, [...at, issue.keys[0]]) (getIn returns the value node; use the Pair's key range).
  it("unknown key that is not the first key of its mapping: names the key's own line", async () => {
    const f = fixture("unknown-key-not-first.yaml");
    const err = await loadError(f);
    expect(err.problem).toContain('unknown key "growht"');
    expectAt(err, f, 9);
  });

  it("unknown top-level key: names the key's own line", async () => {
    const f = fixture("unknown-top-key.yaml");
    const err = await loadError(f);
    expect(err.problem).toBe('unknown key "seeed"');
    expect(err.message).toContain('did you mean "seed"');
    expectAt(err, f, 7);
  });

  // BUG (src/scenario/load.ts, issueToError): the "owner" of an issue is the most derived file
  // that has the path; for `unrecognized_keys` the path is the enclosing mapping, so a
  // typo in the parent is blamed on a child that merely writes to the same indicator.
  // Fix: for unrecognized_keys test hasPath(f.raw, [...at, issue.keys[0]]).
  it("a typo in the parent is reported in the parent, not in the child that extends it", async () => {
    const err = await loadError(fixture("typo-child.yaml"));
    expect(err.problem).toContain('unknown key "growht"');
    expectAt(err, fixture("typo-parent.yaml"), 8);
  });
});

describe("shipped scenarios", () => {
  let inputs: Inputs;
  beforeAll(async () => {
    inputs = await loadInputs({});
  });

  it("there are four, baseline first", async () => {
    const files = await bundledScenarios();
    expect(files.map((f) => basename(f))).toEqual([
      "baseline.yaml",
      "accelerated-investment.yaml",
      "fiscal-squeeze.yaml",
      "patent-pipeline-stress.yaml",
    ]);
  });

  it("each loads and runs (200 paths) with a status for all 43 targets", async () => {
    expect(inputs.catalogue.targets.length).toBe(43);
    const statuses = ["already_met", "on_track", "at_risk", "off_track", "not_assessed"];
    for (const file of await bundledScenarios()) {
      const { scenario } = await loadScenario(file);
      const { result } = runScenario({ ...inputs, scenario, scenarioFile: file, paths: 200 });
      expect(result.paths).toBe(200);
      expect(result.targets.map((t) => t.id)).toEqual(inputs.catalogue.targets.map((t) => t.id));
      for (const t of result.targets) {
        if (t.nature === "commitment") {
          // A decision: its status says whether the scenario adopts it; no P(met).
          expect(t.status).toBe(scenario.adopts.includes(t.id) ? "commitment_adopted" : "commitment_not_adopted");
          expect(t.pMet).toBeNull();
          continue;
        }
        expect(statuses, `${file} ${t.id}`).toContain(t.status);
        if (t.kind === "qualitative") {
          expect(t.status).toBe("not_assessed");
        } else {
          expect(t.status, `${file} ${t.id}: ${JSON.stringify(t.notAssessed)}`).not.toBe("not_assessed");
          expect(t.pMet).not.toBeNull();
          expect(Number.isFinite(t.median)).toBe(true);
        }
      }
      expect(result.targets.filter((t) => t.kind === "qualitative").length).toBe(2);
    }
  });
});

describe("extends: override semantics", () => {
  it("fiscal-squeeze overrides rd_expenditure's own_growth and keeps baseline's driver, multiplier and volatility", async () => {
    const base = (await loadScenario(shipped("baseline.yaml"))).scenario;
    const loaded = await loadScenario(shipped("fiscal-squeeze.yaml"));
    expect(loaded.chain).toEqual([shipped("baseline.yaml"), shipped("fiscal-squeeze.yaml")]);
    const s = loaded.scenario;
    expect(s.indicators.rd_expenditure).toEqual({
      leveraged: {
        own_growth: { dist: "normal", mean: 0.12, sd: 0.03 },
        driver: "fiscal_st_spending",
        multiplier: { dist: "triangular", min: 0.5, mode: 1.0, max: 2.0 },
      },
      volatility: 0.02,
    });
    expect(base.indicators.rd_expenditure.leveraged!.own_growth).toEqual({ dist: "normal", mean: 0.16, sd: 0.03 });
    // a count keeps its distribution and dispersion when only the additions change
    expect(s.indicators.national_hightech_enterprises.count).toEqual({
      additions: { dist: "triangular", min: 1, mode: 3, max: 5 },
      distribution: "negative_binomial",
      dispersion: 4,
    });
    expect(s.indicators.national_hightech_enterprises.note).toBe(base.indicators.national_hightech_enterprises.note);
    // own header, inherited settings, no `extends` left behind
    expect(s.name.en).toBe("Fiscal squeeze");
    expect([s.base_year, s.horizon, s.paths, s.seed]).toEqual([base.base_year, base.horizon, base.paths, base.seed]);
    expect(s.extends).toBeUndefined();
    // indicators the variant does not mention are the baseline's
    expect(s.indicators.invention_patent_grants).toEqual(base.indicators.invention_patent_grants);
    expect(Object.keys(s.indicators).sort()).toEqual(Object.keys(base.indicators).sort());
  });

  it("accelerated-investment replaces sme_development_fund's trend by growth (no trend left)", async () => {
    const base = (await loadScenario(shipped("baseline.yaml"))).scenario;
    const s = (await loadScenario(shipped("accelerated-investment.yaml"))).scenario;
    expect(base.indicators.sme_development_fund).toEqual({ trend: "auto" });
    expect(s.indicators.sme_development_fund).toEqual({
      growth: { dist: "triangular", min: 0.2, mode: 0.29, max: 0.35 },
    });
    // same mechanism: the growth distribution is replaced whole, the baseline's volatility stays
    expect(s.indicators.hightech_output).toEqual({
      growth: { dist: "normal", mean: 0.18, sd: 0.03 },
      volatility: base.indicators.hightech_output.volatility,
    });
    expect(s.indicators.hightech_output.volatility).toBeGreaterThan(0);
  });

  it("accelerated-investment's budget share replaces the baseline's amount; the split is replaced whole; unit and start stay", async () => {
    const base = (await loadScenario(shipped("baseline.yaml"))).scenario;
    const s = (await loadScenario(shipped("accelerated-investment.yaml"))).scenario;
    expect(base.budget!.amount).toBe(0);
    expect(s.budget!.amount).toBeUndefined();
    expect(s.budget!.share_of).toEqual({ indicator: "general_budget_expenditure", percent: 3 });
    expect(Object.values(s.budget!.split).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect([s.budget!.unit, s.budget!.start_year, s.budget!.adds_to]).toEqual([
      base.budget!.unit,
      base.budget!.start_year,
      base.budget!.adds_to,
    ]);
  });

  it("patent-pipeline-stress keeps the driver and the flow while changing elasticity, lag and depreciation", async () => {
    const s = (await loadScenario(shipped("patent-pipeline-stress.yaml"))).scenario;
    expect(s.indicators.invention_patent_grants).toEqual({
      elastic: { driver: "rd_expenditure", elasticity: { dist: "triangular", min: 0.2, mode: 0.35, max: 0.6 }, lag: 3 },
      volatility: 0.2,
    });
    expect(s.indicators.invention_patents_in_force.inventory).toEqual({
      flow: "invention_patent_grants",
      depreciation: { dist: "triangular", min: 0.15, mode: 0.2, max: 0.25 },
    });
  });

  it("mergeScenario: a distribution replaces the parent's whole; a new mechanism replaces the whole entry", () => {
    const parent = {
      name: { zh: "父", en: "parent" },
      paths: 100,
      indicators: {
        a: { growth: { dist: "triangular", min: 0, mode: 0.1, max: 0.2 }, volatility: 0.01, note: "kept" },
        b: { growth: 0.1, volatility: 0.02, note: "dropped" },
        c: { count: { additions: 3, distribution: "negative_binomial", dispersion: 2 } },
      },
    };
    const child = {
      name: { en: "child" },
      indicators: {
        a: { growth: { dist: "normal", mean: 0.05, sd: 0.01 } },
        b: { trend: "linear" },
        c: { count: { additions: { dist: "uniform", min: 1, max: 2 } } },
        d: { growth: 0 },
      },
    };
    const merged = mergeScenario(parent, child);
    expect(merged).toEqual({
      name: { zh: "父", en: "child" },
      paths: 100,
      indicators: {
        a: { growth: { dist: "normal", mean: 0.05, sd: 0.01 }, volatility: 0.01, note: "kept" },
        b: { trend: "linear" },
        c: {
          count: { additions: { dist: "uniform", min: 1, max: 2 }, distribution: "negative_binomial", dispersion: 2 },
        },
        d: { growth: 0 },
      },
    });
    // the inputs are not modified
    expect(parent.indicators.b).toEqual({ growth: 0.1, volatility: 0.02, note: "dropped" });
  });
});

describe("extends: where the parent is found", () => {
  it("an absolute path is used as it is; a relative one is relative to the naming file; the horizon may go past 2015", async () => {
    const dir = mkdtempSync(join(tmpdir(), "targetcast-extends-"));
    const abs = join(dir, "abs.yaml");
    writeFileSync(
      abs,
      `extends: ${join(process.cwd(), "scenarios", "baseline.yaml")}\nname: { zh: 到2020, en: To 2020 }\nhorizon: 2020\n`,
    );
    const loaded = await loadScenario(abs, { allowOutside: true });
    expect(loaded.scenario.horizon).toBe(2020);
    expect(loaded.chain[0]).toBe(join(process.cwd(), "scenarios", "baseline.yaml"));
    const rel = await loadScenario("scenarios/fiscal-squeeze.yaml");
    expect(rel.chain).toEqual(["scenarios/baseline.yaml", "scenarios/fiscal-squeeze.yaml"]);
  });

  it("a parent outside the scenario's folder tree, or not a .yaml file, is refused without reading it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "targetcast-extends-"));
    const abs = join(dir, "abs.yaml");
    writeFileSync(
      abs,
      `extends: ${join(process.cwd(), "scenarios", "baseline.yaml")}
`,
    );
    await expect(loadScenario(abs)).rejects.toThrow(/abs\.yaml:1: extends: .* is outside the scenario's folder/);
    const passwd = join(dir, "passwd.yaml");
    writeFileSync(passwd, "extends: /etc/passwd\n");
    await expect(loadScenario(passwd, { allowOutside: true })).rejects.toThrow(
      /is not a scenario file \(\.yaml or \.yml\)/,
    );
  });
});
