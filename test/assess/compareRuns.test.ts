/**
 * compare of two results.json files (src/assess/compareRuns.ts): hand-made runs with known answers
 * (SE of independent runs = √(se₁² + se₂²)), and through the CLI: a real pair of runs, the refusal to
 * mix a results.json with a scenario file, and a file that is not a results.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareRuns, parseSavedRun } from "../../src/assess/compareRuns.js";
import { InputError } from "../../src/data/errors.js";
import { cli } from "../region/helpers.js";

const t = (id: string, status: string, pMet: number | null, se: number | null, median = 1) => ({
  id,
  nameZh: id,
  nameEn: id,
  status,
  pMet,
  pMetStandardError: se,
  median,
});
function run(file: string, over: Record<string, unknown>, hash = "aa") {
  return parseSavedRun(
    JSON.stringify({
      tool: "targetcast",
      generatedAt: "2026-09-30T00:00:00.000Z",
      manifest: { inputs: [{ file: "data/baseline.csv", sha256: hash }] },
      scenarios: [
        {
          scenario: "baseline",
          name: { zh: "基准", en: "Baseline" },
          file: "scenarios/baseline.yaml",
          baseYear: 2013,
          horizon: 2015,
          paths: 1000,
          seed: 1,
          assumptions: [{ indicator: "gdp", mechanism: "growth", summary: "g ~ N(0.10, 0.015)" }],
          targets: [],
          expectedMet: 10,
          expectedMetStandardError: 0.06,
          ...over,
        },
      ],
    }),
    file,
  );
}

describe("compare two results.json files", () => {
  // Built inside each test (functions, not constants): a mutant is active only while a test runs.
  const earlier = () =>
    run("q3.json", {
      targets: [
        t("a", "at_risk", 0.5, 0.03),
        t("b", "on_track", 0.7, 0.03),
        t("c", "off_track", 0.1, 0.01),
        t("fund", "commitment_not_adopted", null, null),
      ],
    });
  const later = () =>
    run(
      "q4.json",
      {
        seed: 2,
        assumptions: [{ indicator: "gdp", mechanism: "growth", summary: "g ~ N(0.08, 0.015)" }],
        targets: [
          t("a", "on_track", 0.7, 0.04),
          t("b", "at_risk", 0.65, 0.03),
          t("c", "off_track", 0.11, 0.01),
          t("fund", "commitment_adopted", null, null),
        ],
        expectedMet: 10.5,
        expectedMetStandardError: 0.08,
      },
      "bb",
    );
  const r = () => compareRuns(earlier(), later()).comparisons[0];

  it("a change in P(met) carries √(se₁² + se₂²): 0.5 → 0.7 with SEs 0.03 and 0.04 is +0.2 ± 0.05, beyond 2 SE", () => {
    const a = r().changed.find((d) => d.id === "a")!;
    expect(a.change).toBeCloseTo(0.2, 12);
    expect(a.standardError).toBeCloseTo(0.05, 12);
    expect(a.distinguishable).toBe(true);
    expect([a.statusBefore, a.statusAfter, a.statusChanged]).toEqual(["at_risk", "on_track", true]);
  });

  it("lists a status change within noise (b: −0.05 ± 0.042) but not a target that did not move (c)", () => {
    const b = r().changed.find((d) => d.id === "b")!;
    expect(b.distinguishable).toBe(false);
    expect(b.statusChanged).toBe(true);
    expect(r().changed.map((d) => d.id)).toEqual(["a", "b", "fund"]);
    expect(r().unchangedCount).toBe(1);
    // A commitment adopted in the second run: a status change without a P(met), and the cause.
    expect(r().changed[2]).toMatchObject({ change: null, standardError: null, statusAfter: "commitment_adopted" });
    expect(r().adopts).toEqual({ before: [], after: [{ id: "fund", nameZh: "fund", nameEn: "fund" }] });
    expect(compareRuns(earlier(), earlier()).comparisons[0].adopts).toBeNull();
  });

  it("says in words which commitments each run adopts, and that this changed their status", async () => {
    const { compareRunsText } = await import("../../src/report/compareText.js");
    const text = compareRunsText(compareRuns(earlier(), later()));
    expect(text).toContain("采纳的承诺 Commitments adopted: 无 none → fund");
    expect(text).toContain("the statuses of these commitments changed because of it");
  });

  it("follows --lang: Chinese only, English only", async () => {
    const { compareRunsText } = await import("../../src/report/compareText.js");
    const zh = compareRunsText(compareRuns(earlier(), later()), "zh");
    expect(zh).toContain("采纳的承诺: 无 → fund (这些承诺的状态因此改变；采纳与否不改变预测)");
    expect(zh).toContain("两次独立运行，非公共随机数");
    expect(zh).not.toMatch(/Independent runs|Commitments adopted|Expected targets met|none/);
    expect(zh).toContain("预期达成目标数: 10.00 → 10.50 (+0.50 ± 0.10, 独立运行的标准误)");
    const en = compareRunsText(compareRuns(earlier(), later()), "en");
    expect(en).toContain("Commitments adopted: none → fund");
    expect(en).toContain("Expected targets met: 10.00 → 10.50 (+0.50 ± 0.10, SE of independent runs)");
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("expected targets met: 10 → 10.5 ± √(0.06² + 0.08²) = 0.1; recorded assumptions, settings and inputs that differ", () => {
    expect(r().expectedMet!.change).toBeCloseTo(0.5, 12);
    expect(r().expectedMet!.standardError).toBeCloseTo(0.1, 12);
    expect(r().assumptions).toEqual([
      {
        indicator: "gdp",
        before: { mechanism: "growth", summary: "g ~ N(0.10, 0.015)" },
        after: { mechanism: "growth", summary: "g ~ N(0.08, 0.015)" },
      },
    ]);
    expect(r().settings).toEqual([{ key: "seed", before: 1, after: 2 }]);
    const all = compareRuns(earlier(), later());
    expect(all.commonRandomNumbers).toBe(false);
    expect(all.inputsChanged).toEqual([{ file: "data/baseline.csv", before: "aa", after: "bb" }]);
  });

  it("refuses a file that is not a results.json, naming the field", () => {
    expect(() => parseSavedRun('{"tool":"targetcast"}', "x.json")).toThrow(InputError);
    expect(() => parseSavedRun('{"tool":"targetcast"}', "x.json")).toThrow(/field "scenarios"/);
  });
});

describe("targetcast compare with results.json files", () => {
  it("compares two real runs, and refuses to mix a results.json and a scenario file (exit 2)", () => {
    const dir = mkdtempSync(join(tmpdir(), "targetcast-compare-runs-"));
    for (const [name, seed] of [
      ["a", "1"],
      ["b", "2"],
    ])
      expect(
        cli(["run", "scenarios/baseline.yaml", "--paths", "300", "--seed", seed, "--out", join(dir, name), "--quiet"])
          .status,
      ).toBe(0);
    const r = cli([
      "compare",
      join(dir, "a", "results.json"),
      join(dir, "b", "results.json"),
      "--format",
      "json",
      "--out",
      join(dir, "c"),
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.commonRandomNumbers).toBe(false);
    expect(j.comparisons[0].settings).toEqual([{ key: "seed", before: 1, after: 2 }]);
    expect(j.comparisons[0].expectedMet.standardError).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, "c", "comparison.json"), "utf8"))).toEqual(j);
    const mixed = cli(["compare", join(dir, "a", "results.json"), "scenarios/baseline.yaml"]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain("give either scenario files (.yaml) or results.json files, not both");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "[1, 2]");
    const notResults = cli(["compare", bad, join(dir, "a", "results.json"), "--out", join(dir, "d")]);
    expect(notResults.status).toBe(1);
    expect(notResults.stderr).toContain("not a targetcast results.json");
  });
});

describe("compareRuns: pairing, what only one run has, and missing fields", () => {
  /** A results.json with the given scenarios (each a partial scenario over a default). */
  const file = (name: string, scenarios: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
    parseSavedRun(
      JSON.stringify({
        tool: "targetcast",
        scenarios: scenarios.map((over) => ({
          scenario: "baseline",
          name: { zh: "基准", en: "Baseline" },
          file: "scenarios/baseline.yaml",
          baseYear: 2013,
          horizon: 2015,
          paths: 1000,
          seed: 1,
          assumptions: [],
          targets: [],
          ...over,
        })),
        ...extra,
      }),
      name,
    );

  it("several scenarios pair by id; the others are listed as only in one run", () => {
    const b = file("b.json", [{ scenario: "baseline" }, { scenario: "fast", seed: 2 }, { scenario: "old" }]);
    const a = file("a.json", [{ scenario: "new" }, { scenario: "fast", seed: 3 }, { scenario: "baseline" }]);
    const r = compareRuns(b, a);
    expect(r.comparisons.map((c) => c.scenario)).toEqual(["baseline", "fast"]);
    expect(r.comparisons[1].settings).toEqual([{ key: "seed", before: 2, after: 3 }]);
    expect(r.scenariosOnlyBefore).toEqual(["old"]);
    expect(r.scenariosOnlyAfter).toEqual(["new"]);
    // No manifest and no generatedAt in either file: nothing to say about inputs, times unknown.
    expect(r.inputsChanged).toEqual([]);
    expect(r.before).toEqual({ file: "b.json", generatedAt: null });
    expect(r.after).toEqual({ file: "a.json", generatedAt: null });
  });

  it("one scenario in each file pairs whatever the ids (a renamed scenario file), named as in the later run", () => {
    const r = compareRuns(
      file("b.json", [{ scenario: "baseline" }]),
      file("a.json", [{ scenario: "baseline-v2", name: { zh: "新", en: "New" }, file: "s/v2.yaml" }]),
    );
    expect(r.comparisons).toHaveLength(1);
    expect(r.comparisons[0]).toMatchObject({ scenario: "baseline-v2", name: { zh: "新", en: "New" } });
    expect(r.comparisons[0].settings).toEqual([{ key: "file", before: "scenarios/baseline.yaml", after: "s/v2.yaml" }]);
    expect(r).toMatchObject({ scenariosOnlyBefore: [], scenariosOnlyAfter: [] });
  });

  it("every setting that differs, in a fixed order; a data source missing in one run is null", () => {
    const r = compareRuns(
      file("b.json", [{ paths: 1000, seed: 1, baseYear: 2013, horizon: 2015 }]),
      file("a.json", [{ paths: 2000, seed: 1, baseYear: 2014, horizon: 2016, dataSource: "new.csv" }]),
    );
    expect(r.comparisons[0].settings).toEqual([
      { key: "paths", before: 1000, after: 2000 },
      { key: "baseYear", before: 2013, after: 2014 },
      { key: "horizon", before: 2015, after: 2016 },
      { key: "dataSource", before: null, after: "new.csv" },
    ]);
  });

  it("recorded assumptions: changed mechanism or summary, added or dropped; an unchanged one is not listed", () => {
    const g = (indicator: string, summary: string, mechanism = "growth") => ({ indicator, mechanism, summary });
    const r = compareRuns(
      file("b.json", [{ assumptions: [g("gdp", "g = 10%"), g("pop", "g = 1%"), g("old", "x"), g("rd", "r")] }]),
      file("a.json", [
        { assumptions: [g("gdp", "g = 10%"), g("pop", "g = 2%"), g("new", "y"), g("rd", "r", "trend")] },
      ]),
    ).comparisons[0];
    expect(r.assumptions).toEqual([
      {
        indicator: "pop",
        before: { mechanism: "growth", summary: "g = 1%" },
        after: { mechanism: "growth", summary: "g = 2%" },
      },
      { indicator: "old", before: { mechanism: "growth", summary: "x" }, after: null },
      { indicator: "rd", before: { mechanism: "growth", summary: "r" }, after: { mechanism: "trend", summary: "r" } },
      { indicator: "new", before: null, after: { mechanism: "growth", summary: "y" } },
    ]);
  });

  it("targets only in one run; a target without P(met) has no change; unit and medians carried over", () => {
    const r = compareRuns(
      file("b.json", [
        {
          targets: [
            { ...t("kept", "at_risk", 0.4, 0.02, 3), unit: "亿元" },
            t("dropped", "on_track", 0.9, 0.01),
            t("unassessed", "not_assessed", null, null),
          ],
        },
      ]),
      file("a.json", [
        {
          targets: [
            t("added", "on_track", 0.8, 0.01),
            t("unassessed", "at_risk", 0.5, 0.01),
            { ...t("kept", "at_risk", 0.41, 0.02, 3.5), unit: "亿元" },
          ],
        },
      ]),
    ).comparisons[0];
    expect(r.onlyBefore).toEqual(["dropped"]);
    expect(r.onlyAfter).toEqual(["added"]);
    expect(r.changed.map((d) => d.id)).toEqual(["unassessed"]);
    expect(r.changed[0]).toMatchObject({ change: null, standardError: null, distinguishable: false, unit: "" });
    expect(r.unchangedCount).toBe(1);
    // kept: +0.01 ± √(0.02² + 0.02²) = 0.028: within noise, same status, so not listed. Moved further:
    const kept = compareRuns(
      file("b.json", [{ targets: [{ ...t("kept", "at_risk", 0.4, 0.02, 3), unit: "亿元" }] }]),
      file("a.json", [{ targets: [{ ...t("kept", "on_track", 0.7, 0.02, 3.5), unit: "亿元" }] }]),
    ).comparisons[0].changed[0];
    expect(kept).toMatchObject({
      id: "kept",
      pMetBefore: 0.4,
      pMetAfter: 0.7,
      medianBefore: 3,
      medianAfter: 3.5,
      unit: "亿元",
      distinguishable: true,
    });
    expect(kept.change).toBeCloseTo(0.3, 12);
    expect(kept.standardError).toBeCloseTo(Math.sqrt(0.0008), 12);
  });

  it("a change exactly at 2 SE is not distinguishable, just past it is; a P(met) without its SE gives no SE", () => {
    const pair = (sb: number | null, sa: number | null, pa: number) =>
      compareRuns(
        file("b.json", [{ targets: [t("x", "at_risk", 0.25, sb)] }]),
        file("a.json", [{ targets: [t("x", "at_risk", pa, sa)] }]),
      ).comparisons[0];
    // SEs 3/32 and 4/32: SE 5/32 = 0.15625, 2 SE = 0.3125, all exact in binary.
    expect(pair(3 / 32, 4 / 32, 0.5625).changed).toEqual([]);
    const past = pair(3 / 32, 4 / 32, 0.5625 + 2 ** -10).changed[0];
    expect(past).toMatchObject({ distinguishable: true, standardError: 0.15625, statusChanged: false });
    const noSe = pair(null, 0.01, 0.9);
    expect(noSe.changed).toEqual([]);
    expect(noSe.unchangedCount).toBe(1);
  });

  it("expected targets met: null when either file lacks it or its SE", () => {
    const r = (over: Record<string, unknown>) =>
      compareRuns(
        file("b.json", [{ expectedMet: 3, expectedMetStandardError: 0.3 }]),
        file("a.json", [{ expectedMet: 4, expectedMetStandardError: 0.4, ...over }]),
      ).comparisons[0].expectedMet;
    expect(r({})).toEqual({ before: 3, after: 4, change: 1, standardError: 0.5 });
    expect(r({ expectedMet: undefined })).toBeNull();
    expect(r({ expectedMetStandardError: undefined })).toBeNull();
  });

  it("adopted commitments sorted by id; the same set in another order is no difference", () => {
    const c = (id: string, status: string) => t(id, status, null, null);
    const r = compareRuns(
      file("b.json", [{ targets: [c("zeta", "commitment_adopted"), c("alpha", "commitment_adopted")] }]),
      file("a.json", [{ targets: [c("alpha", "commitment_adopted"), c("zeta", "commitment_not_adopted")] }]),
    ).comparisons[0];
    expect(r.adopts).toEqual({
      before: [
        { id: "alpha", nameZh: "alpha", nameEn: "alpha" },
        { id: "zeta", nameZh: "zeta", nameEn: "zeta" },
      ],
      after: [{ id: "alpha", nameZh: "alpha", nameEn: "alpha" }],
    });
    const same = compareRuns(
      file("b.json", [{ targets: [c("zeta", "commitment_adopted"), c("alpha", "commitment_adopted")] }]),
      file("a.json", [{ targets: [c("alpha", "commitment_adopted"), c("zeta", "commitment_adopted")] }]),
    ).comparisons[0];
    expect(same.adopts).toBeNull();
  });

  it("input hashes: a file read by one run only is listed with null on the other side; one manifest alone says nothing", () => {
    const m = (inputs: { file: string; sha256: string }[]) => ({ manifest: { inputs } });
    const r = compareRuns(
      file(
        "b.json",
        [{}],
        m([
          { file: "d.csv", sha256: "1" },
          { file: "same.csv", sha256: "s" },
          { file: "gone.csv", sha256: "g" },
        ]),
      ),
      file(
        "a.json",
        [{}],
        m([
          { file: "d.csv", sha256: "2" },
          { file: "same.csv", sha256: "s" },
          { file: "new.csv", sha256: "n" },
        ]),
      ),
    );
    expect(r.inputsChanged).toEqual([
      { file: "d.csv", before: "1", after: "2" },
      { file: "gone.csv", before: "g", after: null },
      { file: "new.csv", before: null, after: "n" },
    ]);
    expect(
      compareRuns(file("b.json", [{}], m([{ file: "d.csv", sha256: "1" }])), file("a.json", [{}])).inputsChanged,
    ).toEqual([]);
  });

  it("refuses text that is not JSON, and JSON of the wrong shape at the top level, naming the file", () => {
    expect(() => parseSavedRun("{oops", "x.json")).toThrow(/^x\.json: this is not JSON \(/);
    expect(() => parseSavedRun("[1, 2]", "y.json")).toThrow(
      'y.json: not a targetcast results.json: field "(top level)"',
    );
    expect(() => parseSavedRun("{oops", "x.json")).toThrow(
      "Fix: give a results.json written by `targetcast run --out DIR` (or `npm start`)",
    );
    const good = file("g.json", [{}], { generatedAt: "2026-01-01T00:00:00Z" });
    expect(good.file).toBe("g.json");
    expect(compareRuns(good, good).before.generatedAt).toBe("2026-01-01T00:00:00Z");
  });
});
