/**
 * Student-t distribution with ν > 0 degrees of freedom: density, CDF and quantile.
 *
 * - density f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2)
 * - upper tail P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (regularized incomplete beta,
 *   incomplete-beta.ts, given 1 − x = t²/(ν+t²) exactly)
 * - quantile t_p(ν): exact closed forms for ν = 1 (Cauchy: tan(π(p − ½)) = −cot(πp)) and ν = 2
 *   (t = a·√(2 / (1 − a²)), a = 2p − 1); otherwise Newton's method on the upper tail, started from the
 *   Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5) and safeguarded
 *   by bisection. ν = Infinity gives the normal quantile.
 *
 * Unitless. Source of the prediction intervals of the regression models (linear, loglinear, logit,
 * weighted): mean ± t_{1−(1−level)/2}(n − 2) · se.
 *
 * Own code, not simple-statistics: that package has no Student-t quantile (only a table-free t statistic,
 * `tTest`) and its normal quantile is accurate to about 1e-3 (normal-quantile.ts); these quantiles match
 * 40-digit mpmath values to 1e-12 (test/forecast/reference.test.ts).
 *
 * @example studentTQuantile(0.975, 5) // 2.570581835636314  (table value 2.570582)
 */
import { incompleteBeta } from "./incomplete-beta.js";
import { logGamma } from "./log-gamma.js";
import { normalQuantile } from "./normal-quantile.js";

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`Student-t: degrees of freedom must be > 0, got ${df}`);
}

/** Density of t(ν) at t. */
export function studentTDensity(t: number, df: number): number {
  checkDf(df);
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  const lnC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(lnC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * P(T > t) for t ≥ 0, = ½ I_x(ν/2, ½) with x = ν/(ν+t²); 1 − x = t²/(ν+t²) is passed explicitly so
 * that small t (x close to 1) loses no precision.
 */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** Cumulative distribution P(T ≤ t) of t(ν). */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) throw new RangeError("studentTCdf: use a normal CDF for df = Infinity");
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** Cornish–Fisher starting value (A&S 26.7.5): t ≈ z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴. */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Quantile t_p(ν): the t with P(T ≤ t) = p, for 0 < p < 1. */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (df === 1) return p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p)); // −cot(πp), no cancellation
  if (df === 2) {
    const a = 2 * p - 1;
    return a * Math.sqrt(2 / (4 * p * (1 - p)));
  }
  // Solve for the upper-tail probability q = min(p, 1 − p) on t ≥ 0, then restore the sign.
  const upper = p > 0.5;
  const q = upper ? 1 - p : p;
  let t = Math.abs(cornishFisher(normalQuantile(1 - q), df));
  if (!Number.isFinite(t) || t <= 0) t = 1;
  // Bracket [lo, hi] with upperTail(lo) ≥ q ≥ upperTail(hi).
  let lo = 0;
  let hi = t;
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t, df) - q; // decreasing in t
    if (f > 0) lo = t;
    else hi = t;
    const step = f / studentTDensity(t, df); // Newton: t_new = t − f / f', f' = −density
    let next = t + step;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.max(1, Math.abs(t))) {
      t = next;
      break;
    }
    t = next;
  }
  return upper ? t : -t;
}
