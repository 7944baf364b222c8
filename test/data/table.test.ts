import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASELINE_COLUMNS } from "../../src/data/schema.js";
import { readTable } from "../../src/data/table.js";
import { expectInputError, fixture } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "targetcast-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function temp(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("readTable", () => {
  it("reads a CSV into rows keyed by column, trimmed, with places and the encoding", async () => {
    const t = await readTable(fixture("baseline-utf8-bom.csv"), { columns: BASELINE_COLUMNS });
    expect(t.format).toBe("csv");
    expect(t.encoding).toBe("utf-8-bom");
    expect(t.header).toEqual(["indicator", "year", "value", "unit", "source", "note"]);
    expect(t.rows[0]).toEqual({
      place: { file: fixture("baseline-utf8-bom.csv"), line: 2 },
      cells: {
        indicator: "rd_intensity",
        year: "2011",
        value: "1.85",
        unit: "%",
        source: "海州区统计年鉴2012",
        note: "",
      },
    });
    expect(t.rows[2].cells.note).toBe('含"估算"值, 待核');
    expect(t.rows.at(-1)!.cells.note).toBe("multi-line\nnote");
  });

  it("fills missing optional columns with empty cells and accepts any column order", async () => {
    const p = temp("order.csv", "value,year,source,unit,indicator\n 3 ,2012,s,%,x\n");
    const t = await readTable(p, { columns: BASELINE_COLUMNS });
    expect(t.rows[0].cells).toEqual({ indicator: "x", year: "2012", value: "3", unit: "%", source: "s", note: "" });
  });

  it("names file, line 1 and the column for an unknown header column, with a did-you-mean hint", async () => {
    const f = fixture("bad-header.csv");
    const e = await expectInputError(readTable(f, { columns: BASELINE_COLUMNS }), {
      file: f,
      line: 1,
      column: "indicatr",
    });
    expect(e.message).toContain('did you mean "indicator"?');
  });

  it("refuses a CSV whose column names sit below a title, naming their line and what to delete", async () => {
    const base = readFileSync(fixture("baseline-utf8-bom.csv"), "utf8").replace(/^\uFEFF/, "");
    const f = temp("title.csv", `海州区科技统计 2009-2013,,,,,\n${base}`);
    const e = await expectInputError(readTable(f, { columns: BASELINE_COLUMNS }), { file: f, line: 2 });
    expect(e.problem).toBe(
      'the column names are on line 2, below 1 line of titles or notes (line 1: "海州区科技统计 2009-2013")',
    );
    expect(e.fix).toContain("delete the line above line 2");
  });

  it("reports missing required, duplicate and unnamed columns at line 1", async () => {
    const missing = temp("missing.csv", "indicator,year,value,unit\nx,2012,1,%\n");
    await expectInputError(readTable(missing, { columns: BASELINE_COLUMNS }), {
      file: missing,
      line: 1,
      column: "source",
    });
    const dup = temp("dup.csv", "indicator,year,value,unit,source,year\nx,2012,1,%,s,2013\n");
    const e = await expectInputError(readTable(dup, { columns: BASELINE_COLUMNS }), {
      file: dup,
      line: 1,
      column: "year",
    });
    expect(e.message).toContain("twice");
    const unnamed = temp("unnamed.csv", "indicator,,value\nx,1,2\n");
    await expectInputError(readTable(unnamed), { file: unnamed, line: 1, column: "#2" });
  });

  it("refuses other extensions and missing files with a fix", async () => {
    const tsv = temp("x.tsv", "a\tb\n");
    const e = await expectInputError(readTable(tsv), { file: tsv });
    expect(e.fix).toMatch(/\.csv|CSV/);
    const xls = temp("x.xls", "");
    expect((await expectInputError(readTable(xls), { file: xls })).fix).toMatch(/\.xlsx/);
    const none = join(dir, "nope.csv");
    expect((await expectInputError(readTable(none), { file: none })).message).toContain("does not exist");
  });

  it("reports a ragged row from a fixture with both field counts", async () => {
    const f = fixture("ragged-row.csv");
    const e = await expectInputError(readTable(f, { columns: BASELINE_COLUMNS }), { file: f, line: 3, column: "note" });
    expect(e.message).toContain("7 fields but the header has 6");
    expect(e.fix).toMatch(/quotes/);
  });

  it("reports an unterminated quote from a fixture at the line it opens", async () => {
    const f = fixture("unterminated-quote.csv");
    const e = await expectInputError(readTable(f, { columns: BASELINE_COLUMNS }), { file: f, line: 3, column: "note" });
    expect(e.message).toContain("never closed");
  });
});
