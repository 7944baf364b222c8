/**
 * Draws from the distributions scenario files may name. Each takes an Rng and returns one draw;
 * all are exact methods, computed in IEEE double arithmetic, so results are reproducible across machines.
 */
import type { Rng } from "./rng.js";

/**
 * Standard normal by the ziggurat method of Marsaglia & Tsang ("The ziggurat method for generating
 * random variables", J. Statistical Software 5(8), 2000), 128 layers, exact (rejection). The layer
 * index is taken from a second 32-bit word, not from the bits of the value, which removes the
 * dependence Doornik (2005) found in the original. About 99% of draws need two 32-bit words and
 * one multiplication.
 */
const ZIG_LAYERS = 128;
const ZIG_R = 3.442619855899;
const ZIG_AREA = 9.91256303526217e-3;
const M31 = 2147483648;
const ZK = new Float64Array(ZIG_LAYERS);
const ZW = new Float64Array(ZIG_LAYERS);
const ZF = new Float64Array(ZIG_LAYERS);
{
  let d = ZIG_R;
  let t = d;
  const q = ZIG_AREA / Math.exp(-0.5 * d * d);
  ZK[0] = (d / q) * M31;
  ZK[1] = 0;
  ZW[0] = q / M31;
  ZW[ZIG_LAYERS - 1] = d / M31;
  ZF[0] = 1;
  ZF[ZIG_LAYERS - 1] = Math.exp(-0.5 * d * d);
  for (let i = ZIG_LAYERS - 2; i >= 1; i--) {
    d = Math.sqrt(-2 * Math.log(ZIG_AREA / d + Math.exp(-0.5 * d * d)));
    ZK[i + 1] = (d / t) * M31;
    t = d;
    ZF[i] = Math.exp(-0.5 * d * d);
    ZW[i] = d / M31;
  }
}

/** Uniform on (0, 1), never 0 (for logarithms). */
function openUniform(rng: Rng): number {
  return (rng.nextUint32() + 0.5) / 4294967296;
}

export function standardNormal(rng: Rng): number {
  for (;;) {
    const j = rng.nextUint32() | 0;
    const i = rng.nextUint32() & (ZIG_LAYERS - 1);
    if (Math.abs(j) < ZK[i]) return j * ZW[i];
    const x = j * ZW[i];
    if (i === 0) {
      // The tail beyond R (Marsaglia 1964).
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(openUniform(rng)) / ZIG_R;
        ty = -Math.log(openUniform(rng));
      } while (ty + ty < tx * tx);
      return j > 0 ? ZIG_R + tx : -ZIG_R - tx;
    }
    if (ZF[i] + openUniform(rng) * (ZF[i - 1] - ZF[i]) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** Triangular(min, mode, max) by inverting its CDF. */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  return triangularQuantile(rng.next(), min, mode, max);
}

/** The quantile function of Triangular(min, mode, max) at u ∈ [0, 1]. */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const c = (mode - min) / (max - min);
  return u < c
    ? min + Math.sqrt(u * (max - min) * (mode - min))
    : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Gamma(shape k, scale 1) by Marsaglia & Tsang (2000), with the k < 1 boost. */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Poisson(λ). Below λ = 500: inversion of the CDF by sequential search (exact), which uses
 * exactly one uniform and is non-decreasing in λ for a given uniform — so with common random
 * numbers a larger rate never gives fewer events. Above: the transformed rejection method
 * PTRS of Hörmann (1993), exact and O(1). A rate that is not a number, or infinite, is returned as it is.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  // NaN or +∞ (PTRS would never accept a draw): no count, and the run's check of non-finite values names the source.
  if (!(lambda < Infinity)) return lambda;
  if (lambda < POISSON_SEARCH_LIMIT) {
    const p = Math.exp(-lambda);
    return poissonSearch(rng.next(), lambda, 0, p, p);
  }
  return poissonPtrs(rng, lambda);
}

/** Rates below this are drawn by inversion (sequential search), at and above it by PTRS. */
const POISSON_SEARCH_LIMIT = 500;

/**
 * The sequential search of `poisson`, from the point (k, P(N = k), P(N ≤ k)) of the recurrence
 * P(N = k) = P(N = k − 1) · λ / k: the smallest k with u < P(N ≤ k). Stops where the terms
 * underflow to 0 below u (u within rounding of 1).
 */
function poissonSearch(u: number, lambda: number, k: number, p: number, cdf: number): number {
  while (u >= cdf && k < 100000) {
    k++;
    p *= lambda / k;
    cdf += p;
    if (p === 0 && cdf < u) break; // tail underflow: u is within rounding of 1
  }
  return k;
}

/** Terms of the Poisson CDF a table (`poissonTabulated`) holds. */
const POISSON_TABLE_TERMS = 16;

/** Floats one table of `poissonTabulated` takes: λ, its length, the last term and the CDF terms. */
export const POISSON_TABLE_LENGTH = POISSON_TABLE_TERMS + 3;

/**
 * `poisson(rng, λ)` with its CDF kept in `table[at … at + POISSON_TABLE_LENGTH)`, computed by the
 * same recurrence and reused while λ is the same (a path's rate, year after year): the same draw,
 * bit for bit, without recomputing e^−λ and the terms every year. The table is keyed by λ itself,
 * so whatever it held before (another path, zeros) can only be reused for the λ it was made for.
 */
export function poissonTabulated(rng: Rng, lambda: number, table: Float64Array, at: number): number {
  if (!(lambda > 0 && lambda < POISSON_SEARCH_LIMIT)) return poisson(rng, lambda);
  const terms = at + 3;
  if (table[at] !== lambda) {
    // Layout: [λ, L, P(N = L − 1), P(N ≤ 0), …, P(N ≤ L − 1)], L ≤ POISSON_TABLE_TERMS, cut before a term underflows.
    let p = Math.exp(-lambda);
    let cdf = p;
    table[terms] = cdf;
    let length = 1;
    while (length < POISSON_TABLE_TERMS) {
      const next = p * (lambda / length);
      if (next === 0) break;
      p = next;
      cdf += p;
      table[terms + length] = cdf;
      length++;
    }
    table[at] = lambda;
    table[at + 1] = length;
    table[at + 2] = p;
  }
  const u = rng.next();
  const length = table[at + 1];
  for (let k = 0; k < length; k++) if (u < table[terms + k]) return k;
  return poissonSearch(u, lambda, length - 1, table[at + 2], table[terms + length - 1]);
}

/** PTRS, the transformed rejection method of Hörmann (1993) for λ ≥ 10 (used from POISSON_SEARCH_LIMIT up). */
function poissonPtrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k))
      return k;
  }
}

/**
 * Negative binomial with mean μ and dispersion r (variance μ + μ²/r), as a gamma–Poisson
 * mixture: λ ~ Gamma(r, μ/r), then Poisson(λ). Larger r → closer to Poisson.
 */
export function negativeBinomial(rng: Rng, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  return poisson(rng, gamma(rng, dispersion) * (mean / dispersion));
}

/** ln(k!) by summation below 20 and Stirling's series above (error < 1e-10). */
export function logFactorial(k: number): number {
  if (k < 20) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}
