/**
 * loadBaseline: a long-form baseline table (indicator, year, value, unit, source, note) →
 * Baseline with one Series per indicator. Checked against the indicator dictionary and the
 * target catalogue when they are given.
 */
import { didYouMean, didYouMeanSuffix } from "./didYouMean.js";
import { formatLocation, InputError } from "./errors.js";
import { BASELINE_COLUMNS, baselineRowSchema, parseRow } from "./schema.js";
import { readTable } from "./table.js";
import type { Baseline, BaselineWarning, IndicatorDef, Observation, Series, Target, TargetCatalogue } from "./types.js";
import { findUnit } from "./units.js";

/** Options of {@link loadBaseline}: the catalogue and dictionary it is checked against, the worksheet of an .xlsx file. */
export interface LoadBaselineOptions {
  /** With a catalogue (and no dictionary), rows for indicators outside it are dropped with a warning. */
  catalogue?: TargetCatalogue;
  /** With a dictionary, an indicator in neither the dictionary nor the catalogue is an error. */
  dictionary?: Map<string, IndicatorDef>;
  /** For .xlsx: the worksheet (default: the first). */
  sheet?: string;
}

/** Reads and checks a baseline table (CSV in UTF-8 or GB18030, or .xlsx): one observation per indicator and year. */
export async function loadBaseline(path: string, opts: LoadBaselineOptions = {}): Promise<Baseline> {
  const table = await readTable(path, {
    columns: BASELINE_COLUMNS,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
  });
  const { catalogue, dictionary } = opts;
  const warnings: string[] = [];
  const warningCodes: BaselineWarning[] = [];
  if (table.encoding === "gb18030") {
    warningCodes.push({ code: "gb18030", file: path });
    warnings.push(`${path}: read as GB18030/GBK because it is not valid UTF-8; saving it as UTF-8 is recommended`);
  }

  // The unit each catalogue indicator is measured in: from its first numeric target that is not a multiplier.
  const catalogueUnit = new Map<string, Target>();
  const catalogueIndicators = new Set<string>();
  for (const t of catalogue?.targets ?? []) {
    catalogueIndicators.add(t.indicator);
    if (t.kind !== "relative_to_base" && t.kind !== "qualitative" && t.unit !== "" && !catalogueUnit.has(t.indicator)) {
      catalogueUnit.set(t.indicator, t);
    }
  }
  const knownIndicators = [...(dictionary?.keys() ?? []), ...catalogueIndicators];
  if (dictionary) checkCatalogueUnits(catalogueUnit, dictionary);

  const observations: Observation[] = [];
  const firstOf = new Map<string, Observation>(); // indicator → first kept observation (its unit)
  const byKey = new Map<string, Observation>(); // "indicator|year" → observation
  const ignored = new Map<string, { line: number; rows: number }>();

  for (const row of table.rows) {
    const r = parseRow(baselineRowSchema, row);
    const err = (column: string, problem: string, fix: string) =>
      new InputError({
        file: path,
        line: row.place.line,
        ...(row.place.sheet !== undefined ? { sheet: row.place.sheet } : {}),
        column,
        problem,
        fix,
      });

    // Unknown indicators.
    const inDictionary = dictionary?.has(r.indicator) ?? false;
    const inCatalogue = catalogueIndicators.has(r.indicator);
    if (dictionary && !inDictionary && !inCatalogue) {
      throw err(
        "indicator",
        `unknown indicator "${r.indicator}"${didYouMeanSuffix(r.indicator, knownIndicators)}`,
        `use an indicator id defined in the indicator dictionary, or add "${r.indicator}" to the dictionary first`,
      );
    }
    if (!dictionary && catalogue && !inCatalogue) {
      const seen = ignored.get(r.indicator);
      if (seen) seen.rows++;
      else ignored.set(r.indicator, { line: row.place.line, rows: 1 });
      continue;
    }

    // Units.
    const def = dictionary?.get(r.indicator);
    if (def && def.unit !== "" && def.unit !== r.unit) {
      throw err(
        "unit",
        `the unit "${r.unit}" disagrees with the indicator dictionary, which measures "${r.indicator}" in "${def.unit}"`,
        convertFix(r.unit, def.unit),
      );
    }
    const owner = catalogueUnit.get(r.indicator);
    if (owner && owner.unit !== r.unit) {
      throw err(
        "unit",
        `the unit "${r.unit}" disagrees with the catalogue, whose target "${owner.id}" (${owner.place.file}:${owner.place.line}) measures "${r.indicator}" in "${owner.unit}"`,
        convertFix(r.unit, owner.unit),
      );
    }
    const first = firstOf.get(r.indicator);
    if (first && first.unit !== r.unit) {
      throw err(
        "unit",
        `indicator "${r.indicator}" is in "${r.unit}" here but in "${first.unit}" on line ${first.place.line}: one series cannot mix units`,
        convertFix(r.unit, first.unit),
      );
    }

    // Physical bounds: the dictionary's when it gives them, else the unit's.
    const unit = findUnit(r.unit);
    const min = def?.min ?? (unit?.nonNegative ? 0 : null);
    const max = def?.max ?? unit?.max ?? null;
    if (min !== null && r.value < min) {
      const fromDictionary = def?.min !== null && def?.min !== undefined;
      throw err(
        "value",
        r.value < 0 && min >= 0
          ? `${r.value} is negative, but ${fromDictionary ? `the indicator dictionary's minimum for "${r.indicator}" is ${min}` : `a value in ${r.unit} cannot be negative`}`
          : `${r.value} is below ${min}, the indicator dictionary's minimum for "${r.indicator}"`,
        "check the sign and the unit, and write the value as published",
      );
    }
    if (max !== null && r.value > max) {
      const fromDictionary = def?.max !== null && def?.max !== undefined;
      throw err(
        "value",
        fromDictionary
          ? `${r.value} is over ${max}, the indicator dictionary's maximum for "${r.indicator}"`
          : `${r.value} is over ${max}, the largest possible value in ${r.unit}`,
        r.unit === "%"
          ? "write the share in percent between 0 and 100 (e.g. 2.5 for 2.5%), and check the unit"
          : "check the value and its unit",
      );
    }

    // Duplicates.
    const key = `${r.indicator}|${r.year}`;
    const dup = byKey.get(key);
    if (dup) {
      throw err(
        "year",
        `"${r.indicator}" has a value for ${r.year} twice, on line ${dup.place.line} and on line ${row.place.line}`,
        "keep one row per indicator and year: delete the other row, or correct its year",
      );
    }

    const obs: Observation = {
      indicator: r.indicator,
      year: r.year,
      value: r.value,
      unit: r.unit,
      source: r.source,
      note: r.note,
      place: row.place,
    };
    byKey.set(key, obs);
    if (!first) firstOf.set(r.indicator, obs);
    observations.push(obs);
  }

  for (const [indicator, { line, rows }] of ignored) {
    const location = formatLocation({ file: path, line, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) });
    warningCodes.push({
      code: "ignored_indicator",
      location,
      indicator,
      rows,
      suggestion: didYouMean(indicator, knownIndicators) ?? null,
    });
    warnings.push(
      `${location}: indicator ${indicator} is not in the catalogue or dictionary; ignored` +
        ` (${rows} row${rows === 1 ? "" : "s"})${didYouMeanSuffix(indicator, knownIndicators)}`,
    );
  }

  if (table.rows.length === 0) {
    warningCodes.push({ code: "empty", file: path });
    warnings.push(`${path}: the file has a header but no rows, so the baseline is empty`);
  }

  const series = buildSeries(observations);
  for (const s of series.values()) {
    if (s.gaps.length > 0) {
      warningCodes.push({
        code: "gaps",
        file: path,
        indicator: s.indicator,
        missing: [...s.gaps],
        from: s.years[0],
        to: s.years[s.years.length - 1],
      });
      warnings.push(
        `${path}: indicator ${s.indicator} has no value for ${s.gaps.join(", ")} ` +
          `(between ${s.years[0]} and ${s.years[s.years.length - 1]}); gaps are kept as gaps`,
      );
    }
  }
  return { file: path, observations, series, warnings, warningCodes };
}

/** Group observations into series sorted by year, with missing years between first and last as gaps. */
export function buildSeries(observations: readonly Observation[]): Map<string, Series> {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const g = groups.get(o.indicator);
    if (g) g.push(o);
    else groups.set(o.indicator, [o]);
  }
  const series = new Map<string, Series>();
  for (const [indicator, obs] of groups) {
    const sorted = [...obs].sort((a, b) => a.year - b.year);
    const years = sorted.map((o) => o.year);
    const present = new Set(years);
    const gaps: number[] = [];
    for (let y = years[0]; y <= years[years.length - 1]; y++) if (!present.has(y)) gaps.push(y);
    series.set(indicator, {
      indicator,
      unit: sorted[0].unit,
      years,
      values: sorted.map((o) => o.value),
      sources: sorted.map((o) => o.source),
      gaps,
    });
  }
  return series;
}

/** Every catalogue target must be in the unit the dictionary declares for its indicator. */
function checkCatalogueUnits(catalogueUnit: Map<string, Target>, dictionary: Map<string, IndicatorDef>): void {
  for (const [indicator, t] of catalogueUnit) {
    const def = dictionary.get(indicator);
    if (!def || def.unit === "" || def.unit === t.unit) continue;
    throw new InputError({
      file: t.place.file,
      line: t.place.line,
      ...(t.place.sheet !== undefined ? { sheet: t.place.sheet } : {}),
      column: "unit",
      problem: `target "${t.id}" is in "${t.unit}", but the indicator dictionary measures "${indicator}" in "${def.unit}"`,
      fix: convertFix(t.unit, def.unit),
    });
  }
}

function convertFix(have: string, want: string): string {
  const a = findUnit(have);
  const b = findUnit(want);
  if (a && b && a.dimension === b.dimension && a.factor !== b.factor) {
    return `write the value in ${want}: multiply a value in ${have} by ${a.factor / b.factor} and change the unit to ${want}`;
  }
  return `write the value in ${want}, the unit the rest of the project uses for this indicator`;
}
