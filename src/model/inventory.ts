/**
 * Perpetual inventory: a stock fed by a yearly flow and losing a share each year.
 *
 *   K_t = (1 − δ) · K_{t−1} + F_t
 *
 * K and F in the same count unit (e.g. invention patents in force, patents granted per year);
 * δ: share of the stock lost per year (for patents in force: lapse and expiry). Hall (2007,
 * NBER w13473) reviews δ = 15% as the usual choice for R&D capital, with estimates ranging
 * widely; the bundled scenarios use it for the patent stock too, with a 0.10–0.20 range.
 */

import { describeParam } from "../scenario/param.js";
import type { IndicatorSpec } from "../scenario/schema.js";
import { type CompileEnv, clamp, type NodeDraft, rowOf } from "./types.js";

export function compileInventory(spec: IndicatorSpec, env: CompileEnv): NodeDraft {
  const inv = spec.inventory!;
  const slot = env.slot;
  if (env.boostSlot() >= 0)
    env.fail(
      "",
      `programme effects cannot act on a ${"inventory"} indicator`,
      "point the effect at the indicators it is computed from",
    );
  const flow = env.slotOf(inv.flow);
  const last = env.lastObserved(env.indicator);
  if (last < 0)
    env.fail(
      "inventory",
      `no observed stock of ${env.indicator} to start from`,
      `add ${env.indicator} to the baseline data`,
    );
  const { min, max } = env.bounds;
  return {
    indicator: env.indicator,
    mechanism: "inventory",
    firstStep: last + 1,
    sameYearInputs: [flow],
    reads: [flow],
    params: [
      { name: `${env.indicator}.inventory.depreciation`, param: inv.depreciation, percent: true, min: 0, max: 1 },
    ],
    random: false,
    constants: { flow, min, max },
    summary: `stock = (1 − ${describeParam(inv.depreciation, true)}) × previous + ${inv.flow}`,
    step(ctx, y, firstParam) {
      const { state, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      const f = rowOf(ctx, flow, y);
      const p0 = firstParam * block;
      for (let b = 0; b < nb; b++)
        state[row + b] = clamp((1 - params[p0 + b]) * state[row - block + b] + state[f + b], min, max);
    },
  };
}
