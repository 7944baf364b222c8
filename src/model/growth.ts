/**
 * Generic growth driver with bounds.
 *
 *   v_t = clamp( v_{t−1} · max(0, 1 + r + b_t + σ·ε_t), min, max ),  ε_t ~ N(0, 1) each year
 *
 * r: annual growth rate (fraction per year), drawn once per path from the scenario's
 * distribution; σ: `volatility`, the sd of the year-to-year shock to the rate; b_t: extra
 * growth from programme spending (0 without programmes; programmeResponse.ts). The factor is
 * floored at 0 so a level can fall to zero but never turn negative. Units: those of v.
 */

import type { z } from "zod";
import { describeParam } from "../stats/param.js";
import { Rate } from "./fields.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, drawShock, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

const GrowthSpec = Rate.describe("annual growth rate, fraction per year (0.08 = 8%)");

function compileGrowth(rate: z.infer<typeof GrowthSpec>, common: CommonSpec, env: CompileEnv): NodeDraft {
  const volatility = common.volatility ?? 0;
  const slot = env.slot;
  const last = env.lastObserved(env.indicator);
  if (last < 0)
    env.fail(
      "growth",
      `no observed value of ${env.indicator} to grow from`,
      `add ${env.indicator} to the baseline data or give it another mechanism`,
    );
  const { min, max } = env.bounds;
  const boost = env.boostSlot();
  const random = volatility > 0;
  return {
    indicator: env.indicator,
    mechanism: "growth",
    firstStep: last + 1,
    sameYearInputs: boost >= 0 ? [boost] : [],
    reads: boost >= 0 ? [boost] : [],
    params: [{ name: `${env.indicator}.growth`, param: rate, percent: true, min: -1 }],
    random,
    yearlyShock: random,
    constants: { volatility, min, max },
    summary: `grows ${describeParam(rate, true)}/yr${volatility ? `, yearly volatility ${describeParam(volatility, true)}` : ""}`,
    terms: {
      rate: { param: rate, percent: true },
      ...(volatility > 0 ? { volatility: { param: volatility, percent: true } } : {}),
    },
    template: GROWTH_SUMMARY,
    step(ctx, y, firstParam) {
      const { state, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      const prev = row - block;
      const boostRow = boost >= 0 ? rowOf(ctx, boost, y) : -1;
      const p0 = firstParam * block;
      const shocks = random && !ctx.deterministic;
      for (let b = 0; b < nb; b++) {
        const shock = shocks ? volatility * drawShock(ctx, b) : 0;
        const factor = 1 + params[p0 + b] + (boostRow >= 0 ? state[boostRow + b] : 0) + shock;
        state[row + b] = clamp(state[prev + b] * (factor > 0 ? factor : 0), min, max);
      }
    },
  };
}

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const GROWTH_SUMMARY: SummaryTemplate = {
  zh: "{self} = 上年 × (1 + 年增速 {rate})[，逐年波动 {volatility}]",
  en: "{self} = previous year × (1 + growth {rate})[, yearly volatility {volatility}]",
};

export const growth = defineMechanism({
  name: "growth",
  schema: GrowthSpec,
  volatility: true,
  summary: GROWTH_SUMMARY,
  doc: {
    equation: "v_t = clamp(v_{t−1} · max(0, 1 + r + b_t + σ·ε_t), min, max)",
    units: "v in the indicator's unit; r and σ fractions per year",
    source: "generic compound growth; r and σ are scenario assumptions",
  },
  compile: (rate, common, env) => compileGrowth(rate, common, env),
});
