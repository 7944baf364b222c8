/**
 * Exponential smoothing state-space models without seasonality, ETS(E,T,N), fitted by maximum
 * likelihood and chosen by AICc — the models and criteria of R's `forecast::ets()`.
 *
 * Sources: Hyndman, Koehler, Snyder & Grose, "A state space framework for automatic forecasting
 * using exponential smoothing methods", IJF 18(3) (2002) 439–454; Hyndman, Koehler, Ord & Snyder,
 * *Forecasting with Exponential Smoothing* (Springer 2008), ch. 2, 5 and 6.
 *
 * Error E ∈ {A (additive), M (multiplicative)}, trend T ∈ {N, A, Ad (damped)}. With the one-step
 * forecast μ_t = ℓ_{t−1} + φ b_{t−1} (b = 0 without trend, φ = 1 without damping):
 *
 *   additive error       ε_t = y_t − μ_t
 *   multiplicative error ε_t = (y_t − μ_t) / μ_t
 *   level                ℓ_t = μ_t + α (y_t − μ_t)
 *   trend                b_t = φ b_{t−1} + β (y_t − μ_t)         (β the state-space β ≤ α)
 *   h-step forecast      ŷ_{n+h} = ℓ_n + (φ + … + φ^h) b_n
 *
 * Likelihood (concentrated over σ², as in R): L* = n ln Σ ε_t² [+ 2 Σ ln |μ_t| for M errors];
 * k = number of fitted parameters (α, β, φ, ℓ₀, b₀) + 1 for σ²;
 * AIC = L* + 2k, AICc = AIC + 2k(k + 1)/(n − k − 1), BIC = L* + k ln n.
 * Parameter space ("both" in R): 1e-4 ≤ α ≤ 0.9999, 1e-4 ≤ β ≤ α, 0.8 ≤ φ ≤ 0.98, and the
 * admissible (forecastable) region of Hyndman et al. (2008, ch. 10). Starting values as in R:
 * α = 0.2, β = 0.1 α, φ = 0.978, ℓ₀ and b₀ from a least-squares line through the first ≤ 10 points.
 * Optimiser: Nelder–Mead of Nash (1990), as R's ets uses (nelder-mead-nash.ts).
 *
 * Forecast variance: class 1 (additive error) exactly, σ² [1 + Σ_{j<h} c_j²], c_j = α + β φ_j;
 * class 2 (multiplicative error) by the recursion of Hyndman et al. (2008, §6.3):
 * θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j<h} c_j² θ_{h−j}, v_h = (1 + σ²) θ_h − μ_h².
 *
 * Units: y, ℓ, b, forecasts and √v in the series' unit (for M errors σ is relative, unitless).
 *
 * @example fitEts([3, 4, 6, 7, 9, 10, 12], { error: "A", trend: "A" })?.forecast(1)[0] // ≈ 13.5
 */
import { leastSquaresLine } from "./least-squares.js";
import { type NashResult, nelderMeadNash } from "./nelder-mead-nash.js";

/** ETS error type: additive or multiplicative. */
export type EtsErrorType = "A" | "M";
/** ETS trend type: none, additive or additive damped. */
export type EtsTrendType = "N" | "A" | "Ad";

/** One ETS model: its error and trend types. */
export interface EtsSpec {
  error: EtsErrorType;
  trend: EtsTrendType;
}

/** The six non-seasonal models of R's ets() without multiplicative trend, in R's search order. */
export const ETS_SPECS: readonly EtsSpec[] = [
  { error: "A", trend: "N" },
  { error: "A", trend: "Ad" },
  { error: "A", trend: "A" },
  { error: "M", trend: "N" },
  { error: "M", trend: "Ad" },
  { error: "M", trend: "A" },
];

/** The model's name in R's notation, e.g. "ETS(M,Ad,N)". */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},N)`;
}

/** A fitted ETS model: parameters, states, likelihood and information criteria. */
export interface EtsFit {
  spec: EtsSpec;
  alpha: number;
  /** State-space trend smoothing β (0 without trend). */
  beta: number;
  /** Damping φ (1 without damping). */
  phi: number;
  /** Initial level and trend (series' unit). */
  l0: number;
  b0: number;
  /** Final level and trend, from which forecasts start. */
  level: number;
  slope: number;
  n: number;
  /** Fitted parameters + 1 (σ²): R's np. */
  k: number;
  /** −2 log-likelihood up to a constant (R's `e$lik`). */
  lik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Σ ε² / (n − parameters), as R's `sigma2` (ε relative for M errors). */
  sigma2: number;
  /** One-step-ahead errors ε_t (relative for M errors). */
  residuals: number[];
  /** Point forecasts 1 … h steps ahead (series' unit). */
  forecast(h: number): number[];
  /** Forecast variances 1 … h steps ahead (series' unit squared). */
  variance(h: number): number[];
}

const LOWER = { alpha: 1e-4, beta: 1e-4, phi: 0.8 };
const UPPER = { alpha: 0.9999, beta: 0.9999, phi: 0.98 };

/** R's initstate() for non-seasonal models: mean or line through the first ≤ 10 observations. */
function initialStates(y: readonly number[], trend: EtsTrendType): number[] {
  const m = Math.min(10, y.length);
  if (trend === "N") {
    let s = 0;
    for (let i = 0; i < m; i++) s += y[i];
    return [s / m];
  }
  const line = leastSquaresLine(
    Array.from({ length: m }, (_, i) => i + 1),
    y.slice(0, m),
  );
  let b0 = line.slope;
  let l0 = line.level - b0 * line.centre; // the line's value at t = 0
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 0.001;
    b0 *= 1 - 0.001;
  }
  return [l0, b0];
}

/** The usual and admissible parameter regions together (R's bounds = "both"). */
function feasible(alpha: number, beta: number | null, phi: number | null): boolean {
  if (alpha < LOWER.alpha || alpha > UPPER.alpha) return false;
  if (beta !== null && (beta < LOWER.beta || beta > alpha || beta > UPPER.beta)) return false;
  if (phi !== null && (phi < LOWER.phi || phi > UPPER.phi)) return false;
  const p = phi ?? 1;
  // Stryker disable next-line all: never binds inside the usual bounds: for φ ≤ 1, 1 − 1/φ ≤ 0 < 1e-4 ≤ α ≤ 0.9999 < 1 + 1/φ
  if (alpha < 1 - 1 / p || alpha > 1 + 1 / p) return false;
  // Stryker disable next-line all: never binds inside the usual bounds: for 0.8 ≤ φ ≤ 1, α(φ − 1) ≤ 0 < 1e-4 ≤ β ≤ α < 1.8 < (1 + φ)(2 − α)
  if (beta !== null && (beta < alpha * (p - 1) || beta > (1 + p) * (2 - alpha))) return false;
  return true;
}

interface Pass {
  lik: number;
  sse: number;
  level: number;
  slope: number;
}

/** One filtering pass: errors (into `residuals` when given), the concentrated likelihood, final states. */
function filter(
  y: readonly number[],
  spec: EtsSpec,
  alpha: number,
  beta: number,
  phi: number,
  l0: number,
  b0: number,
  residuals: number[] | null,
): Pass {
  // Stryker disable next-line ConditionalExpression,StringLiteral: without a trend the caller passes β = 0 and b₀ = 0, so b stays 0
  const hasTrend = spec.trend !== "N";
  const additive = spec.error === "A";
  const betaOverAlpha = beta / alpha;
  let l = l0;
  let b = hasTrend ? b0 : 0;
  let sse = 0;
  let logSum = 0;
  for (let t = 0; t < y.length; t++) {
    const phib = hasTrend ? phi * b : 0;
    const mu = l + phib;
    const e = additive ? y[t] - mu : (y[t] - mu) / mu;
    if (residuals) residuals[t] = e;
    sse += e * e;
    // Stryker disable next-line ConditionalExpression: the sum is read only for M errors (below)
    if (!additive) logSum += Math.log(Math.abs(mu)); // only M errors' likelihood uses it
    const newL = mu + alpha * (y[t] - mu);
    // Stryker disable next-line ConditionalExpression: without a trend β = 0 and b = 0, so b stays 0
    if (hasTrend) b = phib + betaOverAlpha * (newL - l - phib);
    l = newL;
  }
  let lik = y.length * Math.log(sse);
  // Stryker disable next-line ConditionalExpression: for A errors logSum is 0
  if (!additive) lik += 2 * logSum;
  return { lik, sse, level: l, slope: b };
}

/** Objective value of R's etsTargetFunction: the likelihood, floored at −1e10, Infinity if undefined. */
function objective(pass: Pass): number {
  // Stryker disable next-line ConditionalExpression: Math.max(NaN, …) is NaN, which nelderMeadNash treats as Infinity (BIG)
  if (Number.isNaN(pass.lik)) return Infinity;
  return Math.max(pass.lik, -1e10);
}

/**
 * What the optimiser minimises: "lik", the concentrated likelihood L* (R's default), or "mse", the
 * mean squared one-step error Σε²/n (R's `opt.crit = "mse"`, which `ses()` and hence `thetaf()`
 * use). Both have the same optimum in theory; the simplex stops at slightly different points.
 */
export type EtsCriterion = "lik" | "mse";

/**
 * Fit one ETS model by maximum likelihood (or by `criterion`). Returns null when the model cannot
 * be fitted: too few observations for its parameters (R: parameters ≥ n − 1), non-positive data
 * for M errors, or no finite objective at the start.
 */
// Stryker disable next-line StringLiteral: any default other than "mse" means the likelihood
export function fitEts(y: readonly number[], spec: EtsSpec, criterion: EtsCriterion = "lik"): EtsFit | null {
  const n = y.length;
  if (spec.error === "M" && y.some((v) => !(v > 0))) return null;
  const hasTrend = spec.trend !== "N";
  const damped = spec.trend === "Ad";
  const alpha0 = LOWER.alpha + 0.2 * (UPPER.alpha - LOWER.alpha);
  const start: number[] = [alpha0];
  if (hasTrend) start.push(LOWER.beta + 0.1 * (Math.min(UPPER.beta, alpha0) - LOWER.beta));
  if (damped) start.push(LOWER.phi + 0.99 * (UPPER.phi - LOWER.phi));
  const nSmoothing = start.length;
  start.push(...initialStates(y, spec.trend));
  const parameters = start.length;
  if (parameters >= n - 1) return null;

  const unpack = (p: ArrayLike<number>) => ({
    alpha: p[0],
    beta: hasTrend ? p[1] : 0,
    phi: damped ? p[2] : 1,
    l0: p[nSmoothing],
    b0: hasTrend ? p[nSmoothing + 1] : 0,
  });
  // The objective reads the point in place (no object per evaluation: it runs thousands of times).
  const f = (p: Float64Array) => {
    const alpha = p[0];
    const beta = hasTrend ? p[1] : 0;
    const phi = damped ? p[2] : 1;
    if (!feasible(alpha, hasTrend ? beta : null, damped ? phi : null)) return Infinity;
    const pass = filter(y, spec, alpha, beta, phi, p[nSmoothing], hasTrend ? p[nSmoothing + 1] : 0, null);
    return criterion === "mse" ? (Number.isNaN(pass.sse) ? Infinity : pass.sse / n) : objective(pass);
  };
  let opt: NashResult;
  try {
    opt = nelderMeadNash(f, start);
  } catch {
    return null;
  }
  const q = unpack(opt.x);
  // Stryker disable next-line ArrayDeclaration: filter() writes every index
  const residuals = new Array<number>(n);
  const pass = filter(y, spec, q.alpha, q.beta, q.phi, q.l0, q.b0, residuals);
  if (!Number.isFinite(pass.lik)) return null;
  const k = parameters + 1;
  const aic = pass.lik + 2 * k;
  const sigma2 = pass.sse / (n - parameters);
  const fit: EtsFit = {
    spec,
    ...q,
    level: pass.level,
    slope: pass.slope,
    n,
    k,
    lik: pass.lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: pass.lik + Math.log(n) * k,
    sigma2,
    residuals,
    forecast: (h) => etsPointForecast(pass.level, pass.slope, q.phi, h),
    variance: (h) => etsVariance(fit, h),
  };
  return fit;
}

/** ŷ_{n+h} = ℓ_n + (φ + … + φ^h) b_n for h = 1 … H. */
export function etsPointForecast(level: number, slope: number, phi: number, horizon: number): number[] {
  const out: number[] = [];
  let phiSum = 0;
  let phiPow = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPow *= phi;
    phiSum += phiPow;
    out.push(level + phiSum * slope);
  }
  return out;
}

/** Forecast variances (class 1 for A errors, class 2 for M errors; see the file comment). */
function etsVariance(fit: EtsFit, horizon: number): number[] {
  const c: number[] = [0]; // c[j], j ≥ 1
  let phiSum = 0;
  let phiPow = 1;
  // Stryker disable next-line EqualityOperator: one more c_j than used is never read
  for (let j = 1; j < horizon; j++) {
    phiPow *= fit.phi;
    phiSum += phiPow;
    c.push(fit.alpha + fit.beta * phiSum);
  }
  const s2 = fit.sigma2;
  if (fit.spec.error === "A") {
    const out: number[] = [];
    let sum = 0;
    for (let h = 1; h <= horizon; h++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: c[0] is 0
      if (h > 1) sum += c[h - 1] ** 2;
      out.push(s2 * (1 + sum));
    }
    return out;
  }
  const mu = fit.forecast(horizon);
  const theta: number[] = [];
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    let t = mu[h - 1] ** 2;
    for (let j = 1; j < h; j++) t += s2 * c[j] ** 2 * theta[h - j - 1];
    theta.push(t);
    out.push((1 + s2) * t - mu[h - 1] ** 2);
  }
  return out;
}

/**
 * Every model of `specs` that can be fitted, and the one with the lowest AICc (R's default
 * selection; ties go to the earlier spec). null when none can be fitted.
 */
export function selectEts(
  y: readonly number[],
  specs: readonly EtsSpec[] = ETS_SPECS,
): { best: EtsFit; fits: EtsFit[] } | null {
  const fits: EtsFit[] = [];
  for (const spec of specs) {
    const fit = fitEts(y, spec);
    if (fit && Number.isFinite(fit.aicc)) fits.push(fit);
  }
  if (fits.length === 0) return null;
  let best = fits[0];
  for (const fit of fits) if (fit.aicc < best.aicc) best = fit;
  return { best, fits };
}
