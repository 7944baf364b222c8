import { describe, expect, it } from "vitest";
import { InputError } from "../../src/data/errors.js";
import { loadTargets } from "../../src/data/loadTargets.js";
import { expectInputError, fixture, projectFile, snapshot } from "./helpers.js";

describe("loadTargets", () => {
  it("loads a valid catalogue into typed targets with places", async () => {
    const f = fixture("catalogue.csv");
    const cat = await loadTargets(f);
    expect(cat.file).toBe(f);
    expect(cat.targets.map((t) => t.id)).toEqual([
      "rd_intensity",
      "national_hightech_enterprises",
      "hte_doubling",
      "environmental_quality",
      "sme_development_fund",
    ]);
    expect(cat.targets[0]).toEqual({
      id: "rd_intensity",
      indicator: "rd_intensity",
      nameZh: "研发投入占地区生产总值的比重",
      nameEn: "R&D expenditure as a share of GDP",
      section: "二",
      targetYear: 2015,
      comparator: ">=",
      value: 2.5,
      unit: "%",
      kind: "share",
      nature: "forecast",
      baseYear: null,
      responsible: "",
      note: "",
      place: { file: f, line: 2 },
    });
    const doubling = cat.targets[2];
    expect([doubling.kind, doubling.value, doubling.unit, doubling.baseYear, doubling.responsible]).toEqual([
      "relative_to_base",
      2,
      "倍",
      2013,
      "商务局、科技局,各镇街",
    ]);
    const q = cat.targets[3];
    expect([q.kind, q.comparator, q.value, q.unit]).toEqual(["qualitative", null, null, ""]);
    expect(cat.targets[1].note).toBe("二 says 达35家以上, i.e. 35 or more");
  });

  it("rejects an unknown comparator, naming the column and suggesting the right one", async () => {
    const f = fixture("catalogue-unknown-comparator.csv");
    const e = await expectInputError(loadTargets(f), { file: f, line: 3, column: "comparator" });
    expect(e.message).toContain('"≥" is not a comparator (did you mean ">="?)');
  });

  it("rejects a qualitative row with a value", async () => {
    const f = fixture("catalogue-qualitative-with-value.csv");
    const e = await expectInputError(loadTargets(f), { file: f, line: 3, column: "value" });
    expect(e.message).toContain("qualitative");
  });

  it("rejects relative_to_base without base_year", async () => {
    const f = fixture("catalogue-relative-no-base-year.csv");
    const e = await expectInputError(loadTargets(f), { file: f, line: 4, column: "base_year" });
    expect(e.fix).toMatch(/year/);
  });

  it("rejects a duplicate id, naming both lines", async () => {
    const f = fixture("catalogue-duplicate-id.csv");
    const e = await expectInputError(loadTargets(f), { file: f, line: 4, column: "id" });
    expect(e.message).toContain("line 2 and on line 4");
  });

  it("does not modify the files it reads", async () => {
    for (const name of ["catalogue.csv", "catalogue-unknown-comparator.csv"]) {
      const f = fixture(name);
      const before = snapshot(f);
      await loadTargets(f).catch((e: unknown) => {
        if (!(e instanceof InputError)) throw e;
      });
      const after = snapshot(f);
      expect(after.bytes.equals(before.bytes)).toBe(true);
      expect(after.mtimeMs).toBe(before.mtimeMs);
    }
  });

  const bundled = projectFile("data", "targets", "haizhou-2015.csv");
  it("loads the bundled Haizhou 2015 catalogue", async () => {
    const cat = await loadTargets(bundled);
    expect(cat.targets.length).toBeGreaterThan(30);
    expect(new Set(cat.targets.map((t) => t.id)).size).toBe(cat.targets.length);
    const doubling = cat.targets.find((t) => t.kind === "relative_to_base");
    expect(doubling?.baseYear).toBe(2013);
    expect(
      cat.targets.filter((t) => t.kind === "qualitative").every((t) => t.value === null && t.comparator === null),
    ).toBe(true);
  });
});
