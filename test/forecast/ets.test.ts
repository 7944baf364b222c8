/** ets.ts: the recursions, criteria, forecasts and variances by hand; refusals; model selection. */
import { describe, expect, it } from "vitest";
import {
  ETS_SPECS,
  type EtsFit,
  type EtsSpec,
  etsName,
  etsPointForecast,
  fitEts,
  selectEts,
} from "../../src/forecast/ets.js";

const ANN: EtsSpec = { error: "A", trend: "N" };
const AAN: EtsSpec = { error: "A", trend: "A" };
const AAdN: EtsSpec = { error: "A", trend: "Ad" };
const MNN: EtsSpec = { error: "M", trend: "N" };
const MAN: EtsSpec = { error: "M", trend: "A" };
const MAdN: EtsSpec = { error: "M", trend: "Ad" };

const Y = [3, 4, 6, 7, 9, 10, 12, 15, 14, 17, 19];
const NOISY = [52, 55, 51, 58, 60, 57, 63, 66, 62, 70, 69, 74];

function mustFit(y: readonly number[], spec: EtsSpec): EtsFit {
  const fit = fitEts(y, spec);
  if (!fit) throw new Error(`${etsName(spec)} could not be fitted`);
  return fit;
}

/**
 * The state-space recursions as written in the file comment, run independently of ets.ts with the
 * fit's own parameters: μ = ℓ + φb, ε = y − μ (A) or (y − μ)/μ (M), ℓ ← μ + α(y − μ), b ← φb + β(y − μ).
 */
function byHand(y: readonly number[], fit: EtsFit) {
  const trend = fit.spec.trend !== "N";
  let l = fit.l0;
  let b = trend ? fit.b0 : 0;
  const e: number[] = [];
  let logMu = 0;
  for (const v of y) {
    const mu = l + (trend ? fit.phi * b : 0);
    e.push(fit.spec.error === "A" ? v - mu : (v - mu) / mu);
    logMu += Math.log(Math.abs(mu));
    const bNew = trend ? fit.phi * b + fit.beta * (v - mu) : 0;
    l = mu + fit.alpha * (v - mu);
    b = bNew;
  }
  const sse = e.reduce((a, x) => a + x * x, 0);
  const lik = y.length * Math.log(sse) + (fit.spec.error === "M" ? 2 * logMu : 0);
  return { e, sse, lik, level: l, slope: b };
}

describe("ETS(A,N,N): one filtering step by hand", () => {
  it("ε₁ = y₁ − ℓ₀, ℓ₁ = ℓ₀ + α ε₁, ε₂ = y₂ − ℓ₁", () => {
    const fit = mustFit(NOISY, ANN);
    const e1 = NOISY[0] - fit.l0;
    const l1 = fit.l0 + fit.alpha * e1;
    expect(fit.residuals[0]).toBeCloseTo(e1, 10);
    expect(fit.residuals[1]).toBeCloseTo(NOISY[1] - l1, 10);
    expect(fit.beta).toBe(0);
    expect(fit.phi).toBe(1);
    expect(fit.slope).toBe(0);
  });

  it("forecasts the final level ℓ_n, flat, at every horizon", () => {
    const fit = mustFit([10, 14, 12, 13, 15, 11], ANN);
    const r = byHand([10, 14, 12, 13, 15, 11], fit);
    expect(fit.forecast(3)).toEqual([fit.level, fit.level, fit.level]);
    expect(fit.level).toBeCloseTo(r.level, 10);
  });
});

describe("fitEts: the recursions, likelihood and criteria of every model", () => {
  for (const spec of ETS_SPECS) {
    it(`${etsName(spec)}: residuals, final states, likelihood, AIC/AICc/BIC and σ² follow the formulas`, () => {
      const fit = mustFit(NOISY, spec);
      const r = byHand(NOISY, fit);
      for (let t = 0; t < NOISY.length; t++) expect(fit.residuals[t]).toBeCloseTo(r.e[t], 9);
      expect(fit.level).toBeCloseTo(r.level, 9);
      expect(fit.slope).toBeCloseTo(r.slope, 9);
      expect(fit.lik).toBeCloseTo(r.lik, 8);
      const parameters = 2 + (spec.trend === "N" ? 0 : 2) + (spec.trend === "Ad" ? 1 : 0);
      const n = NOISY.length;
      const k = parameters + 1;
      expect(fit.n).toBe(n);
      expect(fit.k).toBe(k);
      expect(fit.aic).toBeCloseTo(fit.lik + 2 * k, 10);
      expect(fit.aicc).toBeCloseTo(fit.aic + (2 * k * (k + 1)) / (n - k - 1), 10);
      expect(fit.bic).toBeCloseTo(fit.lik + k * Math.log(n), 10);
      // R: sigma2 = Σ ε² / (n − length(par))
      expect(fit.sigma2).toBeCloseTo(r.sse / (n - parameters), 10);
    });
  }

  it("keeps the parameters inside R's usual bounds (β ≤ α, 0.8 ≤ φ ≤ 0.98)", () => {
    for (const spec of ETS_SPECS) {
      const fit = mustFit(NOISY, spec);
      expect(fit.alpha).toBeGreaterThanOrEqual(1e-4);
      expect(fit.alpha).toBeLessThanOrEqual(0.9999);
      if (spec.trend !== "N") {
        expect(fit.beta).toBeGreaterThanOrEqual(1e-4);
        expect(fit.beta).toBeLessThanOrEqual(fit.alpha);
      }
      if (spec.trend === "Ad") {
        expect(fit.phi).toBeGreaterThanOrEqual(0.8);
        expect(fit.phi).toBeLessThanOrEqual(0.98);
      } else expect(fit.phi).toBe(1);
    }
  });

  it("the likelihood optimum is no worse than nearby parameter values (a real minimum)", () => {
    const fit = mustFit(NOISY, ANN);
    const likAt = (alpha: number, l0: number) => {
      const r = byHand(NOISY, { ...fit, alpha, l0 });
      return r.lik;
    };
    const best = likAt(fit.alpha, fit.l0);
    for (const [da, dl] of [
      [0.02, 0],
      [-0.02, 0],
      [0, 0.5],
      [0, -0.5],
    ]) {
      const a = fit.alpha + da;
      if (a < 1e-4 || a > 0.9999) continue;
      expect(likAt(a, fit.l0 + dl)).toBeGreaterThan(best - 1e-9);
    }
  });
});

describe("etsPointForecast", () => {
  it("adds the damped sums φ + … + φ^h of the slope (hand-computed, φ = 0.5)", () => {
    // φ sums: 0.5, 0.75, 0.875 → 10 + 2 · sum
    expect(etsPointForecast(10, 2, 0.5, 3)).toEqual([11, 11.5, 11.75]);
  });
  it("is a straight line for φ = 1 and flat without slope", () => {
    expect(etsPointForecast(10, 2, 1, 4)).toEqual([12, 14, 16, 18]);
    expect(etsPointForecast(7, 0, 0.9, 3)).toEqual([7, 7, 7]);
  });
  it("is what a fitted model's forecast() returns from its final states", () => {
    const fit = mustFit(NOISY, AAdN);
    const f = fit.forecast(5);
    expect(f).toEqual(etsPointForecast(fit.level, fit.slope, fit.phi, 5));
    expect(f[0]).toBeCloseTo(fit.level + fit.phi * fit.slope, 10);
  });
});

describe("forecast variances", () => {
  it("ETS(A,N,N): σ² [1 + (h − 1) α²]", () => {
    const fit = mustFit(NOISY, ANN);
    const v = fit.variance(5);
    v.forEach((vh, i) => expect(vh).toBeCloseTo(fit.sigma2 * (1 + i * fit.alpha ** 2), 9));
  });

  it("ETS(A,A,N): σ² [1 + (h − 1){α² + αβh + β²h(2h − 1)/6}] (class-1 closed form)", () => {
    const fit = mustFit(Y, AAN);
    const { alpha: a, beta: b, sigma2: s2 } = fit;
    const v = fit.variance(6);
    for (let h = 1; h <= 6; h++) {
      const closed = s2 * (1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6));
      expect(v[h - 1]).toBeCloseTo(closed, 9);
    }
  });

  it("ETS(A,Ad,N): σ² [1 + Σ_{j<h} (α + β φ (1 − φ^j)/(1 − φ))²]", () => {
    const fit = mustFit(NOISY, AAdN);
    const { alpha: a, beta: b, phi: p, sigma2: s2 } = fit;
    const v = fit.variance(5);
    let sum = 0;
    for (let h = 1; h <= 5; h++) {
      if (h > 1) sum += (a + (b * p * (1 - p ** (h - 1))) / (1 - p)) ** 2;
      expect(v[h - 1]).toBeCloseTo(s2 * (1 + sum), 9);
    }
  });

  it("ETS(M,N,N): ℓ² [(1 + σ²)(1 + α²σ²)^{h−1} − 1] (class 2, Hyndman et al. 2008 §6.3)", () => {
    const fit = mustFit(NOISY, MNN);
    const { alpha: a, sigma2: s2, level: l } = fit;
    const v = fit.variance(5);
    for (let h = 1; h <= 5; h++) {
      const closed = l * l * ((1 + s2) * (1 + a * a * s2) ** (h - 1) - 1);
      expect(v[h - 1] / closed).toBeCloseTo(1, 10);
    }
  });

  it("ETS(M,A,N) one step ahead: σ² μ₁²; variances grow with h", () => {
    const fit = mustFit(NOISY, MAN);
    const mu = fit.forecast(4);
    const v = fit.variance(4);
    expect(v[0] / (fit.sigma2 * mu[0] ** 2)).toBeCloseTo(1, 10);
    for (let h = 1; h < 4; h++) expect(v[h]).toBeGreaterThan(v[h - 1]);
  });
});

describe("fitEts refusals", () => {
  it("returns null when the parameters are ≥ n − 1 (R), and fits one point later", () => {
    // parameters: A,N 2; A,A 4; A,Ad 5
    expect(fitEts([1, 2, 4], ANN)).toBeNull();
    expect(fitEts([1, 2, 4, 5], ANN)).not.toBeNull();
    expect(fitEts([1, 2, 4, 5, 7], AAN)).toBeNull();
    expect(fitEts([1, 2, 4, 5, 7, 8], AAN)).not.toBeNull();
    expect(fitEts([1, 2, 4, 5, 7, 8], AAdN)).toBeNull();
    expect(fitEts([1, 2, 4, 5, 7, 8, 10], AAdN)).not.toBeNull();
    expect(fitEts([1, 2, 4, 5, 7, 8], MAdN)).toBeNull();
  });

  it("returns null for M errors on data with a zero or a negative value, but fits A errors", () => {
    const withZero = [5, 6, 0, 7, 8, 9, 11, 12];
    const withNegative = [5, 6, -1, 7, 8, 9, 11, 12];
    for (const y of [withZero, withNegative]) {
      for (const spec of [MNN, MAN, MAdN]) expect(fitEts(y, spec)).toBeNull();
      for (const spec of [ANN, AAN, AAdN]) expect(fitEts(y, spec)).not.toBeNull();
    }
  });
});

describe("selectEts", () => {
  it("returns every model it could fit and the one with the lowest AICc", () => {
    const sel = selectEts(NOISY);
    expect(sel).not.toBeNull();
    expect(sel!.fits.map((f) => etsName(f.spec))).toEqual(ETS_SPECS.map(etsName));
    const lowest = Math.min(...sel!.fits.map((f) => f.aicc));
    expect(sel!.best.aicc).toBe(lowest);
  });

  it("leaves out the M models for non-positive data and the models too big for a short series", () => {
    const sel = selectEts([5, 6, -1, 7, 8, 9, 11, 12])!;
    expect(sel.fits.map((f) => f.spec.error)).toEqual(["A", "A", "A"]);
    // n = 5: only A,N and M,N (2 parameters) fit; AICc of n = 4 would be infinite (n − k − 1 = 0)
    const short = selectEts([10, 12, 11, 13, 14])!;
    expect(short.fits.map((f) => etsName(f.spec))).toEqual(["ETS(A,N,N)", "ETS(M,N,N)"]);
    expect(selectEts([10, 12, 11, 13])).toBeNull();
  });

  it("breaks a tie in favour of the earlier spec", () => {
    const sel = selectEts(NOISY, [ANN, ANN])!;
    expect(sel.fits).toHaveLength(2);
    expect(sel.fits[0].aicc).toBe(sel.fits[1].aicc);
    expect(sel.best).toBe(sel.fits[0]);
  });

  it("uses the specs it is given", () => {
    const sel = selectEts(NOISY, [AAN, MAN])!;
    expect(sel.fits.map((f) => etsName(f.spec))).toEqual(["ETS(A,A,N)", "ETS(M,A,N)"]);
  });
});
