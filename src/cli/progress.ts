/**
 * A progress line on stderr for runs that take over a second; silent for quick runs, when
 * stderr is not a terminal (CI logs stay clean) and with --quiet.
 */
export function progressReporter(
  label: string,
  unit = "paths",
): { update(done: number, total?: number): void; end(): void } {
  const start = Date.now();
  let shown = false;
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total) {
      if (!tty || Date.now() - start < 1000) return;
      shown = true;
      // Without a total (a search whose length is not known in advance): the count alone.
      process.stderr.write(
        total === undefined
          ? `\r${label}: ${done} ${unit}`
          : `\r${label}: ${Math.round((100 * done) / total)}% (${done}/${total} ${unit})`,
      );
    },
    end() {
      if (shown)
        process.stderr.write(`\r${label}: done in ${((Date.now() - start) / 1000).toFixed(1)} s${" ".repeat(20)}\n`);
    },
  };
}

/** The option every long command takes to turn the progress line off. */
export const QUIET_OPTION = { quiet: { type: "boolean" } } as const;

export function quiet(values: { quiet?: unknown }): boolean {
  return values.quiet === true;
}
