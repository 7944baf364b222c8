/**
 * The Monte Carlo run spread over threads: paths [0, P) are cut into one contiguous range per
 * thread; this thread runs the first and a worker each of the others (worker.ts), all straight into
 * shared output arrays, so the output is held once whatever the thread count.
 * Every number of a path comes from the stream (seed, stream, path, year) (src/stats/rng.ts), so
 * the result is the same bit for bit for any number of threads, and equal to `simulate`.
 *
 * Thread count: `threads` if given, else one per core (os.availableParallelism) when the run is
 * big enough to pay for starting the workers (each rebuilds the plan, trend fits included),
 * else 1. Workers run the compiled file dist/simulate/worker.js; from TypeScript sources (tests)
 * a run asking for threads > 1 fails with a message saying to build first.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BudgetRun } from "../model/allocation.js";
import { type Simulation, simulate, summariseSimulation, summariseSlots } from "./monteCarlo.js";
import type { Plan, PlanInput } from "./plan.js";
import type { SeriesSummary } from "./types.js";

/** Path·indicator·years below which one thread is faster than starting workers. */
export const MIN_CELLS_PER_THREAD = 4_000_000;

/** The number of threads a run of this size uses when none is asked for. */
export function defaultThreads(plan: Plan, paths: number): number {
  const cells = paths * plan.indicators.length * (plan.years.length - plan.baseIndex - 1);
  return Math.max(1, Math.min(availableParallelism(), Math.floor(cells / MIN_CELLS_PER_THREAD)));
}

export interface ThreadedOptions {
  paths: number;
  seed: number;
  /** Threads to use (≥ 1); default: defaultThreads. */
  threads?: number;
  /** The programme budget to spend (default: the scenario's). */
  budget?: BudgetRun;
  /** Also compute the summary (mean and quantiles, `Simulation.summary`), each thread a share of the indicators. */
  summarise?: boolean;
}

/** Runs a plan's Monte Carlo over worker threads (the same bits as `simulate` for any thread count). */
export async function simulateInThreads(input: PlanInput, plan: Plan, opts: ThreadedOptions): Promise<Simulation> {
  const { paths, seed } = opts;
  const budget = opts.budget
    ? {
        amount: opts.budget.amount,
        split: Array.from(opts.budget.split),
        ...(opts.budget.profile ? { profile: Array.from(opts.budget.profile) } : {}),
      }
    : undefined;
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(plan, paths), paths));
  if (threads === 1) {
    const sim = simulate(plan, { paths, seed, ...(budget ? { budget } : {}) });
    return opts.summarise ? { ...sim, summary: summariseSimulation(sim) } : sim;
  }
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  if (!existsSync(workerFile))
    throw new Error(`threads: ${workerFile} is missing; run \`npm run build\` (worker threads run the compiled files)`);
  const nOut = plan.years.length - plan.baseIndex - 1;
  const shared = plan.indicators.map(() => new SharedArrayBuffer(nOut * paths * 8));
  const sharedDraws = new SharedArrayBuffer(plan.params.length * paths * 8);
  const cut = (total: number) => Array.from({ length: threads + 1 }, (_, i) => Math.round((i * total) / threads));
  const pathBounds = cut(paths);
  const slotBounds = cut(plan.indicators.length);
  // This thread runs the first range itself (it would otherwise wait), the workers the others.
  const workers = pathBounds.slice(1, -1).map(
    (from, i) =>
      new Worker(workerFile, {
        workerData: {
          input,
          paths,
          seed,
          budget,
          range: [from, pathBounds[i + 2]],
          values: shared,
          draws: sharedDraws,
        },
      }),
  );
  const values = shared.map((b) => new Float64Array(b));
  const draws = new Float64Array(sharedDraws);
  const name = (i: number) => `simulation worker ${i + 2} of ${threads}`;
  const answers = workers.map((w, i) => nextMessage(w, name(i)));
  try {
    simulate(plan, { paths, seed, range: [0, pathBounds[1]], ...(budget ? { budget } : {}), out: { values, draws } });
  } catch (e) {
    answers.forEach((a) => a.catch(() => {}));
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
  // Each worker answers twice: "done" after simulating its paths, then (once all are done) its share of the summary.
  await Promise.all(answers);
  const sim: Simulation = { plan, paths, seed, years: plan.years.slice(plan.baseIndex + 1), values, draws };
  const parts = await Promise.all(
    workers.map((w, i) => {
      w.postMessage(opts.summarise ? [slotBounds[i + 1], slotBounds[i + 2]] : null);
      return nextMessage(w, name(i)) as Promise<SeriesSummary[]>;
    }),
  );
  return opts.summarise ? { ...sim, summary: [...summariseSlots(sim, 0, slotBounds[1]), ...parts.flat()] } : sim;
}

/** The next message of a worker; rejects if it fails or exits first. */
function nextMessage(worker: Worker, name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (m: unknown) => {
      done();
      resolve(m);
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`${name} stopped (exit code ${code}) before it answered`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}
