/**
 * A worker thread of `makeThreadedEvaluator` (threadedEvaluator.ts): rebuilds the plan from the
 * same inputs, then scores every split the main thread hands over on its own range of paths
 * (`makeRangeScorer`), writing its hit counts and its paths' scores into shared memory. It waits
 * and answers with Atomics only, so the main thread can wait synchronously.
 */
import { workerData } from "node:worker_threads";
import { buildPlan } from "../simulate/plan.js";
import { makeRangeScorer } from "./evaluate.js";
import { CONTROL, ERROR_BYTES, type EvaluatorJob } from "./threadedEvaluator.js";

const job = workerData as EvaluatorJob;
const control = new Int32Array(job.control);
const views = (m: EvaluatorJob["base"]) => ({
  values: m.values.map((b) => new Float64Array(b)),
  draws: new Float64Array(m.draws),
});

function fail(e: unknown): void {
  const text = new TextEncoder().encode(e instanceof Error ? e.message : String(e)).slice(0, ERROR_BYTES - 1);
  new Uint8Array(job.error).set(text);
  Atomics.store(control, CONTROL.failed, 1);
  Atomics.notify(control, CONTROL.done);
}

try {
  const plan = buildPlan(job.input);
  const scorer = makeRangeScorer(
    plan,
    job.targets,
    job.commitments,
    job.paths,
    job.seed,
    job.range,
    { base: views(job.base), scratch: views(job.scratch) },
    job.profile,
  );
  const split = new Float64Array(job.split);
  const hits = new Int32Array(job.hits);
  const scorePerPath = new Float64Array(job.scorePerPath);
  const nProgrammes = plan.allocation?.programmes.length ?? 0;
  const row = job.index * (job.targets.length + job.commitments.length);
  let generation = Atomics.load(control, CONTROL.generation);
  Atomics.add(control, CONTROL.done, 1); // ready
  Atomics.notify(control, CONTROL.done);
  for (;;) {
    Atomics.wait(control, CONTROL.generation, generation);
    generation = Atomics.load(control, CONTROL.generation);
    if (generation < 0) break;
    const spending = Array.from(split.subarray(0, nProgrammes));
    const nFixed = Atomics.load(control, CONTROL.fixedCount);
    const fixed = nFixed > 0 ? new Map<number, number>() : undefined;
    for (let k = 0; k < nFixed; k++) fixed!.set(split[nProgrammes + 2 * k], split[nProgrammes + 2 * k + 1]);
    const counts = scorer.count(spending, fixed, scorePerPath);
    hits.set(counts.hits, row);
    hits.set(counts.commitmentHits, row + job.targets.length);
    Atomics.add(control, CONTROL.done, 1);
    Atomics.notify(control, CONTROL.done);
  }
} catch (e) {
  fail(e);
}
