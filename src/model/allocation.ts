/**
 * The budget split a plan runs with. It is mutable on purpose: the optimiser changes the
 * amount and the split between runs without recompiling the plan (and without refitting trends).
 */
export interface Allocation {
  /** Programme ids, in the order of `split`. */
  programmes: string[];
  /** Extra spending per year (budget unit) from `startYear` (when `share` is null). */
  amount: number;
  /**
   * Instead of a fixed amount: each year, top the fiscal indicator up to `percent` % of the
   * indicator `of` (both compiled as slots by the plan); null for a fixed amount.
   */
  share: { of: string; percent: number } | null;
  /** Share of `amount` per programme (sums to 1 when amount > 0). */
  split: Float64Array;
  startYear: number;
  unit: string;
}
