/**
 * Progress of the best-split search (`allocate`): the library reports every split it scores; the
 * CLI shows a line on stderr only when stderr is a terminal (a pseudo-terminal through `script`),
 * and not with --quiet.
 */
import { spawn, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { allocateBudget } from "../../src/allocate/runAllocation.js";
import { catalogue, makeBaseline, scenario, target } from "../engine/helpers.js";
import { ROOT, tempDir } from "../region/helpers.js";

const baseline = makeBaseline({ out: { unit: "", values: { 2011: 100, 2012: 110, 2013: 121 } } });
const s = scenario(
  2013,
  2015,
  { out: { growth: { dist: "normal", mean: 0.08, sd: 0.03 } } },
  {
    seed: 3,
    programmes: {
      a: { name: { zh: "甲", en: "A" }, effects: [{ indicator: "out", max_effect: 0.1, half_budget: 1000, lag: 0 }] },
      b: { name: { zh: "乙", en: "B" }, effects: [{ indicator: "out", max_effect: 0.05, half_budget: 500, lag: 0 }] },
    },
    budget: { amount: 0, start_year: 2014, split: { a: 0.5, b: 0.5 } },
  },
);

describe("allocate progress", () => {
  it("the library reports each split scored, 1, 2, … up to the evaluations of the answer", () => {
    const seen: number[] = [];
    const r = allocateBudget({
      scenario: s,
      scenarioFile: "mem.yaml",
      baseline,
      catalogue: catalogue(target("out_2015", "out", 2015, ">=", 150)),
      budget: 1000,
      paths: 100,
      onProgress: (n) => seen.push(n),
    });
    expect(seen.length).toBe(r.evaluations);
    expect(seen).toEqual(Array.from({ length: r.evaluations }, (_, i) => i + 1));
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  // Asynchronous on purpose: a long synchronous wait blocks vitest's worker (its RPC times out).
  const run = (extra: string) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(
        "script",
        [
          "-qec",
          `node dist/cli/main.js allocate --budget 3000 --paths 2000 --out ${tempDir("progress")} ${extra}`,
          "/dev/null",
        ],
        { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
      );
      let stdout = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.on("close", (status) => resolve({ status, stdout }));
    });
  it.skipIf(!hasScript)(
    "the CLI shows it on a terminal's stderr, and --quiet turns it off",
    async () => {
      const shown = await run("");
      expect(shown.status).toBe(0);
      expect(shown.stdout).toMatch(/allocate: \d+ splits evaluated/);
      expect(shown.stdout).toMatch(/allocate: done in/);
      const quiet = await run("--quiet");
      expect(quiet.status).toBe(0);
      expect(quiet.stdout).not.toContain("splits evaluated");
    },
    240_000,
  );
});
