import { describe, expect, it } from "vitest";
import { didYouMean, levenshtein } from "../../src/data/didYouMean.js";
import { InputError } from "../../src/data/errors.js";

describe("InputError", () => {
  it("formats file, line, column, problem and fix as one readable sentence pair", () => {
    const e = new InputError({
      file: "data/baseline/x.csv",
      line: 14,
      column: "value",
      problem: '"abc" is not a number',
      fix: "write a plain decimal number such as 12.5 (no thousands separators or units)",
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("InputError");
    expect(e.message).toBe(
      'data/baseline/x.csv:14, column "value": "abc" is not a number. Fix: write a plain decimal number such as 12.5 (no thousands separators or units).',
    );
    expect([e.file, e.line, e.column]).toEqual(["data/baseline/x.csv", 14, "value"]);
    expect(e.fix).toBe("write a plain decimal number such as 12.5 (no thousands separators or units).");
  });

  it("leaves out what it does not know and names the sheet of a workbook", () => {
    expect(new InputError({ file: "a.csv", problem: "the file is empty.", fix: "add a header." }).message).toBe(
      "a.csv: the file is empty. Fix: add a header.",
    );
    expect(
      new InputError({ file: "b.xlsx", sheet: "Baseline", line: 3, column: "year", problem: "bad", fix: "good" })
        .message,
    ).toBe('b.xlsx, sheet "Baseline", row 3, column "year": bad. Fix: good.');
  });
});

describe("didYouMean", () => {
  const columns = ["indicator", "year", "value", "unit", "source", "note"];

  it("finds close misspellings, case-insensitively", () => {
    expect(didYouMean("indicatr", columns)).toBe("indicator");
    expect(didYouMean("Value", columns)).toBe("value");
    expect(didYouMean("yaer", columns)).toBe("year");
    expect(didYouMean("rd_intensty", ["rd_intensity", "rd_personnel_per_10k_labour"])).toBe("rd_intensity");
  });

  it("accepts prefixes in either direction even when far in edits", () => {
    expect(didYouMean("national_hightech", ["rd_intensity", "national_hightech_enterprises"])).toBe(
      "national_hightech_enterprises",
    );
    expect(didYouMean("sources_and_references", columns)).toBe("source");
  });

  it("prefers the closest candidate and returns undefined when nothing is close", () => {
    expect(didYouMean("unit", ["units", "unit"])).toBe("unit");
    expect(didYouMean("valeu", ["value", "values"])).toBe("value");
    expect(didYouMean("vaule", ["values", "value"])).toBe("value");
    expect(didYouMean("population_density", columns)).toBeUndefined();
    expect(didYouMean("", columns)).toBeUndefined();
  });

  it("computes the Levenshtein distance", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("研发投入", "研发支出")).toBe(2);
  });
});
