/**
 * What a mechanism compiles to: a node that computes one indicator, year by year, for a block
 * of paths at a time (one call per node and year covers the whole block, so the engine's
 * dispatch cost is paid once per block, not once per path). The engine (src/simulate/) owns
 * the loops; a node only knows its equation.
 */
import type { ForecastWarning } from "../forecast/calibrated.js";
import type { Param } from "../stats/param.js";
import type { Rng } from "../stats/rng.js";
import { standardNormal } from "../stats/samplers.js";
import type { BudgetRun } from "./allocation.js";

/**
 * A value named in an assumption's one-line summary: another node (its name is looked up by the
 * report), a parameter as the scenario gives it (a number or a distribution), a plain number or
 * year, or a code the report words (e.g. a count distribution `poisson`, a trend model `auto`).
 */
export type SummaryTerm =
  | { node: string }
  | { param: Param; percent: boolean }
  | { number: number }
  | { unit: string }
  | { code: string };

/**
 * Why an indicator the catalogue targets cannot be projected, as a code and numbers (src/report
 * words it): no observation up to the base year and no mechanism; too few points for a trend;
 * a gap leaving too few consecutive years; a value that is not finite; any other trend failure
 * (`message`, English, kept for JSON).
 */
export type Unprojectable =
  | { code: "no_history"; baseYear: number }
  | { code: "too_short"; points: number; needed: number }
  | { code: "gap"; before: number; consecutive: number; needed: number }
  | { code: "non_finite" }
  | { code: "no_trend"; message: string };

/** The terms of one node's summary, by placeholder name. */
export type SummaryTerms = Record<string, SummaryTerm>;

/**
 * A mechanism's one-line plain description of what it assumes, per language. `{self}` is the
 * indicator computed, `{name}` a term of the node (SummaryTerms); a part in `[…]` is shown only
 * when every term it names is present (e.g. a volatility).
 *
 * @example { zh: "{self} = 上年 × (1 + 年增速 {rate})", en: "{self} = previous year × (1 + growth {rate})" }
 */
export interface SummaryTemplate {
  zh: string;
  en: string;
}

/** One uncertain (or fixed) parameter of a node, drawn once per path. */
export interface ParamSlot {
  /** Stable name shown in sensitivity output, e.g. "rd_expenditure.leveraged.multiplier". */
  name: string;
  param: Param;
  /** Show as a percentage in tables (rates). */
  percent: boolean;
  /** Draws are clamped into [min, max] (e.g. a depreciation rate into [0, 1]). */
  min?: number;
  max?: number;
  /** A parameter with its own sampler (a trend's U): its quantile function of a uniform, central value and description. */
  custom?: {
    /** The parameter's value at probability u (draws use u ~ Uniform(0, 1); the copula u = Φ(z)). */
    quantile(u: number): number;
    central: number;
    describe: string;
  };
}

/** The working memory of one block of paths, which a node reads and writes. */
export interface StepContext {
  /**
   * Values of every simulated indicator for the paths of the block, laid out
   * [(slot * nYears + yearIndex) * block + b] (see `rowOf`): a year of one indicator is a
   * contiguous row of `block` values.
   */
  state: Float64Array;
  nYears: number;
  /** Row stride: the block's capacity in paths. */
  block: number;
  /** Paths in this block (≤ block). */
  nb: number;
  /** Parameter draws laid out [paramIndex * block + b]; a node's own start is its `paramOffset`. */
  params: Float64Array;
  /** The programme budget of this run (amount and split; see src/model/allocation.ts), null without programmes. */
  budget: BudgetRun | null;
  /** The current node's random streams, one per path of the block (only for nodes with `random`). */
  rngs: Rng[];
  /**
   * The current node's working memory: `scratchRows` rows of `block` values, kept across the years
   * of one block (the engine steps a block's years in order, from the node's firstStep) and
   * undefined when that first year starts. For what a node computes once per path and reuses every
   * year, e.g. where a trend's U falls on the quantile grid.
   */
  scratch: Float64Array;
  /**
   * The current node's yearly shocks ε_t for the paths of the block, already drawn and correlated
   * with other nodes' by the engine (scenario `correlations` between shocks, src/simulate/), or
   * null: the node draws its own from `rngs`. Read through `drawShock`.
   */
  shocks: Float64Array | null;
  /** Deterministic projection: central parameter values, no shocks, expected counts. */
  deterministic: boolean;
}

/** Offset of the row (slot, year) in StepContext.state. */
export function rowOf(ctx: StepContext, slot: number, y: number): number {
  return (slot * ctx.nYears + y) * ctx.block;
}

/** One indicator's mechanism compiled for the Monte Carlo: what it reads, its parameters and its step function. */
export interface CompiledNode {
  indicator: string;
  mechanism: string;
  /** First year index this node computes (the year after its last observation). */
  firstStep: number;
  /** Slots read in the same year: they must be computed first. */
  sameYearInputs: number[];
  /** Every slot read, in any year (same-year and lagged inputs): what the node depends on. */
  reads: number[];
  params: ParamSlot[];
  /** Where this node's draws start in StepContext.params: fixed by the plan when it orders the nodes. */
  readonly paramOffset: number;
  /** Does `step` draw random numbers (from ctx.rngs)? Streams are seeded only for nodes that do. */
  random: boolean;
  /** Rows of working memory `step` needs in ctx.scratch (default 0). */
  scratchRows?: number;
  /**
   * For mechanisms with a `volatility`: whether `step` draws a yearly shock ε_t ~ N(0, 1), one per
   * path and year through `drawShock` and before any other number of that year (volatility > 0).
   * Such shocks can be correlated between nodes (scenario `correlations`, named `<indicator>.shock`).
   * Left out by mechanisms that have no yearly shock.
   */
  yearlyShock?: boolean;
  /**
   * Compute year index `y` for every path of the block. `firstParam` is the node's `paramOffset`
   * (passed by the engine, so a step never reads state of its own).
   */
  step(ctx: StepContext, y: number, firstParam: number): void;
  /** One line for assumption tables, e.g. "grows 8%/yr (N(8%, sd 2%)), volatility 1%" (English, kept for JSON). */
  summary: string;
  /**
   * The values the mechanism's one-line plain summary names (its `summary` template in
   * mechanism.ts / registry.ts): placeholders like `{driver}` or `{rate}` → what fills them.
   * The report layer words them in each language.
   */
  terms: SummaryTerms;
  /** The node's plain summary template (its mechanism's `summary`), filled with `terms` by the report layer. */
  template: SummaryTemplate;
  /** Warnings of the trend forecast a trend node follows (gaps, a constant series); none for other nodes. */
  forecastWarnings?: ForecastWarning[];
  /**
   * The node's fixed inputs as plain data (slots, lags, scales, bounds, fitted trend arrays):
   * enough for an independent implementation to run the same model (bench/reference/).
   */
  constants: Record<string, number | string | number[]>;
}

/** What a mechanism's compiler returns: a node before the plan has placed its parameters. */
export type NodeDraft = Omit<CompiledNode, "paramOffset">;

/** What a mechanism may ask of the plan while compiling. */
export interface CompileEnv {
  indicator: string;
  slot: number;
  /** Slot of another indicator (registers it for simulation). */
  slotOf(indicator: string): number;
  /** Year index of the last observation at or before the base year, or -1 if none. */
  lastObserved(indicator: string): number;
  /** Year index of a calendar year (may be negative or past the end: check with hasYear). */
  yearIndex(year: number): number;
  baseIndex: number;
  years: number[];
  /** The unit of an indicator (from the dictionary or the data). */
  unitOf(indicator: string): string;
  /** Whether the indicator counts whole things (its unit's dimension is a count: 家, 个, 件). */
  wholeNumbers: boolean;
  /** Physical and scenario bounds for the indicator being compiled. */
  bounds: { min: number; max: number };
  /**
   * Slot of `boost.<indicator>` (the summed programme response, see programmeResponse.ts) when
   * programmes act on this indicator, else -1. Mechanisms that accept effects add it in.
   */
  boostSlot(): number;
  /** Trend fits already made on this baseline (shared by the plans of one run; see trend.ts). */
  trendFits: TrendFits;
  /** Throw a clear error about this scenario entry. */
  fail(field: string, problem: string, fix: string): never;
}

/** How a scenario names the yearly shock of an indicator in `correlations`: `<indicator>.shock`. */
export const SHOCK_SUFFIX = ".shock";

/** Whether a name in `correlations` is a yearly shock (`gdp.shock`) rather than a parameter (`gdp.growth`). */
export function isShockName(name: string): boolean {
  return name.endsWith(SHOCK_SUFFIX) && name.length > SHOCK_SUFFIX.length;
}

/**
 * The standard normal yearly shock ε_t of path b of the block: the one the engine correlated
 * (ctx.shocks), else the first normal of the node's own stream for this path and year. The
 * engine draws a correlated shock from that same first normal (src/simulate/monteCarlo.ts), so a
 * correlation of 0 gives these numbers exactly.
 */
export function drawShock(ctx: StepContext, b: number): number {
  return ctx.shocks ? ctx.shocks[b] : standardNormal(ctx.rngs[b]);
}

export function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

/** A fitted trend tabulated as quantiles per year, with its description and warnings. */
export interface TrendQuantiles {
  /** values[k][i]: the quantile at TREND_PROBABILITIES[i], k years after the last observation (k = 0 … horizon − 1). */
  values: number[][];
  /** One line for assumption tables. */
  summary: string;
  /** First and last year of the history the trend was fitted to. */
  fitted: { from: number; to: number };
  /** Things to tell the user (gaps, constant series, …), in English (kept for the library API). */
  warnings: string[];
  /** The same warnings as codes and numbers, for the report layer to word. */
  warningCodes: ForecastWarning[];
}

/**
 * Trend fits already made, keyed by (series, model, horizon, share). Fits are pure functions of
 * those, and several scenarios (or an allocation search) run on one baseline, so a caller that
 * builds several plans passes one `TrendFits` to all of them; a plan built without one gets its own.
 */
export type TrendFits = Map<string, TrendQuantiles>;
