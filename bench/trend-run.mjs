// Benchmark of a trend-only `targetcast run` over a whole yearly benchmark file (issue: forecasts,
// item "speed"): every series becomes an indicator of one baseline, its years relabelled so that
// all series end in the same base year, with one threshold target each (last test value ≥ 1.15 ×
// last training value, at the last test year). Times the whole CLI run — loading, fitting and
// combining every series, the Monte Carlo and the assessment — in CPU and wall time.
//
// Usage (after `npm run build`): node bench/trend-run.mjs [FILE.csv] [--paths 2000]
// FILE defaults to ../shared/data/forecast-benchmarks/tourism-yearly.csv.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const pathsAt = args.indexOf("--paths");
const paths = pathsAt >= 0 ? args[pathsAt + 1] : "2000";
const file =
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--paths") ??
  path.join(root, "../shared/data/forecast-benchmarks/tourism-yearly.csv");
const { loadBenchmark } = await import("../dist/data/loadBenchmark.js");
const data = await loadBenchmark(file);

const BASE = 2000;
const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-trend-run-"));
const id = (s) => "s_" + s.series.toLowerCase().replace(/[^a-z0-9]+/g, "_");
const src = `benchmark ${path.basename(file)} (years relabelled to end in ${BASE})`;
const baseline = ["indicator,year,value,unit,source,note"];
const targets = [
  "id,indicator,name_zh,name_en,section,target_year,comparator,value,unit,kind,base_year,responsible,note",
];
for (const s of data) {
  const n = s.train.length;
  s.train.forEach((v, i) => baseline.push(`${id(s)},${BASE - n + 1 + i},${v},个,"${src}",`));
  const last = s.train[n - 1];
  targets.push(`${id(s)}_t,${id(s)},${s.series},${s.series},,${BASE + s.test.length},>=,${1.15 * last},个,level,,,`);
}
writeFileSync(path.join(tmp, "data.csv"), baseline.join("\n") + "\n");
writeFileSync(path.join(tmp, "targets.csv"), targets.join("\n") + "\n");

const c0 = process.cpuUsage();
const t0 = performance.now();
const r = spawnSync(
  "/usr/bin/time",
  [
    "-f",
    "%U %S",
    process.execPath,
    ...(process.env.PROF ? ["--cpu-prof", "--cpu-prof-dir=" + process.env.PROF] : []),
    "dist/cli/main.js",
    "run",
    "--data",
    path.join(tmp, "data.csv"),
    "--targets",
    path.join(tmp, "targets.csv"),
    "--paths",
    paths,
    "--threads",
    "1",
    "--out",
    path.join(tmp, "out"),
    "--format",
    "csv",
  ],
  { cwd: root, encoding: "utf8", maxBuffer: 256 << 20 },
);
const wall = (performance.now() - t0) / 1000;
void c0;
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const [user, sys] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
console.log(
  `${path.basename(file)}: ${data.length} series, trend-only run with ${paths} paths on one thread: wall ${wall.toFixed(2)} s, CPU ${(user + sys).toFixed(2)} s (${(((user + sys) * 1000) / data.length).toFixed(2)} ms a series)`,
);
rmSync(tmp, { recursive: true, force: true });
