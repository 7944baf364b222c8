/**
 * The test selection for mutation testing (`npm run mutate`, stryker.config.mjs): the in-process
 * unit and property tests. Left out: tests that run the compiled CLI or worker threads (dist/ is
 * not mutated, so they cannot kill a mutant), the browser, PNG rendering and the notebooks (slow,
 * and they need system packages). No globalSetup: a few files mix in-process tests with a CLI
 * call (test/charts/chartCommand.test.ts, test/report/files.test.ts), so `npm run mutate` builds
 * dist/ first and Stryker copies it into its sandbox.
 */
import { defineConfig } from "vitest/config";

// TARGETCAST_MUTATE_TESTS narrows the selection to comma-separated globs (e.g. "test/assess/**"),
// so that one folder's mutants run against its own tests on a shared machine. Fewer tests can only
// kill fewer mutants: a score measured that way is a lower bound of the whole selection's.
const only = process.env.TARGETCAST_MUTATE_TESTS?.split(",").filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : ["test/**/*.test.ts"],
    exclude: [
      "test/notebooks/**",
      "test/hostile/corpus.test.ts",
      "test/allocate/cli.test.ts",
      "test/assess/runJson.test.ts",
      "test/report/deck.test.ts",
      "test/package/**",
      "test/hostile/interrupt.test.ts",
      "test/hostile/schemaWrite.test.ts",
      "test/report/browser.test.ts",
      "test/report/outputs.test.ts",
      "test/region/cli.test.ts",
      "test/region/library.test.ts",
      "test/scenario/cli.test.ts",
      "test/engine/threads.test.ts",
      "test/charts/render.test.ts",
      "test/architecture/**",
    ],
    testTimeout: 60_000,
  },
});
