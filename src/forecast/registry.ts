/**
 * Every trend model by name, the single place a name written in a scenario file is resolved.
 *
 * @example MODELS["loglinear"].fit(series).forecast([2025], 80)
 */
import { holt } from "./holt.js";
import { holtDamped } from "./holt-damped.js";
import { linear } from "./linear.js";
import { logit } from "./logit.js";
import { loglinear } from "./loglinear.js";
import type { ModelName, TrendModel } from "./types.js";
import { weighted } from "./weighted.js";

/** The older named trend models, by name (`--model`, `trend:` in scenarios). */
export const MODELS: Record<ModelName, TrendModel> = {
  linear,
  loglinear,
  holt,
  "holt-damped": holtDamped,
  logit,
  weighted,
};

/** Type guard for names read from files. */
export function isModelName(name: string): name is ModelName {
  return Object.hasOwn(MODELS, name);
}
