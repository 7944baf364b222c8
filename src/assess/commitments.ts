/**
 * A commitment (catalogue `nature: commitment`) is something the district decides — fiscal S&T
 * spending at 3% of the budget, a 500 万元 SME fund — not something it forecasts. It is reported as
 * a decision: adopted by the scenario (`adopts:`) or not, with
 *
 * - its cost, where the model knows it: per path p in the target year, the shortfall
 *     money target:                     c_p = max(0, T − v_p)                     (the indicator's unit)
 *     ratio v = scale · N / D, N money: c_p = max(0, T · D_p / scale − N_p)       (N's unit)
 *   summarised as mean, median and P90 over the paths. Only "at least" commitments (≥, >) have a
 *   cost: a ceiling is not bought;
 * - the forecast targets that depend on it: those whose indicator the committed quantity (the
 *   indicator, or the money numerator of its ratio) reaches in the plan's dependency graph.
 *
 * Adopting a commitment does not change the projection: the scenario's mechanisms still say how the
 * indicator moves (a budget top-up, `budget.share_of`, is how a scenario models the spending itself).
 * The assessment therefore says what honouring it would cost on top of the projection.
 */

import type { IndicatorDef, Target } from "../data/types.js";
import { findUnit } from "../data/units.js";
import type { Simulation } from "../simulate/monteCarlo.js";
import { pathValues } from "../simulate/monteCarlo.js";
import { downstream } from "../simulate/plan.js";
import { quantileSorted } from "../stats/quantiles.js";
import { meets } from "./comparator.js";
import type { CommitmentAssessment, CommitmentCost, CommitmentStatus } from "./types.js";

/** The status code of a commitment: adopted by the scenario or not. */
export function commitmentStatus(adopted: boolean): CommitmentStatus {
  return adopted ? "commitment_adopted" : "commitment_not_adopted";
}

/** What commitmentOf needs: the simulation, the target, its threshold and unit, and the units of indicators. */
export interface CommitmentInput {
  sim: Simulation;
  target: Target;
  threshold: number;
  adopted: boolean;
  /** The forecast targets of the catalogue (id and indicator), candidates for dependents. */
  forecasts: readonly Pick<Target, "id" | "indicator">[];
  /** Unit of an indicator (dictionary, then baseline, then catalogue). */
  unitOf: (indicator: string) => string;
}

const isMoney = (unit: string) => findUnit(unit)?.dimension === "money";

/** The committed quantity: the indicator itself, or the money numerator of its ratio, with the needed value per path. */
function committedQuantity(
  input: CommitmentInput,
): { indicator: string; unit: string; needed: (p: number) => number; values: Float64Array } | null {
  const { sim, target, threshold } = input;
  const year = target.targetYear;
  if (target.comparator !== ">=" && target.comparator !== ">") return null;
  if (target.kind !== "relative_to_base" && isMoney(target.unit)) {
    const values = pathValues(sim, target.indicator, year);
    return values ? { indicator: target.indicator, unit: target.unit, needed: () => threshold, values } : null;
  }
  const slot = sim.plan.indicators.indexOf(target.indicator);
  const node = slot >= 0 ? sim.plan.nodes[slot] : undefined;
  if (node?.mechanism !== "ratio") return null;
  const numerator = sim.plan.indicators[node.constants.numerator as number];
  const denominator = sim.plan.indicators[node.constants.denominator as number];
  const scale = node.constants.scale as number;
  const unit = input.unitOf(numerator);
  if (!isMoney(unit)) return null;
  const values = pathValues(sim, numerator, year);
  const den = pathValues(sim, denominator, year);
  if (!values || !den) return null;
  return { indicator: numerator, unit, needed: (p) => (threshold * den[p]) / scale, values };
}

/** The decision view of one commitment (see the file comment); `sample` is its indicator in the target year. */
export function commitmentOf(input: CommitmentInput, sample: Float64Array): CommitmentAssessment {
  const { sim, target, threshold } = input;
  let hits = 0;
  for (let p = 0; p < sample.length; p++) if (meets(sample[p], target.comparator!, threshold)) hits++;
  const quantity = committedQuantity(input);
  let cost: CommitmentCost | null = null;
  if (quantity) {
    const shortfall = new Float64Array(quantity.values.length);
    let sum = 0;
    for (let p = 0; p < shortfall.length; p++) {
      shortfall[p] = Math.max(0, quantity.needed(p) - quantity.values[p]);
      sum += shortfall[p];
    }
    const sorted = shortfall.slice().sort();
    if (Number.isFinite(sum))
      cost = {
        indicator: quantity.indicator,
        unit: quantity.unit,
        year: target.targetYear,
        mean: sum / shortfall.length,
        median: quantileSorted(sorted, 0.5),
        p90: quantileSorted(sorted, 0.9),
      };
  }
  const roots = [target.indicator, ...(quantity ? [quantity.indicator] : [])]
    .map((id) => sim.plan.indicators.indexOf(id))
    .filter((s) => s >= 0);
  const reached = downstream(sim.plan, roots);
  const dependents = input.forecasts
    .filter((t) => t.indicator !== target.indicator)
    .filter((t) => {
      const s = sim.plan.indicators.indexOf(t.indicator);
      return s >= 0 && reached[s] === 1;
    })
    .map((t) => t.id);
  return {
    adopted: input.adopted,
    pMetByProjection: sample.length ? hits / sample.length : null,
    cost,
    dependents,
  };
}

/** Unit of an indicator from the dictionary, else the baseline series, else "". */
export function indicatorUnit(
  dictionary: Map<string, IndicatorDef> | undefined,
  baselineUnit: (id: string) => string | undefined,
): (id: string) => string {
  return (id) => dictionary?.get(id)?.unit ?? baselineUnit(id) ?? "";
}
