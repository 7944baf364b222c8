/**
 * Problems with a catalogue that do not stop a run but that a user must hear about: a target
 * year at or before the base year (nothing left to project: usually a typo or the wrong data
 * file) and a targeted indicator with no data at all. Each names the catalogue file and line.
 */
import type { Baseline, TargetCatalogue } from "../data/types.js";

export function targetWarnings(catalogue: TargetCatalogue, baseline: Baseline, baseYear: number): string[] {
  const out: string[] = [];
  for (const t of catalogue.targets) {
    if (t.kind === "qualitative") continue;
    const at = `${t.place.file}:${t.place.line}`;
    const series = baseline.series.get(t.indicator);
    if (!series || series.years.length === 0) {
      out.push(
        `${at}: target ${t.id}: indicator ${t.indicator} has no data in ${baseline.file}; it is listed as not assessed`,
      );
    } else if (t.targetYear <= baseYear) {
      out.push(
        `${at}: target ${t.id}: target year ${t.targetYear} is not after the base year ${baseYear} (data ${series.years[0]}–${series.years[series.years.length - 1]}); it is listed as not assessed`,
      );
    }
  }
  return out;
}
