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
