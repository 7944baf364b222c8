import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/data/errors.js";
import { loadBaseline } from "../../src/data/loadBaseline.js";
import { loadIndicatorDictionary } from "../../src/data/loadIndicators.js";
import { loadTargets } from "../../src/data/loadTargets.js";
import type { Observation } from "../../src/data/types.js";
import { baselineWarningLine, baselineWarningText } from "../../src/report/inputWarnings.js";
import { expectInputError, fixture, projectFile, snapshot } from "./helpers.js";

const catalogue = await loadTargets(fixture("catalogue.csv"));
const dictionary = await loadIndicatorDictionary(fixture("indicators.csv"));

const stripFile = (o: Observation) => ({ ...o, place: { line: o.place.line } });

describe("loadBaseline: valid files", () => {
  it("loads a UTF-8-with-BOM baseline into observations and year-sorted series", async () => {
    const f = fixture("baseline-utf8-bom.csv");
    const b = await loadBaseline(f);
    expect(b.file).toBe(f);
    expect(b.observations).toHaveLength(8);
    expect(b.observations[0]).toEqual({
      indicator: "rd_intensity",
      year: 2011,
      value: 1.85,
      unit: "%",
      source: "海州区统计年鉴2012",
      note: "",
      place: { file: f, line: 2 },
    });
    expect(b.series.get("national_hightech_enterprises")).toEqual({
      indicator: "national_hightech_enterprises",
      unit: "家",
      years: [2011, 2012, 2013],
      values: [12, 14, 17],
      sources: ["科技局", "科技局", "科技局"],
      gaps: [],
    });
    expect(b.series.get("gdp")?.values).toEqual([412.6]);
    expect(b.warnings).toEqual([]);
  });

  it("reads the GB18030 copy to the same observations, Chinese sources included, and warns about the encoding", async () => {
    const u = await loadBaseline(fixture("baseline-utf8-bom.csv"));
    const g = await loadBaseline(fixture("baseline-gb18030.csv"));
    expect(g.observations.map(stripFile)).toEqual(u.observations.map(stripFile));
    expect(g.observations.find((o) => o.indicator === "gdp")?.source).toBe("海州区国民经济和社会发展统计公报");
    expect(g.warnings).toHaveLength(1);
    expect(g.warnings[0]).toContain("GB18030");
    expect(g.warnings[0]).toContain("baseline-gb18030.csv");
    expect(g.warningCodes).toEqual([{ code: "gb18030", file: g.file }]);
    expect(baselineWarningLine(g.warningCodes[0], "zh")).toMatch(/^警告：.*baseline-gb18030\.csv：不是有效的 UTF-8/);
  });

  it("records gaps in the series and reports them as warnings", async () => {
    const f = fixture("baseline-gap.csv");
    const b = await loadBaseline(f);
    const s = b.series.get("rd_intensity")!;
    expect(s.years).toEqual([2010, 2011, 2014]);
    expect(s.values).toEqual([1.7, 1.85, 2.4]);
    expect(s.gaps).toEqual([2012, 2013]);
    expect(b.series.get("national_hightech_enterprises")?.gaps).toEqual([]);
    expect(b.warnings).toHaveLength(1);
    expect(b.warnings[0]).toContain(f);
    expect(b.warnings[0]).toContain("rd_intensity has no value for 2012, 2013");
    // The same finding as a code with its numbers, worded by the report layer in each language.
    expect(b.warningCodes).toEqual([
      { code: "gaps", file: f, indicator: "rd_intensity", missing: [2012, 2013], from: 2010, to: 2014 },
    ]);
    expect(baselineWarningText(b.warningCodes[0], "zh")).toBe(
      `${f}：指标 rd_intensity 缺少 2012、2013 年的数值（2010–2014 年之间）；缺失年份保持缺失`,
    );
    expect(baselineWarningText(b.warningCodes[0], "en")).toBe(b.warnings[0]);
  });

  it("accepts the baseline when checked against both dictionary and catalogue", async () => {
    const b = await loadBaseline(fixture("baseline-utf8-bom.csv"), { catalogue, dictionary });
    expect([...b.series.keys()].sort()).toEqual([
      "gdp",
      "national_hightech_enterprises",
      "rd_intensity",
      "sme_development_fund",
    ]);
    expect(b.warnings).toEqual([]);
  });

  it("with only a catalogue, drops indicators outside it with a warning instead of failing", async () => {
    const f = fixture("baseline-utf8-bom.csv");
    const b = await loadBaseline(f, { catalogue });
    expect(b.series.has("gdp")).toBe(false);
    expect(b.observations.some((o) => o.indicator === "gdp")).toBe(false);
    expect(b.observations).toHaveLength(7);
    expect(b.warnings).toEqual([`${f}:9: indicator gdp is not in the catalogue or dictionary; ignored (1 row)`]);
  });
});

describe("loadBaseline: one error per fixture, each naming file, line, column and fix", () => {
  it("duplicate (indicator, year): names both lines", async () => {
    const f = fixture("duplicate-year.csv");
    const e = await expectInputError(loadBaseline(f), { file: f, line: 5, column: "year" });
    expect(e.message).toContain("on line 3 and on line 5");
  });

  it("non-numeric value", async () => {
    const f = fixture("non-numeric.csv");
    const e = await expectInputError(loadBaseline(f), { file: f, line: 3, column: "value" });
    expect(e.message).toBe(
      `${f}:3, column "value": "2.02%" is not a number. Fix: write a plain decimal number such as 12.5 (no thousands separators or units).`,
    );
  });

  it("unknown indicator with a dictionary: did-you-mean hint", async () => {
    const f = fixture("unknown-indicator.csv");
    const e = await expectInputError(loadBaseline(f, { dictionary }), { file: f, line: 4, column: "indicator" });
    expect(e.message).toContain('unknown indicator "rd_intensty" (did you mean "rd_intensity"?)');
  });

  it("the same unknown indicator with only a catalogue is a warning, not an error", async () => {
    const f = fixture("unknown-indicator.csv");
    const b = await loadBaseline(f, { catalogue });
    expect(b.warnings).toEqual([
      `${f}:4: indicator rd_intensty is not in the catalogue or dictionary; ignored (1 row) (did you mean "rd_intensity"?)`,
    ]);
    expect(b.series.has("rd_intensty")).toBe(false);
  });

  it("unit that disagrees with the dictionary, with the conversion in the fix", async () => {
    const f = fixture("unit-mismatch.csv");
    const e = await expectInputError(loadBaseline(f, { dictionary }), { file: f, line: 3, column: "unit" });
    expect(e.message).toContain('"亿元" disagrees with the indicator dictionary');
    expect(e.fix).toContain("multiply a value in 亿元 by 10000");
  });

  it("unit that disagrees with the catalogue target's unit", async () => {
    const f = fixture("unit-mismatch.csv");
    const e = await expectInputError(loadBaseline(f, { catalogue }), { file: f, line: 3, column: "unit" });
    expect(e.message).toContain('target "sme_development_fund"');
    expect(e.message).toContain('"万元"');
  });

  it("does not compare with the multiplier unit of relative_to_base targets", async () => {
    // national_hightech_enterprises has a count target (家) and a doubling target (倍); 家 is right.
    const b = await loadBaseline(fixture("baseline-gap.csv"), { catalogue });
    expect(b.series.get("national_hightech_enterprises")?.unit).toBe("家");
  });

  it("mixed units for one indicator: names both lines", async () => {
    const f = fixture("mixed-units.csv");
    const e = await expectInputError(loadBaseline(f), { file: f, line: 3, column: "unit" });
    expect(e.message).toContain("on line 2");
  });

  it("negative value where the unit forbids it", async () => {
    const f = fixture("negative.csv");
    const e = await expectInputError(loadBaseline(f), { file: f, line: 3, column: "value" });
    expect(e.message).toContain("-3 is negative");
  });

  it("share over 100", async () => {
    const f = fixture("share-over-100.csv");
    const e = await expectInputError(loadBaseline(f), { file: f, line: 4, column: "value" });
    expect(e.message).toContain("125 is over 100");
    expect(e.fix).toContain("0 and 100");
  });

  it("bad header, unterminated quote and ragged row surface through loadBaseline too", async () => {
    await expectInputError(loadBaseline(fixture("bad-header.csv")), {
      file: fixture("bad-header.csv"),
      line: 1,
      column: "indicatr",
    });
    await expectInputError(loadBaseline(fixture("unterminated-quote.csv")), {
      file: fixture("unterminated-quote.csv"),
      line: 3,
      column: "note",
    });
    await expectInputError(loadBaseline(fixture("ragged-row.csv")), {
      file: fixture("ragged-row.csv"),
      line: 3,
      column: "note",
    });
  });
});

describe("loadBaseline: dictionary bounds", () => {
  it("lets the dictionary allow negative values (a growth rate) and enforce its own maximum", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "targetcast-bounds-"));
    try {
      const ok = join(dir, "ok.csv");
      writeFileSync(ok, "indicator,year,value,unit,source\ngdp_growth,2012,-1.5,%,s\n");
      expect((await loadBaseline(ok, { dictionary })).series.get("gdp_growth")?.values).toEqual([-1.5]);
      await expectInputError(loadBaseline(ok), { file: ok, line: 2, column: "value" });
      const over = join(dir, "over.csv");
      writeFileSync(over, "indicator,year,value,unit,source\nrd_intensity,2012,100.5,%,s\n");
      const e = await expectInputError(loadBaseline(over, { dictionary }), { file: over, line: 2, column: "value" });
      expect(e.message).toContain("dictionary's maximum");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("loaders never modify their input files", () => {
  it("leaves every fixture byte-for-byte and mtime unchanged", async () => {
    const names = readdirSync(fixture("")).filter((n) => n.endsWith(".csv"));
    expect(names.length).toBeGreaterThan(15);
    const before = new Map(names.map((n) => [n, snapshot(fixture(n))]));
    for (const n of names) {
      const load = n.startsWith("catalogue")
        ? loadTargets(fixture(n))
        : n === "indicators.csv"
          ? loadIndicatorDictionary(fixture(n))
          : loadBaseline(fixture(n), { catalogue, dictionary });
      await load.catch((e: unknown) => {
        if (!(e instanceof InputError)) throw e;
      });
    }
    for (const n of names) {
      const after = snapshot(fixture(n));
      expect(after.bytes.equals(before.get(n)!.bytes), n).toBe(true);
      expect(after.mtimeMs, n).toBe(before.get(n)!.mtimeMs);
    }
  });
});

describe("bundled data", () => {
  const cat = projectFile("data", "targets", "haizhou-2015.csv");
  const dict = projectFile("data", "indicators.csv");
  const base = projectFile("data", "baseline", "haizhou.csv");
  it("loads the bundled baseline against the bundled catalogue and dictionary", async () => {
    const c = await loadTargets(cat);
    const d = await loadIndicatorDictionary(dict);
    const b = await loadBaseline(base, { catalogue: c, dictionary: d });
    expect(b.observations.length).toBeGreaterThan(0);
    for (const s of b.series.values()) expect([...s.years].sort((x, y) => x - y)).toEqual(s.years);
  });
});

describe("loaders throw only InputError for damaged input", () => {
  it("survives 300 seeded random mutations of valid files with InputError or a result", async () => {
    const { mkdtempSync, writeFileSync, rmSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "targetcast-fuzz-"));
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = Buffer.from(',"\n\r -.%x0129\u00ff', "latin1");
    const sources = ["baseline-utf8-bom.csv", "baseline-gb18030.csv", "catalogue.csv", "indicators.csv"].map((n) => ({
      n,
      bytes: readFileSync(fixture(n)),
    }));
    let inputErrors = 0;
    try {
      for (let k = 0; k < 300; k++) {
        const src = sources[k % sources.length];
        const b = Buffer.from(src.bytes);
        for (let m = 0, count = 1 + rand(4); m < count; m++) b[rand(b.length)] = alphabet[rand(alphabet.length)];
        const p = join(dir, `m${k}.csv`);
        writeFileSync(p, b);
        const load =
          src.n === "catalogue.csv"
            ? loadTargets(p)
            : src.n === "indicators.csv"
              ? loadIndicatorDictionary(p)
              : loadBaseline(p, { catalogue, dictionary });
        try {
          await load;
        } catch (e) {
          expect(e, `mutation ${k} of ${src.n}`).toBeInstanceOf(InputError);
          expect((e as InputError).message).toContain(" Fix: ");
          inputErrors++;
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(inputErrors).toBeGreaterThan(100);
  });
});
