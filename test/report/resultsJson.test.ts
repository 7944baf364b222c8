/**
 * results.json (src/report/resultsJson.ts): the fields downstream tools rely on, the reasons as
 * codes and sentences, the joint view, and the run manifest; allocation.json as read back for the
 * briefing (src/report/allocationSummary.ts); the atomic write (src/report/atomicWrite.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/data/errors.js";
import { parseAllocation } from "../../src/report/allocationSummary.js";
import { writeFileAtomic } from "../../src/report/atomicWrite.js";
import { notAssessedText, reasonText } from "../../src/report/messages.js";
import { resultsDocument, toResultsJson } from "../../src/report/resultsJson.js";
import { baselineResult, results } from "../charts/fixture.js";

describe("toResultsJson", () => {
  it("the scenario's settings and provenance", () => {
    const j = toResultsJson(baselineResult);
    expect(j).toMatchObject({
      scenario: "baseline",
      name: { zh: "基准情景", en: "Baseline" },
      file: "scenarios/baseline.yaml",
      description: { zh: "Trends of 2008–2012 continue.", en: "Trends of 2008–2012 continue." },
      baseYear: 2012,
      horizon: 2015,
      paths: 5000,
      seed: 20150101,
      illustrative: true,
      dataSource: "data/baseline/haizhou.csv (illustrative)",
      trendByDefault: [],
    });
    expect(j.series).toBe(baselineResult.series);
  });

  it("each assumption with its model line and plain summaries; each target with its reason in words", () => {
    const j = toResultsJson(baselineResult);
    expect(j.assumptions[0]).toEqual({
      indicator: "rd_intensity",
      mechanism: "ratio",
      summary: baselineResult.scenario.assumptions[0].summary,
      summaryZh: "示例假设",
      summaryEn: "an example assumption",
      forecastWarnings: [],
    });
    const rd = j.targets.find((t) => t.id === "rd_intensity")!;
    const t = baselineResult.targets.find((x) => x.id === "rd_intensity")!;
    expect(rd.pMet).toBe(t.pMet);
    expect(rd.p10).toBe(t.p10);
    expect(rd.p90).toBe(t.p90);
    expect(rd.reason).toEqual({ ...t.reason, textZh: reasonText(t, "zh"), textEn: reasonText(t, "en") });
    expect(rd.reason!.textZh).toMatch(/^需年均增长 5\.6%/);
    expect(rd.notAssessedBecause).toBeNull();
    const q = j.targets.find((x) => x.id === "environmental_quality")!;
    expect(q.reason).toBeNull();
    expect(q.notAssessedBecause).toBe("qualitative goal: the plan states no number");
    expect(q.notAssessedBecauseZh).toBe(notAssessedText(q, "zh"));
    expect(q.notAssessedBecauseZh).toBe("定性目标，规划未给出数值");
  });

  it("the joint view: targets assessed, expected met with its SE, exactly k and at least k", () => {
    const j = toResultsJson(baselineResult);
    expect(j.targetsAssessed).toBe(4);
    expect(j.expectedMet).toBe(baselineResult.joint.expectedMet);
    expect(j.expectedMetStandardError).toBe(baselineResult.joint.expectedMetStandardError);
    expect(j.exactlyMet).toBe(baselineResult.joint.exactly);
    expect(j.atLeast).toBe(baselineResult.joint.atLeast);
    expect(j.atLeast[0]).toBeCloseTo(1, 12);
  });
});

describe("resultsDocument", () => {
  const at = new Date("2024-05-06T08:30:00Z");
  it("when, by which tool, every scenario in order", () => {
    const doc = resultsDocument(results, at);
    expect(doc.generatedAt).toBe("2024-05-06T08:30:00.000Z");
    expect(doc.tool).toBe("targetcast");
    expect(doc.scenarios.map((s) => s.scenario)).toEqual(["baseline", "accelerated"]);
    expect("manifest" in doc).toBe(false);
  });

  it("the manifest: version, threads, inputs with their SHA-256, and each run's file, paths and seed", () => {
    const manifest = { version: "0.1.0", threads: 2, inputs: [{ file: "d.csv", sha256: "ab" }] };
    const doc = resultsDocument(results, at, manifest) as ReturnType<typeof resultsDocument> & {
      manifest: typeof manifest & { runs: unknown[] };
    };
    expect(doc.manifest).toEqual({
      ...manifest,
      runs: [
        { scenario: "scenarios/baseline.yaml", paths: 5000, seed: 20150101 },
        { scenario: "scenarios/accelerated.yaml", paths: 5000, seed: 20150101 },
      ],
    });
  });
});

describe("parseAllocation", () => {
  const good = {
    scenario: "s.yaml",
    budget: 100,
    unit: "万元",
    programmes: [{ id: "a", nameZh: "甲", nameEn: "A" }],
    best: { split: { a: 100 }, expectedMet: 2, pMet: {} },
    equalSplit: { split: { a: 100 }, expectedMet: 2, pMet: {} },
  };
  const refusal = (text: string) => {
    try {
      parseAllocation(text, "out/allocation.json");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    }
    throw new Error("not refused");
  };

  it("reads the fields the summary shows", () => {
    expect(parseAllocation(JSON.stringify(good), "a.json")).toEqual(good);
  });

  it("refuses text that is not JSON, and a field that is missing or wrong, naming the file, the field and the fix", () => {
    const notJson = refusal("{ nope");
    expect(notJson).toContain("out/allocation.json");
    expect(notJson).toContain("this is not JSON (");
    expect(notJson).toContain("give the allocation.json written by `targetcast allocate --out DIR`");
    const negative = refusal(JSON.stringify({ ...good, budget: -1 }));
    expect(negative).toContain('field "budget": ');
    expect(negative).toContain("targetcast allocate --out DIR");
    expect(refusal(JSON.stringify({ ...good, best: { ...good.best, expectedMet: "2" } }))).toContain(
      'field "best.expectedMet": ',
    );
    expect(refusal("[1]")).toContain('field "(top level)": ');
  });
});

describe("writeFileAtomic", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "targetcast-atomic-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the content into new folders, replaces an old file, and leaves no temporary file", async () => {
    const file = path.join(dir, "a", "b", "x.txt");
    await writeFileAtomic(file, "first");
    expect(readFileSync(file, "utf8")).toBe("first");
    await writeFileAtomic(file, new Uint8Array([0x6f, 0x6b]));
    expect(readFileSync(file, "utf8")).toBe("ok");
    expect(readdirSync(path.dirname(file))).toEqual(["x.txt"]);
  });

  it("on a failed rename removes its temporary file and throws", async () => {
    // The target is a folder holding a file: rename over it fails.
    const target = path.join(dir, "folder");
    await writeFileAtomic(path.join(target, "inside.txt"), "x");
    writeFileSync(path.join(dir, "keep.txt"), "keep");
    await expect(writeFileAtomic(target, "data")).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(["a", "folder", "keep.txt"]);
  });
});
