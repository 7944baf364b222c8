// Helpers shared by the benchmark scripts.

/** Median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The JSON object a child benchmark prints on its last line. */
export function lastJsonLine(stdout) {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

/** Report a failed child process and stop. */
export function fail(what, r) {
  console.error(`${what} failed (exit ${r.status ?? r.signal ?? r.error?.message}):\n${r.stderr || r.stdout}`);
  process.exit(2);
}
