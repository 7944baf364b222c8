/**
 * results.xlsx cell by cell, on the hand-built results of test/charts/fixture.ts: every header,
 * the rows of each sheet, cells that are empty (null, missing, non-finite), the bold frozen header
 * and the column widths (longest text + 2, between 8 and 60). Each workbook is built inside the
 * test that reads it.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../src/assess/types.js";
import { tr } from "../../src/charts/labels.js";
import { assumptionSummary } from "../../src/report/assumptionText.js";
import { mechanismLabel } from "../../src/report/messages.js";
import { resultsXlsx, XLSX_SHEETS } from "../../src/report/resultsXlsx.js";
import { RISK_COLUMNS } from "../../src/report/riskCsv.js";
import { acceleratedResult, baselineResult, results } from "../charts/fixture.js";

async function workbook(rs: ScenarioResult[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await resultsXlsx(rs)) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The values of row `n` (1-based), without exceljs' leading hole; empty cells as null. */
function row(ws: ExcelJS.Worksheet, n: number): unknown[] {
  const r = ws.getRow(n);
  return Array.from({ length: ws.columnCount }, (_, i) => r.getCell(i + 1).value ?? null);
}

describe("results.xlsx, cell by cell", () => {
  it("the risk sheet: bilingual headers, then RISK_COLUMNS' value of each scenario × target", async () => {
    const ws = (await workbook(results)).getWorksheet(XLSX_SHEETS.risk)!;
    expect(row(ws, 1)).toEqual(RISK_COLUMNS.map((c) => (c.zh === c.en ? c.zh : `${c.zh} ${c.en}`)));
    expect(row(ws, 1)[0]).toBe("情景 Scenario");
    expect(row(ws, 1)[7]).toBe("P10"); // one word when both languages agree
    const expected = results.flatMap((r) =>
      r.targets.map((t) =>
        RISK_COLUMNS.map((c) => {
          const v = c.value(r, t);
          return typeof v === "number" && !Number.isFinite(v) ? null : v;
        }),
      ),
    );
    expect(ws.rowCount).toBe(1 + expected.length);
    expected.forEach((cells, i) => expect(row(ws, i + 2)).toEqual(cells));
    // Spot checks against the fixture itself.
    const rd = baselineResult.targets.find((t) => t.id === "rd_intensity")!;
    const rdRow = row(ws, 2 + baselineResult.targets.indexOf(rd));
    expect(rdRow.slice(0, 2)).toEqual(["baseline", "rd_intensity"]);
    expect(rdRow[RISK_COLUMNS.findIndex((c) => c.key === "p_met")]).toBe(rd.pMet);
  });

  it("the matrix: id, bilingual name, then status words and P(met) for each scenario", async () => {
    const ws = (await workbook(results)).getWorksheet(XLSX_SHEETS.matrix)!;
    expect(row(ws, 1)).toEqual([
      "目标编号 Target id",
      "目标名称 Target",
      `${tr("both", { zh: baselineResult.scenario.nameZh, en: baselineResult.scenario.nameEn })}: 状态 status`,
      `${tr("both", { zh: baselineResult.scenario.nameZh, en: baselineResult.scenario.nameEn })}: 达成概率 P(met)`,
      `${tr("both", { zh: acceleratedResult.scenario.nameZh, en: acceleratedResult.scenario.nameEn })}: 状态 status`,
      `${tr("both", { zh: acceleratedResult.scenario.nameZh, en: acceleratedResult.scenario.nameEn })}: 达成概率 P(met)`,
    ]);
    const rdIndex = baselineResult.targets.findIndex((t) => t.id === "rd_intensity");
    const base = baselineResult.targets[rdIndex];
    const acc = acceleratedResult.targets.find((t) => t.id === "rd_intensity")!;
    expect(base.status).toBe("at_risk");
    expect(acc.status).toBe("on_track");
    expect(row(ws, 2 + rdIndex)).toEqual([
      "rd_intensity",
      "研发投入占地区生产总值的比重 R&D expenditure as a share of GDP",
      "有风险 At risk",
      base.pMet,
      "按计划 On track",
      acc.pMet,
    ]);
    // A not-assessed target: its status in words, and no P(met).
    const naIndex = baselineResult.targets.findIndex((t) => t.status === "not_assessed");
    expect(row(ws, 2 + naIndex).slice(2, 4)).toEqual(["未评估 Not assessed", null]);
  });

  it("the matrix leaves both cells empty where a scenario lacks the first scenario's target", async () => {
    const fewer: ScenarioResult = {
      ...acceleratedResult,
      targets: acceleratedResult.targets.filter((t) => t.id !== "rd_intensity"),
    };
    const ws = (await workbook([baselineResult, fewer])).getWorksheet(XLSX_SHEETS.matrix)!;
    const rdIndex = baselineResult.targets.findIndex((t) => t.id === "rd_intensity");
    expect(row(ws, 2 + rdIndex).slice(4)).toEqual([null, null]);
    expect(ws.rowCount).toBe(1 + baselineResult.targets.length);
  });

  it("the series: scenario, indicator, its name and unit, year, mean and the seven quantiles", async () => {
    const ws = (await workbook([baselineResult])).getWorksheet(XLSX_SHEETS.series)!;
    expect(row(ws, 1)).toEqual([
      "情景 Scenario",
      "指标编号 Indicator id",
      "指标名称 Indicator",
      "单位 Unit",
      "年份 Year",
      "均值 Mean",
      "P5",
      "P10",
      "P25",
      "中位数 Median",
      "P75",
      "P90",
      "P95",
    ]);
    expect(ws.rowCount).toBe(1 + baselineResult.series.length);
    const s = baselineResult.series[0];
    const def = baselineResult.indicators.find((d) => d.id === s.indicator)!;
    expect(row(ws, 2)).toEqual([
      "baseline",
      s.indicator,
      `${def.nameZh} ${def.nameEn}`,
      def.unit,
      s.year,
      s.mean,
      s.p5,
      s.p10,
      s.p25,
      s.p50,
      s.p75,
      s.p90,
      s.p95,
    ]);
  });

  it("a series of an indicator missing from the dictionary is named by its id, with no unit; NaN is left empty", async () => {
    const s = { ...baselineResult.series[0], indicator: "mystery", mean: Number.NaN, p95: Number.POSITIVE_INFINITY };
    const odd: ScenarioResult = { ...baselineResult, series: [s] };
    const ws = (await workbook([odd])).getWorksheet(XLSX_SHEETS.series)!;
    expect(row(ws, 2)).toEqual([
      "baseline",
      "mystery",
      "mystery",
      "",
      s.year,
      null,
      s.p5,
      s.p10,
      s.p25,
      s.p50,
      s.p75,
      s.p90,
      null,
    ]);
  });

  it("the assumptions: scenario, indicator, the mechanism in both languages, the summary in Chinese and in English", async () => {
    const ws = (await workbook([acceleratedResult])).getWorksheet(XLSX_SHEETS.assumptions)!;
    expect(row(ws, 1)).toEqual(["情景 Scenario", "指标编号 Indicator id", "机制 Mechanism", "假设", "Assumption"]);
    const a = acceleratedResult.scenario.assumptions;
    expect(a.length).toBeGreaterThan(0);
    expect(ws.rowCount).toBe(1 + a.length);
    expect(row(ws, 2)).toEqual([
      acceleratedResult.scenario.id,
      a[0].indicator,
      `${mechanismLabel(a[0].mechanism, "zh")} ${mechanismLabel(a[0].mechanism, "en")}`,
      assumptionSummary(a[0], acceleratedResult, "zh"),
      assumptionSummary(a[0], acceleratedResult, "en"),
    ]);
  });

  it("headers are bold and frozen; widths are the longest text + 2, at least 8 and at most 60", async () => {
    const wb = await workbook(results);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      expect(ws.getRow(2).font?.bold ?? false, ws.name).toBe(false);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 0 });
    }
    const series = wb.getWorksheet(XLSX_SHEETS.series)!;
    // "年份 Year" is 7 characters and the years 4: 7 + 2 = 9, which is Excel's default width, so
    // exceljs reads it back as unset.
    expect(series.getColumn(5).width ?? 9).toBe(9);
    expect(series.getColumn(5).width).toBeUndefined();
    const risk = wb.getWorksheet(XLSX_SHEETS.risk)!;
    // The reasons are long sentences: capped at 60.
    const reasonCol = RISK_COLUMNS.findIndex((c) => c.key === "reason_en") + 1;
    expect(risk.getColumn(reasonCol).width).toBe(60);
    // "情景 Scenario" (11 characters) is longer than any scenario id.
    expect(risk.getColumn(1).width).toBe(13);
    const matrix = wb.getWorksheet(XLSX_SHEETS.matrix)!;
    expect(matrix.getColumn(1).width).toBe(
      Math.max("目标编号 Target id".length, ...baselineResult.targets.map((t) => t.id.length)) + 2,
    );
  });

  it("an empty list of results gives the four sheets with their headers only", async () => {
    const wb = await workbook([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(XLSX_SHEETS));
    expect(wb.creator).toBe("targetcast");
    for (const ws of wb.worksheets) expect(ws.rowCount, ws.name).toBe(1);
    expect(row(wb.getWorksheet(XLSX_SHEETS.matrix)!, 1)).toEqual(["目标编号 Target id", "目标名称 Target"]);
  });

  it("booleans stay booleans and text that would run as a formula is neutralised", async () => {
    const t0 = baselineResult.targets[0];
    const odd: ScenarioResult = {
      ...baselineResult,
      targets: [{ ...t0, responsible: "+SUM(A1)", nameEn: "-1 x" }],
    };
    const ws = (await workbook([odd])).getWorksheet(XLSX_SHEETS.risk)!;
    const col = (key: string) => RISK_COLUMNS.findIndex((c) => c.key === key);
    const cells = row(ws, 2);
    expect(cells[col("responsible")]).toBe("'+SUM(A1)");
    expect(cells[col("name_en")]).toBe("'-1 x");
    const boolCol = RISK_COLUMNS.findIndex((c) => typeof c.value(odd, odd.targets[0]) === "boolean");
    if (boolCol >= 0) expect(typeof cells[boolCol]).toBe("boolean");
  });
});
