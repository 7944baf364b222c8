/** Wrong usage of the command line (unknown flag, missing value): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Exit codes after a signal: 128 + the signal number (the shell's convention). */
export const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;
