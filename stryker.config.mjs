// Mutation testing (StrykerJS with its vitest runner): `npm run mutate`, outside `npm test`.
// Incremental: results are kept in reports/stryker-incremental.json and only mutants whose code
// or tests changed are run again. One folder at a time on a shared machine:
//   npm run mutate -- --mutate "src/report/**/*.ts"
// The vitest runner always scopes each mutant to the tests that cover it (per-test coverage).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "src/assess/**/*.ts",
    "src/report/**/*.ts",
    "src/allocate/**/*.ts",
    "src/forecast/**/*.ts",
    // generated data tables, not code
    "!src/forecast/reference-class-table.ts",
    // worker-thread machinery: it runs only compiled (dist/) in worker threads, where no mutant is
    // active; its scores are checked against the one-thread evaluator's in test/allocate/threads.test.ts
    "!src/allocate/threadedEvaluator.ts",
    "!src/allocate/evaluatorWorker.ts",
  ],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
