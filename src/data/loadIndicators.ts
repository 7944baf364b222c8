/** loadIndicatorDictionary: data/indicators.csv (or xlsx) → Map from indicator id to IndicatorDef. */
import { InputError } from "./errors.js";
import { DICTIONARY_COLUMNS, dictionaryRowSchema, parseRow } from "./schema.js";
import { readTable } from "./table.js";
import type { IndicatorDef } from "./types.js";

/** Options of {@link loadIndicatorDictionary}: the worksheet of an .xlsx file. */
export interface LoadIndicatorsOptions {
  /** For .xlsx: the worksheet (default: the first). */
  sheet?: string;
}

/** Reads and checks an indicator dictionary (names, units, physical bounds), by indicator id. */
export async function loadIndicatorDictionary(
  path: string,
  opts: LoadIndicatorsOptions = {},
): Promise<Map<string, IndicatorDef>> {
  const table = await readTable(path, {
    columns: DICTIONARY_COLUMNS,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
  });
  const defs = new Map<string, IndicatorDef>();
  const lines = new Map<string, number>();
  for (const row of table.rows) {
    const r = parseRow(dictionaryRowSchema, row);
    const first = lines.get(r.id);
    if (first !== undefined) {
      throw new InputError({
        file: path,
        line: row.place.line,
        ...(row.place.sheet !== undefined ? { sheet: row.place.sheet } : {}),
        column: "id",
        problem: `the indicator "${r.id}" is defined twice, on line ${first} and on line ${row.place.line}`,
        fix: "keep one definition per indicator and delete the other row",
      });
    }
    lines.set(r.id, row.place.line);
    defs.set(r.id, {
      id: r.id,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      unit: r.unit,
      min: r.min,
      max: r.max,
      note: r.note,
    });
  }
  return defs;
}
