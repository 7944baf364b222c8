/**
 * The shapes every layer above `data/` consumes. Loaders in this folder produce them;
 * nothing here knows about a particular region.
 */

export type Comparator = ">=" | ">" | "<=" | "<";

/** What sort of quantity a target is; decides how it is checked and charted. */
export type TargetKind =
  | "level" // a value in its own unit (index score, area, productivity)
  | "share" // a percentage of some whole, 0–100
  | "rate_per_10k" // per 10,000 people or workers
  | "count" // a number of things existing in the target year
  | "cumulative_count" // a running total since the plan started
  | "flow_per_year" // an amount per year (spending, recruits)
  | "relative_to_base" // value is a multiplier of the indicator's value in `baseYear`
  | "qualitative"; // no number in the plan: never assessed numerically

/**
 * Whether a target is forecast (the district can only watch it) or committed (the district decides
 * it, e.g. fiscal S&T spending ≥ 3% of the budget, a 500 万元 SME fund). Catalogue column `nature`;
 * an empty cell or no column means forecast.
 */
export type TargetNature = "forecast" | "commitment";

/** Where a figure came from: the file and 1-based line (CSV) or sheet!row (xlsx). */
export interface Place {
  file: string;
  line: number;
  sheet?: string;
}

/** One row of a target catalogue (e.g. data/targets/<region>-<year>.csv). */
export interface Target {
  id: string;
  /** The indicator (series id in the baseline) this target is about. */
  indicator: string;
  nameZh: string;
  nameEn: string;
  /** Where the plan states it, e.g. "二; 三(四)14". */
  section: string;
  targetYear: number;
  /** null only for qualitative targets. */
  comparator: Comparator | null;
  /** null only for qualitative targets; for relative_to_base the multiplier. */
  value: number | null;
  unit: string;
  kind: TargetKind;
  /** Forecast or commitment (a decision of the district): see {@link TargetNature}. */
  nature: TargetNature;
  /** Only for relative_to_base: the year whose value is multiplied. */
  baseYear: number | null;
  /** 责任单位 as written in the plan (may be empty). */
  responsible: string;
  note: string;
  place: Place;
}

/** A loaded target catalogue: the file and its targets. */
export interface TargetCatalogue {
  file: string;
  targets: Target[];
}

/** One definition from an indicator dictionary (data/indicators.csv): drivers and targeted indicators. */
export interface IndicatorDef {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  /** Physical bounds: values outside are impossible (e.g. a share over 100). */
  min: number | null;
  max: number | null;
  note: string;
}

/** One row of a long-form baseline table: indicator, year, value, unit, source, note. */
export interface Observation {
  indicator: string;
  year: number;
  value: number;
  unit: string;
  source: string;
  note: string;
  place: Place;
}

/** One indicator's history, sorted by year; gaps (missing years) are allowed. */
export interface Series {
  indicator: string;
  unit: string;
  years: number[];
  values: number[];
  sources: string[];
  /** Years between the first and last observation that have no value. */
  gaps: number[];
}

/** A loaded baseline: the file, every observation and the warnings found while reading it. */
export interface Baseline {
  file: string;
  observations: Observation[];
  series: Map<string, Series>;
  /** Non-fatal findings (gaps, ignored indicators), each naming the file, in English (library API). */
  warnings: string[];
  /** The same findings as codes and numbers, for the report layer to word in each language. */
  warningCodes: BaselineWarning[];
}

/**
 * A non-fatal finding while reading a baseline, as data: the file was read as GB18030; an
 * indicator in it is in neither catalogue nor dictionary (ignored, with the closest known id);
 * the file has no rows; an indicator has missing years between its first and last.
 */
export type BaselineWarning =
  | { code: "gb18030"; file: string }
  | { code: "ignored_indicator"; location: string; indicator: string; rows: number; suggestion: string | null }
  | { code: "empty"; file: string }
  | { code: "gaps"; file: string; indicator: string; missing: number[]; from: number; to: number };
