/**
 * Stopping cleanly. Commands register what must be undone if they stop early (a staging folder
 * of outputs not yet committed); it is undone on any exit — success, error, Ctrl-C (SIGINT, exit
 * 130) or SIGTERM (exit 143). A commit of outputs is a critical section: a signal that arrives
 * during it is held until the commit is complete, so the folder holds the old set or the new
 * one, never a mix. The handlers exit at once (they do not wait for a browser or a worker to
 * close; their child processes are killed as the process exits).
 */
import { EXIT_SIGNAL } from "./usage.js";

const cleanups = new Set<() => void>();
let inCritical = 0;
let pending: NodeJS.Signals | undefined;

/** Registers a synchronous clean-up; returns the function that unregisters it (call it once done). */
export function onCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  return () => {
    cleanups.delete(fn);
  };
}

/** Runs every registered clean-up once (each is removed before it runs; errors are ignored). */
export function runCleanups(): void {
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      // best effort: the process is ending
    }
  }
}

/** Runs `fn` with signals held until it is done (then a held signal stops the process). */
export async function critical<T>(fn: () => Promise<T>): Promise<T> {
  inCritical++;
  try {
    return await fn();
  } finally {
    inCritical--;
    if (inCritical === 0 && pending) stop(pending);
  }
}

function stop(signal: NodeJS.Signals): never {
  runCleanups();
  process.stderr.write(`\nstopped (${signal}); outputs not yet written were discarded, earlier outputs are intact\n`);
  process.exit(EXIT_SIGNAL[signal as keyof typeof EXIT_SIGNAL] ?? 1);
}

let installed = false;

/** Installs the SIGINT/SIGTERM handlers and the clean-up on exit (once per process). */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_SIGNAL) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (inCritical > 0) {
        pending = signal;
        return;
      }
      stop(signal);
    });
  }
  process.on("exit", runCleanups);
}
