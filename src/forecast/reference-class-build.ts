/**
 * Building a reference class of scaled forecast errors (reference-class.ts) from real yearly series.
 *
 * For every series (its TRAINING values only: nothing after the forecast origin of a benchmark is
 * ever seen) and every rolling origin k (the first k values known, k ≥ 4), the combined forecast
 * (combination.ts) is made from three windows ending at the origin — all k values, and the last 6
 * and last 5 when k is longer — and compared with the known values k + 1 … k + h. Each comparison
 * gives a scaled error e = (z_actual − ẑ) / s (reference-class.ts) in the cell of its window length,
 * its noise ρ and its horizon h ≤ maxHorizon.
 *
 * Cells: training length ≤ 5, 6, 7–10, 11–20, > 20; noise in three bins at the pooled terciles of ρ;
 * horizons 1 … 10. A cell with fewer than MIN_CELL errors takes the quantiles of its length cell pooled
 * over noise; if still too few, the previous horizon's quantiles widened by √(h / (h − 1)).
 * Interval widths are made non-decreasing in h (upper quantiles never fall, lower never rise), so
 * a longer horizon is never more certain. Quantiles: type 7 (linear interpolation, R's default).
 */

import { quantileSorted } from "../stats/quantiles.js";
import { forecastCentre } from "./centre.js";
import { cellIndex, type ReferenceClassTable } from "./reference-class.js";
import { TRANSFORMS } from "./transform.js";

export const PROBABILITY_GRID = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8,
  0.85, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995,
];
const LENGTH_EDGES = [5, 6, 10, 20, Infinity];
const MAX_HORIZON = 10;
const SHORT_WINDOWS = [6, 5];
const MIN_ORIGIN = 4;
export const MIN_CELL = 200;

interface Sample {
  n: number;
  noise: number;
  h: number;
  e: number;
}

/** Scaled errors of every rolling-origin forecast of one training series. */
export function scaledErrors(train: readonly number[], maxHorizon = MAX_HORIZON): Sample[] {
  const out: Sample[] = [];
  for (let k = MIN_ORIGIN; k < train.length; k++) {
    const windows = [train.slice(0, k), ...SHORT_WINDOWS.filter((w) => w < k).map((w) => train.slice(k - w, k))];
    const H = Math.min(maxHorizon, train.length - k);
    for (const window of windows) {
      const c = forecastCentre(window, H, false);
      if (c.constant) continue;
      const t = TRANSFORMS[c.transform];
      for (let h = 1; h <= H; h++) {
        const za = t.forward(train[k + h - 1]);
        if (Number.isFinite(za)) out.push({ n: window.length, noise: c.noise, h, e: (za - c.centre[h - 1]) / c.scale });
      }
    }
  }
  return out;
}

/** The reference-class table of a collection of training series. */
export function buildReferenceClass(
  series: readonly (readonly number[])[],
  provenance: { source: string },
): ReferenceClassTable {
  const samples = series.flatMap((y) => scaledErrors(y));
  const noises = samples.map((s) => s.noise).sort((a, b) => a - b);
  const noiseEdges = [quantileSorted(noises, 1 / 3), quantileSorted(noises, 2 / 3), Infinity];
  const L = LENGTH_EDGES.length;
  const R = noiseEdges.length;
  const buckets: number[][][][] = Array.from({ length: L }, () =>
    Array.from({ length: R }, () => Array.from({ length: MAX_HORIZON }, () => [] as number[])),
  );
  for (const s of samples) buckets[cellIndex(LENGTH_EDGES, s.n)][cellIndex(noiseEdges, s.noise)][s.h - 1].push(s.e);
  const counts = buckets.map((byNoise) => byNoise.map((byH) => byH.map((b) => b.length)));
  const quantiles: number[][][][] = [];
  for (let l = 0; l < L; l++) {
    quantiles.push([]);
    for (let r = 0; r < R; r++) {
      const rows: number[][] = [];
      for (let h = 1; h <= MAX_HORIZON; h++) {
        let errors = buckets[l][r][h - 1];
        if (errors.length < MIN_CELL) errors = buckets[l].flatMap((byH) => byH[h - 1]);
        let row: number[];
        if (errors.length >= MIN_CELL) {
          const sorted = [...errors].sort((a, b) => a - b);
          row = PROBABILITY_GRID.map((p) => quantileSorted(sorted, p));
        } else if (h > 1) {
          row = rows[h - 2].map((q) => q * Math.sqrt(h / (h - 1)));
        } else {
          throw new RangeError(
            `buildReferenceClass: too few one-year-ahead errors for training length cell ${l + 1} (${errors.length}, needs ${MIN_CELL})`,
          );
        }
        if (h > 1) {
          const prev = rows[h - 2];
          const median = PROBABILITY_GRID.indexOf(0.5);
          row = row.map((q, i) => (i > median ? Math.max(q, prev[i]) : i < median ? Math.min(q, prev[i]) : q));
        }
        rows.push(row);
      }
      quantiles[l].push(rows);
    }
  }
  return {
    source: provenance.source,
    method:
      `scaled errors e = (z_actual − ẑ) / mean|Δz| of the combined forecast at every rolling origin (≥ ${MIN_ORIGIN} points) of every training series, ` +
      `windows of all points and the last ${SHORT_WINDOWS.join(" and ")}; ${samples.length} errors; cells by training length (≤ ${LENGTH_EDGES.slice(0, -1).join(", ")}, more), ` +
      `noise ρ terciles and horizon 1–${MAX_HORIZON}; quantiles type 7; cells under ${MIN_CELL} errors pooled over noise`,
    probabilities: PROBABILITY_GRID,
    lengthEdges: LENGTH_EDGES,
    noiseEdges,
    maxHorizon: MAX_HORIZON,
    quantiles,
    counts,
  };
}
