/**
 * The risk table of every scenario as one CSV (out/risk.csv), one row per scenario × target.
 * The columns (machine name, Chinese and English header, value) are defined once in RISK_COLUMNS
 * and shared with the workbook (resultsXlsx.ts). The file starts with a UTF-8 byte order mark, so
 * Excel on Chinese Windows opens it as UTF-8 instead of the local code page (mojibake otherwise).
 */
import type { ScenarioResult, TargetAssessment } from "../assess/types.js";
import { commitmentSentence, notAssessedText, reasonText } from "./messages.js";

/** The UTF-8 byte order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** One column of the risk table: its CSV name, its bilingual header (workbook) and its value. */
export interface RiskColumn {
  key: string;
  zh: string;
  en: string;
  /** The cell of one scenario × target. */
  value: (r: ScenarioResult, t: TargetAssessment) => string | number | boolean | null;
}

/** The columns of risk.csv, results.xlsx and the batch table, in order. */
export const RISK_COLUMNS: RiskColumn[] = [
  { key: "scenario", zh: "情景", en: "Scenario", value: (r) => r.scenario.id },
  { key: "target", zh: "目标编号", en: "Target id", value: (_, t) => t.id },
  { key: "name_zh", zh: "目标名称", en: "Name (Chinese)", value: (_, t) => t.nameZh },
  { key: "name_en", zh: "英文名称", en: "Name (English)", value: (_, t) => t.nameEn },
  { key: "status", zh: "状态", en: "Status", value: (_, t) => t.status },
  { key: "p_met", zh: "达成概率", en: "P(met)", value: (_, t) => t.pMet },
  { key: "median", zh: "预测中位数", en: "Projected median", value: (_, t) => t.median },
  { key: "p10", zh: "P10", en: "P10", value: (_, t) => t.p10 },
  { key: "p90", zh: "P90", en: "P90", value: (_, t) => t.p90 },
  { key: "comparator", zh: "比较符", en: "Comparator", value: (_, t) => t.comparator },
  { key: "threshold", zh: "目标值", en: "Threshold", value: (_, t) => t.threshold },
  { key: "unit", zh: "单位", en: "Unit", value: (_, t) => t.unit },
  { key: "target_year", zh: "目标年份", en: "Target year", value: (_, t) => t.targetYear },
  { key: "base_year", zh: "基年", en: "Base year", value: (_, t) => t.baseYear },
  { key: "base_value", zh: "基年值", en: "Base-year value", value: (_, t) => t.baseValue },
  { key: "cagr_ratio", zh: "增速比", en: "Growth ratio", value: (_, t) => t.cagrRatio },
  { key: "cagr_category", zh: "增速比类别", en: "Growth-ratio category", value: (_, t) => t.cagrCategory },
  { key: "progress_share", zh: "进展比例", en: "Share of required change", value: (_, t) => t.progressShare },
  { key: "share_category", zh: "进展类别", en: "Progress category", value: (_, t) => t.shareCategory },
  { key: "responsible", zh: "责任单位", en: "Responsible units", value: (_, t) => t.responsible },
  {
    key: "reason_zh",
    zh: "原因（中文）",
    en: "Reason (Chinese)",
    value: (r, t) => reasonText(t, "zh") ?? commitmentSentence(t, r, "zh") ?? notAssessedText(t, "zh"),
  },
  {
    key: "reason_en",
    zh: "原因（英文）",
    en: "Reason (English)",
    value: (r, t) => reasonText(t, "en") ?? commitmentSentence(t, r, "en") ?? notAssessedText(t, "en"),
  },
  { key: "nature", zh: "性质", en: "Nature", value: (_, t) => t.nature },
  {
    key: "commitment_cost_median",
    zh: "承诺兑现成本（中位数）",
    en: "Commitment cost (median)",
    value: (_, t) => t.commitment?.cost?.median ?? null,
  },
  {
    key: "commitment_cost_unit",
    zh: "成本单位",
    en: "Cost unit",
    value: (_, t) => t.commitment?.cost?.unit ?? null,
  },
  { key: "illustrative", zh: "示意数据", en: "Illustrative", value: (r) => r.illustrative },
];

/**
 * Text a spreadsheet would run as a formula — beginning with =, +, -, @, a tab or a carriage
 * return — prefixed with an apostrophe, so it is shown as text (OWASP, "CSV Injection").
 * The one rule for every spreadsheet file targetcast writes (risk.csv, results.xlsx).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180 quoting). Numbers are written as numbers (non-finite ones as empty);
 * a TEXT field is neutralised (neutraliseFormula).
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s =
    typeof v === "number" ? (Number.isFinite(v) ? String(+v.toPrecision(6)) : "") : neutraliseFormula(String(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row of values per scenario × target, in the order of RISK_COLUMNS (risk.csv and the batch table). */
export function riskRows(results: ScenarioResult[]): unknown[][] {
  return results.flatMap((r) => r.targets.map((t) => RISK_COLUMNS.map((c) => c.value(r, t))));
}

/** risk.csv: one row per scenario × target (columns {@link RISK_COLUMNS}); what `run --format csv` prints. */
export function riskCsv(results: ScenarioResult[]): string {
  const lines = [
    RISK_COLUMNS.map((c) => c.key).join(","),
    ...riskRows(results).map((row) => row.map(csvCell).join(",")),
  ];
  return lines.join("\n") + "\n";
}

/** The content of the file risk.csv: the same text, byte order mark first. */
export function riskCsvFile(results: ScenarioResult[]): string {
  return UTF8_BOM + riskCsv(results);
}
