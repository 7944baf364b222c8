/** Wrong usage of the command line (unknown flag, missing value): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;
