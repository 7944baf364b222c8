import { describe, expect, it } from "vitest";
import { InputError } from "../../src/data/errors.js";
import { loadBenchmark } from "../../src/data/loadBenchmark.js";
import { expectInputError, projectFile } from "./helpers.js";

const bench = (name: string) => projectFile("test", "fixtures", "benchmark", name);

describe("loadBenchmark: valid files", () => {
  it("loads series in file order, years sorted within each split, quoted fields and 1e3 numbers", async () => {
    const s = await loadBenchmark(bench("good.csv"));
    expect(s).toEqual([
      {
        series: "S1",
        type: "MICRO1",
        trainYears: [2001, 2002, 2003],
        train: [10, 12.5, 13],
        testYears: [2004, 2005],
        test: [15, 16.25],
      },
      {
        series: "Y 2",
        type: "TOURISM",
        trainYears: [1990, 1991],
        train: [1000, 1100],
        testYears: [1992],
        test: [1250],
      },
    ]);
  });

  it("accepts a file without the optional type column (type is then empty)", async () => {
    const s = await loadBenchmark(bench("good-no-type.csv"));
    expect(s).toEqual([
      { series: "A", type: "", trainYears: [2010, 2011], train: [1, 2], testYears: [2012], test: [3] },
    ]);
  });

  const shared = "test/fixtures/shared/m1-yearly.csv"; // vendored from ../shared/data/forecast-benchmarks/
  it("loads the bundled M1 yearly file (181 series, 6 test years each)", async () => {
    const s = await loadBenchmark(shared);
    expect(s).toHaveLength(181);
    expect(s[0].series).toBe("YAF2");
    expect(s[0].type).toBe("MICRO1");
    expect(s[0].train.slice(0, 2)).toEqual([3600, 7700]);
    for (const x of s) {
      expect(x.test).toHaveLength(6);
      expect(x.testYears[0]).toBe(x.trainYears[x.trainYears.length - 1] + 1);
    }
  });
});

describe("loadBenchmark: malformed files throw an InputError naming file, line and column", () => {
  it("a split other than train or test", async () => {
    const f = bench("bad-split.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 3, column: "split" });
    expect(e.problem).toContain('"validation"');
  });

  it("a year that is not a whole number", async () => {
    const f = bench("non-integer-year.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 3, column: "year" });
    expect(e.problem).toContain("2002.5");
  });

  it("a value that is not a number", async () => {
    const f = bench("non-numeric-value.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 4, column: "value" });
    expect(e.problem).toContain('"1,300"');
  });

  it("a year twice in one series (across splits), naming the first line too; other series may share it", async () => {
    const f = bench("duplicate-year.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 5, column: "year" });
    expect(e.problem).toMatch(/series "S1" has year 2002 twice \(also on line 3\)/);
  });

  it("a test year not after the last train year", async () => {
    const f = bench("test-not-after-train.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 3, column: "year" });
    expect(e.problem).toMatch(/test year 2002 is not after the last train year 2003/);
  });

  it("a series without test rows, at its first line", async () => {
    const f = bench("missing-test.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 4, column: "split" });
    expect(e.problem).toMatch(/series "S2" has no test rows/);
  });

  it("a gap in the training years", async () => {
    const f = bench("gap.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 4, column: "year" });
    expect(e.problem).toMatch(/jumps from 2002 to 2004/);
  });

  it("a gap between the last train year and the first test year", async () => {
    const f = bench("gap-before-test.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 4, column: "year" });
    expect(e.problem).toMatch(/jumps from 2002 to 2004/);
  });

  it("an unknown column, at the header", async () => {
    const f = bench("unknown-column.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 1, column: "note" });
    expect(e.problem).toMatch(/unknown column "note"/);
  });

  it("a missing required column, at the header", async () => {
    const f = bench("missing-column.csv");
    await expectInputError(loadBenchmark(f), { file: f, line: 1, column: "year" });
  });

  it("an empty series name", async () => {
    const f = bench("empty-name.csv");
    await expectInputError(loadBenchmark(f), { file: f, line: 3, column: "series" });
  });

  it("an empty file", async () => {
    const f = bench("empty.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f, line: 1 });
    expect(e.problem).toMatch(/empty/);
  });

  it("a header without rows", async () => {
    const f = bench("header-only.csv");
    const e = await expectInputError(loadBenchmark(f), { file: f });
    expect(e.problem).toMatch(/no rows/);
  });

  it("a file that does not exist", async () => {
    const f = bench("no-such-file.csv");
    await expect(loadBenchmark(f)).rejects.toBeInstanceOf(InputError);
  });
});
