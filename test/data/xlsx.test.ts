import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/csv.js";
import { decodeBytes } from "../../src/data/decode.js";
import { loadBaseline } from "../../src/data/loadBaseline.js";
import { readTable } from "../../src/data/table.js";
import type { Observation } from "../../src/data/types.js";
import { readXlsx } from "../../src/data/xlsx.js";
import { expectInputError, fixture, snapshot } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "targetcast-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ["indicator", "year", "value", "unit", "source", "note"];

/** Write a workbook whose first sheet is `sheets[0]`; each sheet is a list of rows (row 1 = header). */
async function workbook(name: string, sheets: [string, ExcelJS.CellValue[][]][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of sheets) {
    const ws = wb.addWorksheet(sheetName);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v;
      });
    });
  }
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

/** The rows of the UTF-8 fixture, with year and value as numbers and one value as a formula. */
function fixtureRows(): ExcelJS.CellValue[][] {
  const t = parseCsv(decodeBytes(readFileSync(fixture("baseline-utf8-bom.csv")), "f").text, "f");
  return [
    t.header.fields,
    ...t.rows.map((r, i) => {
      const [indicator, year, value, unit, source, note] = r.fields;
      const v: ExcelJS.CellValue = i === 1 ? { formula: "1.01*2", result: Number(value) } : Number(value);
      return [
        indicator,
        Number(year),
        v,
        unit,
        i === 0 ? { richText: [{ text: "海州区" }, { text: "统计年鉴2012" }] } : source,
        note || null,
      ];
    }),
  ];
}

const strip = (o: Observation) => ({ ...o, place: { line: o.place.line } });

let bookPath = "";
beforeAll(async () => {
  bookPath = await workbook("baseline.xlsx", [
    ["Baseline", fixtureRows()],
    [
      "Other",
      [
        ["a", "b"],
        [1, 2],
      ],
    ],
  ]);
});

describe("readXlsx", () => {
  it("reads the first sheet: numbers as String(n), formulas by cached result, rich text as text", async () => {
    const t = await readXlsx(bookPath);
    expect(t.sheet).toBe("Baseline");
    expect(t.header).toEqual({ line: 1, fields: HEADER });
    expect(t.rows[0]).toEqual({
      line: 2,
      fields: ["rd_intensity", "2011", "1.85", "%", "海州区统计年鉴2012", ""],
      kinds: ["string", "number", "number", "string", "string", "empty"],
    });
    expect(t.rows[1].fields[2]).toBe("2.02");
    expect(t.rows[1].kinds?.[2]).toBe("number");
  });

  it("skips a hidden first worksheet and reads the first visible one", async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet("Lookup", { state: "hidden" });
    hidden.getCell(1, 1).value = "code";
    const visible = wb.addWorksheet("Data");
    visible.getRow(1).values = ["a", "b"];
    visible.getRow(2).values = [1, 2];
    const p = join(dir, "hidden-first.xlsx");
    await wb.xlsx.writeFile(p);
    const t = await readXlsx(p);
    expect(t.sheet).toBe("Data");
    expect(t.header.fields).toEqual(["a", "b"]);
    expect((await readXlsx(p, { sheet: "Lookup" })).sheet).toBe("Lookup");
  });

  it("reads a percent-formatted cell as the percentage it shows (2.5% → 2.5), other cells as stored", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Targets");
    ws.getRow(1).values = ["shown as", "value"];
    ws.getRow(2).values = ["2.5%", 0.025];
    ws.getCell("B2").numFmt = "0.0%";
    ws.getRow(3).values = ["0.025", 0.025];
    ws.getRow(4).values = ["formula 51%", { formula: "0.5+0.01", result: 0.51 }];
    ws.getCell("B4").numFmt = "0%";
    ws.getRow(5).values = ['quoted "%" text', 7];
    ws.getCell("B5").numFmt = '0" %"';
    const p = join(dir, "percent.xlsx");
    await wb.xlsx.writeFile(p);
    const t = await readXlsx(p);
    expect(t.rows.map((r) => r.fields[1])).toEqual(["2.5", "0.025", "51", "7"]);
  });

  it("reads a named sheet", async () => {
    const t = await readXlsx(bookPath, { sheet: "Other" });
    expect(t.sheet).toBe("Other");
    expect(t.rows).toEqual([{ line: 2, fields: ["1", "2"], kinds: ["number", "number"] }]);
  });

  it("refuses a sheet name that does not exist, suggesting the close one", async () => {
    const e = await expectInputError(readXlsx(bookPath, { sheet: "baseline " }), { file: bookPath });
    expect(e.message).toContain('did you mean "Baseline"?');
  });

  it("refuses a file that is not a workbook", async () => {
    const p = join(dir, "text.xlsx");
    writeFileSync(p, readFileSync(fixture("catalogue.csv")));
    const e = await expectInputError(readTable(p), { file: p });
    expect(e.message).toContain("not a readable .xlsx workbook");
  });
});

describe("loadBaseline from .xlsx", () => {
  it("gives the same observations as the CSV, with sheet and row as place", async () => {
    const fromCsv = await loadBaseline(fixture("baseline-utf8-bom.csv"));
    const fromXlsx = await loadBaseline(bookPath);
    expect(fromXlsx.observations.map(strip)).toEqual(fromCsv.observations.map(strip));
    expect(fromXlsx.observations[0].place).toEqual({ file: bookPath, line: 2, sheet: "Baseline" });
    expect(fromXlsx.series.get("national_hightech_enterprises")?.values).toEqual([12, 14, 17]);
  });

  it("reports a date where a number is expected, naming sheet, row and column", async () => {
    const p = await workbook("date.xlsx", [
      [
        "Data",
        [
          HEADER,
          ["rd_intensity", 2011, 1.85, "%", "s"],
          ["rd_intensity", 2012, new Date(Date.UTC(2012, 0, 2)), "%", "s"],
        ],
      ],
    ]);
    const e = await expectInputError(loadBaseline(p), { file: p, sheet: "Data", line: 3, column: "value" });
    expect(e.message).toContain("holds a date (2012-01-02)");
    expect(e.fix).toMatch(/Number/);
  });

  it("reports a formula without a stored result and a formula error", async () => {
    const p = await workbook("formula.xlsx", [
      ["Data", [HEADER, ["rd_intensity", 2011, { formula: "A1*2" } as ExcelJS.CellValue, "%", "s"]]],
    ]);
    const e = await expectInputError(loadBaseline(p), { file: p, sheet: "Data", line: 2, column: "value" });
    expect(e.message).toContain("formula");
    const q = await workbook("error.xlsx", [
      ["Data", [HEADER, ["rd_intensity", 2011, { formula: "1/0", result: { error: "#DIV/0!" } }, "%", "s"]]],
    ]);
    const e2 = await expectInputError(loadBaseline(q), { file: q, sheet: "Data", line: 2, column: "value" });
    expect(e2.message).toContain("#DIV/0!");
  });

  it("reports a stray cell to the right of the header", async () => {
    const p = await workbook("stray.xlsx", [
      ["Data", [HEADER, ["rd_intensity", 2011, 1.85, "%", "s", null, null, "oops"]]],
    ]);
    const e = await expectInputError(loadBaseline(p), { file: p, sheet: "Data", line: 2, column: "note" });
    expect(e.message).toContain("H2");
  });

  it("refuses column names below a title with the row that holds them and what to delete", async () => {
    const row = ["rd_intensity", 2011, 1.85, "%", "s"];
    const p = await workbook("title.xlsx", [["Data", [["海州区科技统计 2009-2013"], [], HEADER, row]]]);
    const e = await expectInputError(loadBaseline(p), { file: p, sheet: "Data", line: 3 });
    expect(e.problem).toBe(
      'the column names are on row 3, below 2 rows of titles or notes (row 1: "海州区科技统计 2009-2013")',
    );
    expect(e.fix).toBe(
      "delete the rows above row 3, so that the first row holds the column names (indicator, year, value, unit, source).",
    );
    // The same table starting at row 1 reads, and a header 11 rows down is not looked for.
    const ok = await workbook("no-title.xlsx", [["Data", [HEADER, row]]]);
    expect((await loadBaseline(ok)).observations).toHaveLength(1);
    const far = await workbook("far.xlsx", [
      ["Data", [...Array.from({ length: 11 }, (_, i) => [`note ${i}`]), HEADER, row]],
    ]);
    const e2 = await expectInputError(loadBaseline(far), { file: far, sheet: "Data", line: 12 });
    expect(e2.problem).toContain('to the right of the last header column "note 0"');
  });

  it("points to the worksheet that holds the table when the first visible one does not", async () => {
    const p = await workbook("notes-first.xlsx", [
      ["说明", [["数据见第二页"]]],
      ["统计", [HEADER, ["rd_intensity", 2011, 1.85, "%", "s"]]],
    ]);
    const e = await expectInputError(loadBaseline(p), { file: p, sheet: "说明", line: 1 });
    expect(e.problem).toContain('worksheet "统计" does');
    expect(e.fix).toBe('read that worksheet with --sheet "统计", or move it to the front of the workbook.');
    expect((await loadBaseline(p, { sheet: "统计" })).observations).toHaveLength(1);
  });

  it("does not modify the workbook", async () => {
    const before = snapshot(bookPath);
    await loadBaseline(bookPath);
    const after = snapshot(bookPath);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });
});
