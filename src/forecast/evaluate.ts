/**
 * Scoring targetcast's forecasts on series with known outcomes (a benchmark file: train → test),
 * side by side with the no-change forecast and, optionally, a peer's forecasts.
 *
 * Per method, means over every series and horizon (as in the M competitions):
 * - sMAPE (%) and MASE (scaled by the mean absolute yearly change of the training values used), of
 *   targetcast's median (the figure `run` shows; with the centred reference class it is the point forecast);
 * - cov80, cov90: share of test values inside the 80% / 90% intervals;
 * - MSIS: the interval score of the 90% interval over the same naive scale (M4 used 95%; 90% is the
 *   widest interval a peer file carries);
 * - Brier: for each series the probability that the last test value is at least 1.00, 1.15 and 1.30
 *   times the last training value — threshold targets of the kind a plan sets — against what happened.
 *   targetcast's probability is its P(met); for naive and peers it comes from a normal fitted to the
 *   80% interval (as the benchmark README does for R's methods).
 * - reliability: targetcast's probabilities in ten bins against the observed frequency.
 *
 * `last` keeps only the last N training values (the planner's regime; the MASE scale is then
 * taken on those N values too). Series the kit cannot forecast (fewer than 3 points) are listed in
 * `skipped` with the reason and left out of every method's scores, so all methods score the same values.
 */

import type { PeerForecastRow } from "../data/loadPeerForecasts.js";
import { normalCdf } from "../stats/normal.js";
import { brier, intervalScore, naiveScale, smape } from "./accuracy.js";
import { calibratedForecast } from "./calibrated.js";
import { normalQuantile } from "./normal-quantile.js";
import type { ReferenceClassTable } from "./reference-class.js";

/** Thresholds of the Brier events: last test value ≥ c × last training value. */
export const BRIER_THRESHOLDS = [1.0, 1.15, 1.3];

/** One yearly series with known outcomes: what a forecaster saw and what happened. */
export interface EvaluationSeries {
  series: string;
  train: number[];
  test: number[];
  trainYears?: number[];
}

/** One forecast of a peer method: h years after the last training year (the rows of a peer file, src/data/loadPeerForecasts.ts). */
export type PeerForecast = PeerForecastRow;

/** One method's scores over an evaluation set: sMAPE, MASE, interval coverage, MSIS and Brier score. */
export interface MethodScores {
  method: string;
  /** Series and forecasts scored. */
  series: number;
  forecasts: number;
  smape: number;
  mase: number;
  cov80: number;
  cov90: number;
  msis: number;
  brier: number;
}

/** One bin of the reliability diagram: stated probabilities in [from, to) and how often the events happened. */
export interface ReliabilityBin {
  /** Bin [from, to) of stated probability. */
  from: number;
  to: number;
  /** Mean stated probability and observed frequency of the events in the bin. */
  stated: number;
  observed: number;
  events: number;
}

/** The scores of every method on an evaluation set and the reliability of P(met). */
export interface EvaluationResult {
  series: number;
  last: number | null;
  methods: MethodScores[];
  reliability: ReliabilityBin[];
  skipped: { series: string; reason: string }[];
  /** The reference class used for targetcast's intervals. */
  referenceClass: string;
}

interface MethodForecast {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo90: number[];
  hi90: number[];
  /** P(last test value ≥ c · last training value) per threshold. */
  pMet: number[];
}

const Z90 = normalQuantile(0.9);

/** Probability of ≥ x from a normal fitted to an 80% interval (centre = interval midpoint). */
function normalExceedance(lo80: number, hi80: number, x: number): number {
  const mu = (lo80 + hi80) / 2;
  const sd = (hi80 - lo80) / (2 * Z90);
  if (!(sd > 0)) return x <= mu ? 1 : 0;
  return 1 - normalCdf((x - mu) / sd);
}

/** The no-change forecast with R's naive() intervals: σ √h, σ² = mean squared yearly change. */
function naiveMethod(train: number[], H: number): MethodForecast {
  const last = train[train.length - 1];
  let s2 = 0;
  for (let i = 1; i < train.length; i++) s2 += (train[i] - train[i - 1]) ** 2;
  // train has ≥ 3 values here: shorter series are skipped before the methods are scored.
  const sigma = Math.sqrt(s2 / (train.length - 1));
  const z80 = Z90;
  const z90 = normalQuantile(0.95);
  const hs = Array.from({ length: H }, (_, i) => i + 1);
  const lo80 = hs.map((h) => last - z80 * sigma * Math.sqrt(h));
  const hi80 = hs.map((h) => last + z80 * sigma * Math.sqrt(h));
  return {
    mean: hs.map(() => last),
    lo80,
    hi80,
    lo90: hs.map((h) => last - z90 * sigma * Math.sqrt(h)),
    hi90: hs.map((h) => last + z90 * sigma * Math.sqrt(h)),
    pMet: BRIER_THRESHOLDS.map((c) => normalExceedance(lo80[H - 1], hi80[H - 1], c * last)),
  };
}

function targetcastMethod(
  s: EvaluationSeries,
  train: number[],
  H: number,
  table?: ReferenceClassTable,
): MethodForecast {
  const years = s.trainYears ? s.trainYears.slice(-train.length) : train.map((_, i) => i + 1);
  const f = calibratedForecast({ name: s.series, years, values: train }, { horizon: H, ...(table ? { table } : {}) });
  const hs = Array.from({ length: H }, (_, i) => i + 1);
  const last = train[train.length - 1];
  return {
    // The median of the predictive distribution: what `run`, the briefing and the charts show.
    mean: f.median,
    lo80: hs.map((h) => f.quantile(h, 0.1)),
    hi80: hs.map((h) => f.quantile(h, 0.9)),
    lo90: hs.map((h) => f.quantile(h, 0.05)),
    hi90: hs.map((h) => f.quantile(h, 0.95)),
    pMet: BRIER_THRESHOLDS.map((c) => 1 - f.cdf(H, c * last)),
  };
}

function peerMethod(rows: PeerForecast[], train: number[], H: number): MethodForecast | string {
  const byH = new Map(rows.map((r) => [r.h, r]));
  const missing = Array.from({ length: H }, (_, i) => i + 1).filter((h) => !byH.has(h));
  if (missing.length > 0) return `no forecast for h = ${missing.join(", ")}`;
  const get = (k: keyof PeerForecast) => Array.from({ length: H }, (_, i) => byH.get(i + 1)![k] as number);
  const lo80 = get("lo80");
  const hi80 = get("hi80");
  const last = train[train.length - 1];
  return {
    mean: get("mean"),
    lo80,
    hi80,
    lo90: get("lo90"),
    hi90: get("hi90"),
    pMet: BRIER_THRESHOLDS.map((c) => normalExceedance(lo80[H - 1], hi80[H - 1], c * last)),
  };
}

class Accumulator {
  series = 0;
  forecasts = 0;
  smape = 0;
  mase = 0;
  maseTerms = 0;
  in80 = 0;
  in90 = 0;
  msis = 0;
  probabilities: number[] = [];
  outcomes: boolean[] = [];
  add(f: MethodForecast, test: number[], scale: number | null, events: boolean[]): void {
    this.series++;
    for (let h = 0; h < test.length; h++) {
      const y = test[h];
      this.forecasts++;
      this.smape += smape(f.mean[h], y);
      if (scale !== null && scale > 0) {
        this.mase += Math.abs(f.mean[h] - y) / scale;
        this.msis += intervalScore(f.lo90[h], f.hi90[h], y, 0.1) / scale;
        this.maseTerms++;
      }
      if (y >= f.lo80[h] && y <= f.hi80[h]) this.in80++;
      if (y >= f.lo90[h] && y <= f.hi90[h]) this.in90++;
    }
    this.probabilities.push(...f.pMet);
    this.outcomes.push(...events);
  }
  scores(method: string): MethodScores {
    return {
      method,
      series: this.series,
      forecasts: this.forecasts,
      smape: this.smape / this.forecasts,
      mase: this.mase / this.maseTerms,
      cov80: (100 * this.in80) / this.forecasts,
      cov90: (100 * this.in90) / this.forecasts,
      msis: this.msis / this.maseTerms,
      brier: brier(this.probabilities, this.outcomes) ?? NaN,
    };
  }
}

/** Options of an evaluation: use only the last N training values, the reference class, peers' forecasts. */
export interface EvaluateOptions {
  /** Keep only the last N training values of each series (N ≥ 3). */
  last?: number;
  /** Reference class for targetcast's intervals (default: the shipped table). */
  table?: ReferenceClassTable;
  peers?: PeerForecast[];
}

/** Scores the calibrated forecast (and the no-change forecast and peers) on series with known outcomes. */
export function evaluateForecasts(data: readonly EvaluationSeries[], opts: EvaluateOptions = {}): EvaluationResult {
  const accumulators = new Map<string, Accumulator>([
    ["targetcast", new Accumulator()],
    ["naive", new Accumulator()],
  ]);
  const peersBy = new Map<string, Map<string, PeerForecast[]>>();
  for (const p of opts.peers ?? []) {
    // A peer named like one of our own methods (R's naive()) is scored apart, as "naive (peer)".
    const method = accumulators.has(p.method) ? `${p.method} (peer)` : p.method;
    if (!peersBy.has(method)) peersBy.set(method, new Map());
    const m = peersBy.get(method)!;
    if (!m.has(p.series)) m.set(p.series, []);
    m.get(p.series)!.push(p);
  }
  for (const method of peersBy.keys()) accumulators.set(method, new Accumulator());
  const skipped: { series: string; reason: string }[] = [];
  for (const s of data) {
    const train = opts.last ? s.train.slice(-opts.last) : s.train;
    const H = s.test.length;
    let ours: MethodForecast;
    try {
      ours = targetcastMethod(s, train, H, opts.table);
    } catch (e) {
      skipped.push({ series: s.series, reason: (e as Error).message });
      continue;
    }
    const others: [string, MethodForecast][] = [];
    let peerProblem: string | null = null;
    for (const [method, bySeries] of peersBy) {
      const f = peerMethod(bySeries.get(s.series) ?? [], train, H);
      if (typeof f === "string") {
        peerProblem = `${method}: ${f}`;
        break;
      }
      others.push([method, f]);
    }
    if (peerProblem) {
      skipped.push({ series: s.series, reason: peerProblem });
      continue;
    }
    const last = train[train.length - 1];
    const events = BRIER_THRESHOLDS.map((c) => s.test[H - 1] >= c * last);
    const scale = naiveScale(train);
    accumulators.get("targetcast")!.add(ours, s.test, scale, events);
    accumulators.get("naive")!.add(naiveMethod(train, H), s.test, scale, events);
    for (const [method, f] of others) accumulators.get(method)!.add(f, s.test, scale, events);
  }
  const ours = accumulators.get("targetcast")!;
  return {
    series: data.length,
    last: opts.last ?? null,
    methods: [...accumulators].map(([method, a]) => a.scores(method)),
    reliability: reliabilityBins(ours.probabilities, ours.outcomes),
    skipped,
    referenceClass: opts.table?.source ?? "the shipped reference class",
  };
}

/** Ten equal-width bins of stated probability, each with its observed frequency (empty bins left out). */
export function reliabilityBins(probabilities: readonly number[], outcomes: readonly boolean[]): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < 10; b++) {
    const from = b / 10;
    const to = (b + 1) / 10;
    let sumP = 0;
    let hits = 0;
    let k = 0;
    probabilities.forEach((p, i) => {
      if (p >= from && (p < to || (b === 9 && p <= 1))) {
        sumP += p;
        hits += outcomes[i] ? 1 : 0;
        k++;
      }
    });
    if (k > 0) bins.push({ from, to, stated: sumP / k, observed: hits / k, events: k });
  }
  return bins;
}
