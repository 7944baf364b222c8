/**
 * Where a non-finite projected value (NaN or ±Infinity) came from: on the first path where the
 * target's indicator is not finite in its target year, the first node, among the indicator and
 * every node it reads (directly or not), whose value stopped being finite — first by year, then in
 * the plan's evaluation order, so its inputs in that year were still finite. That node's
 * parameters (the scenario's assumptions, with their drawn values on that path) or, for a node
 * without parameters (a ratio), its inputs' values say what produced it. Numbers only: the
 * report layer (src/report/nonFiniteText.ts) says it in words.
 */
import type { NameBook } from "../scenario/assumptionLabel.js";
import { assumptionLabel, type BilingualName } from "../scenario/assumptionLabel.js";
import type { Simulation } from "../simulate/monteCarlo.js";

/** One assumption (parameter) of the node that produced a non-finite value, as drawn on that path. */
export interface OriginAssumption {
  /** Internal id, e.g. "gdp.growth". */
  id: string;
  label: BilingualName;
  value: number;
}

/** The node, year and path where a non-finite value first appeared, and what fed it. */
export interface NonFiniteOrigin {
  /** Path index (0-based) of the first path on which the target's value is not finite. */
  path: number;
  /** The indicator whose node first produced a non-finite value on that path. */
  indicator: string;
  mechanism: string;
  year: number;
  /** What the node made of its inputs: NaN, Infinity or -Infinity. */
  value: number;
  /** The node's parameters with their drawn values on that path (empty for a ratio, say). */
  assumptions: OriginAssumption[];
  /** The node's inputs in that year on that path (their values were finite), with their own nodes' assumptions. */
  inputs: { indicator: string; value: number; assumptions: OriginAssumption[] }[];
}

/** Slots of `start` and every slot it reads, directly or through others. */
function upstreamSlots(sim: Simulation, start: number): Set<number> {
  const seen = new Set<number>();
  const stack = [start];
  while (stack.length) {
    const slot = stack.pop()!;
    if (seen.has(slot)) continue;
    seen.add(slot);
    for (const r of sim.plan.nodes[slot].reads) stack.push(r);
  }
  return seen;
}

/**
 * The origin of the first non-finite value of `indicator` in `year`, or null when every path is
 * finite there (or the indicator or year is not simulated).
 */
export function nonFiniteOrigin(
  sim: Simulation,
  indicator: string,
  year: number,
  names: NameBook,
): NonFiniteOrigin | null {
  const slot = sim.plan.indicators.indexOf(indicator);
  const last = sim.years.indexOf(year);
  if (slot < 0 || last < 0) return null;
  const at = (s: number, j: number, p: number) => sim.values[s][j * sim.paths + p];
  let path = -1;
  for (let p = 0; p < sim.paths && path < 0; p++) if (!Number.isFinite(at(slot, last, p))) path = p;
  if (path < 0) return null;
  const assumptionsOf = (s: number): OriginAssumption[] => {
    const node = sim.plan.nodes[s];
    return node.params.map((param, i) => ({
      id: param.name,
      label: assumptionLabel(param.name, names),
      value: sim.draws[(node.paramOffset + i) * sim.paths + path],
    }));
  };
  const upstream = upstreamSlots(sim, slot);
  for (let j = 0; j <= last; j++) {
    for (const s of sim.plan.order) {
      if (!upstream.has(s) || Number.isFinite(at(s, j, path))) continue;
      const node = sim.plan.nodes[s];
      return {
        path,
        indicator: sim.plan.indicators[s],
        mechanism: node.mechanism,
        year: sim.years[j],
        value: at(s, j, path),
        assumptions: assumptionsOf(s),
        inputs: [...new Set(node.reads)]
          .filter((r) => r !== s)
          .map((r) => ({ indicator: sim.plan.indicators[r], value: at(r, j, path), assumptions: assumptionsOf(r) })),
      };
    }
  }
  // Not reached: the target's own slot is upstream of itself and is not finite in `last`.
  return null;
}
