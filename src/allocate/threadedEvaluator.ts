/**
 * An evaluator (evaluate.ts) whose Monte Carlo runs over threads: paths [0, P) are cut into one
 * contiguous range per thread, and each thread keeps its own base run of its range and scores
 * every split on it (this thread the first range, a worker each of the others: evaluatorWorker.ts),
 * writing into output arrays shared by all threads. Every
 * number of a path comes from the stream (seed, stream, path, year) (src/stats/rng.ts) and the
 * main thread adds whole hit counts, so every score is the same bit for bit for any thread count.
 *
 * `score` stays synchronous, as the searches (optimise.ts, goalSeek.ts) expect: the main thread
 * hands a split over in shared memory and waits on it with Atomics.wait, which the workers answer
 * without the main thread's event loop. A worker that fails writes its message there too.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Plan, PlanInput } from "../simulate/plan.js";
import {
  type Evaluator,
  type EvaluatorOptions,
  evaluatorOf,
  makeRangeScorer,
  type PreparedTarget,
  type RangeCounts,
  scorerMemory,
} from "./evaluate.js";

/** Slots of the control array (Int32, shared). */
export const CONTROL = {
  /** Bumped by the main thread for each split; −1 asks the workers to stop. */
  generation: 0,
  /** Workers done with the current generation (or ready, before the first). */
  done: 1,
  /** Set to 1 by a worker that failed; its message is in the error bytes. */
  failed: 2,
  /** Number of parameters held fixed in this split. */
  fixedCount: 3,
  length: 4,
} as const;

/** Bytes kept for a failing worker's message. */
export const ERROR_BYTES = 4096;

/** What a worker of the evaluator is given (structured-cloned, or shared memory). */
export interface EvaluatorJob {
  input: PlanInput;
  targets: PreparedTarget[];
  commitments: PreparedTarget[];
  profile?: number[];
  paths: number;
  seed: number;
  range: [number, number];
  /** Index of this worker: its hit counts go to row `index` of `hits`. */
  index: number;
  control: SharedArrayBuffer;
  error: SharedArrayBuffer;
  /** Spending per programme (Float64), then the fixed parameters as (index, value) pairs. */
  split: SharedArrayBuffer;
  /** Int32: per worker, the hits of every target then of every commitment. */
  hits: SharedArrayBuffer;
  scorePerPath: SharedArrayBuffer;
  base: { values: SharedArrayBuffer[]; draws: SharedArrayBuffer };
  scratch: { values: SharedArrayBuffer[]; draws: SharedArrayBuffer };
}

/** Longest a score waits for its workers before it gives up (a worker that died without a word). */
const WAIT_LIMIT_MS = 30 * 60 * 1000;

/**
 * An evaluator over `threads` worker threads (≥ 2), the same scores as `makeEvaluator`. The
 * workers rebuild the plan from `input` (plans hold functions, which cannot cross threads), which
 * must be the input `plan` was built from. Call `close()` when done.
 */
export function makeThreadedEvaluator(
  input: PlanInput,
  plan: Plan,
  targets: PreparedTarget[],
  paths: number,
  seed: number,
  threads: number,
  options: EvaluatorOptions = { commitments: [], honourAt: 0 },
): Evaluator {
  const workerFile = fileURLToPath(new URL("./evaluatorWorker.js", import.meta.url));
  if (!existsSync(workerFile))
    throw new Error(`threads: ${workerFile} is missing; run \`npm run build\` (worker threads run the compiled files)`);
  if (!plan.allocation) throw new Error("this scenario defines no programmes to allocate a budget to");
  const n = Math.max(1, Math.min(threads, paths));
  const nProgrammes = plan.allocation.programmes.length;
  const perWorker = targets.length + options.commitments.length;
  const sharedMemory = scorerMemory(plan, paths, (length) => new Float64Array(new SharedArrayBuffer(length * 8)));
  const buffers = (m: { values: Float64Array[]; draws: Float64Array }) => ({
    values: m.values.map((v) => v.buffer as SharedArrayBuffer),
    draws: m.draws.buffer as SharedArrayBuffer,
  });
  const control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4));
  const error = new SharedArrayBuffer(ERROR_BYTES);
  const split = new Float64Array(new SharedArrayBuffer((nProgrammes + 2 * plan.params.length) * 8));
  const hits = new Int32Array(new SharedArrayBuffer(Math.max(1, n * perWorker) * 4));
  const scorePerPath = new Float64Array(new SharedArrayBuffer(paths * 8));
  const bounds = Array.from({ length: n + 1 }, (_, i) => Math.round((i * paths) / n));
  // This thread scores the first range itself (it would otherwise wait), a worker each of the others.
  const own = makeRangeScorer(
    plan,
    targets,
    options.commitments,
    paths,
    seed,
    [0, bounds[1]],
    sharedMemory,
    options.profile,
  );
  const workers = bounds.slice(1, -1).map((from, i) => {
    const index = i + 1;
    const job: EvaluatorJob = {
      input,
      targets,
      commitments: options.commitments,
      ...(options.profile ? { profile: Array.from(options.profile) } : {}),
      paths,
      seed,
      range: [from, bounds[index + 1]],
      index,
      control: control.buffer as SharedArrayBuffer,
      error,
      split: split.buffer as SharedArrayBuffer,
      hits: hits.buffer as SharedArrayBuffer,
      scorePerPath: scorePerPath.buffer as SharedArrayBuffer,
      base: buffers(sharedMemory.base),
      scratch: buffers(sharedMemory.scratch),
    };
    const w = new Worker(workerFile, { workerData: job });
    w.unref(); // an evaluator left open does not keep the process alive
    return w;
  });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    Atomics.store(control, CONTROL.generation, -1);
    Atomics.notify(control, CONTROL.generation);
    for (const w of workers) void w.terminate();
  };
  // Wait until every worker has reached `done` (ready, or finished the split), or one has failed.
  const waitForWorkers = () => {
    const started = Date.now();
    for (;;) {
      if (Atomics.load(control, CONTROL.failed)) {
        const bytes = new Uint8Array(error);
        const end = bytes.indexOf(0);
        const message = new TextDecoder().decode(bytes.slice(0, end < 0 ? bytes.length : end));
        close();
        throw new Error(`allocation worker failed: ${message}`);
      }
      const done = Atomics.load(control, CONTROL.done);
      if (done >= workers.length) return;
      if (Date.now() - started > WAIT_LIMIT_MS) {
        close();
        throw new Error(`allocation workers did not answer within ${WAIT_LIMIT_MS / 60000} minutes`);
      }
      Atomics.wait(control, CONTROL.done, done, 1000);
    }
  };
  waitForWorkers(); // each has built its plan

  let baseMade = false;
  return evaluatorOf(plan, targets, paths, seed, options, {
    count(spending, fixed, out) {
      if (closed) throw new Error("this evaluator was closed");
      split.set(spending);
      let k = nProgrammes;
      for (const [index, value] of fixed ?? []) {
        split[k++] = index;
        split[k++] = value;
      }
      Atomics.store(control, CONTROL.fixedCount, fixed?.size ?? 0);
      Atomics.store(control, CONTROL.done, 0);
      Atomics.add(control, CONTROL.generation, 1);
      Atomics.notify(control, CONTROL.generation);
      const mine = own.count(spending, fixed, scorePerPath);
      hits.set(mine.hits, 0);
      hits.set(mine.commitmentHits, targets.length);
      waitForWorkers();
      // The first run without fixed parameters is each worker's base run (makeRangeScorer).
      baseMade ||= !fixed?.size;
      const counts: RangeCounts = {
        hits: new Int32Array(targets.length),
        commitmentHits: new Int32Array(options.commitments.length),
      };
      for (let w = 0; w < n; w++) {
        const row = w * perWorker;
        for (let i = 0; i < targets.length; i++) counts.hits[i] += hits[row + i];
        for (let i = 0; i < options.commitments.length; i++) counts.commitmentHits[i] += hits[row + targets.length + i];
      }
      out.set(scorePerPath);
      return counts;
    },
    draws: () => (baseMade ? sharedMemory.base.draws : null),
    close,
  });
}
