/**
 * A reference class of forecast errors: how far real yearly series ended up from targetcast's
 * combined forecast (combination.ts), h years ahead, in units of each series' own yearly variability.
 * It is "reference class forecasting" (Kahneman & Tversky 1979; Flyvbjerg 2006) applied to
 * prediction intervals: a 5-point series cannot estimate its own forecast error, but hundreds of
 * similar series can.
 *
 * Scaled error of one forecast: e = (z_{n+h} − ẑ_{n+h}) / s, where z is the working scale
 * (ln v for positive series, logit for shares, v otherwise), ẑ the combined forecast on that scale and
 * s = mean |z_t − z_{t−1}| over the last SCALE_WINDOW = 5 changes of the training window (a MASE-like
 * scale on the working scale, so e is unitless). The class is split into cells by training length n, by the series' noise
 * ρ = sd(Δz) / mean |Δz| (0 for a perfectly steady trend, ≈ 1.25 for a random walk without drift)
 * and by horizon h; each cell stores quantiles of e on a fixed probability grid. Combining the class
 * (the quantile) with the series' own variability (s, ρ) gives every series an interval of its own
 * size with the coverage that real series achieved.
 *
 * The shipped table is built by `scripts/build-reference-class.mjs` from rolling origins inside
 * the `train` split of the bundled benchmark sets only (reference-class-table.ts says how).
 */
import { yearlyChanges } from "../stats/changes.js";
import { gridQuantile } from "../stats/quantiles.js";

/** A reference class: quantiles of scaled forecast errors by series length, noise and horizon. */
export interface ReferenceClassTable {
  /** What the table was built from, for provenance lines. */
  source: string;
  /** How it was built (origins, windows, cells). */
  method: string;
  /** Probability grid of the stored quantiles, increasing, inside (0, 1). */
  probabilities: number[];
  /** Upper edges (inclusive) of the training-length cells; the last is Infinity (stored as null in JSON). */
  lengthEdges: number[];
  /** Upper edges (inclusive) of the noise cells; the last is Infinity. */
  noiseEdges: number[];
  /** Largest horizon stored; beyond it quantiles grow with √(h / maxHorizon). */
  maxHorizon: number;
  /** quantiles[lengthCell][noiseCell][h − 1][p]: scaled-error quantiles. */
  quantiles: number[][][][];
  /** Number of scaled errors behind each cell (before any pooling). */
  counts: number[][][];
}

/** Noise ρ = sd(Δz) / mean |Δz| of a series on its working scale (0 when it cannot be computed). */
export function seriesNoise(z: readonly number[]): number {
  if (z.length - 1 < 2) return 0;
  const { meanAbs, sd } = yearlyChanges(z);
  return meanAbs > 0 ? sd / meanAbs : 0;
}

/**
 * Yearly changes the scale s is measured over: the most recent SCALE_WINDOW (all when fewer).
 * Recent variability is the better guide to the next few years (volatility changes over a long
 * series), and it makes a long series and its last 6 points share one scale. Chosen among 3, 4, 5
 * and all changes on the leave-one-set-out coverage of the bundled benchmark sets (README).
 */
export const SCALE_WINDOW = 5;

/** Mean absolute yearly change on the working scale over the last SCALE_WINDOW changes (the scale s of the scaled errors). */
export function yearlyChangeScale(z: readonly number[]): number {
  const m = z.length - 1;
  if (m < 1) return 0;
  const k = Math.min(m, SCALE_WINDOW);
  let s = 0;
  for (let i = m - k; i < m; i++) s += Math.abs(z[i + 1] - z[i]);
  if (s > 0 || k === m) return s / k;
  // Flat for the last SCALE_WINDOW years but not before: measure over every change instead.
  for (let i = 0; i < m - k; i++) s += Math.abs(z[i + 1] - z[i]);
  return s / m;
}

/** Index of the first edge ≥ x (the last cell when x is above every finite edge). */
export function cellIndex(edges: readonly number[], x: number): number {
  for (let i = 0; i < edges.length; i++) if (x <= edges[i]) return i;
  return edges.length - 1;
}

/**
 * The scaled-error quantile at probability p for a series of training length n and noise ρ,
 * h years ahead: linear in p between grid points, held at the end points outside the grid
 * (so no quantile, and no interval, is unbounded); beyond maxHorizon scaled by √(h / maxHorizon).
 */
export function scaledErrorQuantile(
  table: ReferenceClassTable,
  n: number,
  noise: number,
  h: number,
  p: number,
): number {
  const { q, stretch } = cellRow(table, n, noise, h);
  return gridQuantile(table.probabilities, q, p) * stretch;
}

/** The quantiles of the cell of (n, ρ, h), and the √(h / maxHorizon) stretch beyond the table's horizons. */
function cellRow(table: ReferenceClassTable, n: number, noise: number, h: number): { q: number[]; stretch: number } {
  const cell = table.quantiles[cellIndex(table.lengthEdges, n)][cellIndex(table.noiseEdges, noise)];
  return {
    q: cell[Math.min(h, table.maxHorizon) - 1],
    stretch: h > table.maxHorizon ? Math.sqrt(h / table.maxHorizon) : 1,
  };
}

/**
 * P(e ≤ x) for the same cell: the inverse of scaledErrorQuantile on the grid (linear between points).
 * Clamped to the grid's end probabilities: the table cannot tell 0.1% from 0.4%, so it never
 * claims a probability beyond [p_min, p_max] (0.5%–99.5% for the shipped table).
 */
export function scaledErrorCdf(table: ReferenceClassTable, n: number, noise: number, h: number, x: number): number {
  const { q, stretch } = cellRow(table, n, noise, h);
  const grid = table.probabilities;
  const v = x / stretch;
  if (v <= q[0]) return grid[0];
  if (v >= q[q.length - 1]) return grid[grid.length - 1];
  // q[0] < v < q[last] here, so the walk stops inside the row with q[i − 1] ≤ v < q[i] (a span > 0);
  // a flat stretch of tied quantiles is walked past, so P(e ≤ v) is its upper probability.
  let i = 1;
  while (q[i] <= v) i++;
  return grid[i - 1] + ((v - q[i - 1]) / (q[i] - q[i - 1])) * (grid[i] - grid[i - 1]);
}

/** JSON form of a table: Infinity edges written as null. */
export function tableToJson(table: ReferenceClassTable): unknown {
  const round = (x: number) => +x.toPrecision(6);
  return {
    ...table,
    lengthEdges: table.lengthEdges.map((e) => (Number.isFinite(e) ? e : null)),
    noiseEdges: table.noiseEdges.map((e) => (Number.isFinite(e) ? round(e) : null)),
    quantiles: table.quantiles.map((a) => a.map((b) => b.map((c) => c.map(round)))),
  };
}

/** The inverse of tableToJson, with a check of the shape (a table file may come from a user). */
export function tableFromJson(json: unknown): ReferenceClassTable {
  const t = json as Record<string, unknown>;
  // Edges: increasing numbers, the last one null (= Infinity).
  const edges = (v: unknown) => {
    if (!Array.isArray(v) || v.length === 0 || v[v.length - 1] !== null) return null;
    const out = v.map((e, i) => (i === v.length - 1 ? Infinity : Number.isFinite(e) ? e : NaN));
    return out.every((e, i) => !Number.isNaN(e) && (i === 0 || e > out[i - 1])) ? out : null;
  };
  const lengthEdges = edges(t?.lengthEdges);
  const noiseEdges = edges(t?.noiseEdges);
  const probabilities = t?.probabilities;
  const quantiles = t?.quantiles;
  const maxHorizon = t?.maxHorizon;
  const ok =
    lengthEdges &&
    noiseEdges &&
    Array.isArray(probabilities) &&
    probabilities.length >= 2 &&
    probabilities.every((p, i) => typeof p === "number" && p > 0 && p < 1 && (i === 0 || p > probabilities[i - 1])) &&
    typeof maxHorizon === "number" &&
    Number.isInteger(maxHorizon) &&
    maxHorizon >= 1 &&
    Array.isArray(quantiles) &&
    quantiles.length === lengthEdges.length &&
    quantiles.every(
      (byNoise) =>
        Array.isArray(byNoise) &&
        byNoise.length === noiseEdges.length &&
        byNoise.every(
          (byH) =>
            Array.isArray(byH) &&
            byH.length === maxHorizon &&
            byH.every(
              (row) =>
                Array.isArray(row) &&
                row.length === probabilities.length &&
                row.every((q, i) => Number.isFinite(q) && (i === 0 || q >= row[i - 1])),
            ),
        ),
    );
  if (!ok)
    throw new RangeError(
      "not a reference-class table (expected probabilities, lengthEdges, noiseEdges, maxHorizon and increasing quantiles for every cell)",
    );
  return { ...(t as unknown as ReferenceClassTable), lengthEdges, noiseEdges } as ReferenceClassTable;
}
