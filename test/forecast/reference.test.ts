/**
 * Agreement with statsmodels (test/reference/forecast-reference.json, written by
 * test/reference/make_forecast_reference.py with Debian's python3-statsmodels 0.13.5).
 *
 * - OLS / WLS coefficients and forecasts with 80% and 95% intervals: equal to 1e-9
 * - Holt and damped Holt with the same FIXED alpha, beta*, phi: fitted values, SSE, forecasts equal to 1e-9
 * - Holt with FITTED parameters: our SSE ≤ the SSE of statsmodels' ETSModel least-squares fit with the
 *   same fixed initial states × (1 + 1e-6). (holtwinters' own optimiser in statsmodels 0.13.5 also
 *   re-estimates "known" initial states, issue #8634, so it is recorded but not compared.)
 * - forecast variance factors of ETSModel (Hyndman et al. Table 6.1 closed forms) equal to 1e-12
 * - Student-t quantiles equal to 40-digit mpmath values to 1e-12 (relative); scipy's t.ppf is only
 *   good to about 1e-9, which is also why interval bounds are compared on the working scale
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { etsForecastVariance, MODELS, type ModelName, studentTQuantile, TRANSFORMS } from "../../src/forecast/index.js";

interface RegressionRef {
  centreYear: number;
  levelAtCentre: number;
  slope: number;
  rawIntercept: number;
  rawSlope: number;
  ssr: number;
  sigma: number;
  dfResid: number;
  fitted: number[];
  forecasts: { years: number[]; mean: number[]; seObs: number[]; [k: string]: number[] };
}
interface HoltFixedRef {
  alpha: number;
  beta: number;
  phi: number;
  fitted: number[];
  sse: number;
  level: number;
  trend: number;
  forecast: number[];
}
interface HoltFittedRef {
  alpha: number;
  /** Holt's β* (= ETSModel's state-space β / α). */
  beta: number;
  phi: number;
  sse: number;
  forecast: number[];
}
interface SeriesRef {
  name: string;
  years: number[];
  values: number[];
  futureYears: number[];
  linear: RegressionRef;
  loglinear?: RegressionRef;
  logit?: RegressionRef;
  weighted: RegressionRef;
  holt?: { fixed: HoltFixedRef; fitted: HoltFittedRef };
  holtDamped?: { fixed: HoltFixedRef; fitted: HoltFittedRef };
  etsVarianceFactors?: { holt: number[]; holtDamped: number[] };
}
interface Reference {
  levels: number[];
  holtFixedParams: { alpha: number; beta: number; phi: number };
  series: SeriesRef[];
  /** q: mpmath, 40 digits; scipy: scipy.stats.t.ppf (about 1e-9 relative). */
  studentTQuantiles: { p: number; df: number; q: number; scipy: number }[];
}

const ref: Reference = JSON.parse(
  readFileSync(new URL("../reference/forecast-reference.json", import.meta.url), "utf8"),
);

/** Largest absolute difference seen per check, printed at the end for the record. */
const maxDiff: Record<string, number> = {};
function close(check: string, ours: number, theirs: number, tol: number): void {
  const d = Math.abs(ours - theirs);
  maxDiff[check] = Math.max(maxDiff[check] ?? 0, d);
  expect(d, `${check}: ours ${ours} vs statsmodels ${theirs}`).toBeLessThanOrEqual(tol);
}

const TOL = 1e-9;
const regressionModels: [ModelName, keyof SeriesRef, (v: number) => number][] = [
  ["linear", "linear", (z) => z],
  ["loglinear", "loglinear", Math.exp],
  ["logit", "logit", (z) => 100 / (1 + Math.exp(-z))],
  ["weighted", "weighted", (z) => z],
];

describe("reference: statsmodels", () => {
  for (const s of ref.series) {
    describe(s.name, () => {
      for (const [model, key, back] of regressionModels) {
        const r = s[key] as RegressionRef | undefined;
        if (!r) continue;
        it(`${model}: coefficients and forecasts equal statsmodels ${model === "weighted" ? "WLS" : "OLS"} to 1e-9`, () => {
          const fit = MODELS[model].fit(s);
          close(`${model} centreYear`, fit.params.centreYear, r.centreYear, TOL);
          close(`${model} levelAtCentre`, fit.params.levelAtCentre, r.levelAtCentre, TOL);
          close(`${model} slope`, fit.params.slope, r.slope, TOL);
          close(`${model} sse`, fit.sse, r.ssr, TOL);
          close(`${model} sigma`, fit.sigma, r.sigma, TOL);
          // statsmodels' fit on the raw year (ill-conditioned design) agrees less closely: relative 1e-9.
          close(`${model} intercept at year 0 (relative)`, fit.params.intercept / r.rawIntercept, 1, TOL);
          fit.fitted.forEach((f, i) => close(`${model} fitted`, f, back(r.fitted[i]), TOL));
          // Forecast distribution on the working scale: centre and standard error of a new observation.
          const dist = fit.forecastDistribution(s.futureYears);
          dist.points.forEach((p, i) => {
            close(`${model} forecast mean (working scale)`, p.mean, r.forecasts.mean[i], TOL);
            close(`${model} forecast se (working scale)`, p.sd, r.forecasts.seObs[i], TOL);
            expect(p.df).toBe(r.dfResid);
          });
          // Intervals, compared on the working scale where statsmodels computes them, and the point
          // forecast in the series' unit.
          const forward = TRANSFORMS[fit.transform].forward;
          for (const level of ref.levels) {
            fit.forecast(s.futureYears, level).forEach((p, i) => {
              close(`${model} forecast mean (unit)`, p.mean, back(r.forecasts.mean[i]), TOL);
              close(
                `${model} forecast lower${level} (working scale)`,
                forward(p.lower),
                r.forecasts[`lower${level}`][i],
                TOL,
              );
              close(
                `${model} forecast upper${level} (working scale)`,
                forward(p.upper),
                r.forecasts[`upper${level}`][i],
                TOL,
              );
            });
          }
        });
      }

      for (const [model, key] of [
        ["holt", "holt"],
        ["holt-damped", "holtDamped"],
      ] as const) {
        const h = s[key];
        if (!h) continue;
        it(`${model}: with fixed alpha, beta*, phi equals statsmodels ExponentialSmoothing to 1e-9`, () => {
          const f = h.fixed;
          const fit = MODELS[model].fit(s, { alpha: f.alpha, beta: f.beta, phi: f.phi });
          expect(fit.params.phi).toBe(f.phi);
          fit.fitted.forEach((v, i) => close(`${model} fixed fitted`, v, f.fitted[i], TOL));
          close(`${model} fixed sse`, fit.sse, f.sse, TOL);
          close(`${model} fixed final level`, fit.params.level, f.level, TOL);
          close(`${model} fixed final trend`, fit.params.trend, f.trend, TOL);
          fit
            .forecast(s.futureYears, 80)
            .forEach((p, i) => close(`${model} fixed forecast`, p.mean, f.forecast[i], TOL));
        });
        it(`${model}: fitted SSE is no larger than statsmodels' (× (1 + 1e-6))`, () => {
          const fit = MODELS[model].fit(s);
          const theirs = h.fitted.sse;
          const key = `${model} fitted SSE (ours − ETSModel) / ETSModel, largest over series (negative = ours lower)`;
          maxDiff[key] = Math.max(maxDiff[key] ?? -Infinity, (fit.sse - theirs) / theirs);
          expect(fit.sse).toBeLessThanOrEqual(theirs * (1 + 1e-6));
        });
      }

      if (s.etsVarianceFactors) {
        it("ETS forecast variance factors equal ETSModel's (Hyndman et al. 2008 Table 6.1)", () => {
          const { alpha, beta, phi } = ref.holtFixedParams;
          s.etsVarianceFactors!.holt.forEach((v, i) =>
            close("ETS(A,A,N) variance factor", etsForecastVariance(i + 1, 1, alpha, alpha * beta, 1), v, 1e-12),
          );
          s.etsVarianceFactors!.holtDamped.forEach((v, i) =>
            close("ETS(A,Ad,N) variance factor", etsForecastVariance(i + 1, 1, alpha, alpha * beta, phi), v, 1e-12),
          );
        });
      }
    });
  }

  it("Student-t quantiles equal 40-digit mpmath values (relative 1e-12)", () => {
    for (const { p, df, q } of ref.studentTQuantiles)
      close("t quantile (relative, vs mpmath)", studentTQuantile(p, df) / q - 1, 0, 1e-12);
  });

  it("prints the largest differences", () => {
    console.log(
      "max |ours − statsmodels|:\n" +
        Object.entries(maxDiff)
          .map(([k, v]) => `  ${k}: ${v.toExponential(2)}`)
          .join("\n"),
    );
  });
});
