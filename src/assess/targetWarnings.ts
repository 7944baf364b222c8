/**
 * Problems with a catalogue that do not stop a run but that a user must hear about: a target
 * year at or before the base year (nothing left to project: usually a typo or the wrong data
 * file) and a targeted indicator with no data at all. Each names the catalogue file and line.
 * Returned as codes and numbers; src/report/inputWarnings.ts words them.
 */
import type { Baseline, TargetCatalogue } from "../data/types.js";

/** A catalogue problem found before a run: where it is (catalogue file:line), the target and the numbers. */
export type TargetWarning =
  | { code: "no_data"; at: string; target: string; indicator: string; dataFile: string }
  | {
      code: "target_not_after_base";
      at: string;
      target: string;
      targetYear: number;
      baseYear: number;
      firstYear: number;
      lastYear: number;
    };

/** The catalogue's targets that will be listed as not assessed, and why (qualitative targets are skipped). */
export function targetWarnings(catalogue: TargetCatalogue, baseline: Baseline, baseYear: number): TargetWarning[] {
  const out: TargetWarning[] = [];
  for (const t of catalogue.targets) {
    if (t.kind === "qualitative") continue;
    const at = `${t.place.file}:${t.place.line}`;
    const series = baseline.series.get(t.indicator);
    if (!series || series.years.length === 0) {
      out.push({ code: "no_data", at, target: t.id, indicator: t.indicator, dataFile: baseline.file });
    } else if (t.targetYear <= baseYear) {
      out.push({
        code: "target_not_after_base",
        at,
        target: t.id,
        targetYear: t.targetYear,
        baseYear,
        firstYear: series.years[0],
        lastYear: series.years[series.years.length - 1],
      });
    }
  }
  return out;
}
