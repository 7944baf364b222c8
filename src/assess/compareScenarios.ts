/**
 * Two or more scenarios side by side, on common random numbers: the assumptions that differ,
 * the targets whose status or P(met) changed (with the paired Monte Carlo error), which
 * assumption moved each, and, for a changed assumption that moves nothing, why — found from
 * the model, not guessed:
 *
 * 1. Swap one assumption at a time: run the first scenario with that one assumption taken from
 *    the other (same seed and paths, so every other draw is the same) and see which targets move.
 * 2. For an assumption that moves no target's P(met) beyond 2 paired SE, the reason code says
 *    which of these holds, in this order:
 *    - "no_target_depends": no target's indicator is computed from it (plan dependency graph);
 *    - "same_by_target_year": the targets it feeds have exactly the same values in their
 *      target year on every path (e.g. a lag puts the effect later), with the first year the
 *      assumption's own indicator changes;
 *    - "out_of_reach" / "secure": the target's values move (its median changes) but P(met) stays
 *      below 5% (or above 95%) both ways: the threshold is too far from where the paths are;
 *    - "within_noise": P(met) moves by less than 2 paired SE.
 *    The commitments a scenario adopts (`adopts:`) are compared too: they are decisions, so swapping
 *    them moves no forecast target when the values are identical on every path ("decision_only"),
 *    and each commitment whose status differs is listed with that cause (`commitments`).
 * Codes and numbers only; the words are in src/report/compareText.ts.
 */
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { Scenario } from "../scenario/schema.js";
import { pathValues, type Simulation } from "../simulate/monteCarlo.js";
import { downstream } from "../simulate/plan.js";
import { distinguishable, pairedDifference } from "../stats/monteCarloError.js";
import { meets } from "./comparator.js";
import { runScenario } from "./runScenario.js";
import type { CommitmentStatus, ScenarioResult, Status, TargetAssessment } from "./types.js";

export interface ScenarioInput {
  file: string;
  scenario: Scenario;
}

export interface CompareInput {
  scenarios: ScenarioInput[];
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Paths and seed of every run (common random numbers) [2000, the first scenario's seed]. */
  paths?: number;
  seed?: number;
}

/** One assumption (an indicator's spec, the budget / programmes, or the commitments adopted) that differs. */
export interface AssumptionDifference {
  /** Indicator id, or "budget" / "programmes", or "adopts" (base and other: the adopted commitment ids, sorted). */
  key: string;
  /** The spec in each scenario (null: not set, the indicator follows its trend by default). */
  base: unknown;
  other: unknown;
  /** The plan's one-line summary in each scenario, when the key is an indicator. */
  baseSummary: string | null;
  otherSummary: string | null;
}

export type NoEffectReason =
  | "no_target_depends"
  | "same_by_target_year"
  | "out_of_reach"
  | "secure"
  | "within_noise"
  /** `adopts`: a commitment is a decision; every forecast target has the same values on every path. */
  | "decision_only";

/** A commitment whose status differs: adopted in one scenario and not the other (its cause: `adopts`). */
export interface CommitmentDifference {
  id: string;
  nameZh: string;
  nameEn: string;
  statusBase: CommitmentStatus;
  statusOther: CommitmentStatus;
  /** Forecast targets that depend on it in the plan's graph (from the first scenario's assessment). */
  dependents: string[];
}

export interface AssumptionEffect {
  key: string;
  /** Targets whose indicator is computed from this assumption. */
  reaches: string[];
  /** Targets whose P(met) it moves beyond 2 paired SE, with the change (other − base). */
  moves: { target: string; change: number; standardError: number }[];
  /** Why it moves nothing, when `moves` is empty. */
  reason: NoEffectReason | null;
  /** First projected year in which the assumption's own indicator differs on some path (null: none). */
  firstYearChanged: number | null;
  /** For reached targets: median in the target year, base → with the assumption swapped, and P(met) both ways. */
  reached: {
    target: string;
    targetYear: number;
    medianBase: number;
    medianSwapped: number;
    pMetBase: number;
    pMetSwapped: number;
  }[];
}

export interface TargetDifference {
  id: string;
  nameZh: string;
  nameEn: string;
  statusBase: Status;
  statusOther: Status;
  pMetBase: number;
  pMetOther: number;
  /** other − base, and its paired Monte Carlo standard error (probability, 0–1). */
  change: number;
  standardError: number;
  distinguishable: boolean;
  medianBase: number | null;
  medianOther: number | null;
  /** Assumptions that move it when swapped in alone, largest |change| first. */
  movedBy: { key: string; change: number }[];
}

/** A target's base and other figures and the paired change between them (without what moved it). */
function targetDifference(
  tb: TargetAssessment,
  to: TargetAssessment,
  d: { mean: number; standardError: number },
  dist: boolean,
): Omit<TargetDifference, "movedBy"> {
  return {
    id: tb.id,
    nameZh: tb.nameZh,
    nameEn: tb.nameEn,
    statusBase: tb.status,
    statusOther: to.status,
    pMetBase: tb.pMet!,
    pMetOther: to.pMet!,
    change: d.mean,
    standardError: d.standardError,
    distinguishable: dist,
    medianBase: tb.median,
    medianOther: to.median,
  };
}

export interface Comparison {
  base: string;
  other: string;
  otherName: { zh: string; en: string };
  assumptions: AssumptionDifference[];
  /** Other settings that differ (base_year, horizon, …), as written. */
  settings: { key: string; base: unknown; other: unknown }[];
  expectedMet: { base: number; other: number; change: number; standardError: number };
  /** Targets whose status changed or whose P(met) changed beyond 2 paired SE. */
  changed: TargetDifference[];
  /** Commitments adopted in one scenario and not the other (status changed because of `adopts`). */
  commitments: CommitmentDifference[];
  /** Targets computed from a changed assumption whose status and P(met) did not change, and why. */
  unchanged: (Omit<TargetDifference, "movedBy"> & { reason: NoEffectReason })[];
  effects: AssumptionEffect[];
}

export interface ComparisonResult {
  paths: number;
  seed: number;
  results: ScenarioResult[];
  comparisons: Comparison[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** P(met) at or below this both ways: the target is out of reach whatever the assumption (at or above 1 − it: secure). */
export const FAR_FROM_THRESHOLD = 0.05;

function reasonFor(pairs: { pMetBase: number; pMetSwapped: number; identical: boolean }[]): NoEffectReason {
  if (pairs.every((r) => r.identical)) return "same_by_target_year";
  const moving = pairs.filter((r) => !r.identical);
  if (moving.every((r) => Math.max(r.pMetBase, r.pMetSwapped) <= FAR_FROM_THRESHOLD)) return "out_of_reach";
  if (moving.every((r) => Math.min(r.pMetBase, r.pMetSwapped) >= 1 - FAR_FROM_THRESHOLD)) return "secure";
  return "within_noise";
}

/** 1 where the target is met on the path, per path (null when it is not assessed). */
function metPerPath(sim: Simulation, t: TargetAssessment): Float64Array | null {
  if (t.pMet === null || t.comparator === null || t.threshold === null) return null;
  const v = pathValues(sim, t.indicator, t.targetYear);
  if (!v) return null;
  return Float64Array.from(v, (x) => (meets(x, t.comparator!, t.threshold!) ? 1 : 0));
}

function countPerPath(sim: Simulation, targets: TargetAssessment[]): Float64Array {
  const out = new Float64Array(sim.paths);
  for (const t of targets) {
    const m = metPerPath(sim, t);
    if (m) for (let p = 0; p < m.length; p++) out[p] += m[p];
  }
  return out;
}

function median(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function differences(a: Scenario, b: Scenario): { assumptions: string[]; settings: Comparison["settings"] } {
  const keys = [...new Set([...Object.keys(a.indicators), ...Object.keys(b.indicators)])];
  const assumptions = keys.filter((k) => !same(a.indicators[k], b.indicators[k]));
  for (const k of ["budget", "programmes"] as const) if (!same(a[k], b[k])) assumptions.push(k);
  if (!same(adopted(a), adopted(b))) assumptions.push("adopts");
  const settings = (["base_year", "horizon", "assessment"] as const)
    .filter((k) => !same(a[k], b[k]))
    .map((k) => ({ key: k, base: a[k] ?? null, other: b[k] ?? null }));
  return { assumptions, settings };
}

/** The commitments a scenario adopts, sorted (the order in `adopts:` means nothing). */
const adopted = (s: Scenario) => [...s.adopts].sort();

/** The first scenario with one assumption taken from the other. */
function swapped(a: Scenario, b: Scenario, key: string): Scenario {
  if (key === "budget" || key === "programmes") return { ...a, [key]: b[key] };
  if (key === "adopts") return { ...a, adopts: b.adopts };
  const indicators = { ...a.indicators };
  if (b.indicators[key] === undefined) delete indicators[key];
  else indicators[key] = b.indicators[key];
  return { ...a, indicators };
}

/** A compared assumption as the scenario writes it (null: not set). */
function assumptionValue(s: Scenario, key: string): unknown {
  if (key === "budget" || key === "programmes") return s[key] ?? null;
  if (key === "adopts") return adopted(s);
  return s.indicators[key] ?? null;
}

/**
 * What swapping the adopted commitments in alone does: adopting is a decision, not a change of the
 * projection, so it is checked, not assumed: every forecast target's values in its target year are
 * compared path by path, and any P(met) that moves beyond 2 paired SE is reported as moved.
 */
function adoptsEffect(baseSim: Simulation, sim: Simulation, targets: TargetAssessment[]): AssumptionEffect {
  const forecasts = targets.filter((t) => metPerPath(baseSim, t) !== null);
  const moves = forecasts.flatMap((t) => {
    const e = pairedDifference(metPerPath(sim, t)!, metPerPath(baseSim, t)!);
    return distinguishable(e.mean, e.standardError)
      ? [{ target: t.id, change: e.mean, standardError: e.standardError }]
      : [];
  });
  const identical = forecasts.every((t) => {
    const a = pathValues(baseSim, t.indicator, t.targetYear)!;
    const b = pathValues(sim, t.indicator, t.targetYear)!;
    return a.every((x, p) => Object.is(x, b[p]));
  });
  return {
    key: "adopts",
    reaches: [],
    moves,
    reason: moves.length ? null : identical ? "decision_only" : "within_noise",
    firstYearChanged: null,
    reached: [],
  };
}

export function compareScenarios(input: CompareInput): ComparisonResult {
  const [first, ...rest] = input.scenarios;
  const paths = input.paths ?? 2000;
  const seed = input.seed ?? first.scenario.seed;
  const shared = { baseline: input.baseline, catalogue: input.catalogue, dictionary: input.dictionary, paths, seed };
  const run = (s: ScenarioInput) => runScenario({ ...shared, scenario: s.scenario, scenarioFile: s.file });
  const base = run(first);
  const results = [base.result];
  const comparisons = rest.map((o): Comparison => {
    const other = run(o);
    results.push(other.result);
    const { assumptions, settings } = differences(first.scenario, o.scenario);
    const summaryOf = (r: ScenarioResult, k: string) =>
      r.scenario.assumptions.find((x) => x.indicator === k)?.summary ?? null;

    // One assumption at a time, on the same draws.
    const swaps = new Map<string, Simulation>();
    if (!settings.length)
      for (const k of assumptions)
        swaps.set(
          k,
          runScenario({ ...shared, scenario: swapped(first.scenario, o.scenario, k), scenarioFile: o.file }).simulation,
        );

    const changed: TargetDifference[] = [];
    base.result.targets.forEach((tb, i) => {
      const to = other.result.targets[i];
      const mb = metPerPath(base.simulation, tb);
      const mo = metPerPath(other.simulation, to);
      if (!mb || !mo) return;
      const d = pairedDifference(mo, mb);
      const dist = distinguishable(d.mean, d.standardError);
      if (tb.status === to.status && !dist) return;
      const movedBy = [...swaps].flatMap(([k, sim]) => {
        const ms = metPerPath(sim, tb);
        if (!ms) return [];
        const e = pairedDifference(ms, mb);
        return distinguishable(e.mean, e.standardError) ? [{ key: k, change: e.mean }] : [];
      });
      movedBy.sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
      changed.push({ ...targetDifference(tb, to, d, dist), movedBy });
    });

    const effects = [...swaps].map(([k, sim]): AssumptionEffect => {
      if (k === "adopts") return adoptsEffect(base.simulation, sim, base.result.targets);
      const plan = base.simulation.plan;
      const slot = k === "budget" || k === "programmes" ? -1 : plan.indicators.indexOf(k);
      const roots = slot >= 0 ? [slot] : plan.indicators.flatMap((id, s) => (id.startsWith("programme.") ? [s] : []));
      const mark = roots.length ? downstream(plan, roots) : new Uint8Array(plan.indicators.length);
      const fed = base.result.targets.filter((t) => {
        const s = plan.indicators.indexOf(t.indicator);
        return t.pMet !== null && s >= 0 && mark[s] === 1;
      });
      const reached = fed.map((t) => {
        const vb = pathValues(base.simulation, t.indicator, t.targetYear)!;
        const vs = pathValues(sim, t.indicator, t.targetYear)!;
        const ms = metPerPath(sim, t)!;
        return {
          target: t.id,
          targetYear: t.targetYear,
          medianBase: median(vb),
          medianSwapped: median(vs),
          pMetBase: t.pMet!,
          pMetSwapped: ms.reduce((a, b) => a + b, 0) / ms.length,
          identical: vb.every((x, p) => Object.is(x, vs[p])),
        };
      });
      const moves = fed.flatMap((t) => {
        const e = pairedDifference(metPerPath(sim, t)!, metPerPath(base.simulation, t)!);
        return distinguishable(e.mean, e.standardError)
          ? [{ target: t.id, change: e.mean, standardError: e.standardError }]
          : [];
      });
      let firstYearChanged: number | null = null;
      const own = slot >= 0 ? k : null;
      if (own)
        for (const y of base.simulation.years) {
          const a = pathValues(base.simulation, own, y)!;
          const b = pathValues(sim, own, y)!;
          if (!a.every((x, p) => Object.is(x, b[p]))) {
            firstYearChanged = y;
            break;
          }
        }
      let reason: NoEffectReason | null = null;
      if (!moves.length) {
        reason = fed.length ? reasonFor(reached) : "no_target_depends";
      }
      return {
        key: k,
        reaches: fed.map((t) => t.id),
        moves,
        reason,
        firstYearChanged,
        reached: reached.map(({ identical: _, ...r }) => r),
      };
    });

    const reachedIds = new Set(effects.flatMap((e) => e.reaches));
    const changedIds = new Set(changed.map((c) => c.id));
    const unchanged = base.result.targets.flatMap((tb, i) => {
      if (!reachedIds.has(tb.id) || changedIds.has(tb.id)) return [];
      const to = other.result.targets[i];
      const mb = metPerPath(base.simulation, tb);
      const mo = metPerPath(other.simulation, to);
      if (!mb || !mo) return [];
      const d = pairedDifference(mo, mb);
      const vb = pathValues(base.simulation, tb.indicator, tb.targetYear)!;
      const vo = pathValues(other.simulation, to.indicator, to.targetYear)!;
      const reason = reasonFor([
        { pMetBase: tb.pMet!, pMetSwapped: to.pMet!, identical: vb.every((x, p) => Object.is(x, vo[p])) },
      ]);
      return [{ ...targetDifference(tb, to, d, false), reason }];
    });
    const commitments = base.result.targets.flatMap((tb, i): CommitmentDifference[] => {
      const to = other.result.targets[i];
      if (tb.nature !== "commitment" || tb.status === to.status) return [];
      return [
        {
          id: tb.id,
          nameZh: tb.nameZh,
          nameEn: tb.nameEn,
          statusBase: tb.status as CommitmentStatus,
          statusOther: to.status as CommitmentStatus,
          dependents: tb.commitment?.dependents ?? [],
        },
      ];
    });
    const cb = countPerPath(base.simulation, base.result.targets);
    const co = countPerPath(other.simulation, other.result.targets);
    const dm = pairedDifference(co, cb);
    return {
      base: base.result.scenario.id,
      other: other.result.scenario.id,
      otherName: { zh: other.result.scenario.nameZh, en: other.result.scenario.nameEn },
      assumptions: assumptions.map((k) => ({
        key: k,
        base: assumptionValue(first.scenario, k),
        other: assumptionValue(o.scenario, k),
        baseSummary: summaryOf(base.result, k),
        otherSummary: summaryOf(other.result, k),
      })),
      settings,
      expectedMet: {
        base: base.result.joint.expectedMet,
        other: other.result.joint.expectedMet,
        change: dm.mean,
        standardError: dm.standardError,
      },
      changed,
      commitments,
      unchanged,
      effects,
    };
  });
  return { paths, seed, results, comparisons };
}
