/**
 * Compiles a scenario against the baseline into a plan: one node per simulated indicator,
 * in an order where every node's same-year inputs come first, with the history each path
 * starts from and the layout of the per-path parameter draws.
 */

import { didYouMeanSuffix } from "../data/didYouMean.js";
import { InputError } from "../data/errors.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import { findUnit } from "../data/units.js";
import type { Allocation } from "../model/allocation.js";
import { compileBudgetTopUp } from "../model/budgetTopUp.js";
import { compileProgrammeResponse } from "../model/programmeResponse.js";
import { compileProgrammeSpending } from "../model/programmeSpending.js";
import { compileMechanism, MECHANISM_NAMES, MECHANISMS, type MechanismName } from "../model/registry.js";
import { type TrendFits, whyNoTrend } from "../model/trend.js";
import {
  type CompiledNode,
  type CompileEnv,
  isShockName,
  type NodeDraft,
  type ParamSlot,
  SHOCK_SUFFIX,
  type Unprojectable,
} from "../model/types.js";
import type { IndicatorSpec, ProgrammeEffect, Scenario } from "../scenario/schema.js";
import { choleskyLower } from "../stats/copula.js";
import { centralValue, isUncertain, support } from "../stats/param.js";

/** A scenario compiled for the Monte Carlo: nodes in dependency order, parameters, years and the programme allocation. */
export interface Plan {
  /** Calendar years of the state, from the earliest observation used to the horizon. */
  years: number[];
  baseIndex: number;
  /** Simulated indicators; a node's slot is its index here. */
  indicators: string[];
  nodes: CompiledNode[];
  /** Node indices in evaluation order. */
  order: number[];
  /** All parameter slots, in draw order (node by node). */
  params: ParamSlot[];
  /** Observed history laid out like StepContext.state (NaN where there is none). */
  history: Float64Array;
  /** Indicators the catalogue targets but that could not be simulated: why (a code and numbers) and the English detail. */
  unavailable: Map<string, { why: Unprojectable; detail: string }>;
  /**
   * Correlated parameters (scenario `correlations`): their indices in `params` (ascending) and the
   * lower Cholesky factor of their correlation matrix (stats/copula.ts); null when none.
   */
  copula: Copula | null;
  /**
   * Correlated yearly shocks (scenario `correlations` between `<indicator>.shock`s): the slots of
   * their nodes (ascending) and the lower Cholesky factor; null when none. Applied within each
   * path and year to the first normal of each member's own stream (src/simulate/monteCarlo.ts).
   */
  shockCopula: Copula | null;
  /** The scenario's programme budget (a run may spend another: SimulateOptions.budget); null without programmes. */
  allocation: Allocation | null;
}

/** Suffix of the business-as-usual copy of a fiscal indicator that programme money is added to. */
const BAU = ".bau";
/** Virtual indicators computed by the plan itself: programme spending and responses. */
const isVirtual = (id: string) => id.startsWith("programme.") || id.startsWith("boost.");
const dataId = (id: string) => (id.endsWith(BAU) ? id.slice(0, -BAU.length) : id);

/** What a plan is built from: the scenario and its file, the baseline, the catalogue and the dictionary. */
export interface PlanInput {
  scenario: Scenario;
  scenarioFile: string;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Trend fits to reuse (several plans on one baseline); default: a new cache for this plan. */
  trendFits?: TrendFits;
}

/** Indicator entry used when a scenario says nothing about an indicator: its fitted trend. */
const TREND_FALLBACK: IndicatorSpec = { trend: "auto" } as IndicatorSpec;

/** Compiles a scenario into a plan: one node per indicator, in dependency order. */
export function buildPlan(input: PlanInput): Plan {
  const { scenario, baseline, catalogue, dictionary } = input;
  const trendFits = input.trendFits ?? new Map();
  const specs = scenario.indicators;
  let firstYear = scenario.base_year;
  for (const s of baseline.series.values()) if (s.years.length) firstYear = Math.min(firstYear, s.years[0]);
  const years = Array.from({ length: scenario.horizon - firstYear + 1 }, (_, i) => firstYear + i);
  const baseIndex = scenario.base_year - firstYear;

  const indicators: string[] = [];
  const slotIndex = new Map<string, number>();
  const pending: string[] = [];
  const requested = new Set<string>();
  const slotOf = (id: string): number => {
    let s = slotIndex.get(id);
    if (s === undefined) {
      s = indicators.length;
      indicators.push(id);
      slotIndex.set(id, s);
      pending.push(id);
    }
    return s;
  };

  // Programmes: the budget split, and which programmes act on which indicator.
  const programmeIds = Object.keys(scenario.programmes);
  const budget = scenario.budget;
  const allocation: Allocation | null = programmeIds.length
    ? {
        programmes: programmeIds,
        amount: budget?.amount ?? 0,
        share: budget?.share_of ? { of: budget.share_of.indicator, percent: budget.share_of.percent } : null,
        split: Float64Array.from(programmeIds, (p) => budget?.split[p] ?? 1 / programmeIds.length),
        startYear: budget?.start_year ?? scenario.base_year + 1,
        unit: budget?.unit ?? "万元",
      }
    : null;
  const effectsOn = new Map<string, { programme: string; effect: ProgrammeEffect }[]>();
  for (const [programme, def] of Object.entries(scenario.programmes)) {
    for (const effect of def.effects) {
      const list = effectsOn.get(effect.indicator) ?? [];
      list.push({ programme, effect });
      effectsOn.set(effect.indicator, list);
    }
  }
  const topUp = budget?.adds_to;

  const unitOf = (raw: string): string => {
    if (raw.startsWith("programme.")) return allocation?.unit ?? "";
    if (raw.startsWith("boost.")) return "";
    const id = dataId(raw);
    return (
      dictionary?.get(id)?.unit ??
      baseline.series.get(id)?.unit ??
      catalogue.targets.find((t) => t.indicator === id && t.kind !== "relative_to_base")?.unit ??
      ""
    );
  };
  const lastObserved = (id: string): number => {
    if (isVirtual(id)) return baseIndex;
    const s = baseline.series.get(dataId(id));
    if (!s) return -1;
    let last = -1;
    for (let i = 0; i < s.years.length; i++) if (s.years[i] <= scenario.base_year) last = s.years[i] - firstYear;
    return last;
  };

  // Every numeric target's indicator, then every indicator the scenario names.
  const unavailable = new Map<string, { why: Unprojectable; detail: string }>();
  for (const t of catalogue.targets) if (t.kind !== "qualitative") requested.add(t.indicator);
  for (const id of Object.keys(specs)) requested.add(id);
  for (const p of programmeIds) requested.add(`programme.${p}`);
  for (const id of requested) {
    if (!specs[id] && !isVirtual(id) && lastObserved(id) < 0) {
      unavailable.set(id, {
        why: { code: "no_history", baseYear: scenario.base_year },
        detail: `no observed value at or before ${scenario.base_year} and no mechanism in the scenario`,
      });
      continue;
    }
    const series = baseline.series.get(id);
    const noTrend =
      !specs[id] && !isVirtual(id) && series
        ? whyNoTrend(series, scenario.base_year, scenario.horizon, unitOf(id) === "%", trendFits)
        : null;
    if (noTrend) {
      unavailable.set(id, noTrend);
      continue;
    }
    slotOf(id);
  }

  const drafts: NodeDraft[] = [];
  while (pending.length) {
    const id = pending.shift()!;
    const slot = slotIndex.get(id)!;
    const def = dictionary?.get(dataId(id));
    const unit = findUnit(unitOf(id));
    const spec = specs[dataId(id)] ?? TREND_FALLBACK;
    const env: CompileEnv = {
      indicator: id,
      slot,
      slotOf,
      lastObserved,
      yearIndex: (y) => y - firstYear,
      baseIndex,
      years,
      unitOf,
      bounds: {
        min: Math.max(spec.bounds?.min ?? -Infinity, def?.min ?? (unit?.nonNegative ? 0 : -Infinity)),
        max: Math.min(spec.bounds?.max ?? Infinity, def?.max ?? unit?.max ?? Infinity),
      },
      trendFits,
      wholeNumbers: unit?.dimension === "count",
      boostSlot: () => (effectsOn.has(id) && !isVirtual(id) && !(id === topUp) ? slotOf(`boost.${id}`) : -1),
      fail(field, problem, fix): never {
        throw new InputError({
          file: input.scenarioFile,
          problem: `indicators.${dataId(id)}${field ? "." + field : ""}: ${problem}`,
          fix,
        });
      },
    };
    if (id.startsWith("programme.")) {
      drafts[slot] = compileProgrammeSpending(
        env,
        allocation!,
        programmeIds.indexOf(id.slice("programme.".length)),
        topUp,
      );
    } else if (id.startsWith("boost.")) {
      drafts[slot] = compileProgrammeResponse(env, effectsOn.get(id.slice("boost.".length))!);
    } else if (allocation && id === topUp) {
      drafts[slot] = compileBudgetTopUp(env, allocation);
    } else {
      if (!specs[dataId(id)] && lastObserved(id) < 0) {
        env.fail(
          "",
          `${id} is needed by another indicator but has no data and no mechanism`,
          `add ${id} to the baseline data or give it a mechanism in the scenario`,
        );
      }
      const name = MECHANISM_NAMES.find((m) => spec[m] !== undefined);
      if (!name)
        throw new Error(`plan: indicators.${dataId(id)} names no mechanism (the schema should have refused it)`);
      drafts[slot] = compileMechanism(name, spec[name], spec, env, baseline.series.get(dataId(id)));
    }
  }
  for (const target of effectsOn.keys()) {
    if (!slotIndex.has(target)) {
      throw new InputError({
        file: input.scenarioFile,
        problem: `programmes: an effect acts on ${target}, which is not simulated`,
        fix: `add ${target} to the data and the scenario, or remove the effect`,
      });
    }
  }

  const order = topologicalOrder(drafts, indicators, input.scenarioFile);
  // Parameters are drawn node by node in evaluation order; each node's offset is fixed here, once.
  const paramOffsets: number[] = [];
  const params: ParamSlot[] = [];
  for (const i of order) {
    paramOffsets[i] = params.length;
    for (const slot of drafts[i].params) refuseOutsideRange(slot, input.scenarioFile);
    params.push(...drafts[i].params);
  }
  const nodes: CompiledNode[] = drafts.map((d, i) => Object.freeze({ ...d, paramOffset: paramOffsets[i] }));

  const history = new Float64Array(indicators.length * years.length).fill(NaN);
  indicators.forEach((id, slot) => {
    if (isVirtual(id)) {
      for (let y = 0; y <= baseIndex; y++) history[slot * years.length + y] = 0; // no programme money before the plan
      return;
    }
    const s = baseline.series.get(dataId(id));
    if (!s) return;
    s.years.forEach((y, i) => {
      if (y >= firstYear && y <= scenario.base_year) history[slot * years.length + (y - firstYear)] = s.values[i];
    });
  });
  const { copula, shockCopula } = compileCorrelations(
    scenario.correlations ?? [],
    params,
    drafts,
    indicators,
    input.scenarioFile,
  );
  return { years, baseIndex, indicators, nodes, order, params, history, unavailable, allocation, copula, shockCopula };
}

/**
 * Slots whose values can change when the given slots change: the roots and everything that
 * reads them, directly or through other nodes, in any year.
 */
export function downstream(plan: Plan, roots: Iterable<number>): Uint8Array {
  const mark = new Uint8Array(plan.indicators.length);
  const readers = plan.nodes.map(() => [] as number[]);
  plan.nodes.forEach((node, i) => node.reads.forEach((r) => readers[r].push(i)));
  const stack = [...roots];
  while (stack.length) {
    const s = stack.pop()!;
    if (mark[s]) continue;
    mark[s] = 1;
    stack.push(...readers[s]);
  }
  return mark;
}

/** Kahn's algorithm over same-year inputs; a cycle is a scenario error naming the indicators. */
function topologicalOrder(nodes: NodeDraft[], names: string[], file: string): number[] {
  const indegree = nodes.map((n) => new Set(n.sameYearInputs).size);
  const users = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => new Set(n.sameYearInputs).forEach((d) => users[d].push(i)));
  const ready = nodes.map((_, i) => i).filter((i) => indegree[i] === 0);
  const order: number[] = [];
  while (ready.length) {
    const i = ready.shift()!;
    order.push(i);
    for (const u of users[i]) if (--indegree[u] === 0) ready.push(u);
  }
  if (order.length !== nodes.length) {
    const stuck = names.filter((_, i) => indegree[i] > 0);
    throw new InputError({
      file,
      problem: `indicators depend on each other within the same year: ${stuck.join(", ")}`,
      fix: "break the cycle, e.g. give one of them a growth mechanism or a lag of at least 1",
    });
  }
  return order;
}

/** A Gaussian copula over some of a plan's draws: who is correlated, and the lower Cholesky factor of their correlations. */
export interface Copula {
  /** Parameter indices (parameter copula) or indicator slots (shock copula), ascending. */
  members: number[];
  /** Lower Cholesky factor of the members' correlation matrix, row-major (stats/copula.ts). */
  lower: Float64Array;
}

/**
 * The copulas of a scenario's `correlations`: one over uncertain parameters (names as the
 * assumptions table writes them) and one over yearly shocks (`<indicator>.shock`, for indicators
 * whose mechanism has a `volatility`). The block as written was checked when the scenario was
 * read (src/scenario/correlations.ts: no self or repeated pairs, kinds not mixed, positive
 * definite); here names are resolved. A pair is left out when one side has nothing to correlate
 * (a parameter fixed to a number, a volatility of 0: a variant may set either) or when ρ = 0,
 * which is what drawing them independently means: so an all-zero block gives the numbers of no
 * block, bit for bit.
 */
function compileCorrelations(
  correlations: readonly { between: readonly [string, string]; rho: number }[],
  params: readonly ParamSlot[],
  nodes: readonly NodeDraft[],
  indicators: readonly string[],
  file: string,
): { copula: Copula | null; shockCopula: Copula | null } {
  const names = params.map((p) => p.name);
  // Nodes whose mechanism takes a volatility: their `<indicator>.shock` can be named.
  const shockable = indicators.filter((_id, slot) => {
    const m = nodes[slot].mechanism;
    return (MECHANISM_NAMES as readonly string[]).includes(m) && MECHANISMS[m as MechanismName].volatility;
  });
  const shockNames = shockable.map((id) => id + SHOCK_SUFFIX);
  const indexOf = (name: string, at: number): number => {
    if (isShockName(name)) {
      const slot = shockNames.includes(name) ? indicators.indexOf(name.slice(0, -SHOCK_SUFFIX.length)) : -1;
      if (slot < 0)
        throw new InputError({
          file,
          problem: `correlations[${at}]: no yearly shock "${name}" in this scenario${didYouMeanSuffix(name, shockNames)}`,
          fix: `name the shock of an indicator whose mechanism takes a volatility (${shockNames.slice(0, 4).join(", ") || "none in this scenario"}${shockNames.length > 4 ? ", …" : ""})`,
        });
      return slot;
    }
    const k = names.indexOf(name);
    if (k < 0)
      throw new InputError({
        file,
        problem: `correlations[${at}]: no uncertain parameter "${name}" in this scenario${didYouMeanSuffix(name, names)}`,
        fix: `name parameters as the assumptions table does (${names.slice(0, 4).join(", ")}, …)`,
      });
    return k;
  };
  // Something to correlate: an uncertain parameter, or a shock with a volatility above 0.
  const live = (shock: boolean, k: number) =>
    shock ? nodes[k].yearlyShock === true : !!params[k].custom || isUncertain(params[k].param);
  const pairs = correlations.map((c, at) => {
    const shock = isShockName(c.between[0]);
    const [a, b] = [indexOf(c.between[0], at), indexOf(c.between[1], at)];
    return { a, b, rho: c.rho, shock, keep: c.rho !== 0 && live(shock, a) && live(shock, b) };
  });
  const copulaOf = (kind: typeof pairs): Copula | null => {
    if (!kind.length) return null;
    const members = [...new Set(kind.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
    const R: number[][] = members.map((_, i) => members.map((_, j) => (i === j ? 1 : 0)));
    for (const { a, b, rho } of kind) {
      const [i, j] = [members.indexOf(a), members.indexOf(b)];
      R[i][j] = R[j][i] = rho;
    }
    // A principal submatrix of the positive definite matrix checked on loading is positive definite:
    // this only fails for a scenario that did not come through the schema.
    const lower = choleskyLower(R);
    if (!lower)
      throw new InputError({
        file,
        problem:
          "correlations: these correlations cannot hold together (the correlation matrix is not positive definite)",
        fix: "lower the largest |rho| or remove a pair whose sign contradicts the others",
      });
    return { members, lower };
  };
  return {
    copula: copulaOf(pairs.filter((p) => p.keep && !p.shock)),
    shockCopula: copulaOf(pairs.filter((p) => p.keep && p.shock)),
  };
}

/**
 * A parameter whose written value cannot be meant: a fixed value, or a triangular or uniform range,
 * outside the parameter's possible range (a depreciation of 2, negative additions), or a normal or
 * lognormal centred outside it. Draws are clamped into the range only for the tails of a
 * distribution that is centred inside it; anything else is refused rather than silently clamped
 * (`depreciation: 2` is more likely 2% than 200%).
 */
function refuseOutsideRange(slot: ParamSlot, scenarioFile: string): void {
  if (slot.custom || (slot.min === undefined && slot.max === undefined)) return;
  const min = slot.min ?? -Infinity;
  const max = slot.max ?? Infinity;
  const p = slot.param;
  const [lo, hi] =
    typeof p === "number" || p.dist === "triangular" || p.dist === "uniform"
      ? support(p)
      : [centralValue(p), centralValue(p)];
  if (lo >= min && hi <= max) return;
  const range = !Number.isFinite(max) ? `≥ ${min}` : !Number.isFinite(min) ? `≤ ${max}` : `${min}–${max}`;
  const written = lo === hi ? String(lo) : `${lo}–${hi}`;
  // Names are "<indicator>.<mechanism>.<parameter>" or, for a programme's effect, "<programme>.effect.<indicator>".
  const [owner, kind, what] = slot.name.split(".");
  const field =
    kind === "effect" ? `programmes.${owner}: the effect on ${what}: max_effect` : `indicators.${slot.name}`;
  throw new InputError({
    file: scenarioFile,
    problem: `${field}: ${written} lies outside the possible range ${range}${slot.percent ? " (a rate written as a fraction: 0.15 = 15%)" : ""}`,
    fix: slot.percent
      ? `write the rate as a fraction between ${min} and ${max}, e.g. 0.15 for 15%`
      : `write a value ${!Number.isFinite(max) ? `of at least ${min}` : !Number.isFinite(min) ? `of at most ${max}` : `between ${min} and ${max}`}`,
  });
}
