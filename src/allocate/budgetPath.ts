/**
 * A budget that changes year by year: `--budget 1000,2000,3000` gives one amount a year from the
 * year after the scenario's base year. Fewer amounts than projected years: the last one is held (and
 * the answer says from which year); more: an error.
 *
 * The engine spends amount · profile_t in year t (model/allocation.ts, BudgetRun.profile), where
 * profile_t = A_t / max_s A_s: the amount an allocation speaks of is the peak yearly amount, and the
 * split (the shares of the programmes) is the same every year. So a programme's cap holds in every
 * year and its floor in the peak year. Goal seek scales the path: budget B spends B · profile_t.
 */
import { InputError } from "../data/errors.js";
import type { Plan } from "../simulate/plan.js";

/** The amounts of a budget path per projected year, as given and as spent. */
export interface BudgetPath {
  /** Projected years, from the year after the base year to the horizon. */
  years: number[];
  /** Amount per year (budget unit), the last given one held to the horizon. */
  amounts: number[];
  /** How many amounts were given. */
  given: number;
  /** First year whose amount is the last given one held; null when every year was given. */
  heldFrom: number | null;
  /** The largest yearly amount: what the allocation's `budget` is. */
  peak: number;
}

/** Checks a path of amounts against the plan's projected years and holds the last amount. */
export function budgetPath(amounts: readonly number[], plan: Plan, file: string): BudgetPath {
  const years = plan.years.slice(plan.baseIndex + 1);
  if (!amounts.length || amounts.some((a) => !(Number.isFinite(a) && a >= 0)))
    throw new InputError({
      file,
      problem: `the budget path ${amounts.join(",")} has an amount that is not a number ≥ 0`,
      fix: "give --budget as amounts ≥ 0 separated by commas, one a year, e.g. --budget 1000,2000,3000",
    });
  if (amounts.length > years.length)
    throw new InputError({
      file,
      problem: `--budget gives ${amounts.length} yearly amounts but the scenario projects ${years.length} year${years.length === 1 ? "" : "s"} (${years[0]}–${years[years.length - 1]})`,
      fix: `give at most ${years.length} amounts, one a year from ${years[0]}, or extend the scenario's horizon`,
    });
  const full = years.map((_, k) => amounts[Math.min(k, amounts.length - 1)]);
  return {
    years,
    amounts: full,
    given: amounts.length,
    heldFrom: amounts.length < years.length ? years[amounts.length] : null,
    peak: Math.max(...full),
  };
}

/** profile[y] over the plan's year indices y: the path's amount of year y over its peak (1 before the projection; all 1 when the peak is 0). */
export function budgetProfile(path: BudgetPath, plan: Plan): Float64Array {
  const profile = new Float64Array(plan.years.length).fill(1);
  if (path.peak > 0) path.amounts.forEach((a, k) => (profile[plan.baseIndex + 1 + k] = a / path.peak));
  return profile;
}
