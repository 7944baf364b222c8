/**
 * targetcast's default trend forecast for one yearly series: the combined point forecast
 * (combination.ts) with a predictive distribution from the reference class of real forecast
 * errors (reference-class.ts). The one forecaster behind `forecast`, `run`, `evaluate` and the notebooks.
 *
 *   z = working scale (ln v if every value > 0; logit if the indicator is a share in % and every value
 *       is inside (0, 100); v otherwise)
 *   s = mean |Δz| over the series' last 5 yearly changes (the scale); floored for a flat series (with a warning)
 *   Q_h(p) = ẑ_h + s · q_{n,ρ,h}(p),  value = back(Q_h(p)), clamped to the indicator's bounds
 *
 * where ẑ_h is the combined forecast on the working scale and q the reference-class quantile of
 * the series' length n and noise ρ. Each quantile is a bounded multiple of the series' own yearly
 * change, so no interval is widened without limit, and a bounded indicator stays in its bounds.
 *
 * Input rules (each said in `warnings` or thrown as a message):
 * - fewer than 3 points: TooShortError (not assessed);
 * - years with gaps: only the most recent run of consecutive years is used (≥ 3 points), warned;
 * - a constant series: the no-change forecast, with the floored scale, warned;
 * - zeros or negative values: the log scale is not used (the series' own scale is), silently.
 *
 * @example calibratedForecast({ years: [2009, …, 2013], values: [...] }, { horizon: 2 }).quantile(2, 0.1)
 */
import { forecastCentre } from "./centre.js";
import { InvalidSeriesError, seriesLabel, TooShortError } from "./errors.js";
import { type ReferenceClassTable, scaledErrorCdf, scaledErrorQuantile } from "./reference-class.js";
import { REFERENCE_CLASS } from "./reference-class-table.js";
import { TRANSFORMS } from "./transform.js";
import type { AnnualSeries, BackTransformName } from "./types.js";

/** Fewest consecutive yearly points the default forecaster accepts. */
export const MIN_POINTS = 3;

/**
 * Scale used when the series never changes: 1% a year on the log and logit scales, 1% of the
 * level (or 1 unit at a level of 0) on the series' own scale. An assumption, stated in the warning.
 */
const S_FLOOR_RELATIVE = 0.01;

/**
 * Largest distance of a quantile from the point forecast on the log and logit scales, h years
 * ahead: ln 4 · √h (a factor 4 one year ahead, 4^√2 ≈ 7 two years ahead, …). It binds only for
 * series that jump by several times a year, whose scaled errors would otherwise give intervals
 * spanning many orders of magnitude. An assumption, not an estimate.
 */
export const MAX_LOG_DEVIATION = Math.log(4);

/** Options of the calibrated forecast: the horizon, whether the series is a share, and its bounds. */
export interface CalibratedForecastOptions {
  /** Years to forecast after the last observation (≥ 1). */
  horizon: number;
  /** True when the indicator is a share in % (enables the logit scale and the 0–100 bounds). */
  isShare?: boolean;
  /** Hard bounds of the indicator in its unit (e.g. 0 for counts); intervals are clamped to them. */
  min?: number;
  max?: number;
  /** Reference class to use (default: the shipped table). */
  table?: ReferenceClassTable;
}

/** The calibrated forecast of a series: median and intervals per year, the members chosen and why. */
export interface CalibratedForecast {
  /** Years forecast (last observed year + 1 … + horizon). */
  years: number[];
  /** Working scale of the intervals. */
  transform: BackTransformName;
  /** Combined point forecast per year, in the series' unit. */
  point: number[];
  /** Median of the predictive distribution per year: the point forecast, clamped to the bounds (the class is centred on 0). */
  median: number[];
  /** Scale s (working-scale units per year) and noise ρ of the series; n its length as used. */
  scale: number;
  noise: number;
  n: number;
  /** Whether the drift test found a clear drift (which members were combined), and its t-statistic. */
  drift: boolean;
  driftT: number;
  members: string[];
  /** The observations actually used (after dropping years before a gap). */
  used: AnnualSeries;
  /** Things the user should know (gaps, constant series, …), in plain English (library API). */
  warnings: string[];
  /** The same, as codes and numbers: what the report layer words in each language. */
  warningCodes: ForecastWarning[];
  /** Where the interval widths come from (the table's source line, English; src/report words the shipped one). */
  provenance: string;
  /** Value at probability p (0 < p < 1) h years ahead (h = 1 … horizon), in the series' unit. */
  quantile(h: number, p: number): number;
  /** P(value ≤ x) h years ahead, within the table's probability range. */
  cdf(h: number, x: number): number;
  /** Central level-% interval per year (level in (0, 100)). */
  interval(level: number): { year: number; lower: number; upper: number }[];
}

/**
 * A warning of the calibrated forecast as data: the years have a gap before `before`, so the
 * `dropped` earlier points are not used; or the series is constant, so its interval assumes
 * ±`floorPercent`% a year of variability.
 */
export type ForecastWarning =
  | { code: "gap"; before: number; dropped: number }
  | { code: "constant"; floorPercent: number };

/**
 * A warning in English: the one English wording, used for `warnings` (library API) and by the
 * report layer beside its Chinese (src/report/forecastText.ts).
 */
export function forecastWarningEnglish(w: ForecastWarning): string {
  switch (w.code) {
    case "gap":
      return `the years have a gap before ${w.before}; the ${w.dropped} earlier point${w.dropped === 1 ? " is" : "s are"} not used`;
    case "constant":
      return `the series is constant, so it gets the no-change forecast; its interval assumes ±${w.floorPercent}% a year of variability (there is none in the data to measure)`;
  }
}

/** The most recent run of consecutive years (the whole series when it has no gaps). */
function lastConsecutiveRun(series: AnnualSeries): AnnualSeries {
  let start = series.years.length - 1;
  while (start > 0 && series.years[start] - series.years[start - 1] === 1) start--;
  return { name: series.name, years: series.years.slice(start), values: series.values.slice(start) };
}

/** The trend forecast every command uses: a median combination of standard yearly methods, with intervals from a reference class of real forecast errors. */
export function calibratedForecast(series: AnnualSeries, opts: CalibratedForecastOptions): CalibratedForecast {
  const label = seriesLabel(series.name);
  const { horizon } = opts;
  if (!(Number.isInteger(horizon) && horizon >= 1))
    throw new RangeError(`calibratedForecast: horizon must be an integer ≥ 1, got ${horizon}`);
  if (series.values.some((v) => !Number.isFinite(v)))
    throw new InvalidSeriesError("auto", `${label}: every value must be a finite number`, { code: "non_finite" });
  const warningCodes: ForecastWarning[] = [];
  const used = lastConsecutiveRun(series);
  if (used.years.length < series.years.length) {
    const dropped = series.years.length - used.years.length;
    if (used.years.length >= MIN_POINTS) {
      warningCodes.push({ code: "gap", before: used.years[0], dropped });
    } else {
      throw new InvalidSeriesError(
        "auto",
        `${label}: a gap before ${used.years[0]} leaves ${used.years.length} consecutive year${used.years.length === 1 ? "" : "s"} at the end (needs ${MIN_POINTS}); fill the missing years or give the indicator a mechanism`,
        { code: "gap", before: used.years[0], consecutive: used.years.length, needed: MIN_POINTS },
      );
    }
  }
  const n = used.values.length;
  if (n < MIN_POINTS) throw new TooShortError("the default forecast", MIN_POINTS, n, series.name);

  const table = opts.table ?? REFERENCE_CLASS;
  const c = forecastCentre(used.values, horizon, opts.isShare ?? false);
  const { transform, noise, point, centre, drift, driftT, members } = c;
  const t = TRANSFORMS[transform];
  let scale = c.scale;
  if (c.constant) {
    const level = Math.abs(used.values[n - 1]);
    scale = transform === "identity" ? (level > 0 ? S_FLOOR_RELATIVE * level : 1) : S_FLOOR_RELATIVE;
    warningCodes.push({ code: "constant", floorPercent: S_FLOOR_RELATIVE * 100 });
  }
  const warnings = warningCodes.map((w) => `${label}: ${forecastWarningEnglish(w)}`);
  const lo = opts.min ?? (opts.isShare ? 0 : -Infinity);
  const hi = opts.max ?? (opts.isShare ? 100 : Infinity);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const last = used.years[n - 1];
  const years = Array.from({ length: horizon }, (_, i) => last + i + 1);
  const checkH = (h: number) => {
    if (!(Number.isInteger(h) && h >= 1 && h <= horizon))
      throw new RangeError(`calibratedForecast: h must be 1 … ${horizon}, got ${h}`);
  };
  const cap = transform === "identity" ? Infinity : MAX_LOG_DEVIATION;
  /** Working-scale distance s·q from the point forecast, capped on the log and logit scales. */
  const deviation = (h: number, q: number) => Math.max(-cap * Math.sqrt(h), Math.min(cap * Math.sqrt(h), scale * q));
  const quantile = (h: number, p: number) => {
    checkH(h);
    return clamp(t.back(centre[h - 1] + deviation(h, scaledErrorQuantile(table, n, noise, h, p))));
  };
  const cdf = (h: number, x: number) => {
    checkH(h);
    if (x < lo) return table.probabilities[0];
    if (x >= hi) return table.probabilities[table.probabilities.length - 1];
    const zx =
      transform === "exp" && x <= 0
        ? -Infinity
        : transform === "logistic100" && (x <= 0 || x >= 100)
          ? x <= 0
            ? -Infinity
            : Infinity
          : t.forward(x);
    const d = zx - centre[h - 1];
    // A capped quantile maps back to within a few ulps of the cap: count that as at the cap.
    const limit = cap * Math.sqrt(h) * (1 - 1e-12);
    if (d <= -limit) return table.probabilities[0];
    if (d >= limit) return table.probabilities[table.probabilities.length - 1];
    return scaledErrorCdf(table, n, noise, h, d / scale);
  };
  return {
    years,
    transform,
    point: point.map(clamp),
    median: years.map((_, i) => quantile(i + 1, 0.5)),
    scale,
    noise,
    n,
    drift,
    driftT,
    members,
    used,
    warnings,
    warningCodes,
    provenance: table.source,
    quantile,
    cdf,
    interval: (level: number) => {
      if (!(level > 0 && level < 100))
        throw new RangeError(`calibratedForecast: level must be in (0, 100), got ${level}`);
      const a = (1 - level / 100) / 2;
      return years.map((year, i) => ({ year, lower: quantile(i + 1, a), upper: quantile(i + 1, 1 - a) }));
    },
  };
}
