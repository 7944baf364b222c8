/**
 * The joint view of a run: how many targets are met together. On each Monte Carlo path count
 * the assessed targets met in their year, N_p = Σ_i 1[target i met on path p]; then
 *
 *   exactly[k] = share of paths with N_p = k,   atLeast[k] = share of paths with N_p ≥ k,
 *
 * for k = 0..n. Computed path by path, so targets that move together (same indicator, same
 * drivers) are not treated as independent. Σ_{k≥1} atLeast[k] = E[N] = Σ_i P(met_i).
 */
import type { Simulation } from "../simulate/monteCarlo.js";
import { pathValues } from "../simulate/monteCarlo.js";
import { meets } from "./comparator.js";
import type { JointView, TargetAssessment } from "./types.js";

export function jointView(sim: Simulation, targets: readonly TargetAssessment[]): JointView {
  const counts = new Int32Array(sim.paths);
  let n = 0;
  for (const t of targets) {
    if (t.pMet === null || t.comparator === null || t.threshold === null) continue;
    const sample = pathValues(sim, t.indicator, t.targetYear);
    if (!sample) continue;
    n++;
    // Stryker disable next-line EqualityOperator: p <= length reads undefined past the end, which meets no comparator
    for (let p = 0; p < sample.length; p++) if (meets(sample[p], t.comparator, t.threshold)) counts[p]++;
  }
  const histogram = new Float64Array(n + 1);
  // Stryker disable next-line EqualityOperator: p <= length adds to histogram[undefined], a property, not an element
  for (let p = 0; p < counts.length; p++) histogram[counts[p]]++;
  const exactly = Array.from(histogram, (h) => h / sim.paths);
  // Stryker disable next-line ArrayDeclaration: the loop below writes every index 0..n
  const atLeast = new Array<number>(n + 1);
  let tail = 0;
  for (let k = n; k >= 0; k--) {
    tail += histogram[k];
    atLeast[k] = tail / sim.paths;
  }
  let mean = 0;
  for (let p = 0; p < counts.length; p++) mean += counts[p];
  mean /= sim.paths;
  let ss = 0;
  for (let p = 0; p < counts.length; p++) ss += (counts[p] - mean) ** 2;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: paths ≥ 1, and one path gives 0 / 0 = NaN anyway
  const sd = sim.paths > 1 ? Math.sqrt(ss / (sim.paths - 1)) : NaN;
  return {
    targets: n,
    expectedMet: mean,
    expectedMetStandardError: sd / Math.sqrt(sim.paths),
    exactly,
    atLeast,
  };
}
