/** The data layer: reading and checking catalogues, indicator dictionaries and baselines. */
export type {
  Baseline,
  Comparator,
  IndicatorDef,
  Observation,
  Place,
  Series,
  Target,
  TargetCatalogue,
  TargetKind,
} from "./types.js";
export { conversionFactor, findUnit, knownUnitNames, unitEn, type UnitDef } from "./units.js";
export { InputError, formatInputError, formatLocation, type InputErrorInit } from "./errors.js";
export { didYouMean, didYouMeanSuffix, levenshtein } from "./didYouMean.js";
export { decodeBytes, type DecodedText, type TextEncodingName } from "./decode.js";
export { parseCsv, parseCsvRecords } from "./csv.js";
export type { CellKind, RawRow, RawTable } from "./rawTable.js";
export { readXlsx, readXlsxBytes, type XlsxOptions } from "./xlsx.js";
export { checkHeader, readTable, type ColumnSpec, type ReadTableOptions, type Table, type TableRow } from "./table.js";
export {
  BASELINE_COLUMNS,
  CATALOGUE_COLUMNS,
  COMPARATORS,
  DICTIONARY_COLUMNS,
  TARGET_KINDS,
  baselineRowSchema,
  catalogueRowSchema,
  dictionaryRowSchema,
  parseDecimal,
  parseRow,
  type BaselineRow,
  type CatalogueRow,
  type DictionaryRow,
} from "./schema.js";
export { loadTargets, type LoadTargetsOptions } from "./loadTargets.js";
export { loadIndicatorDictionary, type LoadIndicatorsOptions } from "./loadIndicators.js";
export { buildSeries, loadBaseline, type LoadBaselineOptions } from "./loadBaseline.js";
export { catalogueToDataFrame, toDataFrame } from "./frame.js";
export { loadBenchmark, type BenchmarkSeries } from "./loadBenchmark.js";
export { loadPeerForecasts, type PeerForecastRow } from "./loadPeerForecasts.js";
