/**
 * The Monte Carlo engine: runs a plan over many paths.
 *
 * Per path: parameters are drawn once (in plan order), then every node steps year by year,
 * drawing its own yearly shocks. Paths are simulated in blocks of BLOCK: each node computes a
 * year for the whole block in one call, on rows of a typed array. Every number comes from the
 * counter-based stream (seed, stream, path, year) (src/stats/rng.ts): parameters from stream 0,
 * node shocks from stream 1 + slot in each year, so path p's numbers are the same whatever the
 * block or batch size, the thread, or which nodes are recomputed; and a deterministic run (central
 * parameter values, no shocks, expected counts) equals a run whose uncertainty is all zero.
 * Correlations (scenario `correlations`) are Gaussian copulas applied within each path: of
 * parameters, to normals of the path's shared stream; of yearly shocks, within each year to the
 * first normal of each member node's own stream, so a correlation of 0 changes nothing.
 */

import type { BudgetRun } from "../model/allocation.js";
import { clamp, type StepContext } from "../model/types.js";
import { correlate } from "../stats/copula.js";
import { normalCdf } from "../stats/normal.js";
import { centralValue as centralOf, draw, fromStandardNormal } from "../stats/param.js";
import { summarise } from "../stats/quantiles.js";
import { CounterRng, SHARED_STREAMS } from "../stats/rng.js";
import { standardNormal } from "../stats/samplers.js";
import type { Plan } from "./plan.js";
import { QUANTILE_LEVELS, type SeriesSummary } from "./types.js";

/** The simulated paths of every indicator: values by indicator, path and year. */
export interface Simulation {
  plan: Plan;
  paths: number;
  seed: number;
  /** Projected years: the year after the base year to the horizon. */
  years: number[];
  /** Per indicator slot: values laid out [yearIndex * paths + path] for `years`. */
  values: Float64Array[];
  /** Parameter draws laid out [paramIndex * paths + path] (plan.params order). */
  draws: Float64Array;
  /** The paths [from, to) this run simulated (all of them unless `range` was given); the arrays hold only these. */
  range?: [number, number];
  /** Mean and quantiles of every indicator and year, when the run computed them (threaded runs summarise in their workers). */
  summary?: SeriesSummary[];
}

/** Options of a simulation: paths, seed, deterministic (no uncertainty), progress callback and a range of paths. */
export interface SimulateOptions {
  paths: number;
  seed: number;
  deterministic?: boolean;
  /** Called now and then with the number of paths done. */
  onProgress?: (done: number, total: number) => void;
  /** Simulate only paths [from, to) (the result still has room for all paths; used for batching). */
  range?: [number, number];
  /**
   * Arrays to write the output into instead of allocating them (same layout as Simulation.values
   * and .draws, all paths). Worker threads pass views of shared memory, so a run over several
   * threads holds its output once; an allocation search reuses one set across its runs. With
   * `reuse`, an indicator that is not recomputed may be given `reuse.sim`'s own array, which is
   * then left as it is.
   */
  out?: { values: Float64Array[]; draws: Float64Array };
  /**
   * Parameters held at given values (index in plan.params → value), e.g. for a tornado.
   * They are still drawn first, so every other draw stays where it was (common random numbers).
   */
  fixed?: Map<number, number>;
  /**
   * A previous run of the same plan with the same paths, seed and range: its parameter draws are
   * reused, and every node not marked in `recompute` (by slot) copies its values from it
   * instead of stepping. Used to evaluate many budget splits, where only the programmes and
   * what they serve change. The result is identical to a full run.
   */
  reuse?: { sim: Simulation; recompute: Uint8Array };
  /** The programme budget to spend (default: the scenario's, plan.allocation). */
  budget?: BudgetRun;
}

/** Paths stepped together at most: each node is called once per year per block (see src/model/types.ts). */
export const BLOCK = 128;

/**
 * Bytes of working state (indicators × years × paths of a block, 8 bytes a value) a block aims to
 * stay within: a plan of many indicators or years (a trend-only run of 518 series is 21 MB a block
 * at 128 paths) steps fewer paths at a time, down to 16, so its state stays near the cache. The
 * bundled plan (77 × 15 rows) keeps 128. The numbers of a path do not depend on the block size,
 * so this changes only the speed (a trend-only run of the 518 tourism series: about 4% less CPU).
 */
const BLOCK_STATE_BYTES = 4 << 20;

/** The block size of a plan with `rows` (indicator, year) rows of state. */
export function blockSize(rows: number): number {
  return Math.max(16, Math.min(BLOCK, 2 ** Math.floor(Math.log2(BLOCK_STATE_BYTES / (8 * rows)))));
}

/** Runs the seeded Monte Carlo of a plan in this thread. */
export function simulate(plan: Plan, opts: SimulateOptions): Simulation {
  const { paths, seed } = opts;
  const deterministic = opts.deterministic ?? false;
  const n = plan.years.length;
  const first = plan.baseIndex + 1;
  const outYears = plan.years.slice(first);
  const nOut = outYears.length;
  const nodes = plan.order.map((i) => plan.nodes[i]);
  const nSlots = plan.indicators.length;
  const nParams = plan.params.length;
  const startYear = nodes.reduce((m, x) => Math.min(m, x.firstStep), Infinity);
  const [from, to] = opts.range ?? [0, paths];
  const values = opts.out?.values ?? plan.indicators.map(() => new Float64Array(nOut * paths));
  const draws = opts.out?.draws ?? new Float64Array(nParams * paths);
  if (values.length !== nSlots || values.some((v) => v.length !== nOut * paths) || draws.length !== nParams * paths) {
    throw new RangeError("simulate: `out` arrays do not have the plan's shape");
  }
  const block = Math.max(1, Math.min(blockSize(nSlots * n), to - from));

  // The observed history, in each path's column. Filled once: a node writes only its own rows from
  // its firstStep on, every year and for every path of each block, so the rows before are never
  // written and every block finds them as they were.
  const state = new Float64Array(nSlots * n * block);
  for (let r = 0; r < nSlots * n; r++) state.fill(plan.history[r], r * block, (r + 1) * block);
  const params = new Float64Array(nParams * block);
  const paramRng = new CounterRng(seed);
  const copula = plan.copula;
  const copulaRng = new CounterRng(seed);
  const eps = new Float64Array(copula?.members.length ?? 0);
  const scores = new Float64Array(eps.length);
  // Correlated yearly shocks: per year, each member's first normal of its own stream (what it would
  // draw itself), correlated by L and handed to the node as ctx.shocks (model/types.ts, drawShock).
  const shockCopula = deterministic ? null : plan.shockCopula;
  const nShocks = shockCopula?.members.length ?? 0;
  const shockRngs = Array.from({ length: nShocks }, () => Array.from({ length: block }, () => new CounterRng(seed)));
  const shockEps = new Float64Array(nShocks);
  const shockZ = new Float64Array(nShocks);
  const shockRows = new Float64Array(nShocks * block);
  const shocksOf = new Map(
    shockCopula?.members.map((slot, j) => [slot, shockRows.subarray(j * block, (j + 1) * block)]),
  );
  const slots = plan.order;
  const reuse = opts.reuse;
  if (
    reuse &&
    (reuse.sim.paths !== paths ||
      reuse.sim.seed !== seed ||
      reuse.sim.plan !== plan ||
      deterministic ||
      (reuse.sim.range?.[0] ?? 0) !== from ||
      (reuse.sim.range?.[1] ?? paths) !== to)
  ) {
    throw new Error("simulate: reuse needs a run of the same plan, paths, seed and range of paths");
  }
  // Nodes whose values come from `reuse` (never nodes that also fill years before the projection).
  const copied = nodes.map((node, i) => !!reuse && !reuse.recompute[slots[i]] && node.firstStep >= first);
  // One shock stream per node (stream 1 + slot), positioned at (path, year) before each step.
  const streams = slots.map((slot) => 1 + slot);
  const rngs = nodes.map((node) =>
    node.random && !deterministic ? Array.from({ length: block }, () => new CounterRng(seed)) : [],
  );
  const scratches = nodes.map((node) => new Float64Array((node.scratchRows ?? 0) * block));
  const firstWords = new Uint32Array(2 * block); // working memory of CounterRng.atBlock
  const budget = opts.budget ?? plan.allocation;
  if (budget && plan.allocation && budget.split.length !== plan.allocation.programmes.length)
    throw new RangeError(
      `simulate: the budget splits over ${budget.split.length} programmes, the plan has ${plan.allocation.programmes.length}`,
    );
  const ctx: StepContext = {
    state,
    nYears: n,
    block,
    nb: block,
    params,
    rngs: [],
    scratch: new Float64Array(0),
    shocks: null,
    deterministic,
    budget,
  };
  const nodeShocks = slots.map((slot) => shocksOf.get(slot) ?? null);
  const fixed = opts.fixed;
  const progressEvery = Math.max(block, Math.floor(paths / 50));
  let reported = from;

  for (let p0 = from; p0 < to; p0 += block) {
    const nb = Math.min(block, to - p0);
    ctx.nb = nb;
    // Parameters: each path's draws come from its own stream 0, in plan order.
    if (reuse) {
      for (let k = 0; k < nParams; k++) copyRow(reuse.sim.draws, k * paths + p0, params, k * block, nb);
      fixed?.forEach((v, k) => params.fill(v, k * block, k * block + nb));
    } else
      for (let b = 0; b < nb; b++) {
        paramRng.at(0, p0 + b, 0);
        for (let k = 0; k < nParams; k++) {
          const slot = plan.params[k];
          const v = slot.custom
            ? deterministic
              ? slot.custom.central
              : slot.custom.quantile(paramRng.next())
            : deterministic
              ? centralOf(slot.param)
              : draw(slot.param, paramRng);
          params[k * block + b] = fixed?.has(k) ? fixed.get(k)! : clamp(v, slot.min ?? -Infinity, slot.max ?? Infinity);
        }
        // Correlated parameters: drawn again from the path's copula stream and replaced (their
        // independent draws above keep every other draw where it was: common random numbers).
        if (copula && !deterministic) {
          copulaRng.at(SHARED_STREAMS, p0 + b, 0);
          for (let j = 0; j < eps.length; j++) eps[j] = standardNormal(copulaRng);
          correlate(copula.lower, eps, scores);
          for (let j = 0; j < eps.length; j++) {
            const k = copula.members[j];
            if (fixed?.has(k)) continue;
            const slot = plan.params[k];
            const v = slot.custom
              ? slot.custom.quantile(normalCdf(scores[j]))
              : fromStandardNormal(slot.param, scores[j]);
            params[k * block + b] = clamp(v, slot.min ?? -Infinity, slot.max ?? Infinity);
          }
        }
      }
    for (let y = startYear; y < n; y++) {
      if (shockCopula) {
        for (let j = 0; j < nShocks; j++)
          CounterRng.atBlock(shockRngs[j], 1 + shockCopula.members[j], p0, y, nb, firstWords);
        for (let b = 0; b < nb; b++) {
          for (let j = 0; j < nShocks; j++) shockEps[j] = standardNormal(shockRngs[j][b]);
          correlate(shockCopula.lower, shockEps, shockZ);
          for (let j = 0; j < nShocks; j++) shockRows[j * block + b] = shockZ[j];
        }
      }
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        if (y < node.firstStep) continue;
        if (copied[i]) {
          copyRow(reuse!.sim.values[slots[i]], (y - first) * paths + p0, state, (slots[i] * n + y) * block, nb);
          continue;
        }
        const r = rngs[i];
        if (r.length > 0) CounterRng.atBlock(r, streams[i], p0, y, nb, firstWords);
        ctx.rngs = r;
        ctx.scratch = scratches[i];
        ctx.shocks = nodeShocks[i];
        node.step(ctx, y, node.paramOffset);
      }
    }
    // Plain loops, not set(subarray(…)): a block has 770 rows of 128 values, and a subarray per
    // row cost more than the copy itself.
    for (let k = 0; k < nParams; k++) copyRow(params, k * block, draws, k * paths + p0, nb);
    for (let s = 0; s < nSlots; s++) {
      const out = values[s];
      if (out === reuse?.sim.values[s]) continue; // `out` shares a copied indicator's array with `reuse`: already there
      for (let j = 0; j < nOut; j++) copyRow(state, (s * n + first + j) * block, out, j * paths + p0, nb);
    }
    if (opts.onProgress && p0 + nb - reported >= progressEvery) {
      reported = p0 + nb;
      opts.onProgress(reported, paths);
    }
  }
  return {
    plan,
    paths,
    seed,
    years: outYears,
    values,
    draws,
    ...(opts.range ? { range: [from, to] as [number, number] } : {}),
  };
}

/** Copies `count` values from `from[fromStart…]` to `to[toStart…]`. */
function copyRow(from: Float64Array, fromStart: number, to: Float64Array, toStart: number, count: number): void {
  for (let b = 0; b < count; b++) to[toStart + b] = from[fromStart + b];
}

/** Bytes a full run of `paths` paths holds in its output (values and parameter draws, 8 bytes each). */
export function simulationBytes(plan: Plan, paths: number): number {
  const nOut = plan.years.length - plan.baseIndex - 1;
  return (plan.indicators.length * nOut + plan.params.length) * paths * 8;
}

/** The deterministic projection: one path at central values, no shocks. */
export function project(plan: Plan): Simulation {
  return simulate(plan, { paths: 1, seed: 0, deterministic: true });
}

/** Values of one indicator in one projected year across paths (a view, not a copy). */
export function pathValues(sim: Simulation, indicator: string, year: number): Float64Array | undefined {
  const slot = sim.plan.indicators.indexOf(indicator);
  const j = sim.years.indexOf(year);
  if (slot < 0 || j < 0) return undefined;
  return sim.values[slot].subarray(j * sim.paths, (j + 1) * sim.paths);
}

/** Mean and quantiles 5…95 of every indicator in every projected year (computed once: a threaded run brings its own). */
export function summariseSimulation(sim: Simulation): SeriesSummary[] {
  return sim.summary ?? summariseSlots(sim, 0, sim.plan.indicators.length);
}

/** Mean and quantiles 5…95 of the indicators in slots [from, to), every projected year, in slot then year order. */
export function summariseSlots(sim: Simulation, from: number, to: number): SeriesSummary[] {
  const out: SeriesSummary[] = [];
  for (let slot = from; slot < to; slot++) {
    const indicator = sim.plan.indicators[slot];
    sim.years.forEach((year, j) => {
      const { mean, quantiles: q } = summarise(
        sim.values[slot].subarray(j * sim.paths, (j + 1) * sim.paths),
        QUANTILE_LEVELS,
      );
      out.push({ indicator, year, mean, p5: q[0], p10: q[1], p25: q[2], p50: q[3], p75: q[4], p90: q[5], p95: q[6] });
    });
  }
  return out;
}
