/**
 * Allocation over worker threads (src/allocate/threadedEvaluator.ts): every split scores the same
 * bits for any thread count. The workers run compiled files, so this uses dist/ (built by
 * test/global-setup.ts): the CLI, and the compiled library for the evaluator itself.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-allocate-threads-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function allocate(threads: number, args: string[]): string {
  const out = path.join(tmp, `t${threads}-${args.join("_").replace(/[^a-z0-9]/gi, "")}`);
  const r = spawnSync(
    "node",
    ["dist/cli/main.js", "allocate", ...args, "--threads", String(threads), "--out", out, "--format", "json"],
    { cwd: root, encoding: "utf8", timeout: 300_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const file = readFileSync(path.join(out, "allocation.json"), "utf8");
  expect(r.stdout.trim()).toBe(file.trim());
  return file;
}

describe("allocate --threads", () => {
  it("gives a byte-identical allocation.json for 1, 2 and 3 threads, with the tornado's fixed parameters", () => {
    // 301 paths: 301 / 2 and / 3 cut the paths off the 128-path blocks.
    const args = ["--budget", "3000", "--paths", "301", "--sensitivity"];
    const one = allocate(1, args);
    expect(allocate(2, args)).toBe(one);
    expect(allocate(3, args)).toBe(one);
    expect(JSON.parse(one).tornado.bars.length).toBeGreaterThan(0);
    expect(allocate(2, ["--budget", "3000", "--paths", "302", "--sensitivity"])).not.toBe(one); // not blind
  });

  it("gives the same goal-seek answer for 1 and 2 threads", () => {
    const args = ["--goal", "rd_intensity:0.5", "--paths", "257"];
    expect(allocate(2, args)).toBe(allocate(1, args));
  });
});

/** The bundled baseline's budget question at 4,000 a year, set up by the compiled library (inputs read from the project root). */
async function budgetSetup() {
  const { setUpBudgetQuestion } = await import(path.join(root, "dist/allocate/setup.js"));
  const { loadInputs } = await import(path.join(root, "dist/project/inputs.js"));
  const { loadScenario } = await import(path.join(root, "dist/scenario/load.js"));
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const inputs = await loadInputs({});
    const { scenario } = await loadScenario("scenarios/baseline.yaml");
    return setUpBudgetQuestion({ ...inputs, scenario, scenarioFile: "scenarios/baseline.yaml" }, 4000);
  } finally {
    process.chdir(cwd);
  }
}

describe("makeThreadedEvaluator", () => {
  it("scores every split as makeEvaluator does, then refuses to score once closed", async () => {
    const { makeEvaluator } = await import(path.join(root, "dist/allocate/evaluate.js"));
    const { makeThreadedEvaluator } = await import(path.join(root, "dist/allocate/threadedEvaluator.js"));
    const setup = await budgetSetup();
    const paths = 203;
    const one = makeEvaluator(setup.plan, setup.targets, paths, 99, setup.constraints);
    const two = makeThreadedEvaluator(setup.planInput, setup.plan, setup.targets, paths, 99, 2, setup.constraints);
    const n = setup.bounds.programmes.length;
    const splits: number[][] = [
      Array(n).fill(4000 / n),
      Array.from({ length: n }, (_, i) => (i === 0 ? 4000 : 0)),
      Array(n).fill(0),
    ];
    for (const split of splits) {
      const a = one.score(split);
      const b = two.score(split);
      expect(Array.from(b.pMet)).toEqual(Array.from(a.pMet));
      expect(Array.from(b.scorePerPath)).toEqual(Array.from(a.scorePerPath));
      expect(b.expectedMet).toBe(a.expectedMet);
      expect(Array.from(b.commitmentPMet)).toEqual(Array.from(a.commitmentPMet));
    }
    const fixed = new Map([[0, setup.plan.params[0].min ?? 0]]);
    expect(Array.from(two.score(splits[0], fixed).pMet)).toEqual(Array.from(one.score(splits[0], fixed).pMet));
    expect(Array.from(two.draws)).toEqual(Array.from(one.draws));
    expect(two.evaluations).toBe(4);
    two.close();
    expect(() => two.score(splits[0])).toThrow(/closed/);
  });

  it("reports a worker that fails, with its message, instead of waiting for it", async () => {
    const { makeThreadedEvaluator } = await import(path.join(root, "dist/allocate/threadedEvaluator.js"));
    const setup = await budgetSetup();
    // Workers rebuild the plan from an input that no longer has the scenario's programmes.
    const broken = { ...setup.planInput, scenario: { ...setup.planInput.scenario, programmes: {} } };
    expect(() => makeThreadedEvaluator(broken, setup.plan, setup.targets, 200, 1, 2, setup.constraints)).toThrow(
      /allocation worker failed: .*programmes/,
    );
  });
});
