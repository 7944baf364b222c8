import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "../../src/data/csv.js";
import { InputError } from "../../src/data/errors.js";

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("parseCsv", () => {
  it("handles quoted commas, doubled quotes and newlines inside quotes, with line numbers", () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"line one\nline two",z\n3,,\n';
    const t = parseCsv(text, "t.csv");
    expect(t.header).toEqual({ line: 1, fields: ["a", "b", "c"] });
    expect(t.rows).toEqual([
      { line: 2, fields: ["1", "x, y", 'say "hi"'] },
      { line: 3, fields: ["2", "line one\nline two", "z"] },
      { line: 5, fields: ["3", "", ""] },
    ]);
  });

  it("accepts CRLF, a lone CR, no trailing newline, and skips blank lines", () => {
    const t = parseCsv('a,b\r\n\r\n1,"p\r\nq"\r\n   \r\n,,\n2,3', "t.csv");
    expect(t.rows).toEqual([
      { line: 3, fields: ["1", "p\nq"] },
      { line: 7, fields: ["2", "3"] },
    ]);
    expect(parseCsv("a,b\r1,2\r", "t.csv").rows).toEqual([{ line: 2, fields: ["1", "2"] }]);
  });

  it("keeps empty trailing fields and an empty quoted field", () => {
    expect(parseCsvRecords('x,,""\n', "t.csv")).toEqual([{ line: 1, fields: ["x", "", ""] }]);
  });

  it("tolerates spaces around quoted fields and keeps quotes inside unquoted fields", () => {
    const t = parseCsv('a,b,c\n1, "x, y" ,5" tall\n', "t.csv");
    expect(t.rows[0].fields).toEqual(["1", "x, y", '5" tall']);
  });

  it("strips a BOM character left at the start of the text", () => {
    expect(parseCsv("\uFEFFa,b\n1,2\n", "t.csv").header.fields).toEqual(["a", "b"]);
  });

  it("reports an unterminated quote at the line where it opens, with the column", () => {
    const e = thrown(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n', "data/t.csv"));
    expect(e.line).toBe(3);
    expect(e.column).toBe("b");
    expect(e.message).toMatch(/^data\/t\.csv:3, column "b": .*never closed\. Fix: /);
  });

  it("reports text after a closing quote", () => {
    const e = thrown(() => parseCsv('a,b\n1,"x"y\n', "t.csv"));
    expect([e.line, e.column]).toEqual([2, "b"]);
  });

  it("reports rows with too many or too few fields with both counts", () => {
    const many = thrown(() => parseCsv("a,b,c\n1,2,3\n4,5,6,7\n", "t.csv"));
    expect(many.line).toBe(3);
    expect(many.message).toContain("4 fields but the header has 3");
    expect(many.fix).toMatch(/double quotes/);
    const few = thrown(() => parseCsv("a,b,c\n1,2\n", "t.csv"));
    expect([few.line, few.column]).toEqual([2, "c"]);
    expect(few.message).toContain("2 fields but the header has 3");
  });

  it("refuses an empty file", () => {
    expect(thrown(() => parseCsv("\n\n", "t.csv")).message).toContain("empty");
  });
});
