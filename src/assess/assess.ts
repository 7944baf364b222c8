/**
 * Turns a simulation into per-target assessments: P(met), projected median and 80% interval,
 * gap, the two established progress categories from history, the headline status and, for
 * every target not on track, why.
 */
import type { Baseline, IndicatorDef, Target, TargetCatalogue } from "../data/types.js";
import { assumptionLabel, labelNames, type NameBook } from "../scenario/assumptionLabel.js";
import type { Simulation } from "../simulate/monteCarlo.js";
import { pathValues } from "../simulate/monteCarlo.js";
import { cagr } from "../stats/cagr.js";
import { proportionStandardError } from "../stats/monteCarloError.js";
import { quantileSorted } from "../stats/quantiles.js";
import { pearson, ranks } from "../stats/spearman.js";
import { commitmentOf, commitmentStatus, indicatorUnit } from "./commitments.js";
import { meets } from "./comparator.js";
import { nonFiniteOrigin } from "./nonFiniteOrigin.js";
import { growthRatio } from "./openSdg.js";
import { progressShare } from "./progressShare.js";
import { DEFAULT_THRESHOLDS, isBorderline, type StatusThresholds, statusFromProbability } from "./status.js";
import type { NotAssessedReason, RiskReason, TargetAssessment } from "./types.js";

/** A simulation, the catalogue, baseline and dictionary it was made for, the base year and the status thresholds. */
export interface AssessInput {
  sim: Simulation;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  baseYear: number;
  thresholds?: StatusThresholds;
  /** The scenario's programmes, for the names of programme effects in the "why". */
  programmes?: Record<string, { name: { zh: string; en: string } }>;
  /** Ids of the commitments the scenario adopts (scenario `adopts:`); the other commitments are not adopted. */
  adopts?: readonly string[];
}

/** Below this |ρ| no parameter is named as the main driver: the spread comes from yearly shocks. */
const MIN_DRIVER_RHO = 0.1;

function observedAt(baseline: Baseline, indicator: string, year: number): number | undefined {
  const s = baseline.series.get(indicator);
  const i = s ? s.years.indexOf(year) : -1;
  return i >= 0 ? s!.values[i] : undefined;
}

/** What an assessment repeats from its catalogue row. */
function fromCatalogue(t: Target) {
  return {
    id: t.id,
    indicator: t.indicator,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    kind: t.kind,
    nature: t.nature,
    unit: t.unit,
    responsible: t.responsible,
    targetYear: t.targetYear,
    comparator: t.comparator,
    value: t.value,
  };
}

function emptyAssessment(t: Target, why: NotAssessedReason): TargetAssessment {
  return {
    ...fromCatalogue(t),
    threshold: null,
    status: "not_assessed",
    pMet: null,
    pMetStandardError: null,
    borderline: false,
    median: null,
    p10: null,
    p90: null,
    gap: null,
    baseYear: null,
    baseValue: null,
    cagrRatio: null,
    cagrCategory: "not_assessed",
    progressShare: null,
    shareCategory: "not_assessed",
    reason: null,
    notAssessed: why,
    commitment: null,
  };
}

/** Assesses every target of the catalogue on the simulated paths: P(met), quantiles, progress categories, status and reason. */
export function assessTargets(input: AssessInput): TargetAssessment[] {
  const { sim, baseline, catalogue } = input;
  const names = labelNames(input.catalogue, input.dictionary, input.programmes);
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const paramRanks = new Map<number, Float64Array>();
  const rankOfParam = (k: number) => {
    let r = paramRanks.get(k);
    // Stryker disable next-line ConditionalExpression: a cache; computing the ranks again gives the same ranks
    if (!r) {
      r = ranks(sim.draws.subarray(k * sim.paths, (k + 1) * sim.paths));
      paramRanks.set(k, r);
    }
    return r;
  };

  // The parameters that can move an indicator: those of its node and of every node it reads,
  // directly or through others. Only they are candidates for "the most influential assumption".
  const reach = new Map<string, number[]>();
  const paramsReaching = (indicator: string): number[] => {
    let out = reach.get(indicator);
    // Stryker disable next-line ConditionalExpression: a cache; walking the graph again gives the same list
    if (out) return out;
    const plan = sim.plan;
    const start = plan.indicators.indexOf(indicator);
    const seen = new Set<number>();
    // Stryker disable next-line ConditionalExpression: a stack of [-1] finds no node and so no parameter, like []
    const stack = start >= 0 ? [start] : [];
    while (stack.length) {
      const slot = stack.pop()!;
      if (seen.has(slot)) continue;
      seen.add(slot);
      // Stryker disable next-line OptionalChaining: every slot on the stack is an indicator's, and every indicator has a node
      for (const r of plan.nodes[slot]?.reads ?? []) stack.push(r);
    }
    out = [...seen]
      .sort((a, b) => a - b)
      .flatMap((slot) => {
        const node = plan.nodes[slot];
        // Stryker disable next-line ConditionalExpression: every slot seen is an indicator's, and every indicator has a node
        return node ? node.params.map((_, i) => node.paramOffset + i) : [];
      });
    reach.set(indicator, out);
    return out;
  };

  const adopts = new Set(input.adopts ?? []);
  const forecasts = catalogue.targets.filter((t) => t.nature !== "commitment");
  const unitOf = indicatorUnit(input.dictionary, (id) => baseline.series.get(id)?.unit);
  return catalogue.targets.map((t): TargetAssessment => {
    const a = assessForecast(t);
    if (t.nature !== "commitment") return a;
    // A commitment is a decision, not a forecast: its status is adopted or not, it has no P(met),
    // and what the projection says becomes its cost (src/assess/commitments.ts).
    const adopted = adopts.has(t.id);
    const sample = a.threshold !== null && a.pMet !== null ? pathValues(sim, t.indicator, t.targetYear) : undefined;
    return {
      ...a,
      status: commitmentStatus(adopted),
      pMet: null,
      pMetStandardError: null,
      borderline: false,
      reason: null,
      commitment: sample
        ? commitmentOf({ sim, target: t, threshold: a.threshold!, adopted, forecasts, unitOf }, sample)
        : { adopted, pMetByProjection: null, cost: null, dependents: [] },
    };
  });

  function assessForecast(t: Target): TargetAssessment {
    if (t.kind === "qualitative" || t.comparator === null || t.value === null) {
      return emptyAssessment(t, { code: "qualitative" });
    }
    const unit = t.kind === "relative_to_base" ? (baseline.series.get(t.indicator)?.unit ?? t.unit) : t.unit;
    const unavailable = sim.plan.unavailable.get(t.indicator);
    if (unavailable) return emptyAssessment(t, { code: "unavailable", indicator: t.indicator, ...unavailable });
    let threshold = t.value;
    if (t.kind === "relative_to_base") {
      const ref = observedAt(baseline, t.indicator, t.baseYear!);
      if (ref === undefined)
        return emptyAssessment(t, { code: "no_reference_value", indicator: t.indicator, year: t.baseYear! });
      threshold = t.value * ref;
    }
    const series = baseline.series.get(t.indicator);
    const obsIdx = series ? series.years.map((y, i) => (y <= input.baseYear ? i : -1)).filter((i) => i >= 0) : [];
    const baseYear = obsIdx.length ? series!.years[obsIdx[obsIdx.length - 1]] : null;
    const baseValue = obsIdx.length ? series!.values[obsIdx[obsIdx.length - 1]] : null;

    const sample = pathValues(sim, t.indicator, t.targetYear);
    if (!sample) {
      const why: NotAssessedReason =
        t.targetYear > sim.years[sim.years.length - 1]
          ? { code: "beyond_horizon", targetYear: t.targetYear }
          : { code: "not_after_base_year", targetYear: t.targetYear, baseYear: input.baseYear };
      return { ...emptyAssessment(t, why), unit, threshold, baseYear, baseValue };
    }
    // A non-finite value (a ratio over a zero denominator, an overflowing growth rate) is no answer:
    // the target is not assessed rather than given a probability that ignores those paths.
    let broken = 0;
    for (let i = 0; i < sample.length; i++) if (!Number.isFinite(sample[i])) broken++;
    if (broken > 0) {
      const why: NotAssessedReason = {
        code: "non_finite",
        indicator: t.indicator,
        targetYear: t.targetYear,
        brokenPaths: broken,
        paths: sample.length,
        origin: nonFiniteOrigin(sim, t.indicator, t.targetYear, names),
      };
      return { ...emptyAssessment(t, why), unit, threshold, baseYear, baseValue };
    }
    let hits = 0;
    for (let i = 0; i < sample.length; i++) if (meets(sample[i], t.comparator, threshold)) hits++;
    const pMet = hits / sample.length;
    const sorted = Float64Array.from(sample).sort();
    const median = quantileSorted(sorted, 0.5);
    // "Already met" only while the projection keeps it: a level met in the base year but likely
    // lost by the target year (x < 120 now, rising past it) takes its status from P(met).
    const alreadyMet = baseValue !== null && meets(baseValue, t.comparator, threshold) && pMet >= thresholds.onTrack;
    const status = statusFromProbability(pMet, alreadyMet, thresholds);
    const pMetStandardError = proportionStandardError(pMet, sample.length);

    // History-based progress categories: first observation (v_b) to the latest (v_t).
    let cagrRatio: number | null = null;
    let cagrCategory: TargetAssessment["cagrCategory"] = "not_assessed";
    let share: number | null = null;
    let shareCategory: TargetAssessment["shareCategory"] = "not_assessed";
    if (obsIdx.length >= 2 && baseYear !== null && baseValue !== null) {
      const x = {
        baseYear: series!.years[obsIdx[0]],
        baseValue: series!.values[obsIdx[0]],
        currentYear: baseYear,
        currentValue: baseValue,
        targetYear: t.targetYear,
        target: threshold,
        comparator: t.comparator,
      };
      ({ ratio: cagrRatio, category: cagrCategory } = growthRatio(x));
      ({ share, category: shareCategory } = progressShare(x));
    }

    let reason: RiskReason | null = null;
    if (status === "at_risk" || status === "off_track") {
      reason = explain(
        t,
        threshold,
        baseYear,
        baseValue,
        median,
        sample,
        sim,
        rankOfParam,
        paramsReaching(t.indicator),
        names,
      );
    }
    return {
      ...fromCatalogue(t),
      unit,
      threshold,
      status,
      pMet,
      pMetStandardError,
      borderline: isBorderline(pMet, pMetStandardError, alreadyMet, thresholds),
      median,
      p10: quantileSorted(sorted, 0.1),
      p90: quantileSorted(sorted, 0.9),
      gap: median - threshold,
      baseYear,
      baseValue,
      cagrRatio,
      cagrCategory,
      progressShare: share,
      shareCategory,
      reason,
      notAssessed: null,
      commitment: null,
    };
  }
}

function explain(
  t: Target,
  threshold: number,
  baseYear: number | null,
  baseValue: number | null,
  median: number,
  sample: Float64Array,
  sim: Simulation,
  rankOfParam: (k: number) => Float64Array,
  candidates: number[],
  names: NameBook,
): RiskReason {
  // The latest observation up to the base year (baseYear and baseValue are set together). Its span
  // to the target year is positive: a target with a sample lies after the base year.
  const from = baseValue !== null ? { year: baseYear!, value: baseValue, span: t.targetYear - baseYear! } : null;
  const requiredGrowth = from ? cagr(threshold, from.value, t.targetYear, from.year) : null;
  const projectedGrowth = from ? cagr(median, from.value, t.targetYear, from.year) : null;
  const requiredChangePerYear = from ? (threshold - from.value) / from.span : null;
  const projectedChangePerYear = from ? (median - from.value) / from.span : null;

  let topDriver: RiskReason["topDriver"] = null;
  const outcomeRanks = ranks(sample);
  for (const k of candidates) {
    const rho = pearson(rankOfParam(k), outcomeRanks);
    if (Math.abs(rho) >= MIN_DRIVER_RHO && (!topDriver || Math.abs(rho) > Math.abs(topDriver.rho)))
      topDriver = { parameter: sim.plan.params[k].name, label: assumptionLabel(sim.plan.params[k].name, names), rho };
  }

  // Counts by change per year, everything else by growth rate, when the base allows it.
  const byGrowth =
    t.kind !== "count" && t.kind !== "cumulative_count" && requiredGrowth !== null && projectedGrowth !== null;
  const byChange = requiredChangePerYear !== null && projectedChangePerYear !== null;
  return {
    basis: byGrowth ? "growth" : byChange ? "change_per_year" : "level",
    requiredGrowth,
    projectedGrowth,
    requiredChangePerYear,
    projectedChangePerYear,
    topDriver,
  };
}
