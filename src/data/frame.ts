/**
 * DataFrame views of loaded data, for notebooks. danfojs-node is imported lazily here and
 * nowhere else: importing it takes over a second (TensorFlow.js), which the CLI and the tests
 * of the model must not pay. Its typings are heavy and partly broken under strict settings,
 * so these functions return `any` (a danfojs `DataFrame`).
 */
import type { Baseline, TargetCatalogue } from "./types.js";

// biome-ignore lint/suspicious/noExplicitAny: danfojs-node is loaded lazily and its types are not imported
type DataFrame = any;

async function danfo(): Promise<{ DataFrame: new (data: unknown, opts?: unknown) => DataFrame }> {
  // biome-ignore lint/suspicious/noExplicitAny: see DataFrame above
  const mod: any = await import("danfojs-node");
  return mod.DataFrame ? mod : mod.default;
}

/** One row per observation: indicator, year, value, unit, source, note, file, line. */
export async function toDataFrame(baseline: Baseline): Promise<DataFrame> {
  const { DataFrame } = await danfo();
  const columns = ["indicator", "year", "value", "unit", "source", "note", "file", "line"];
  const rows = baseline.observations.map((o) => [
    o.indicator,
    o.year,
    o.value,
    o.unit,
    o.source,
    o.note,
    o.place.file,
    o.place.line,
  ]);
  return new DataFrame(rows, { columns });
}

/** One row per target, columns named as in the catalogue file plus file and line; empty numbers are NaN. */
export async function catalogueToDataFrame(cat: TargetCatalogue): Promise<DataFrame> {
  const { DataFrame } = await danfo();
  const columns = [
    "id",
    "indicator",
    "name_zh",
    "name_en",
    "section",
    "target_year",
    "comparator",
    "value",
    "unit",
    "kind",
    "base_year",
    "responsible",
    "note",
    "file",
    "line",
  ];
  const rows = cat.targets.map((t) => [
    t.id,
    t.indicator,
    t.nameZh,
    t.nameEn,
    t.section,
    t.targetYear,
    t.comparator ?? "",
    t.value ?? NaN,
    t.unit,
    t.kind,
    t.baseYear ?? NaN,
    t.responsible,
    t.note,
    t.place.file,
    t.place.line,
  ]);
  return new DataFrame(rows, { columns });
}
