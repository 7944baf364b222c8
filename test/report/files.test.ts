/**
 * Files offices use: risk.csv with a UTF-8 byte order mark (Excel on Chinese Windows), and
 * results.xlsx with four sheets, bilingual frozen header rows and no cell that runs as a formula.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../src/assess/types.js";
import { tr } from "../../src/charts/labels.js";
import { resultsXlsx, XLSX_SHEETS } from "../../src/report/resultsXlsx.js";
import { RISK_COLUMNS, riskCsv, riskCsvFile } from "../../src/report/riskCsv.js";
import { results } from "../charts/fixture.js";
import { cliAsync } from "./cliAsync.js";

const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-files-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function readWorkbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer interface; a Node Buffer is what it reads.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("risk.csv", () => {
  it("the file starts with the UTF-8 byte order mark; the printed CSV does not", () => {
    const file = Buffer.from(riskCsvFile(results), "utf8");
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(riskCsv(results).startsWith("scenario,target,")).toBe(true);
    expect(riskCsvFile(results).slice(1)).toBe(riskCsv(results));
  });
});

describe("results.xlsx", async () => {
  const wb = await readWorkbook(await resultsXlsx(results));

  it("has the four sheets, each with a frozen, bilingual header row", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(XLSX_SHEETS));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header.length, ws.name).toBeGreaterThan(3);
      expect(
        header.some((h) => /[\u4e00-\u9fff]/.test(h) && /[A-Za-z]{3}/.test(h)),
        ws.name,
      ).toBe(true);
    }
  });

  it("the risk sheet holds one row per scenario × target, numbers as numbers", () => {
    const ws = wb.getWorksheet(XLSX_SHEETS.risk)!;
    const n = results.reduce((s, r) => s + r.targets.length, 0);
    expect(ws.rowCount).toBe(1 + n);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(RISK_COLUMNS.map((c) => tr("both", c)));
    const pCol = RISK_COLUMNS.findIndex((c) => c.key === "p_met") + 1;
    const rd = results[0].targets.find((t) => t.id === "rd_intensity")!;
    const row = ws.getRows(2, n)!.find((r) => r.getCell(2).value === "rd_intensity")!;
    expect(row.getCell(pCol).value).toBe(rd.pMet);
  });

  it("the matrix has a status and a P(met) column per scenario; series and assumptions are all there", () => {
    const m = wb.getWorksheet(XLSX_SHEETS.matrix)!;
    expect(m.columnCount).toBe(2 + 2 * results.length);
    expect(m.rowCount).toBe(1 + results[0].targets.length);
    expect(wb.getWorksheet(XLSX_SHEETS.series)!.rowCount).toBe(1 + results.reduce((s, r) => s + r.series.length, 0));
    expect(wb.getWorksheet(XLSX_SHEETS.assumptions)!.rowCount).toBe(
      1 + results.reduce((s, r) => s + r.scenario.assumptions.length, 0),
    );
  });

  it("text that a spreadsheet would run as a formula is neutralised, as in risk.csv", async () => {
    const evil: ScenarioResult = {
      ...results[0],
      targets: results[0].targets.map((t, i) => (i === 0 ? { ...t, responsible: '=HYPERLINK("http://x")' } : t)),
    };
    const ws = (await readWorkbook(await resultsXlsx([evil]))).getWorksheet(XLSX_SHEETS.risk)!;
    const col = RISK_COLUMNS.findIndex((c) => c.key === "responsible") + 1;
    expect(ws.getRow(2).getCell(col).value).toBe(`'=HYPERLINK("http://x")`);
    expect(ws.getRow(2).getCell(col).type).toBe(ExcelJS.ValueType.String);
    expect(riskCsv([evil])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe("run --out DIR", () => {
  it("leaves results.json, a BOM'd risk.csv and results.xlsx with every scenario", async () => {
    const out = path.join(tmp, "run");
    const r = await cliAsync(["run", "--paths", "100", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(path.join(out, "results.xlsx"));
    expect(readFileSync(path.join(out, "risk.csv"), "utf8").startsWith("\uFEFFscenario,target,")).toBe(true);
    const wb = await readWorkbook(readFileSync(path.join(out, "results.xlsx")));
    const csvRows = readFileSync(path.join(out, "risk.csv"), "utf8").trimEnd().split("\n").length;
    expect(wb.getWorksheet(XLSX_SHEETS.risk)!.rowCount).toBe(csvRows);
  });
});
