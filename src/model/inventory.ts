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

import { z } from "zod";
import { describeParam, Param } from "../stats/param.js";
import { IndicatorId } from "./fields.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

const InventorySpec = z.strictObject({
  flow: IndicatorId,
  depreciation: Param.describe("share of the stock lost per year, 0–1"),
});

function compileInventory(inv: z.infer<typeof InventorySpec>, _common: CommonSpec, env: CompileEnv): NodeDraft {
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
    terms: { depreciation: { param: inv.depreciation, percent: true }, flow: { node: inv.flow } },
    template: INVENTORY_SUMMARY,
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

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const INVENTORY_SUMMARY: SummaryTemplate = {
  zh: "{self} = 上年 × (1 − 年失效率 {depreciation}) + 当年{flow}",
  en: "{self} = previous year × (1 − yearly lapse {depreciation}) + this year's {flow}",
};

export const inventory = defineMechanism({
  name: "inventory",
  schema: InventorySpec,
  volatility: false,
  summary: INVENTORY_SUMMARY,
  doc: {
    equation: "K_t = (1 − δ) · K_{t−1} + F_t",
    units: "K and F in the same count unit; δ a share per year",
    source: "perpetual inventory; δ = 15% is the usual choice for R&D capital (Hall 2007, NBER w13473)",
  },
  compile: compileInventory,
});
