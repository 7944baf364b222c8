import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadIndicatorDictionary } from "../../src/data/loadIndicators.js";
import { expectInputError, fixture } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "targetcast-dict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const H = "id,name_zh,name_en,unit,min,max,note\n";

describe("loadIndicatorDictionary", () => {
  it("loads definitions by id with numeric bounds", async () => {
    const dict = await loadIndicatorDictionary(fixture("indicators.csv"));
    expect([...dict.keys()]).toEqual([
      "rd_intensity",
      "national_hightech_enterprises",
      "sme_development_fund",
      "gdp",
      "gdp_growth",
    ]);
    expect(dict.get("rd_intensity")).toEqual({
      id: "rd_intensity",
      nameZh: "研发投入占地区生产总值的比重",
      nameEn: "R&D expenditure as a share of GDP",
      unit: "%",
      min: 0,
      max: 100,
      note: "",
    });
    expect(dict.get("national_hightech_enterprises")?.max).toBeNull();
    expect(dict.get("gdp_growth")?.min).toBe(-100);
  });

  it("rejects a duplicate id, a unit cell that cannot be a unit and min above max", async () => {
    const dup = join(dir, "dup.csv");
    writeFileSync(dup, `${H}a,甲,A,%,,,\nb,乙,B,家,,,\na,甲,A,%,,,\n`);
    expect(
      (await expectInputError(loadIndicatorDictionary(dup), { file: dup, line: 4, column: "id" })).message,
    ).toContain("line 2");
    const unit = join(dir, "unit.csv");
    writeFileSync(unit, `${H}a,甲,A,${"x".repeat(41)},,,\n`);
    const e = await expectInputError(loadIndicatorDictionary(unit), { file: unit, line: 2, column: "unit" });
    expect(e.message).toContain("longer than 40 characters");
    const free = join(dir, "free.csv");
    writeFileSync(free, `${H}a,甲,A,billion USD,0,,\n`);
    expect((await loadIndicatorDictionary(free)).get("a")?.unit).toBe("billion USD"); // units are free text
    const bounds = join(dir, "bounds.csv");
    writeFileSync(bounds, `${H}a,甲,A,%,50,10,\n`);
    await expectInputError(loadIndicatorDictionary(bounds), { file: bounds, line: 2, column: "max" });
  });
});
