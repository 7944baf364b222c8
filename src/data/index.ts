/** The data layer: reading and checking catalogues, indicator dictionaries and baselines. */

export { parseCsv, parseCsvRecords } from "./csv.js";
export { type DecodedText, decodeBytes, type TextEncodingName } from "./decode.js";
export { didYouMean, didYouMeanSuffix, levenshtein } from "./didYouMean.js";
export { formatInputError, formatLocation, InputError, type InputErrorInit } from "./errors.js";
export { catalogueToDataFrame, DANFOJS_INSTALL, MissingDanfojsError, toDataFrame } from "./frame.js";
export { buildSeries, type LoadBaselineOptions, loadBaseline } from "./loadBaseline.js";
export { type BenchmarkSeries, loadBenchmark } from "./loadBenchmark.js";
export { type LoadIndicatorsOptions, loadIndicatorDictionary } from "./loadIndicators.js";
export { loadPeerForecasts, type PeerForecastRow } from "./loadPeerForecasts.js";
export { type LoadTargetsOptions, loadTargets } from "./loadTargets.js";
export type { CellKind, RawRow, RawTable } from "./rawTable.js";
export {
  BASELINE_COLUMNS,
  type BaselineRow,
  baselineRowSchema,
  CATALOGUE_COLUMNS,
  type CatalogueRow,
  COMPARATORS,
  catalogueRowSchema,
  DICTIONARY_COLUMNS,
  type DictionaryRow,
  dictionaryRowSchema,
  parseDecimal,
  parseRow,
  TARGET_KINDS,
} from "./schema.js";
export { type ColumnSpec, checkHeader, type ReadTableOptions, readTable, type Table, type TableRow } from "./table.js";
export type {
  Baseline,
  BaselineWarning,
  Comparator,
  IndicatorDef,
  Observation,
  Place,
  Series,
  Target,
  TargetCatalogue,
  TargetKind,
  TargetNature,
} from "./types.js";
export { conversionFactor, findUnit, knownUnitNames, type UnitDef, unitEn } from "./units.js";
export { readXlsx, readXlsxBytes, type XlsxOptions } from "./xlsx.js";
