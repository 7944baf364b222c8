/** The risk table of every scenario as one CSV (out/risk.csv), one row per scenario × target. */
import type { ScenarioResult } from "../assess/types.js";

const HEADER = [
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
];

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

export function riskCsv(results: ScenarioResult[]): string {
  const lines = [HEADER.join(",")];
  for (const r of results) {
    for (const t of r.targets) {
      lines.push(
        [
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
        ]
          .map(csvCell)
          .join(","),
      );
    }
  }
  return lines.join("\n") + "\n";
}
