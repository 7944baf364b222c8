/**
 * Working scales of the trend models and the maps to and from the series' unit.
 *
 * - identity:     z = v,                    v = z
 * - exp:          z = ln v (v > 0),          v = exp z                (loglinear: constant growth)
 * - logistic100:  z = ln(v / (100 − v)),     v = 100 / (1 + exp(−z))  (logit: shares in %, 0 < v < 100)
 *
 * All back maps are monotone increasing, so a quantile on the working scale maps to the same
 * quantile in the series' unit (this is how prediction intervals are back-transformed).
 *
 * @example TRANSFORMS.logistic100.back(0) // 50
 */
import type { BackTransformName } from "./types.js";

/** A scale a trend is fitted on, with its inverse. */
export interface Transform {
  name: BackTransformName;
  /** From the series' unit to the working scale. */
  forward: (v: number) => number;
  /** From the working scale back to the series' unit (monotone increasing). */
  back: (z: number) => number;
}

/** The scales a trend may be fitted on, by name. */
export const TRANSFORMS: Record<BackTransformName, Transform> = {
  identity: { name: "identity", forward: (v) => v, back: (z) => z },
  exp: { name: "exp", forward: (v) => Math.log(v), back: (z) => Math.exp(z) },
  logistic100: {
    name: "logistic100",
    forward: (v) => Math.log(v / (100 - v)),
    // Written to stay finite and inside [0, 100] for large |z|.
    back: (z) => (z >= 0 ? 100 / (1 + Math.exp(-z)) : (100 * Math.exp(z)) / (1 + Math.exp(z))),
  },
};

/**
 * The working scale targetcast forecasts a series on: the logit for a share in % strictly inside
 * (0, 100), the log for a positive series, the series' own scale otherwise.
 */
export function workingScale(values: readonly number[], isShare: boolean): BackTransformName {
  if (isShare && values.every((v) => v > 0 && v < 100)) return "logistic100";
  if (values.every((v) => v > 0)) return "exp";
  return "identity";
}
