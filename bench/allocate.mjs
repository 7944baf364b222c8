// Benchmark for issue 7: evaluating 1,000 budget allocations at 2,000 paths each on the bundled
// data (baseline scenario, budget 5,000 万元/yr split at random), common random numbers: on one thread,
// then on --threads worker threads (default: every core), checked to give the same scores.
// Usage (from the project root): npm run build && node bench/allocate.mjs [--allocations 1000] [--paths 2000] [--threads N]
import os from "node:os";
import { makeEvaluator, prepareTargets } from "../dist/allocate/evaluate.js";
import { makeThreadedEvaluator } from "../dist/allocate/threadedEvaluator.js";
import { loadInputs } from "../dist/project/inputs.js";
import { loadScenario } from "../dist/scenario/load.js";
import { buildPlan } from "../dist/simulate/plan.js";
import { pathRng } from "../dist/stats/rng.js";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const allocations = arg("--allocations", 1000);
const paths = arg("--paths", 2000);
const budget = 5000;
const threads = arg("--threads", os.availableParallelism());

const inputs = await loadInputs({});
const { scenario } = await loadScenario("scenarios/baseline.yaml");
const planInput = { ...inputs, scenario, scenarioFile: "scenarios/baseline.yaml" };
const plan = buildPlan(planInput);
const targets = prepareTargets(plan, inputs.catalogue, inputs.baseline);
const n = plan.allocation.programmes.length;

// Random splits (uniform on the simplex: normalised exponentials), fixed seed.
const rng = pathRng(42, 0, 0);
const splits = Array.from({ length: allocations }, () => {
  const e = Array.from({ length: n }, () => -Math.log(1 - rng.next()));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => (budget * x) / s);
});

// Times every split on an evaluator (after one warm-up split, which makes the base run); returns the scores.
function time(ev) {
  ev.score(splits[0]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const scores = splits.map((x) => ev.score(x).expectedMet);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  ev.close();
  return { ms, cpuS: (cpu.user + cpu.system) / 1e6, scores };
}
const one = time(makeEvaluator(plan, targets, paths, scenario.seed));
const many = threads > 1 ? time(makeThreadedEvaluator(planInput, plan, targets, paths, scenario.seed, threads)) : null;
const { ms } = one;
const best = Math.max(...one.scores);
const cells = paths * plan.indicators.length * (plan.years.length - plan.baseIndex - 1);
console.log(
  `machine: ${os.cpus()[0].model}, ${os.cpus().length} cores; node ${process.version}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(
  `${allocations} allocations × ${paths} paths (${plan.indicators.length} indicators × ${plan.years.length - plan.baseIndex - 1} years, ${targets.length} targets), budget ${budget} 万元/yr`,
);
console.log(
  `one thread: wall ${(ms / 1000).toFixed(2)} s (${(ms / allocations).toFixed(1)} ms per allocation, ${((ms * 1e6) / (allocations * cells)).toFixed(0)} ns per path·indicator·year); CPU ${one.cpuS.toFixed(2)} s`,
);
if (many)
  console.log(
    `${threads} threads: wall ${(many.ms / 1000).toFixed(2)} s (${(many.ms / allocations).toFixed(1)} ms per allocation), ${(ms / many.ms).toFixed(2)}× one thread; CPU ${many.cpuS.toFixed(2)} s (the process, all threads); same scores: ${many.scores.every((x, i) => x === one.scores[i])}`,
  );
console.log(
  `aim (issue 7): under 30 s — ${ms < 30000 ? "met" : "NOT met"}; best expected targets met among the random splits: ${best.toFixed(2)}`,
);
