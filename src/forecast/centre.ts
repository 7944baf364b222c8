/**
 * Where a series' forecast distribution sits and how wide its unit is — the part shared by the
 * calibrated forecaster (calibrated.ts) and the reference class it is calibrated on
 * (reference-class-build.ts), so that both compute the scaled error e = (z − ẑ) / s the same way:
 *
 *   z  = the working scale (transform.ts: ln, logit or the series' own scale)
 *   s  = yearlyChangeScale(z)  (mean |Δz| over the last five years; reference-class.ts)
 *   ρ  = seriesNoise(z)
 *   ẑ_h = the combined forecast (combination.ts) on z, pulled just inside the scale's domain
 *
 * A constant series (s = 0) has no combination: its centre is the last value and `constant` is true.
 */
import { combinedForecast } from "./combination.js";
import { seriesNoise, yearlyChangeScale } from "./reference-class.js";
import { TRANSFORMS, workingScale } from "./transform.js";
import type { BackTransformName } from "./types.js";

export interface ForecastCentre {
  transform: BackTransformName;
  /** s (working-scale units per year); 0 for a constant series. */
  scale: number;
  noise: number;
  constant: boolean;
  /** Point forecast per year in the series' unit, and its working-scale value ẑ_h. */
  point: number[];
  centre: number[];
  drift: boolean;
  driftT: number;
  members: string[];
}

/** The centre of the forecast of `values` (consecutive years, ≥ 2) for h = 1 … horizon. */
export function forecastCentre(values: readonly number[], horizon: number, isShare: boolean): ForecastCentre {
  const transform = workingScale(values, isShare);
  const t = TRANSFORMS[transform];
  const z = values.map(t.forward);
  const scale = yearlyChangeScale(z);
  const noise = seriesNoise(z);
  const last = values[values.length - 1];
  if (!(scale > 0)) {
    return {
      transform,
      scale: 0,
      noise,
      constant: true,
      point: Array(horizon).fill(last),
      centre: Array(horizon).fill(t.forward(last)),
      drift: false,
      driftT: 0,
      members: ["naive"],
    };
  }
  const combined = combinedForecast(values, horizon, transform);
  // A combined forecast outside the working scale's domain (e.g. ≤ 0 on ln) is pulled just inside it.
  const centre = combined.forecasts.map((v) => {
    const c = t.forward(
      transform === "exp"
        ? Math.max(v, 1e-300)
        : transform === "logistic100"
          ? Math.min(100 - 1e-12, Math.max(1e-12, v))
          : v,
    );
    return Number.isFinite(c) ? c : t.forward(last);
  });
  return {
    transform,
    scale,
    noise,
    constant: false,
    point: combined.forecasts,
    centre,
    drift: combined.drift,
    driftT: combined.driftT,
    members: combined.members,
  };
}
