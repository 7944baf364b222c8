import type { Comparator, TargetKind, TargetNature } from "../data/types.js";
import type { ForecastWarning } from "../forecast/calibrated.js";
import type { SummaryTemplate, SummaryTerms, Unprojectable } from "../model/types.js";
import type { NonFiniteOrigin } from "./nonFiniteOrigin.js";

/** Headline status of a forecast target, from P(met) (thresholds in src/assess/status.ts). */
export type ForecastStatus = "already_met" | "on_track" | "at_risk" | "off_track" | "not_assessed";
/**
 * Status of a commitment (a target the district decides, catalogue `nature: commitment`): a decision
 * the scenario takes (`adopts:`) or not, never a probability (src/assess/commitments.ts).
 */
export type CommitmentStatus = "commitment_adopted" | "commitment_not_adopted";
/** Headline status of a target: a forecast status or a commitment status. */
export type Status = ForecastStatus | CommitmentStatus;

/** What honouring a commitment costs beyond the scenario's projection, in its target year, over the paths. */
export interface CommitmentCost {
  /** The money indicator that has to rise: the commitment's own, or the numerator of its ratio. */
  indicator: string;
  /** Budget unit of the figures (the indicator's unit, e.g. 万元). */
  unit: string;
  year: number;
  /** Shortfall max(0, needed − projected) over the paths: mean, median and 90th percentile (unit). */
  mean: number;
  median: number;
  p90: number;
}

/** A commitment as a decision: adopted or not, what it costs and which forecast targets depend on it. */
export interface CommitmentAssessment {
  /** True when the scenario lists it under `adopts:`. */
  adopted: boolean;
  /** Share of paths on which the scenario's own projection already honours it (0–1), with no extra decision. */
  pMetByProjection: number | null;
  /** The cost of honouring it beyond the projection; null where the model does not know it (not money, not a ratio of money). */
  cost: CommitmentCost | null;
  /** Ids of the forecast targets whose indicators the committed quantity feeds, from the plan's dependency graph. */
  dependents: string[];
}

/** Open SDG / Eurostat-inspired category from the growth ratio R = observed CAGR / required CAGR. */
export type CagrCategory =
  | "achieved"
  | "substantial" // R ≥ 0.95 (on track)
  | "moderate" // 0.6 ≤ R < 0.95 (acceleration needed)
  | "limited" // 0 ≤ R < 0.6
  | "deterioration" // R < 0
  | "not_assessed";

/** UN Progress Chart category from the share of required change achieved P. */
export type ShareCategory = "on_track" | "fair_progress" | "stagnation_or_regression" | "achieved" | "not_assessed";

/**
 * What a target's need is compared by: annual growth rates (most targets), changes per year (counts,
 * zero or negative bases) or, when neither can be computed, the median against the threshold.
 */
export type ReasonBasis = "growth" | "change_per_year" | "level";

/** Why a target that is not on track is at risk: numbers and codes; src/report/messages.ts words them. */
export interface RiskReason {
  basis: ReasonBasis;
  /** Annual growth needed from the base-year value to reach the target (fraction per year). */
  requiredGrowth: number | null;
  /** Annual growth of the projected median from the base year to the target year (fraction per year). */
  projectedGrowth: number | null;
  /** The same as absolute changes per year, in the indicator's unit (used for counts and zero bases). */
  requiredChangePerYear: number | null;
  projectedChangePerYear: number | null;
  /**
   * The uncertain assumption whose per-path draws correlate most with the outcome (Spearman ρ), by
   * its id and its name (src/scenario/assumptionLabel.ts); null when none reaches |ρ| ≥ 0.1, i.e. the
   * spread comes from year-to-year shocks.
   */
  topDriver: { parameter: string; label: { zh: string; en: string }; rho: number } | null;
}

/** Why a target has no assessment, as a code with what the wording needs (src/report/messages.ts). */
export type NotAssessedReason =
  | { code: "qualitative" }
  /**
   * The model cannot project the indicator: `why` as a code and numbers (src/report words it);
   * `detail` the plan's English explanation, kept for JSON (src/simulate/plan.ts).
   */
  | { code: "unavailable"; indicator: string; why: Unprojectable; detail: string }
  /** A target relative to a base year whose value is not observed. */
  | { code: "no_reference_value"; indicator: string; year: number }
  | { code: "beyond_horizon"; targetYear: number }
  | { code: "not_after_base_year"; targetYear: number; baseYear: number }
  /** Some paths give no finite value (a zero or negative denominator, an overflowing rate). */
  | {
      code: "non_finite";
      indicator: string;
      targetYear: number;
      brokenPaths: number;
      paths: number;
      /** Where the first non-finite value appeared and the assumptions behind it (null if not found). */
      origin: NonFiniteOrigin | null;
    };

/** One target's assessment under one scenario: P(met), median and interval, progress categories, status and reason. */
export interface TargetAssessment {
  id: string;
  indicator: string;
  nameZh: string;
  nameEn: string;
  kind: TargetKind;
  /** Forecast or commitment (catalogue column `nature`); commitments are left out of every forecast count. */
  nature: TargetNature;
  unit: string;
  responsible: string;
  targetYear: number;
  comparator: Comparator | null;
  /** The target as stated (multiplier for relative_to_base). */
  value: number | null;
  /** The threshold the indicator must pass in the target year, in the indicator's unit. */
  threshold: number | null;
  status: Status;
  /** Share of Monte Carlo paths meeting the target in the target year, 0–1. */
  pMet: number | null;
  /** Monte Carlo standard error of pMet, √(p(1 − p)/paths) (probability, 0–1). */
  pMetStandardError: number | null;
  /**
   * True when pMet is within 2 standard errors of a status cut-off (src/assess/status.ts): another
   * seed could give the neighbouring status. Never set for already-met or unassessed targets.
   */
  borderline: boolean;
  median: number | null;
  p10: number | null;
  p90: number | null;
  /** Signed gap median − threshold, in the indicator's unit (positive = above). */
  gap: number | null;
  /** Last observed year and value at or before the scenario's base year. */
  baseYear: number | null;
  baseValue: number | null;
  cagrRatio: number | null;
  cagrCategory: CagrCategory;
  progressShare: number | null;
  shareCategory: ShareCategory;
  reason: RiskReason | null;
  /** Why a target could not be assessed (no data, qualitative, …); null when it was. */
  notAssessed: NotAssessedReason | null;
  /** For a commitment: the decision, its cost and dependents (pMet is then null); null for a forecast. */
  commitment: CommitmentAssessment | null;
}

/** Everything one scenario run produces: what the CLI prints, results.json holds and charts draw. */
export interface ScenarioResult {
  scenario: {
    /** Scenario file (relative path) or "(trend only)". */
    file: string;
    id: string;
    nameZh: string;
    nameEn: string;
    /** The scenario's rationale in each language (a plain string in the file stands for both). */
    description: { zh: string; en: string };
    baseYear: number;
    horizon: number;
    /** Human-readable assumptions, one row per indicator, for briefing tables. */
    assumptions: Assumption[];
    /** Indicators the scenario file does not set: they follow their fitted trend by default. */
    trendByDefault: string[];
  };
  paths: number;
  seed: number;
  /** True when any baseline figure used is illustrative (not an official statistic). */
  illustrative: boolean;
  /** Data provenance line for charts and reports, e.g. "data/baseline/<region>.csv (illustrative data, not official statistics)". */
  dataSource: string;
  indicators: { id: string; nameZh: string; nameEn: string; unit: string }[];
  /** Observations up to the base year: what the projection starts from. */
  history: { indicator: string; year: number; value: number; source: string }[];
  /** Observations after the base year (retrospective runs): what actually happened, never used by the model. */
  actuals: { indicator: string; year: number; value: number; source: string }[];
  series: import("../simulate/types.js").SeriesSummary[];
  targets: TargetAssessment[];
  /** How many targets are met together, path by path (src/assess/joint.ts). */
  joint: JointView;
}

/** The distribution of the number of targets met on one path, over the assessed targets. */
export interface JointView {
  /** Targets with a P(met) (qualitative and unassessed ones excluded): n. */
  targets: number;
  /** Mean number met per path = Σ P(met) over those targets (targets). */
  expectedMet: number;
  /** Monte Carlo standard error of expectedMet: sd of the per-path count / √paths (targets). */
  expectedMetStandardError: number;
  /** exactly[k] = P(exactly k targets met), k = 0..n. */
  exactly: number[];
  /** atLeast[k] = P(at least k targets met), k = 0..n; atLeast[0] = 1 and Σ_{k≥1} atLeast[k] = expectedMet. */
  atLeast: number[];
}

/**
 * One node of a scenario's model as an assumption: the indicator, its mechanism, the English
 * one-line summary (kept for JSON and `compare` of recorded runs) and what the report layer
 * words in each language: the mechanism's plain summary template, the node's terms and the
 * warnings of the trend forecast it follows.
 */
export interface Assumption {
  indicator: string;
  mechanism: string;
  summary: string;
  template: SummaryTemplate;
  terms: SummaryTerms;
  forecastWarnings: ForecastWarning[];
}
