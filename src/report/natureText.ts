/**
 * The nature of a target (catalogue column `nature`, src/data/types.ts) in words: a forecast is
 * projected and scored with P(met); a commitment is a decision of the district (e.g. fiscal S&T
 * spending at 3% of the budget), reported as adopted or not with its cost, never as a probability.
 */
import { type Bi, type Lang, tr } from "../charts/labels.js";
import type { TargetNature } from "../data/types.js";

const NATURE_WORDS: Record<TargetNature, Bi> = {
  forecast: { zh: "预测", en: "forecast" },
  commitment: { zh: "承诺（决策）", en: "commitment (decision)" },
};

/** A target's nature in the language asked for ("both": Chinese, then English). */
export function natureLabel(nature: TargetNature, lang: Lang): string {
  return tr(lang, NATURE_WORDS[nature]);
}
