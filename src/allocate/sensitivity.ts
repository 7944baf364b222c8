/**
 * Which assumptions matter most: a tornado of P(met) per target and of the expected number
 * met, each uncertain parameter held at its 10th and then its 90th percentile while every
 * other parameter is drawn as usual (conditional Monte Carlo on the same draws, as @RISK's
 * and Crystal Ball's tornado charts do with inputs at their 10th/90th percentiles); and a
 * one-way sweep of the most influential parameters across their range.
 * Percentiles come from the parameter's own draws, so trend quantiles are handled too.
 */
import { downstream } from "../simulate/plan.js";
import { quantileSorted } from "../stats/quantiles.js";
import type { AllocationScore, Evaluator } from "./evaluate.js";

function ensureDraws(ev: Evaluator, at: AllocationScore): { draws: Float64Array; paths: number } {
  if (!ev.draws) ev.score(at.spending);
  return { draws: ev.draws!, paths: ev.paths };
}

/** One assumption's bar in the tornado: its values at P10 and P90 of its draws, and the expected targets met and P(met) per target with it held there. */
export interface TornadoBar {
  parameter: string;
  /** Bilingual name of the assumption (set by runAllocation; the id until then). */
  label: { zh: string; en: string };
  /**
   * True when the assumption sits on a path from programme spending to a target (a programme's
   * effect, or a mechanism that reads spending, such as the leverage of fiscal S&T money on R&D):
   * what the budget works through. False: the budget cannot change what it drives (e.g. a trend).
   */
  budgetCanChange: boolean;
  lowValue: number;
  highValue: number;
  /** Expected number of targets met with the parameter at its 10th / 90th percentile. */
  low: number;
  high: number;
  /** P(met) per target (evaluator order) at the 10th / 90th percentile. */
  lowPMet: number[];
  highPMet: number[];
}

/** The expected number of targets met at the central assumptions, and one bar per assumption, sorted by swing. */
export interface Tornado {
  baseline: number;
  bars: TornadoBar[];
}

/** One-at-a-time sensitivity of an allocation's expected targets met to each uncertain assumption (P10 and P90). */
export function tornado(ev: Evaluator, at: AllocationScore): Tornado {
  const { draws, paths } = ensureDraws(ev, at);
  const params = ev.plan.params;
  const plan = ev.plan;
  const programmeSlots = plan.indicators.flatMap((id, slot) => (id.startsWith("programme.") ? [slot] : []));
  const reached = downstream(plan, programmeSlots);
  const owner = (k: number) =>
    plan.nodes.findIndex((node) => k >= node.paramOffset && k < node.paramOffset + node.params.length);
  const bars: TornadoBar[] = [];
  params.forEach((p, k) => {
    const sorted = Float64Array.from(draws.subarray(k * paths, (k + 1) * paths)).sort();
    const lowValue = quantileSorted(sorted, 0.1);
    const highValue = quantileSorted(sorted, 0.9);
    if (lowValue === highValue) return; // a fixed parameter cannot move anything
    const lo = ev.score(at.spending, new Map([[k, lowValue]]));
    const hi = ev.score(at.spending, new Map([[k, highValue]]));
    const slot = owner(k);
    bars.push({
      parameter: p.name,
      label: { zh: p.name, en: p.name },
      budgetCanChange: slot >= 0 && reached[slot] === 1,
      lowValue,
      highValue,
      low: lo.expectedMet,
      high: hi.expectedMet,
      lowPMet: Array.from(lo.pMet),
      highPMet: Array.from(hi.pMet),
    });
  });
  bars.sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  return { baseline: at.expectedMet, bars };
}

/** One point of a one-way sweep: the assumption at a quantile of its distribution, its value, and the expected targets met. */
export interface SweepPoint {
  quantile: number;
  value: number;
  expectedMet: number;
}

/** Expected targets met as one parameter moves through its 5th…95th percentiles. */
export function oneWaySweep(
  ev: Evaluator,
  at: AllocationScore,
  parameter: string,
  quantiles = [0.05, 0.25, 0.5, 0.75, 0.95],
): SweepPoint[] {
  const { draws, paths } = ensureDraws(ev, at);
  const k = ev.plan.params.findIndex((p) => p.name === parameter);
  if (k < 0) throw new Error(`unknown parameter ${parameter}`);
  const sorted = Float64Array.from(draws.subarray(k * paths, (k + 1) * paths)).sort();
  return quantiles.map((q) => {
    const value = quantileSorted(sorted, q);
    return { quantile: q, value, expectedMet: ev.score(at.spending, new Map([[k, value]])).expectedMet };
  });
}
