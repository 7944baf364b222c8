import type { Comparator } from "../data/types.js";

/**
 * Relative tolerance of ≥ and ≤: a value computed to land exactly on the target (a budget topped
 * up to exactly 3%) may come out a rounding error short; 1e-9 relative is far below any figure's
 * precision. Strict > and < get no tolerance.
 */
const ROUNDING = 1e-9;

/** Does `value` meet `threshold` under the comparator? NaN never meets anything. */
export function meets(value: number, comparator: Comparator, threshold: number): boolean {
  const slack = ROUNDING * Math.abs(threshold);
  switch (comparator) {
    case ">=":
      return value >= threshold - slack;
    case ">":
      return value > threshold;
    case "<=":
      return value <= threshold + slack;
    case "<":
      return value < threshold;
  }
}

/** +1 when higher is better, −1 when lower is better. */
export function direction(comparator: Comparator): 1 | -1 {
  return comparator === ">=" || comparator === ">" ? 1 : -1;
}
