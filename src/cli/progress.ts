/**
 * A progress line on stderr for runs that take over a second; silent for quick runs and
 * when stderr is not a terminal (CI logs stay clean).
 */
export function progressReporter(label: string): { update(done: number, total: number): void; end(): void } {
  const start = Date.now();
  let shown = false;
  const tty = process.stderr.isTTY === true;
  return {
    update(done, total) {
      if (!tty || Date.now() - start < 1000) return;
      shown = true;
      process.stderr.write(`\r${label}: ${Math.round((100 * done) / total)}% (${done}/${total} paths)`);
    },
    end() {
      if (shown)
        process.stderr.write(`\r${label}: done in ${((Date.now() - start) / 1000).toFixed(1)} s${" ".repeat(20)}\n`);
    },
  };
}
