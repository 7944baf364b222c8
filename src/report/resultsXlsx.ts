/**
 * results.xlsx, written by `run --out DIR` beside results.json and risk.csv, for offices that work
 * in Excel: four sheets — the risk table (the columns of risk.csv, RISK_COLUMNS), the scenario ×
 * target matrix (status and P(met)), the projected series (mean and quantiles per indicator and
 * year) and each scenario's assumptions. Every header row is bilingual ("状态 Status") and frozen;
 * text cells are neutralised like risk.csv's (neutraliseFormula), so no cell runs as a formula.
 *
 * Example: `await writeFileAtomic("out/results.xlsx", await resultsXlsx(results))`.
 */
import type { Worksheet } from "exceljs";
import type { ScenarioResult } from "../assess/types.js";
import { STATUS_WORDS, tr } from "../charts/labels.js";
import { assumptionSummary } from "./assumptionText.js";
import { mechanismLabel } from "./messages.js";
import { neutraliseFormula, RISK_COLUMNS } from "./riskCsv.js";

/** The sheet names, in order (Excel allows at most 31 characters, no / \ ? * [ ]). */
export const XLSX_SHEETS = {
  risk: "风险表 Risk table",
  matrix: "情景矩阵 Scenario matrix",
  series: "预测序列 Series",
  assumptions: "情景假设 Assumptions",
} as const;

type Cell = string | number | boolean | null;

/** A cell as written: text neutralised, non-finite numbers empty. */
function cell(v: Cell | undefined): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return neutraliseFormula(v);
  return v;
}

/** "中文 English" (one word when both are the same, e.g. "P10"). */
const bi = (zh: string, en: string): string => tr("both", { zh, en });

function fill(ws: Worksheet, header: string[], rows: Cell[][]): void {
  ws.addRow(header.map(cell));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(cell));
  ws.columns.forEach((c, i) => {
    const longest = Math.max(header[i]?.length ?? 0, ...rows.slice(0, 200).map((r) => String(r[i] ?? "").length));
    c.width = Math.min(60, Math.max(8, longest + 2));
  });
}

/** The workbook as bytes. exceljs is loaded here only, so other commands start fast. */
export async function resultsXlsx(results: ScenarioResult[]): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = "targetcast";
  const sheet = (name: string) => wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });

  fill(
    sheet(XLSX_SHEETS.risk),
    RISK_COLUMNS.map((c) => bi(c.zh, c.en)),
    results.flatMap((r) => r.targets.map((t) => RISK_COLUMNS.map((c) => c.value(r, t)))),
  );

  const ids = results[0]?.targets.map((t) => t.id) ?? [];
  fill(
    sheet(XLSX_SHEETS.matrix),
    [
      bi("目标编号", "Target id"),
      bi("目标名称", "Target"),
      ...results.flatMap((r) => [
        `${bi(r.scenario.nameZh, r.scenario.nameEn)}: ${bi("状态", "status")}`,
        `${bi(r.scenario.nameZh, r.scenario.nameEn)}: ${bi("达成概率", "P(met)")}`,
      ]),
    ],
    ids.map((id) => {
      const first = results[0].targets.find((t) => t.id === id)!;
      return [
        id,
        bi(first.nameZh, first.nameEn),
        ...results.flatMap((r) => {
          const t = r.targets.find((x) => x.id === id);
          return t ? [bi(STATUS_WORDS[t.status].zh, STATUS_WORDS[t.status].en), t.pMet] : [null, null];
        }),
      ];
    }),
  );

  fill(
    sheet(XLSX_SHEETS.series),
    [
      bi("情景", "Scenario"),
      bi("指标编号", "Indicator id"),
      bi("指标名称", "Indicator"),
      bi("单位", "Unit"),
      bi("年份", "Year"),
      bi("均值", "Mean"),
      "P5",
      "P10",
      "P25",
      bi("中位数", "Median"),
      "P75",
      "P90",
      "P95",
    ],
    results.flatMap((r) =>
      r.series.map((s) => {
        const def = r.indicators.find((d) => d.id === s.indicator);
        return [
          r.scenario.id,
          s.indicator,
          def ? bi(def.nameZh, def.nameEn) : s.indicator,
          def?.unit ?? "",
          s.year,
          s.mean,
          s.p5,
          s.p10,
          s.p25,
          s.p50,
          s.p75,
          s.p90,
          s.p95,
        ];
      }),
    ),
  );

  fill(
    sheet(XLSX_SHEETS.assumptions),
    [bi("情景", "Scenario"), bi("指标编号", "Indicator id"), bi("机制", "Mechanism"), "假设", "Assumption"],
    results.flatMap((r) =>
      r.scenario.assumptions.map((a) => [
        r.scenario.id,
        a.indicator,
        `${mechanismLabel(a.mechanism, "zh")} ${mechanismLabel(a.mechanism, "en")}`,
        assumptionSummary(a, r, "zh"),
        assumptionSummary(a, r, "en"),
      ]),
    ),
  );

  // Deflate level 1: about a third of the default level's time on a large run, for a slightly larger file.
  return new Uint8Array(
    await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } }),
  );
}
