/**
 * A worker thread of `simulateInThreads` (threads.ts): rebuilds the plan from the same inputs
 * (plans hold functions, which cannot cross threads) and simulates its range of paths straight
 * into the shared output arrays. The numbers of a path depend only on (seed, path), so the columns
 * it writes are exactly those a one-thread run would write. Then, when asked, it summarises a range
 * of indicator slots over all paths.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { BudgetRun } from "../model/allocation.js";
import { simulate, summariseSlots } from "./monteCarlo.js";
import { buildPlan, type PlanInput } from "./plan.js";

interface Job {
  input: PlanInput;
  paths: number;
  seed: number;
  range: [number, number];
  budget?: BudgetRun;
  /** SharedArrayBuffers of the output: one per indicator slot, then the parameter draws. */
  values: SharedArrayBuffer[];
  draws: SharedArrayBuffer;
}

const job = workerData as Job;
const plan = buildPlan(job.input);
const sim = simulate(plan, {
  paths: job.paths,
  seed: job.seed,
  range: job.range,
  ...(job.budget ? { budget: job.budget } : {}),
  out: { values: job.values.map((b) => new Float64Array(b)), draws: new Float64Array(job.draws) },
});
parentPort!.postMessage("done");
// Second phase, once every thread has simulated its paths: summarise a range of indicator slots
// over all paths (the shared arrays now hold them all).
parentPort!.once("message", (slots: [number, number] | null) => {
  parentPort!.postMessage(slots ? summariseSlots(sim, slots[0], slots[1]) : []);
});
