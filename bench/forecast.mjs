// Forecasting speed: targetcast's default trend forecaster against R's forecast package, in the
// same run, on the yearly forecast-benchmark files (tourism, 518 series; M1, 181 series).
//
// targetcast: one call of evaluateForecasts(data) on the whole file (dist/forecast/evaluate.js) —
//   for every series calibratedForecast(train, { horizon: test length }) (ETS/Theta/drift fits,
//   median combination, reference-class quantile table), its 80% and 90% intervals, the Brier
//   probabilities P(last test value ≥ 1.00/1.15/1.30 × last training value), the naive forecast
//   and the scores. Loading the file is not timed. One untimed warm-up call per file (JIT), and a
//   full GC before each timed call.
// R: bench/reference/forecast_r.R on the same file — forecast(ets(y)) + thetaf(y), 80/90%
//   intervals, timed inside R with proc.time() (package loading and file reading not timed).
// Runs are interleaved (targetcast, R, targetcast, R, …) so that other load on the machine hits
// both engines alike. The report gives the median of the repeats: wall time (performance.now /
// elapsed) and CPU time of the process (process.cpuUsage user + system / proc.time user + sys).
//
// Usage (from the project root): npm run build --silent && node bench/forecast.mjs
//   [--data DIR | DIR]   folder of m1-yearly.csv and tourism-yearly.csv
//                        (default ../shared/data/forecast-benchmarks, relative to the project root)
//   [--repeat 3] [--no-r]
// Rscript comes from PATH (or $BENCH_RSCRIPT). Without it, or without R's forecast package, only
// targetcast is timed, with a message saying so (exit 0). Exit 2 when a run fails.
// Writes bench/out/forecast.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { fail, lastJsonLine, median } from "./lib.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const RSCRIPT = process.env.BENCH_RSCRIPT ?? "Rscript";
const FILES = [
  { key: "tourism", file: "tourism-yearly.csv" },
  { key: "m1", file: "m1-yearly.csv" },
];

function parseArgs(argv) {
  const opts = { data: path.resolve(root, "..", "shared", "data", "forecast-benchmarks"), repeat: 3, r: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--data") opts.data = path.resolve(argv[++i] ?? "");
    else if (a === "--repeat") {
      opts.repeat = Math.floor(Number(argv[++i]));
      if (!(opts.repeat >= 1)) throw new Error("--repeat expects an integer ≥ 1");
    } else if (a === "--no-r") opts.r = false;
    else if (!a.startsWith("-")) opts.data = path.resolve(a);
    else throw new Error(`unknown option ${a} (options: --data DIR (or DIR), --repeat R, --no-r)`);
  }
  return opts;
}

// A full GC before each timed call (as bench/engine.mjs does with --expose-gc), without needing the flag.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

const opts = parseArgs(process.argv.slice(2));
const outDir = path.join(root, "bench", "out");
mkdirSync(outDir, { recursive: true });
for (const f of ["dist/forecast/evaluate.js", "dist/data/loadBenchmark.js"]) {
  if (!existsSync(path.join(root, f))) {
    console.error(`${f} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
}
for (const { file } of FILES) {
  if (!existsSync(path.join(opts.data, file))) {
    console.error(`${path.join(opts.data, file)} not found: give the folder of the benchmark files with --data DIR.`);
    process.exit(2);
  }
}
const { loadBenchmark } = await import("../dist/data/loadBenchmark.js");
const { evaluateForecasts } = await import("../dist/forecast/evaluate.js");

// Is R there, with the forecast package?
let rInfo = null;
let rSkip = "";
if (!opts.r) rSkip = "R reference skipped (--no-r)";
else {
  const probe = spawnSync(
    RSCRIPT,
    ["-e", 'cat(paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("forecast")))'],
    { encoding: "utf8" },
  );
  const errLines = (probe.stderr || "").trim().split("\n");
  const lastLine = (errLines.find((l) => /error/i.test(l)) ?? errLines.pop() ?? "").trim();
  if (probe.error)
    rSkip = `R is missing (${RSCRIPT} not found: ${probe.error.code ?? probe.error.message}): install it (apt-get install r-base-core r-cran-forecast) to time the reference; only targetcast was timed`;
  else if (probe.status !== 0 && /forecast/.test(probe.stderr || ""))
    rSkip = `R's forecast package is missing (${lastLine}): apt-get install r-cran-forecast to time the reference; only targetcast was timed`;
  else if (probe.status !== 0)
    rSkip = `${RSCRIPT} does not run (exit ${probe.status ?? probe.signal}${lastLine ? `: ${lastLine}` : ""}); only targetcast was timed`;
  else {
    const [rVersion, forecastVersion] = probe.stdout.trim().split(/\s+/);
    rInfo = { rscript: RSCRIPT, r: rVersion, forecast: forecastVersion };
  }
}
if (rSkip) console.error(rSkip);
// OpenBLAS may start helper threads; keep R on one thread (the fits are scalar code anyway).
const rEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" };

function timeTargetcast(data) {
  gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = evaluateForecasts(data);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, result };
}

function timeR(file) {
  const t0 = performance.now();
  const run = spawnSync(RSCRIPT, [path.join(root, "bench", "reference", "forecast_r.R"), "--data", file], {
    cwd: root,
    encoding: "utf8",
    env: rEnv,
    maxBuffer: 16 << 20,
  });
  const processWall = (performance.now() - t0) / 1000;
  if (run.status !== 0) fail("bench/reference/forecast_r.R", run);
  const out = lastJsonLine(run.stdout);
  const r = out.runs[0];
  return { wall: r.elapsed, cpu: r.cpu, ets: r.ets, thetaf: r.thetaf, processWall, out };
}

// Load the files and warm targetcast up (untimed).
const sets = [];
for (const { key, file } of FILES) {
  const full = path.join(opts.data, file);
  const data = await loadBenchmark(full);
  const forecasts = data.reduce((n, s) => n + s.test.length, 0);
  console.error(`${file}: ${data.length} series, ${forecasts} forecasts; warm-up…`);
  const cold = timeTargetcast(data);
  sets.push({ key, file, full, data, forecasts, cold, tc: [], r: [] });
}

for (let rep = 1; rep <= opts.repeat; rep++) {
  for (const s of sets) {
    console.error(`run ${rep}/${opts.repeat}, ${s.file}: targetcast…${rInfo ? " R…" : ""}`);
    s.tc.push(timeTargetcast(s.data));
    if (rInfo) s.r.push(timeR(s.full));
  }
}

// Report.
const summarise = (runs) => ({
  wall: median(runs.map((r) => r.wall)),
  cpu: median(runs.map((r) => r.cpu)),
  runs: runs.map((r) => ({ wall: r.wall, cpu: r.cpu })),
});
const rows = [];
const results = {};
for (const s of sets) {
  const tc = summarise(s.tc);
  const scores = s.tc[0].result.methods.find((m) => m.method === "targetcast");
  results[s.key] = {
    file: s.file,
    series: s.data.length,
    forecasts: s.forecasts,
    targetcast: {
      ...tc,
      msPerSeries: { wall: (1000 * tc.wall) / s.data.length, cpu: (1000 * tc.cpu) / s.data.length },
      cold: { wall: s.cold.wall, cpu: s.cold.cpu },
      skipped: s.tc[0].result.skipped.length,
      smape: scores.smape,
    },
    r: null,
  };
  rows.push({ file: s.file, engine: "targetcast (evaluateForecasts)", n: s.data.length, ...tc });
  if (s.r.length) {
    const r = summarise(s.r);
    results[s.key].r = {
      ...r,
      msPerSeries: { wall: (1000 * r.wall) / s.data.length, cpu: (1000 * r.cpu) / s.data.length },
      ets: { wall: median(s.r.map((x) => x.ets.elapsed)), cpu: median(s.r.map((x) => x.ets.cpu)) },
      thetaf: { wall: median(s.r.map((x) => x.thetaf.elapsed)), cpu: median(s.r.map((x) => x.thetaf.cpu)) },
      processWall: median(s.r.map((x) => x.processWall)),
      series: s.r[0].out.series,
      smape: s.r[0].out.smape,
    };
    rows.push({ file: s.file, engine: "R ets() + thetaf()", n: s.data.length, ...r });
    results[s.key].ratioRToTargetcast = { wall: r.wall / tc.wall, cpu: r.cpu / tc.cpu };
  }
}

const load = os.loadavg();
// Which code was timed: the commit, and whether the forecaster's sources differ from it.
const git = (args) => spawnSync("git", args, { cwd: root, encoding: "utf8" });
const head = git(["rev-parse", "--short", "HEAD"]);
const dirty = git(["status", "--porcelain", "--", "src/forecast", "src/data"]);
const code =
  head.status === 0
    ? { commit: head.stdout.trim(), forecastSourcesModified: dirty.status === 0 ? dirty.stdout.trim() !== "" : null }
    : null;
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores (each engine uses one), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}` +
    (rInfo ? `, R ${rInfo.r}, forecast ${rInfo.forecast}` : "") +
    `; load average ${load.map((x) => x.toFixed(1)).join(" ")}` +
    (code
      ? `; code ${code.commit}${code.forecastSourcesModified ? " + uncommitted changes in src/forecast or src/data" : ""}`
      : ""),
);
console.log(
  `timings: median of ${opts.repeat} interleaved runs per engine; file loading and R's package loading not timed\n`,
);
const cols = [
  ["file", 20, (r) => r.file],
  ["engine", 32, (r) => r.engine],
  ["series", 7, (r) => String(r.n)],
  ["wall s", 8, (r) => r.wall.toFixed(3)],
  ["CPU s", 8, (r) => r.cpu.toFixed(3)],
  ["ms/series CPU", 14, (r) => ((1000 * r.cpu) / r.n).toFixed(2)],
  ["ms/series wall", 15, (r) => ((1000 * r.wall) / r.n).toFixed(2)],
];
const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(cols[i][1]) : c.padStart(cols[i][1]))).join(" ");
console.log(line(cols.map((c) => c[0])));
for (const r of rows) console.log(line(cols.map((c) => c[2](r))));
console.log("");
for (const s of sets) {
  const x = results[s.key];
  console.log(
    `${s.file}: targetcast sMAPE ${x.targetcast.smape.toFixed(2)} (${x.targetcast.skipped} skipped); first (cold) call ${x.targetcast.cold.wall.toFixed(3)} s wall, ${x.targetcast.cold.cpu.toFixed(3)} s CPU` +
      (x.r
        ? `; R: ets() ${x.r.ets.cpu.toFixed(2)} s + thetaf() ${x.r.thetaf.cpu.toFixed(2)} s CPU, sMAPE ets ${x.r.smape.ets.toFixed(2)} / thetaf ${x.r.smape.thetaf.toFixed(2)}, Rscript process ${x.r.processWall.toFixed(2)} s wall in all; ` +
          `R / targetcast: ${x.ratioRToTargetcast.cpu.toFixed(1)}× CPU, ${x.ratioRToTargetcast.wall.toFixed(1)}× wall`
        : ""),
  );
}
// The 1-minute load includes this benchmark itself (about 1).
if (load[0] > 1.5)
  console.log(
    `warning: other work is running (load ${load[0].toFixed(1)} on ${os.cpus().length} cores, this benchmark counts for about 1): wall-clock figures may be inflated; compare the CPU times`,
  );
if (rSkip) console.log(rSkip);

writeFileSync(
  path.join(outDir, "forecast.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model,
        cores: os.cpus().length,
        memGiB: os.totalmem() / 2 ** 30,
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        r: rInfo?.r ?? null,
        forecast: rInfo?.forecast ?? null,
        loadavg: load,
      },
      code,
      options: { data: opts.data, repeat: opts.repeat, r: opts.r },
      rSkipped: rSkip || null,
      units:
        "seconds (wall = performance.now / R elapsed; cpu = process user+system / R proc.time user.self+sys.self); median of the repeats",
      results,
    },
    null,
    1,
  ),
);
console.log(`\nwrote ${path.relative(root, path.join(outDir, "forecast.json"))}`);
