/**
 * Spending of one programme, a virtual indicator `programme.<id>` in the budget unit per year:
 *
 *   B_{p,t} = amount · split_p   for t ≥ start year,   0 before
 *
 * Read from the plan's mutable Allocation, so a new split needs no recompilation.
 */
import type { Allocation } from "./allocation.js";
import { rowOf, type CompileEnv, type CompiledNode } from "./types.js";

export function compileProgrammeSpending(env: CompileEnv, allocation: Allocation, index: number): CompiledNode {
  const slot = env.slot;
  const start = env.yearIndex(allocation.startYear);
  return {
    indicator: env.indicator,
    mechanism: "programme",
    firstStep: env.baseIndex + 1,
    sameYearInputs: [],
    reads: [],
    params: [],
    paramOffset: 0,
    random: false,
    constants: { programme: index, startIndex: start },
    summary: `${allocation.programmes[index]}: share of the extra ${allocation.unit} a year from ${allocation.startYear}`,
    step(ctx, y) {
      const row = rowOf(ctx, slot, y);
      ctx.state.fill(y >= start ? allocation.amount * allocation.split[index] : 0, row, row + ctx.nb);
    },
  };
}
