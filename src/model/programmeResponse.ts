/**
 * How programme spending moves an indicator: a saturating response with a lag, summed over
 * the programmes that serve it. Written to a virtual indicator `boost.<indicator>`:
 *
 *   boost_t = Σ_p  E_p · B_{p,t−L_p} / (B_{p,t−L_p} + H_p)
 *
 * B: programme spending (budget unit/yr); E: effect at saturation (drawn once per path:
 * extra growth in fraction/yr, or extra additions/yr for counts); H: the spending at which
 * half of E is reached; L: lag in years. The Michaelis–Menten form gives diminishing returns
 * (each extra yuan does less), zero effect at zero spending and never a negative one.
 *
 * Assumption, to calibrate: E and H in the bundled scenarios are planning judgements, not
 * estimates; they are written next to each programme in scenarios/baseline.yaml.
 */

import { z } from "zod";
import { describeParam, Param } from "../stats/param.js";
import { IndicatorId } from "./fields.js";
import { type CompileEnv, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

/** How one programme's spending moves one indicator: its scenario entry (`programmes.<id>.effects[]`). */
export const ProgrammeEffect = z.strictObject({
  indicator: IndicatorId,
  max_effect: Param.describe(
    "effect at saturation: extra growth (fraction/yr) for growth, leveraged, elastic and trend indicators; extra additions per year for counts",
  ),
  half_budget: z
    .number()
    .positive()
    .describe("yearly spending (budget unit) at which half the maximum effect is reached"),
  lag: z.number().int().min(0).max(5).default(1).describe("years between spending and effect"),
});
export type ProgrammeEffect = z.infer<typeof ProgrammeEffect>;

/** The saturating response E · B / (B + H); 0 for B ≤ 0. */
export function saturatingResponse(spending: number, maxEffect: number, halfBudget: number): number {
  return spending > 0 ? (maxEffect * spending) / (spending + halfBudget) : 0;
}

/** What this mechanism assumes, in one plain line (types.ts, SummaryTemplate). */
const RESPONSE_SUMMARY: SummaryTemplate = {
  zh: "项目资金带给{target}的额外增量 = Σ 最大效应 × B ÷ (B + 半饱和预算)，按各项目的滞后年数计",
  en: "extra change in {target} from programme money = Σ maximum effect × B / (B + half-saturation budget), with each programme's lag",
};

export function compileProgrammeResponse(
  env: CompileEnv,
  effects: { programme: string; effect: ProgrammeEffect }[],
): NodeDraft {
  const slot = env.slot;
  const target = env.indicator.replace(/^boost\./, "");
  const spend = Int32Array.from(effects, (e) => env.slotOf(`programme.${e.programme}`));
  const lags = Int32Array.from(effects, (e) => e.effect.lag);
  const halves = Float64Array.from(effects, (e) => e.effect.half_budget);
  const sameYear = effects.flatMap((e, i) => (e.effect.lag === 0 ? [spend[i]] : []));
  return {
    indicator: env.indicator,
    mechanism: "response",
    firstStep: env.baseIndex + 1,
    sameYearInputs: sameYear,
    reads: Array.from(spend),
    params: effects.map((e) => ({
      name: `${e.programme}.effect.${target}`,
      param: e.effect.max_effect,
      percent: false,
      min: 0,
    })),
    random: false,
    constants: { spending: Array.from(spend), lags: Array.from(lags), halves: Array.from(halves) },
    summary: effects
      .map(
        (e) =>
          `${e.programme}: up to ${describeParam(e.effect.max_effect, false)}, half at ${e.effect.half_budget}, lag ${e.effect.lag}`,
      )
      .join("; "),
    terms: { target: { node: target } },
    template: RESPONSE_SUMMARY,
    step(ctx, y, firstParam) {
      const { state, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      state.fill(0, row, row + nb);
      for (let i = 0; i < spend.length; i++) {
        const t = y - lags[i];
        if (t < 0) continue;
        const sr = rowOf(ctx, spend[i], t);
        const p0 = (firstParam + i) * block;
        for (let b = 0; b < nb; b++) state[row + b] += saturatingResponse(state[sr + b], params[p0 + b], halves[i]);
      }
    },
  };
}
