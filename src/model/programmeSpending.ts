/**
 * Spending of one programme, a virtual indicator `programme.<id>` in the budget unit per year:
 *
 *   B_{p,t} = split_p · A_t   for t ≥ start year,   0 before
 *
 * (A_t = amount · profile_t when the run's budget changes year by year, model/allocation.ts BudgetRun)
 *
 * A_t, the extra money of year t, is either a fixed amount, or the top-up that brings the fiscal
 * indicator F to s % of a budget G (e.g. fiscal S&T spending to 3% of general budget expenditure):
 *
 *   A_t = max(0, s/100 · G_t − F^bau_t) / c        (c: budget unit → F's unit)
 *
 * Read from the plan's mutable Allocation, so a new split needs no recompilation.
 */
import { conversionFactor } from "../data/units.js";
import type { Allocation, BudgetRun } from "./allocation.js";
import { type CompileEnv, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

/** What this mechanism assumes, in one plain line (types.ts, SummaryTemplate). */
const PROGRAMME_SUMMARY: SummaryTemplate = {
  zh: "一个项目每年分得的新增预算（{unit}[，把{fiscal}补足到{of}的 {percent}%]，自 {start} 年起）",
  en: "one programme's share of the extra budget a year ({unit}[, topping {fiscal} up to {percent}% of {of}], from {start})",
};

export function compileProgrammeSpending(
  env: CompileEnv,
  allocation: Allocation,
  index: number,
  fiscal: string | undefined,
): NodeDraft {
  const slot = env.slot;
  const start = env.yearIndex(allocation.startYear);
  const share = allocation.share;
  let of = -1;
  let bau = -1;
  let c = 1;
  let ofToFiscal = 1;
  if (share) {
    if (!fiscal)
      env.fail("", "budget.share_of needs budget.adds_to", "name the fiscal indicator to top up in budget.adds_to");
    of = env.slotOf(share.of);
    bau = env.slotOf(`${fiscal}.bau`);
    try {
      c = conversionFactor(allocation.unit, env.unitOf(fiscal));
      ofToFiscal = conversionFactor(env.unitOf(share.of), env.unitOf(fiscal));
    } catch (e) {
      env.fail(
        "",
        `budget.share_of: ${(e as Error).message}`,
        "use money indicators for adds_to and share_of.indicator, and a money unit for the budget",
      );
    }
  }
  const inputs = share ? [of, bau] : [];
  return {
    indicator: env.indicator,
    mechanism: "programme",
    firstStep: env.baseIndex + 1,
    sameYearInputs: inputs,
    reads: inputs,
    params: [],
    random: false,
    constants: {
      programme: index,
      startIndex: start,
      of,
      bau,
      percent: share?.percent ?? 0,
      conversion: c,
      ofToFiscal,
    },
    summary: share
      ? `${allocation.programmes[index]}: share of the top-up of ${fiscal} to ${share.percent}% of ${share.of} from ${allocation.startYear}`
      : `${allocation.programmes[index]}: share of the extra ${allocation.unit} a year from ${allocation.startYear}`,
    terms: {
      unit: { unit: allocation.unit },
      start: { number: allocation.startYear },
      ...(share && fiscal
        ? { fiscal: { node: fiscal }, of: { node: share.of }, percent: { number: share.percent } }
        : {}),
    },
    template: PROGRAMME_SUMMARY,
    step(ctx, y) {
      const { state, nb } = ctx;
      const row = rowOf(ctx, slot, y);
      // The run's budget (ctx.budget), not the scenario's: one compiled plan serves many splits.
      const run: BudgetRun | Allocation = ctx.budget ?? allocation;
      const split = run.split[index];
      if (y < start) state.fill(0, row, row + nb);
      else if (!allocation.share)
        state.fill(run.amount * ("profile" in run ? (run.profile?.[y] ?? 1) : 1) * split, row, row + nb);
      else {
        const g = rowOf(ctx, of, y);
        const f = rowOf(ctx, bau, y);
        const percent = allocation.share.percent;
        for (let b = 0; b < nb; b++)
          state[row + b] = (split * Math.max(0, (percent / 100) * state[g + b] * ofToFiscal - state[f + b])) / c;
      }
    },
  };
}
