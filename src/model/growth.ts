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

import { describeParam } from "../scenario/param.js";
import type { IndicatorSpec } from "../scenario/schema.js";
import { standardNormal } from "../stats/samplers.js";
import { type CompileEnv, clamp, type NodeDraft, rowOf } from "./types.js";

export function compileGrowth(spec: IndicatorSpec, env: CompileEnv): NodeDraft {
  const rate = spec.growth!;
  const volatility = spec.volatility ?? 0;
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
    constants: { volatility, min, max },
    summary: `grows ${describeParam(rate, true)}/yr${volatility ? `, yearly volatility ${describeParam(volatility, true)}` : ""}`,
    step(ctx, y, firstParam) {
      const { state, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      const prev = row - block;
      const boostRow = boost >= 0 ? rowOf(ctx, boost, y) : -1;
      const p0 = firstParam * block;
      const shocks = random && !ctx.deterministic;
      for (let b = 0; b < nb; b++) {
        const shock = shocks ? volatility * standardNormal(ctx.rngs[b]) : 0;
        const factor = 1 + params[p0 + b] + (boostRow >= 0 ? state[boostRow + b] : 0) + shock;
        state[row + b] = clamp(state[prev + b] * (factor > 0 ? factor : 0), min, max);
      }
    },
  };
}
