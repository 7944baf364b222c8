/**
 * Floors and caps of programme spending, and the checks that a budget can satisfy them.
 */
import { InputError } from "../data/errors.js";
import type { Scenario } from "../scenario/schema.js";

/** Per programme (in `programmes` order), the least and the most it may get, budget unit per year. */
export interface Bounds {
  programmes: string[];
  floor: number[];
  cap: number[];
}

export function programmeBounds(scenario: Scenario): Bounds {
  const programmes = Object.keys(scenario.programmes);
  return {
    programmes,
    floor: programmes.map((p) => scenario.programmes[p].floor),
    cap: programmes.map((p) => scenario.programmes[p].cap ?? Infinity),
  };
}

/** Throws a clear error when no split of `budget` respects every floor and cap. */
export function checkBudget(budget: number, b: Bounds, file: string): void {
  const floors = b.floor.reduce((a, x) => a + x, 0);
  const caps = b.cap.reduce((a, x) => a + x, 0);
  if (budget < floors - 1e-9) {
    throw new InputError({
      file,
      problem: `a budget of ${budget} is below the programmes' floors, which add up to ${floors} (${b.programmes.map((p, i) => `${p} ${b.floor[i]}`).join(", ")})`,
      fix: `give a budget of at least ${floors}, or lower the floors in the scenario's programmes`,
    });
  }
  if (budget > caps + 1e-9) {
    throw new InputError({
      file,
      problem: `a budget of ${budget} is above the programmes' caps, which add up to ${caps}`,
      fix: "lower the budget or raise the caps",
    });
  }
}

/** The equal split, moved into [floor, cap] while keeping the total (water-filling). */
export function equalSplit(budget: number, b: Bounds): number[] {
  const n = b.programmes.length;
  const x = b.floor.slice();
  let left = budget - x.reduce((a, v) => a + v, 0);
  for (let guard = 0; left > 1e-9 && guard < 100; guard++) {
    const open = x.map((v, i) => (v < b.cap[i] - 1e-12 ? i : -1)).filter((i) => i >= 0);
    if (!open.length) break;
    const share = left / open.length;
    for (const i of open) {
      const add = Math.min(share, b.cap[i] - x[i]);
      x[i] += add;
      left -= add;
    }
  }
  return n ? x : [];
}

export function feasible(x: readonly number[], b: Bounds): boolean {
  return x.every((v, i) => v >= b.floor[i] - 1e-9 && v <= b.cap[i] + 1e-9);
}
