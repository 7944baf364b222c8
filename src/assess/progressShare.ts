/**
 * UN Progress Chart style share of the required change achieved (as adapted by Eustat):
 *
 *   v̂_T = v_t · (1 + CAGR)^(T − t),   P = (v̂_T − v_b) / (v_T − v_b)
 *
 * v_b: value in the first year of the series; v_t: latest value; CAGR from v_b to v_t;
 * v_T: the target. P ≥ 0.95 on track; 0.10 ≤ P < 0.95 fair progress, acceleration needed;
 * P < 0.10 stagnation or regression. Lower-is-better targets need no special case: both the
 * numerator and the denominator change sign.
 */

import { cagr } from "../stats/cagr.js";
import { meets } from "./comparator.js";
import type { ProgressInput } from "./openSdg.js";
import type { ShareCategory } from "./types.js";

/** The UN Progress Chart share of the required change achieved by the base year, and its category (0.95 and 0.10). */
export function progressShare(x: ProgressInput): {
  share: number | null;
  category: ShareCategory;
  projected: number | null;
} {
  if (meets(x.currentValue, x.comparator, x.target))
    return { share: null, category: "achieved", projected: x.currentValue };
  const g = cagr(x.currentValue, x.baseValue, x.currentYear, x.baseYear);
  if (g === null || x.target === x.baseValue) return { share: null, category: "not_assessed", projected: null };
  const projected = x.currentValue * Math.pow(1 + g, x.targetYear - x.currentYear);
  const share = (projected - x.baseValue) / (x.target - x.baseValue);
  const category: ShareCategory =
    share >= 0.95 ? "on_track" : share >= 0.1 ? "fair_progress" : "stagnation_or_regression";
  return { share, category, projected };
}
