/**
 * The NumPy twin (bench/reference/engine_numpy.py) is an independent implementation of the engine,
 * with its own random numbers, run on the engine's plan as JSON. Run here at a small size so it
 * cannot drift from the engine unnoticed: in the last year every indicator's median must agree
 * within 2%, or (a count whose median sits on a step) each median must lie in the other sample's
 * band of quantiles 0.5 ± w, as bench/run.mjs checks at full size.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadInputs } from "../../src/project/inputs.js";
import { loadScenario } from "../../src/scenario/load.js";
import { simulate } from "../../src/simulate/monteCarlo.js";
import { buildPlan } from "../../src/simulate/plan.js";
import { planToJson } from "../../src/simulate/planJson.js";
import { quantileSorted } from "../../src/stats/quantiles.js";

const PATHS = 8000;

describe("NumPy twin of the engine (small size)", () => {
  it("gives the engine's medians for every indicator of the bundled baseline (both copulas and whole-number trends included)", async () => {
    const inputs = await loadInputs({});
    const { scenario } = await loadScenario("scenarios/baseline.yaml");
    const plan = buildPlan({ ...inputs, scenario, scenarioFile: "scenarios/baseline.yaml" });
    expect(plan.copula).not.toBeNull();
    expect(plan.shockCopula).not.toBeNull();
    const dir = mkdtempSync(path.join(tmpdir(), "twin-"));
    try {
      writeFileSync(path.join(dir, "plan.json"), JSON.stringify(planToJson(plan)));
      const py = spawnSync(
        "python3",
        [
          "bench/reference/engine_numpy.py",
          "--plan",
          path.join(dir, "plan.json"),
          "--paths",
          String(PATHS),
          "--repeat",
          "1",
          "--summary",
          path.join(dir, "numpy.json"),
        ],
        { encoding: "utf8" },
      );
      expect(py.status, py.stderr).toBe(0);
      const twin = JSON.parse(readFileSync(path.join(dir, "numpy.json"), "utf8"));
      const sim = simulate(plan, { paths: PATHS, seed: 20141 });
      const w = twin.medianBand.halfWidth as number;
      const j = sim.years.length - 1;
      const bad: string[] = [];
      plan.indicators.forEach((id, slot) => {
        const sorted = Array.from(sim.values[slot].subarray(j * PATHS, (j + 1) * PATHS)).sort((a, b) => a - b);
        const median = quantileSorted(sorted, 0.5);
        const band = [quantileSorted(sorted, 0.5 - w), quantileSorted(sorted, 0.5 + w)];
        const y = twin.medians[id] as number;
        const [lo, hi] = twin.medianBand.values[id] as [number, number];
        const rel = median === y ? 0 : Math.abs(median - y) / Math.max(Math.abs(median), Math.abs(y));
        const onStep = median >= lo && median <= hi && y >= band[0] && y <= band[1];
        if (!(rel <= 0.02 || onStep)) bad.push(`${id}: engine ${median}, NumPy ${y}`);
      });
      expect(bad).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
