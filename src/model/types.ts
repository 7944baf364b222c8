/**
 * What a mechanism compiles to: a node that computes one indicator, year by year, on one path.
 * The engine (src/simulate/) owns the loops; a node only knows its equation.
 */
import type { Param } from "../scenario/param.js";
import type { Rng } from "../simulate/rng.js";

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
  /** A draw that is not one of the scenario distributions (e.g. a trend's Student-t quantile). */
  custom?: { draw(rng: Rng): number; central: number; describe: string };
}

/** The per-path working memory a node reads and writes. */
export interface StepContext {
  /** Values of every simulated indicator, laid out [slot * nYears + yearIndex]. */
  state: Float64Array;
  nYears: number;
  /** This path's parameter draws; a node's own start at its `paramOffset`. */
  params: Float64Array;
  rng: Rng;
  /** Deterministic projection: central parameter values, no shocks, expected counts. */
  deterministic: boolean;
}

export interface CompiledNode {
  indicator: string;
  mechanism: string;
  /** First year index this node computes (the year after its last observation). */
  firstStep: number;
  /** Slots read in the same year: they must be computed first. */
  sameYearInputs: number[];
  params: ParamSlot[];
  /** Set by the plan: where this node's draws start in StepContext.params. */
  paramOffset: number;
  step(ctx: StepContext, y: number): void;
  /** One line for assumption tables, e.g. "grows 8%/yr (N(8%, sd 2%)), volatility 1%". */
  summary: string;
  /**
   * The node's fixed inputs as plain data (slots, lags, scales, bounds, fitted trend arrays):
   * enough for an independent implementation to run the same model (bench/reference/).
   */
  constants: Record<string, number | string | number[]>;
}

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
  unitOf(indicator: string): string;
  /** Physical and scenario bounds for the indicator being compiled. */
  bounds: { min: number; max: number };
  /**
   * Slot of `boost.<indicator>` (the summed programme response, see programmeResponse.ts) when
   * programmes act on this indicator, else -1. Mechanisms that accept effects add it in.
   */
  boostSlot(): number;
  /** Throw a clear error about this scenario entry. */
  fail(field: string, problem: string, fix: string): never;
}

/** Value of a boost slot in year y, or 0 when there is none. */
export function boostAt(state: Float64Array, boost: number, nYears: number, y: number): number {
  return boost >= 0 ? state[boost * nYears + y] : 0;
}

export function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}
