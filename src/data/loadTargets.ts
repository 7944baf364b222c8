/** loadTargets: a target catalogue (CSV or xlsx) → TargetCatalogue, or an InputError. */
import { InputError } from "./errors.js";
import { CATALOGUE_COLUMNS, catalogueRowSchema, parseRow } from "./schema.js";
import { readTable } from "./table.js";
import type { Target, TargetCatalogue } from "./types.js";

/** Options of {@link loadTargets}: the worksheet of an .xlsx file. */
export interface LoadTargetsOptions {
  /** For .xlsx: the worksheet (default: the first). */
  sheet?: string;
}

/** Reads and checks a target catalogue (CSV or .xlsx): one target per row. */
export async function loadTargets(path: string, opts: LoadTargetsOptions = {}): Promise<TargetCatalogue> {
  const table = await readTable(path, {
    columns: CATALOGUE_COLUMNS,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
  });
  if (table.rows.length === 0) {
    throw new InputError({
      file: path,
      line: table.headerLine,
      ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
      problem: "the catalogue has a header but no targets",
      fix: "add one row per target below the header",
    });
  }

  const targets: Target[] = [];
  const byId = new Map<string, Target>();
  /** First numeric (not relative, not qualitative) target per indicator, to keep one unit per series. */
  const unitOwner = new Map<string, Target>();

  for (const row of table.rows) {
    const r = parseRow(catalogueRowSchema, row);
    const target: Target = {
      id: r.id,
      indicator: r.indicator,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      section: r.section,
      targetYear: r.target_year,
      comparator: r.comparator,
      value: r.value,
      unit: r.unit,
      kind: r.kind,
      nature: r.nature,
      baseYear: r.base_year,
      responsible: r.responsible,
      note: r.note,
      place: row.place,
    };

    const where = {
      file: path,
      line: row.place.line,
      ...(row.place.sheet !== undefined ? { sheet: row.place.sheet } : {}),
    };
    const dup = byId.get(target.id);
    if (dup) {
      throw new InputError({
        ...where,
        column: "id",
        problem: `the target id "${target.id}" is used twice, on line ${dup.place.line} and on line ${row.place.line}`,
        fix: "give each target its own id (several targets may share an indicator, but not an id)",
      });
    }
    byId.set(target.id, target);

    if (target.kind !== "relative_to_base" && target.kind !== "qualitative") {
      const owner = unitOwner.get(target.indicator);
      if (owner && owner.unit !== target.unit) {
        throw new InputError({
          ...where,
          column: "unit",
          problem: `indicator "${target.indicator}" has the unit "${target.unit}" here but "${owner.unit}" on line ${owner.place.line}`,
          fix: "use one unit for every target of the same indicator (convert the target value if needed)",
        });
      }
      if (!owner) unitOwner.set(target.indicator, target);
    }
    targets.push(target);
  }
  return { file: path, targets };
}
