/**
 * Worker threads (src/simulate/threads.ts): the same seed gives the same bits for any thread count.
 * Runs the built CLI (dist/, built by test/global-setup.ts) and hashes results.json without its
 * timestamp; thread ranges start at paths that are not multiples of the block size, so this also
 * checks independence from batching.
 */

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadInputs } from "../../src/project/inputs.js";
import { loadScenario } from "../../src/scenario/load.js";
import { buildPlan } from "../../src/simulate/plan.js";
import { defaultThreads, MIN_CELLS_PER_THREAD } from "../../src/simulate/threads.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-threads-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function resultsHash(threads: number, paths: number): string {
  const out = path.join(tmp, `t${threads}-${paths}`);
  const r = spawnSync(
    "node",
    [
      "dist/cli/main.js",
      "run",
      "scenarios/baseline.yaml",
      "scenarios/accelerated-investment.yaml",
      "--threads",
      String(threads),
      "--paths",
      String(paths),
      "--out",
      out,
      "--format",
      "csv",
    ],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  const doc = JSON.parse(readFileSync(path.join(out, "results.json"), "utf8"));
  // The manifest records the thread count asked for; everything else must not depend on it.
  expect(doc.manifest.threads).toBe(threads);
  delete doc.generatedAt;
  delete doc.manifest.threads;
  return createHash("sha256")
    .update(JSON.stringify(doc))
    .update(readFileSync(path.join(out, "risk.csv")))
    .digest("hex");
}

describe("worker threads", () => {
  it("give byte-identical results.json and risk.csv for 1, 2 and 3 threads (correlated parameters and yearly shocks)", async () => {
    // The shocks case: the bundled baseline (and the variant extending it) correlates both.
    const inputs = await loadInputs({});
    const { scenario } = await loadScenario(path.join(root, "scenarios/baseline.yaml"));
    const plan = buildPlan({ scenario, scenarioFile: "baseline.yaml", ...inputs });
    expect(plan.copula?.members.length).toBeGreaterThan(1);
    expect(plan.shockCopula?.members.map((s) => plan.indicators[s])).toEqual(
      expect.arrayContaining(["gdp", "general_budget_expenditure", "rd_expenditure"]),
    );
    const paths = 1_001; // 1,001 / 3 and / 2 cut the paths off the 128-path blocks
    const one = resultsHash(1, paths);
    expect(resultsHash(2, paths)).toBe(one);
    expect(resultsHash(3, paths)).toBe(one);
  });

  it("record a manifest with the version, the runs and the SHA-256 of every input", () => {
    const out = path.join(tmp, "manifest");
    const r = spawnSync(
      "node",
      [
        "dist/cli/main.js",
        "run",
        "scenarios/baseline.yaml",
        "--paths",
        "100",
        "--seed",
        "7",
        "--out",
        out,
        "--format",
        "csv",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(path.join(out, "results.json"), "utf8")).manifest;
    expect(m.version).toBe(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version);
    expect(m.runs).toEqual([{ scenario: "scenarios/baseline.yaml", paths: 100, seed: 7 }]);
    const files = m.inputs.map((i: { file: string }) => i.file);
    expect(files).toEqual(
      expect.arrayContaining(["data/baseline/haizhou.csv", "data/targets/haizhou-2015.csv", "scenarios/baseline.yaml"]),
    );
    for (const i of m.inputs)
      expect(i.sha256).toBe(
        createHash("sha256")
          .update(readFileSync(path.join(root, i.file)))
          .digest("hex"),
      );
  });

  it("change the results when the paths change (the hash is not blind)", () => {
    expect(resultsHash(2, 1_000)).not.toBe(resultsHash(2, 1_001));
  });

  it("default to one thread for a small run and to more for a big one", async () => {
    const inputs = await loadInputs({});
    const { scenario } = await loadScenario(path.join(root, "scenarios/baseline.yaml"));
    const plan = buildPlan({ scenario, scenarioFile: "baseline.yaml", ...inputs });
    const cellsPerPath = plan.indicators.length * (plan.years.length - plan.baseIndex - 1);
    expect(defaultThreads(plan, Math.floor(MIN_CELLS_PER_THREAD / cellsPerPath) - 1)).toBe(1);
    expect(defaultThreads(plan, 1_000_000)).toBeGreaterThanOrEqual(
      Math.min(2, (await import("node:os")).availableParallelism()),
    );
  });
});

describe("memory guard", () => {
  it("refuses a run whose results would not fit in 1 GB, saying how many paths fit, before simulating", async () => {
    const { runScenario, MAX_OUTPUT_BYTES } = await import("../../src/assess/runScenario.js");
    const { simulationBytes } = await import("../../src/simulate/monteCarlo.js");
    const inputs = await loadInputs({});
    const { scenario } = await loadScenario(path.join(root, "scenarios/baseline.yaml"));
    const plan = buildPlan({ scenario, scenarioFile: "baseline.yaml", ...inputs });
    const fit = Math.floor(MAX_OUTPUT_BYTES / simulationBytes(plan, 1));
    const t0 = Date.now();
    expect(() => runScenario({ ...inputs, scenario, scenarioFile: "scenarios/baseline.yaml", paths: fit + 1 })).toThrow(
      new RegExp(`at most ${fit.toLocaleString("en")} paths`),
    );
    expect(Date.now() - t0).toBeLessThan(5_000); // refused up front, not after allocating
  });
});
