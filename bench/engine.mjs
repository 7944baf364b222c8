// Benchmark of the TypeScript Monte Carlo engine (issue 3, item 6).
//
// Loads the bundled inputs and scenarios/baseline.yaml, sets the horizon to base year + 10,
// builds the plan, then times simulate() (all paths × all simulated indicators × projected
// years) and summariseSimulation() (mean and quantiles 5…95 of every indicator and year)
// separately, after one warm-up run at a small number of paths.
//
// Usage (from the project root, after `npm run build`):
//   node bench/engine.mjs [--paths 100000] [--repeat 3] [--seed N] [--years 10] [--budget AMOUNT] [--json]
// --json prints one JSON object (used by bench/run.mjs) instead of the text report.
// --budget sets the programme budget (budget.amount, 万元/yr) instead of the scenario's 0, to
// exercise the programme nodes; the published figures use the scenario as it is.
// Also writes bench/out/plan.json (for bench/reference/engine_numpy.py) and
// bench/out/ts-summary.json (median and mean of every indicator in the last year).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root); // loadInputs' defaults are relative to the project root

const { loadInputs } = await import("../dist/project/inputs.js");
const { loadScenario, buildPlan, planToJson, simulate, summariseSimulation, quantileSorted } = await import(
  "../dist/index.js"
);
const { simulateInThreads } = await import("../dist/simulate/threads.js");

function parseArgs(argv) {
  const opts = { paths: 100000, repeat: 3, seed: undefined, json: false, horizonYears: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} expects a positive number`);
      return Math.floor(v);
    };
    if (a === "--paths") opts.paths = num();
    else if (a === "--repeat") opts.repeat = num();
    else if (a === "--seed") opts.seed = num();
    else if (a === "--years") opts.horizonYears = num();
    else if (a === "--budget") opts.budget = Number(argv[++i]);
    else if (a === "--json") opts.json = true;
    else
      throw new Error(
        `unknown option ${a} (options: --paths N, --repeat R, --seed S, --years Y, --budget AMOUNT, --json)`,
      );
  }
  return opts;
}

export async function benchEngine(opts) {
  const inputs = await loadInputs({});
  const scenarioFile = "scenarios/baseline.yaml";
  const { scenario: loaded } = await loadScenario(scenarioFile);
  const scenario = { ...loaded, horizon: loaded.base_year + opts.horizonYears };
  if (opts.budget !== undefined) {
    if (!scenario.budget) throw new Error("--budget: the scenario has no budget to set");
    scenario.budget = { ...scenario.budget, amount: opts.budget }; // the budget is the scenario's, so worker threads see it too
  }
  const plan = buildPlan({ scenario, scenarioFile, ...inputs });
  const seed = opts.seed ?? scenario.seed;

  const outDir = path.join(root, "bench", "out");
  mkdirSync(outDir, { recursive: true });
  const planJson = planToJson(plan);
  writeFileSync(path.join(outDir, "plan.json"), JSON.stringify(planJson));

  // Warm-up: lets V8 optimise the node steps, the samplers and the quantile code.
  summariseSimulation(simulate(plan, { paths: 2000, seed: seed + 1 }));

  const simMs = [];
  const quantMs = [];
  const simCpu = [];
  const quantCpu = [];
  const cpuMs = (u) => (u.user + u.system) / 1000;
  let summary;
  let sim;
  for (let r = 0; r < opts.repeat; r++) {
    sim = undefined;
    summary = undefined;
    globalThis.gc?.(); // only with --expose-gc: keeps a full GC of the last run out of the timings
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sim = simulate(plan, { paths: opts.paths, seed });
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    summary = summariseSimulation(sim);
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    simMs.push(t1 - t0);
    quantMs.push(t2 - t1);
    // CPU time of the process (all threads: includes V8's GC helpers), for busy machines
    simCpu.push(cpuMs(c1) - cpuMs(c0));
    quantCpu.push(cpuMs(c2) - cpuMs(c1));
  }

  // All cores: the same run over worker threads (each rebuilds the plan; start-up included).
  // The output is checked to be the same bits as the one-thread run's.
  let parallel = null;
  const threads = os.availableParallelism();
  if (threads > 1 && opts.budget === undefined) {
    const planInput = { scenario, scenarioFile, ...inputs };
    const wall = [];
    const cpu = [];
    const wallTotal = [];
    const cpuTotal = [];
    let same = true;
    for (let r = 0; r < opts.repeat; r++) {
      globalThis.gc?.();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const psim = await simulateInThreads(planInput, plan, { paths: opts.paths, seed, threads });
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      // Simulation and summary together, the summary split over the threads too (what `run` does).
      const both = await simulateInThreads(planInput, plan, { paths: opts.paths, seed, threads, summarise: true });
      wallTotal.push(performance.now() - t1);
      cpuTotal.push(cpuMs(process.cpuUsage()) - cpuMs(c1));
      wall.push(t1 - t0);
      cpu.push(cpuMs(c1) - cpuMs(c0));
      same &&= [psim, both].every((run) =>
        run.values.every((v, i) => Buffer.compare(Buffer.from(v.buffer), Buffer.from(sim.values[i].buffer)) === 0),
      );
      same &&= JSON.stringify(both.summary) === JSON.stringify(summary);
    }
    parallel = {
      threads,
      identicalToOneThread: same,
      ms: {
        best: { simulate: Math.min(...wall), total: Math.min(...wallTotal) },
        median: { simulate: median(wall), total: median(wallTotal) },
      },
      cpuMs: { best: { simulate: Math.min(...cpu), total: Math.min(...cpuTotal) } },
    };
  }

  const indicators = plan.indicators.length;
  const years = sim.years.length;
  const cells = opts.paths * indicators * years;
  const totals = simMs.map((s, i) => s + quantMs[i]);
  const ns = (ms) => (ms * 1e6) / cells;
  const best = { simulate: Math.min(...simMs), quantiles: Math.min(...quantMs), total: Math.min(...totals) };
  const med = { simulate: median(simMs), quantiles: median(quantMs), total: median(totals) };

  // Last-year medians for the cross-check with the NumPy reference. The band of quantiles
  // 0.5 ± w, w = max(1%, 2/√paths) (about 4 standard errors of the empirical CDF at the median),
  // computed outside the timings, lets bench/run.mjs tell a real disagreement from a discrete
  // median on a step.
  const lastYear = sim.years[years - 1];
  const medians = {};
  const means = {};
  const near = {};
  for (const s of summary) {
    if (s.year !== lastYear) continue;
    medians[s.indicator] = s.p50;
    means[s.indicator] = s.mean;
  }
  const w = Math.max(0.01, 2 / Math.sqrt(opts.paths));
  plan.indicators.forEach((id, slot) => {
    const sorted = sim.values[slot].slice((years - 1) * opts.paths, years * opts.paths).sort();
    near[id] = [quantileSorted(sorted, 0.5 - w), quantileSorted(sorted, 0.5 + w)];
  });
  writeFileSync(
    path.join(outDir, "ts-summary.json"),
    JSON.stringify(
      {
        engine: "typescript",
        year: lastYear,
        paths: opts.paths,
        seed,
        medians,
        means,
        medianBand: { halfWidth: w, values: near },
      },
      null,
      1,
    ),
  );

  return {
    engine: "typescript",
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    paths: opts.paths,
    seed,
    repeat: opts.repeat,
    indicators,
    // plan.indicators also holds the programme levers' helper nodes (programme.*, boost.*, *.bau)
    virtualIndicators: plan.indicators.filter((id) => /^(programme|boost)\./.test(id) || id.endsWith(".bau")).length,
    years,
    firstYear: sim.years[0],
    lastYear,
    cells,
    ms: { best, median: med, runs: { simulate: simMs, quantiles: quantMs } },
    cpuMs: {
      best: {
        simulate: Math.min(...simCpu),
        quantiles: Math.min(...quantCpu),
        total: Math.min(...simCpu.map((s, i) => s + quantCpu[i])),
      },
    },
    nsPerCell: {
      best: { simulate: ns(best.simulate), quantiles: ns(best.quantiles), total: ns(best.total) },
      median: { simulate: ns(med.simulate), quantiles: ns(med.quantiles), total: ns(med.total) },
    },
    // Wall time over every core: the simulation alone, and simulation + quantiles (each thread
    // summarising a share of the indicators), worker start-up included.
    parallel: parallel && {
      ...parallel,
      nsPerCell: {
        best: { simulate: ns(parallel.ms.best.simulate), total: ns(parallel.ms.best.total) },
        median: { simulate: ns(parallel.ms.median.simulate), total: ns(parallel.ms.median.total) },
      },
      cpuNsPerCell: { simulate: ns(parallel.cpuMs.best.simulate), total: ns(parallel.cpuMs.best.total) },
    },
  };
}

function report(r) {
  const f = (v, d = 1) => v.toFixed(d).padStart(10);
  const lines = [
    `TypeScript engine — ${r.node}, ${r.cpu}, ${r.cores} cores (one used)`,
    `paths ${r.paths} × indicators ${r.indicators} (${r.virtualIndicators} of them programme helpers) × years ${r.years} (${r.firstYear}–${r.lastYear}) = ${r.cells} cells; seed ${r.seed}; ${r.repeat} runs`,
    `                   best ms     ns/cell   median ms     ns/cell`,
  ];
  for (const k of ["simulate", "quantiles", "total"]) {
    lines.push(
      `${k.padEnd(12)}${f(r.ms.best[k])}${f(r.nsPerCell.best[k], 2)}  ${f(r.ms.median[k])}${f(r.nsPerCell.median[k], 2)}`,
    );
  }
  lines.push(
    `CPU time of the best runs, ns/cell: ${["simulate", "quantiles", "total"].map((k) => `${k} ${((r.cpuMs.best[k] * 1e6) / r.cells).toFixed(2)}`).join(", ")}`,
  );
  if (r.parallel)
    lines.push(
      `${r.parallel.threads} threads, wall ns/cell: simulate ${r.parallel.nsPerCell.best.simulate.toFixed(2)}, total ${r.parallel.nsPerCell.best.total.toFixed(2)} (identical to one thread: ${r.parallel.identicalToOneThread})`,
    );
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const result = await benchEngine(opts);
  console.log(opts.json ? JSON.stringify(result) : report(result));
}
