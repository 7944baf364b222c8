/**
 * A fiscal indicator with the extra programme money on top of its business-as-usual path:
 *
 *   F_t = F^bau_t + c · Σ_p B_{p,t}
 *
 * F^bau: the indicator as its own mechanism projects it (virtual indicator `<id>.bau`);
 * B: programme spending in the budget unit; c converts the budget unit into F's unit.
 * Keeping F^bau apart means the extra money does not compound through F's growth rate.
 */
import { conversionFactor } from "../data/units.js";
import type { Allocation } from "./allocation.js";
import { type CompileEnv, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

/** What this mechanism assumes, in one plain line (types.ts, SummaryTemplate). */
const TOP_UP_SUMMARY: SummaryTemplate = {
  zh: "{self} = 照常发展部分 + 项目预算（{unit}）",
  en: "{self} = business as usual + the programme budget ({unit})",
};

export function compileBudgetTopUp(env: CompileEnv, allocation: Allocation): NodeDraft {
  const slot = env.slot;
  const bau = env.slotOf(`${env.indicator}.bau`);
  const spend = Int32Array.from(allocation.programmes, (p) => env.slotOf(`programme.${p}`));
  let c = 1;
  try {
    c = conversionFactor(allocation.unit, env.unitOf(env.indicator));
  } catch (e) {
    env.fail(
      "",
      `budget.adds_to: cannot add ${allocation.unit} to ${env.indicator} (${env.unitOf(env.indicator)}): ${(e as Error).message}`,
      "set budget.unit to a money unit such as 万元",
    );
  }
  return {
    indicator: env.indicator,
    mechanism: "top-up",
    firstStep: env.baseIndex + 1,
    sameYearInputs: [bau, ...spend],
    reads: [bau, ...spend],
    params: [],
    random: false,
    constants: { bau, spending: Array.from(spend), conversion: c },
    summary: `business as usual plus the programme budget (${allocation.unit})`,
    terms: { unit: { unit: allocation.unit } },
    template: TOP_UP_SUMMARY,
    step(ctx, y) {
      const { state, nb } = ctx;
      const row = rowOf(ctx, slot, y);
      const br = rowOf(ctx, bau, y);
      for (let b = 0; b < nb; b++) {
        let extra = 0;
        for (let i = 0; i < spend.length; i++) extra += state[rowOf(ctx, spend[i], y) + b];
        state[row + b] = state[br + b] + c * extra;
      }
    },
  };
}
