/**
 * The programme budget of a plan. The plan holds the scenario's own budget (`Allocation`, never
 * changed after compiling); each run may be given another amount and split (`BudgetRun`), so the
 * optimiser tries many splits on one compiled plan (and one set of trend fits) without mutating it.
 */
export interface Allocation {
  /** Programme ids, in the order of `split`. */
  readonly programmes: readonly string[];
  /** Extra spending per year (budget unit) from `startYear` (when `share` is null). */
  readonly amount: number;
  /**
   * Instead of a fixed amount: each year, top the fiscal indicator up to `percent` % of the
   * indicator `of` (both compiled as slots by the plan); null for a fixed amount.
   */
  readonly share: { readonly of: string; readonly percent: number } | null;
  /** Share of `amount` per programme (sums to 1 when amount > 0). */
  readonly split: Readonly<Float64Array>;
  readonly startYear: number;
  readonly unit: string;
}

/**
 * The amount and split one run spends (budget unit per year; shares per programme in Allocation order).
 * With `profile`, a budget that changes year by year: the amount of year index y (the plan's years) is
 * amount · profile[y] (the profile is 1 at its peak year, so `amount` is the peak yearly amount); the
 * split is the same every year.
 */
export interface BudgetRun {
  amount: number;
  split: ArrayLike<number>;
  profile?: ArrayLike<number>;
}

/** The budget run that spends `spending[i]` on programme i (budget unit per year), shaped by `profile` when given. */
export function budgetOfSpending(spending: readonly number[], profile?: ArrayLike<number>): BudgetRun {
  const amount = spending.reduce((a, b) => a + b, 0);
  return { amount, split: spending.map((x) => (amount > 0 ? x / amount : 0)), ...(profile ? { profile } : {}) };
}
