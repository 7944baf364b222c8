/**
 * DataFrame views of loaded data, for notebooks. danfojs-node is imported lazily here and
 * nowhere else: importing it takes over a second (TensorFlow.js), which the CLI and the tests
 * of the model must not pay. Its typings are heavy and partly broken under strict settings,
 * so these functions return `any` (a danfojs `DataFrame`).
 *
 * danfojs-node is an optional peer dependency: a plain `npm install targetcast` does not fetch it
 * (its own dependencies need npm `overrides`, which npm applies only in the top-level project),
 * so a project that wants these views installs it itself, as {@link DANFOJS_INSTALL} says.
 */
import type { Baseline, TargetCatalogue } from "./types.js";

// biome-ignore lint/suspicious/noExplicitAny: danfojs-node is loaded lazily and its types are not imported
type DataFrame = any;

/**
 * How to add danfojs-node to a project. danfojs-node 1.2.0 depends on `xlsx` by a tarball URL outside the
 * npm registry and on `@tensorflow/tfjs-node`, which downloads libtensorflow when installed; the overrides
 * replace them with the registry's xlsx and the pure-JavaScript TensorFlow.js (the ones this repository uses).
 */
export const DANFOJS_INSTALL = `add to your package.json
  "overrides": { "@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0", "xlsx": "npm:xlsx@0.18.5" }
then run
  npm install danfojs-node@1.2.0`;

/** danfojs-node is not installed, but a DataFrame view was asked for. */
export class MissingDanfojsError extends Error {
  override readonly name = "MissingDanfojsError";
  constructor(cause: unknown) {
    super(
      `DataFrame views (toDataFrame, catalogueToDataFrame) need the optional package danfojs-node, which is not installed. Fix: ${DANFOJS_INSTALL}`,
      { cause },
    );
  }
}

type DanfoModule = { DataFrame: new (data: unknown, opts?: unknown) => DataFrame };

/** Loads danfojs-node; `load` is replaceable for tests. A missing package becomes a MissingDanfojsError. */
export async function loadDanfojs(
  // biome-ignore lint/suspicious/noExplicitAny: see DataFrame above
  load: () => Promise<any> = () => import("danfojs-node"),
): Promise<DanfoModule> {
  // biome-ignore lint/suspicious/noExplicitAny: see DataFrame above
  let mod: any;
  try {
    mod = await load();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (
      (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
      /Cannot find (package|module) 'danfojs-node'/.test(String((e as Error).message))
    )
      throw new MissingDanfojsError(e);
    throw e;
  }
  return mod.DataFrame ? mod : mod.default;
}

/** One row per observation: indicator, year, value, unit, source, note, file, line. */
export async function toDataFrame(baseline: Baseline): Promise<DataFrame> {
  const { DataFrame } = await loadDanfojs();
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
  const { DataFrame } = await loadDanfojs();
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
