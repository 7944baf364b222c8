// Runs the engine benchmark (bench/engine.mjs) and the NumPy reference
// (bench/reference/engine_numpy.py) on the same plan, prints ns per path·indicator·year for
// both, the ratio NumPy/TS, and checks that the two implementations agree: medians of every
// indicator in the last year within 2% (same model, different random streams).
//
// Usage (from the project root): npm run build && node bench/run.mjs
//   [--paths 100000] [--repeat 3] [--seed N] [--years 10] [--budget AMOUNT] [--tolerance 0.02]
//   [--numpy-quantiles rows|axis0|axis]   (how the reference calls np.quantile; see engine_numpy.py)
// Exit code 1 when an indicator disagrees, 2 when a run fails. Writes bench/out/results.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fail, lastJsonLine } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Debian's python3 with python3-numpy (not a pyenv python3 that may come first on PATH).
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
// The engine issue's aims: one thread ≤ 12 CPU ns/cell and ≥ 2× NumPy (CPU); all cores ≥ 1.7× the
// one-thread wall speed and ≥ 3× NumPy in wall time.
const AIM_NS = 12;
const AIM_VS_NUMPY = 2;
const AIM_THREADS = 1.7;
const AIM_THREADS_VS_NUMPY = 3;

function parseArgs(argv) {
  const opts = {
    paths: 100000,
    repeat: 3,
    seed: undefined,
    years: 10,
    budget: undefined,
    tolerance: 0.02,
    npQuantiles: "rows",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = Number(argv[++i]);
      if (!Number.isFinite(x) || x < 0) throw new Error(`${a} expects a number ≥ 0`);
      return x;
    };
    if (a === "--paths") opts.paths = Math.floor(v());
    else if (a === "--repeat") opts.repeat = Math.floor(v());
    else if (a === "--seed") opts.seed = Math.floor(v());
    else if (a === "--years") opts.years = Math.floor(v());
    else if (a === "--budget") opts.budget = v();
    else if (a === "--tolerance") opts.tolerance = v();
    else if (a === "--numpy-quantiles") opts.npQuantiles = argv[++i];
    else
      throw new Error(
        `unknown option ${a} (options: --paths N, --repeat R, --seed S, --years Y, --budget AMOUNT, --tolerance 0.02, --numpy-quantiles rows|axis0|axis)`,
      );
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const outDir = path.join(root, "bench", "out");
mkdirSync(outDir, { recursive: true });
if (!existsSync(path.join(root, "dist", "index.js"))) {
  console.error("dist/ is missing: run `npm run build` first (or `npm run bench`).");
  process.exit(2);
}

const common = ["--paths", String(opts.paths), "--repeat", String(opts.repeat), "--years", String(opts.years)];
if (opts.seed !== undefined) common.push("--seed", String(opts.seed));

// 1. TypeScript engine (own process, explicit GC between repeats).
console.error(`running the TypeScript engine (${opts.paths} paths, best of ${opts.repeat})…`);
const tsArgs = ["--expose-gc", path.join(root, "bench", "engine.mjs"), "--json", ...common];
if (opts.budget !== undefined) tsArgs.push("--budget", String(opts.budget));
const tsRun = spawnSync(process.execPath, tsArgs, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
if (tsRun.status !== 0) fail("bench/engine.mjs", tsRun);
const ts = lastJsonLine(tsRun.stdout);

// 2. NumPy reference on the plan the TS run wrote, same seed number (different generator).
let np = null;
let npSkip = "";
const probe = spawnSync(PYTHON, ["-c", "import numpy, sys; print(numpy.__version__, sys.version.split()[0])"], {
  encoding: "utf8",
});
if (probe.error || probe.status !== 0) {
  npSkip = `numpy is missing (${PYTHON}: ${(probe.error?.message ?? probe.stderr).trim().split("\n").pop()}): install python3-numpy to time the reference; skipped`;
} else {
  console.error(`running the NumPy reference (numpy ${probe.stdout.trim().split(" ")[0]})…`);
  const npArgs = [
    path.join(root, "bench", "reference", "engine_numpy.py"),
    "--plan",
    path.join(outDir, "plan.json"),
    "--paths",
    String(opts.paths),
    "--repeat",
    String(opts.repeat),
    "--seed",
    String(ts.seed),
    "--quantiles",
    opts.npQuantiles,
  ];
  const npRun = spawnSync(PYTHON, npArgs, { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  if (npRun.status !== 0) fail("bench/reference/engine_numpy.py", npRun);
  np = lastJsonLine(npRun.stdout);
}

// 3. Report.
const f = (v, w = 9, d = 1) => (v === undefined || v === null ? "—" : v.toFixed(d)).padStart(w);
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores (each engine uses one), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}${np ? `, python ${np.python}, numpy ${np.numpy}` : ""}; load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
console.log(
  `work: ${ts.paths} paths × ${ts.indicators} simulated indicators (plan.indicators, ${ts.virtualIndicators} of them programme/boost/bau helpers) × ${ts.years} years (${ts.firstYear}–${ts.lastYear}) = ${ts.cells.toLocaleString("en")} path·indicator·years; seed ${ts.seed}${opts.budget !== undefined ? `; programme budget ${opts.budget}` : ""}`,
);
console.log(
  `timings: wall clock, best of ${opts.repeat} runs (median in brackets); ns/cell = ns per path·indicator·year${np ? `; NumPy quantiles: ${np.quantileMode}` : ""}\n`,
);
console.log(`${"".padEnd(11)}${"TypeScript".padStart(31)}${"NumPy".padStart(31)}${"NumPy/TS".padStart(10)}`);
console.log(
  `${"".padEnd(11)}${"ms".padStart(9)}${"ns/cell".padStart(9)}${"(median)".padStart(13)}${"ms".padStart(9)}${"ns/cell".padStart(9)}${"(median)".padStart(13)}`,
);
const rows = {};
for (const k of ["simulate", "quantiles", "total"]) {
  const ratio = np ? np.ms.best[k] / ts.ms.best[k] : null;
  rows[k] = { ts: ts.nsPerCell.best[k], numpy: np?.nsPerCell.best[k] ?? null, ratio };
  console.log(
    `${k.padEnd(11)}${f(ts.ms.best[k], 9, 0)}${f(ts.nsPerCell.best[k], 9, 2)}${`(${ts.nsPerCell.median[k].toFixed(2)})`.padStart(13)}` +
      (np
        ? `${f(np.ms.best[k], 9, 0)}${f(np.nsPerCell.best[k], 9, 2)}${`(${np.nsPerCell.median[k].toFixed(2)})`.padStart(13)}${f(ratio, 10, 2)}`
        : `${"skipped".padStart(31)}`),
  );
}
const cpuNs = (r, k) => (r.cpuMs.best[k] * 1e6) / r.cells;
console.log(
  `CPU time (user+sys, best run), ns/cell — less sensitive to other load: TS ${["simulate", "quantiles", "total"].map((k) => `${k} ${cpuNs(ts, k).toFixed(1)}`).join(", ")}` +
    (np
      ? `; NumPy ${["simulate", "quantiles", "total"].map((k) => `${k} ${cpuNs(np, k).toFixed(1)}`).join(", ")}; ratio NumPy/TS ${(np.cpuMs.best.total / ts.cpuMs.best.total).toFixed(2)}`
      : ""),
);
// The 1-minute load includes this benchmark itself (about 1).
if (os.loadavg()[0] > 1.5)
  console.log(
    `warning: other work is running (load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores, this benchmark counts for about 1): wall-clock figures may be inflated; compare the CPU times`,
  );
if (ts.parallel) {
  const p = ts.parallel;
  console.log(
    `all cores (${p.threads} worker threads), wall: simulate ${p.nsPerCell.best.simulate.toFixed(2)} ns/cell (${(ts.nsPerCell.best.simulate / p.nsPerCell.best.simulate).toFixed(2)}× one thread), ` +
      `total with quantiles ${p.nsPerCell.best.total.toFixed(2)} (${(ts.nsPerCell.best.total / p.nsPerCell.best.total).toFixed(2)}× one thread)` +
      (np ? `; NumPy/TS wall ${(np.nsPerCell.best.total / p.nsPerCell.best.total).toFixed(2)}` : "") +
      `; same bits as one thread: ${p.identicalToOneThread ? "yes" : "NO"}`,
  );
}
const tsTotal = cpuNs(ts, "total");
const verdict = (ok) => (ok ? "met" : "NOT met");
const aims = [`one thread ≤ ${AIM_NS} CPU ns/cell — TS ${tsTotal.toFixed(1)}: ${verdict(tsTotal <= AIM_NS)}`];
if (np) {
  const r = np.cpuMs.best.total / ts.cpuMs.best.total;
  aims.push(`one thread ≥ ${AIM_VS_NUMPY}× NumPy (CPU) — ${r.toFixed(2)}×: ${verdict(r >= AIM_VS_NUMPY)}`);
}
if (ts.parallel) {
  const speedup = ts.nsPerCell.best.total / ts.parallel.nsPerCell.best.total;
  aims.push(
    `all cores ≥ ${AIM_THREADS}× one thread (wall) — ${speedup.toFixed(2)}×: ${verdict(speedup >= AIM_THREADS)}`,
  );
  if (np) {
    const r = np.nsPerCell.best.total / ts.parallel.nsPerCell.best.total;
    aims.push(
      `all cores ≥ ${AIM_THREADS_VS_NUMPY}× NumPy (wall) — ${r.toFixed(2)}×: ${verdict(r >= AIM_THREADS_VS_NUMPY)}`,
    );
  }
}
console.log(`\naims (engine issue):\n  ${aims.join("\n  ")}`);
if (npSkip) console.log(npSkip);

// 4. Cross-check: medians in the last year, TS vs NumPy.
const failures = [];
if (np) {
  const a = JSON.parse(readFileSync(path.join(outDir, "ts-summary.json"), "utf8"));
  const b = JSON.parse(readFileSync(path.join(outDir, "numpy-summary.json"), "utf8"));
  const rel = (x, y) => (x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));
  const within = (v, [lo, hi]) => v >= lo && v <= hi;
  let worst = { id: "", d: -1 };
  const steps = [];
  for (const id of Object.keys(a.medians)) {
    const x = a.medians[id];
    const y = b.medians[id];
    if (y === undefined) {
      failures.push({ id, ts: x, numpy: y, note: "missing from the NumPy run" });
      continue;
    }
    const bothNaN = Number.isNaN(x) && Number.isNaN(y);
    const d = bothNaN ? 0 : rel(x, y);
    if (!(d <= opts.tolerance)) {
      // A discrete indicator whose median sits on a step of its distribution (P(X ≤ k) ≈ 0.5) can
      // flip by one unit between two correct samples: accept when each median lies within the
      // other sample's band of quantiles 0.5 ± w (w = max(1%, 2/√paths), see bench/engine.mjs).
      const bandA = a.medianBand?.values[id];
      const bandB = b.medianBand?.values[id];
      if (bandA && bandB && within(x, bandB) && within(y, bandA)) steps.push(id);
      else
        failures.push({
          id,
          ts: x,
          numpy: y,
          d,
          tsMean: a.means[id],
          numpyMean: b.means[id],
          tsBand: bandA,
          numpyBand: bandB,
        });
    }
    if (d > worst.d) worst = { id, d };
  }
  const n = Object.keys(a.medians).length;
  console.log(
    `\nCHECK medians in ${a.year}, TS vs NumPy, tolerance ${(opts.tolerance * 100).toFixed(1)}%: ` +
      (failures.length ? `FAILED for ${failures.length} of ${n} indicators` : `ok for all ${n} indicators`) +
      ` (largest difference ${(worst.d * 100).toFixed(3)}%, ${worst.id})`,
  );
  if (steps.length) {
    const w = a.medianBand.halfWidth * 100;
    console.log(
      `  accepted as a discrete median on a step (each within the other's quantiles ${(50 - w).toFixed(1)}–${(50 + w).toFixed(1)}%): ${steps.join(", ")}`,
    );
  }
  for (const x of failures) {
    console.log(
      `  DISAGREES ${x.id}: TS ${x.ts} vs NumPy ${x.numpy}` +
        (x.d !== undefined
          ? ` (${(x.d * 100).toFixed(2)}%); means TS ${x.tsMean} vs NumPy ${x.numpyMean}; quantiles 0.5 ± ${a.medianBand?.halfWidth.toFixed(3)}: TS ${x.tsBand} vs NumPy ${x.numpyBand}`
          : ` — ${x.note}`),
    );
  }
  if (failures.length)
    console.log(
      "  → one of the two implementations computes that indicator differently: compare src/model/<mechanism>.ts with bench/reference/engine_numpy.py",
    );
}

writeFileSync(
  path.join(outDir, "results.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadavg: os.loadavg() },
      options: opts,
      typescript: ts,
      numpy: np,
      rows,
      parallel: ts.parallel ?? null,
      check: np ? { failures } : null,
    },
    null,
    1,
  ),
);
process.exit(failures.length ? 1 : 0);
