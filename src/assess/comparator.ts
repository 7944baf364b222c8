import type { Comparator } from "../data/types.js";

/** Does `value` meet `threshold` under the comparator? NaN never meets anything. */
export function meets(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case ">=":
      return value >= threshold;
    case ">":
      return value > threshold;
    case "<=":
      return value <= threshold;
    case "<":
      return value < threshold;
  }
}

/** +1 when higher is better, −1 when lower is better. */
export function direction(comparator: Comparator): 1 | -1 {
  return comparator === ">=" || comparator === ">" ? 1 : -1;
}
