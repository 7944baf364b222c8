/**
 * Draws from the distributions scenario files may name. Each takes an Rng and returns one draw;
 * all are exact methods (no table look-ups), so results are reproducible across machines.
 */
import type { Rng } from "./rng.js";

/** Standard normal by the Box–Muller transform (Box & Muller 1958); uses two uniforms per draw. */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: log is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Triangular(min, mode, max) by inverting its CDF. */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  const u = rng.next();
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
 * PTRS of Hörmann (1993), exact and O(1).
 */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 500) {
    const u = rng.next();
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    while (u >= cdf && k < 100000) {
      k++;
      p *= lambda / k;
      cdf += p;
      if (p === 0 && cdf < u) break; // tail underflow: u is within rounding of 1
    }
    return k;
  }
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
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
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
