/** The risk table of every scenario as one CSV (out/risk.csv), one row per scenario × target. */
import type { ScenarioResult } from "../assess/types.js";

/** The columns of risk.csv (and of the batch command's combined table, after its region column). */
export const RISK_COLUMNS = [
  "scenario",
  "target",
  "name_zh",
  "name_en",
  "status",
  "p_met",
  "median",
  "p10",
  "p90",
  "comparator",
  "threshold",
  "unit",
  "target_year",
  "base_year",
  "base_value",
  "cagr_ratio",
  "cagr_category",
  "progress_share",
  "share_category",
  "responsible",
  "reason_zh",
  "reason_en",
  "illustrative",
] as const;

/**
 * One CSV field (RFC 4180 quoting). Numbers are written as numbers (non-finite ones as empty);
 * a TEXT field that begins with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe,
 * so a spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV Injection").
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s: string;
  if (typeof v === "number") s = Number.isFinite(v) ? String(+v.toPrecision(6)) : "";
  else {
    s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  }
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row of values per scenario × target, in the order of RISK_COLUMNS. */
export function riskRows(results: ScenarioResult[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const r of results) {
    for (const t of r.targets) {
      rows.push([
        r.scenario.id,
        t.id,
        t.nameZh,
        t.nameEn,
        t.status,
        t.pMet,
        t.median,
        t.p10,
        t.p90,
        t.comparator,
        t.threshold,
        t.unit,
        t.targetYear,
        t.baseYear,
        t.baseValue,
        t.cagrRatio,
        t.cagrCategory,
        t.progressShare,
        t.shareCategory,
        t.responsible,
        t.reason?.textZh ?? t.notAssessedBecause,
        t.reason?.textEn ?? t.notAssessedBecause,
        r.illustrative,
      ]);
    }
  }
  return rows;
}

/** risk.csv: one row per scenario × target (columns {@link RISK_COLUMNS}). */
export function riskCsv(results: ScenarioResult[]): string {
  const lines = [RISK_COLUMNS.join(","), ...riskRows(results).map((row) => row.map(csvCell).join(","))];
  return lines.join("\n") + "\n";
}
