#!/usr/bin/env node
/**
 * `npm run notebooks`: execute every notebook in notebooks/ headless with the tslab kernel and
 * write, per notebook, the executed copy and an HTML export to out/notebooks/. Exits non-zero
 * when any cell fails, printing the notebook, the cell and the kernel's own error text.
 *
 * Why the scan: tslab reports a failing cell (type error or exception) only as text on the
 * cell's stderr; it sends no Jupyter "error" message, so nbconvert without --allow-errors dies
 * with an empty `<Error>:`. We run with --allow-errors and read the outputs instead: any stderr
 * or error output in a cell counts as a failure (the notebooks write nothing to stderr when all
 * is well). tslab also skips the cells queued right after a failure, so only the first failure
 * of a notebook is meaningful.
 *
 * The run is hermetic: it rebuilds dist/ when src/ is newer, re-creates the node_modules link
 * and uses a private copy of the kernel spec (out/notebooks/.jupyter, first on JUPYTER_PATH), so
 * it neither needs nor changes the kernel registered by `npm run notebooks:setup`.
 *
 * Usage: npm run notebooks [-- [--no-build] [--jobs N] [--timeout S] [NAME …]]
 *   NAME   run only notebooks whose file name contains NAME (e.g. 02, budget)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  build,
  checkJupyter,
  distIsStale,
  ensureSelfLink,
  JUPYTER_ADVICE,
  KERNEL_NAME,
  kernelSpec,
  listNotebooks,
  NOTEBOOKS_DIR,
  OUT_DIR,
  quietPythonEnv,
  ROOT,
  requireFlags,
  writeKernelSpec,
} from "./notebooks-lib.mjs";

const HELP = `npm run notebooks [-- [--no-build] [--jobs N] [--timeout S] [NAME …]]

Executes notebooks/NN-*.ipynb with the tslab kernel; executed copies and HTML go to
out/notebooks/. Exits 1 when a cell fails, showing the cell and the kernel's error text.
  --no-build   do not rebuild dist/ even if src/ changed
  --jobs N     notebooks run at the same time (default: 2, or 1 on a single CPU)
  --timeout S  seconds allowed per cell (default 300)
  NAME         only notebooks whose file name contains NAME
`;

const rel = (p) => path.relative(ROOT, p) || ".";
const joinText = (t) => (Array.isArray(t) ? t.join("") : (t ?? ""));
// eslint-disable-next-line no-control-regex
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");

/** Run a command, collecting output; resolves with { code, out }. */
function exec(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (e) => resolve({ code: -1, out: `${out}${e.message}\n` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), out }));
  });
}

/** nbconvert's own chatter, dropped from messages. */
function nbconvertNoise(line) {
  return (
    /^\[NbConvertApp\]/.test(line) ||
    /Debugger warning|frozen modules|-Xfrozen_modules|PYDEVD_DISABLE_FILE_VALIDATION|Debugging will proceed/.test(
      line,
    ) ||
    !line.trim()
  );
}

/**
 * Failures in an executed notebook: cells with an error output or anything on stderr.
 * `cell` is the 1-based position among all cells, `codeCell` among code cells.
 */
function scanNotebook(nb) {
  const failures = [];
  let codeCell = 0;
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    codeCell++;
    const texts = [];
    for (const o of c.outputs ?? []) {
      if (o.output_type === "error") {
        texts.push([`${o.ename ?? "Error"}: ${o.evalue ?? ""}`, ...(o.traceback ?? []).map(stripAnsi)].join("\n"));
      } else if (o.output_type === "stream" && o.name === "stderr") {
        texts.push(stripAnsi(joinText(o.text)));
      }
    }
    if (texts.length)
      failures.push({ cell: i + 1, codeCell, source: joinText(c.source), text: texts.join("\n").trimEnd() });
  });
  const codeCells = codeCell;
  return { failures, codeCells };
}

async function runNotebook(file, opts) {
  const name = path.basename(file, ".ipynb");
  const executed = path.join(OUT_DIR, `${name}.ipynb`);
  const html = path.join(OUT_DIR, `${name}.html`);
  rmSync(executed, { force: true });
  rmSync(html, { force: true });
  const t0 = Date.now();
  const run = await exec(
    opts.jupyter,
    [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--allow-errors",
      `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
      `--ExecutePreprocessor.timeout=${opts.timeout}`,
      "--output-dir",
      OUT_DIR,
      "--output",
      name,
      path.join(NOTEBOOKS_DIR, file),
    ],
    opts.env,
  );
  const seconds = (Date.now() - t0) / 1000;
  const result = { file, name, executed, html, seconds, failures: [], codeCells: 0, problem: null };
  if (run.code !== 0 || !existsSync(executed)) {
    const lines = run.out.split("\n").filter((l) => !nbconvertNoise(l));
    result.problem = `jupyter nbconvert --execute exited with ${run.code}:\n${lines.slice(-25).join("\n")}`;
    return result;
  }
  const nb = JSON.parse(readFileSync(executed, "utf8"));
  Object.assign(result, scanNotebook(nb));
  const exp = await exec(opts.jupyter, ["nbconvert", "--to", "html", "--output-dir", OUT_DIR, executed], opts.env);
  if (exp.code !== 0) {
    const lines = exp.out.split("\n").filter((l) => !nbconvertNoise(l));
    result.problem = `HTML export failed (exit ${exp.code}):\n${lines.slice(-15).join("\n")}`;
  }
  return result;
}

function indent(s, pad = "    ") {
  return s.replace(/^/gm, pad);
}

function describeFailure(r) {
  const f = r.failures[0];
  const src = f.source.split("\n");
  const shown = src.slice(0, 12).join("\n") + (src.length > 12 ? `\n… (${src.length - 12} more lines)` : "");
  const later = r.codeCells - f.codeCell;
  return [
    `✗ ${rel(path.join(NOTEBOOKS_DIR, r.file))}: cell ${f.cell} (code cell ${f.codeCell} of ${r.codeCells}) failed.`,
    `  Source:`,
    indent(shown),
    `  Kernel output (stderr / error):`,
    indent(f.text || "(empty)"),
    ...(r.failures.length > 1
      ? [`  (${r.failures.length - 1} more cell(s) wrote to stderr or failed; see ${rel(r.executed)})`]
      : []),
    ...(later > 0
      ? [
          `  tslab skips the cells queued right after a failure, so the ${later} code cell(s) after it may not have run.`,
        ]
      : []),
  ].join("\n");
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "no-build": { type: "boolean" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const jobs = values.jobs
    ? Number(values.jobs)
    : Math.min(2, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  const timeout = values.timeout ? Number(values.timeout) : 300;
  if (!(Number.isInteger(jobs) && jobs >= 1))
    throw new Error(`--jobs must be a whole number ≥ 1, not "${values.jobs}"`);
  if (!(timeout > 0)) throw new Error(`--timeout must be a number of seconds > 0, not "${values.timeout}"`);

  const jp = checkJupyter();
  if (!jp.jupyter || !jp.nbconvert) {
    process.stderr.write(
      `Cannot run the notebooks: ${jp.jupyter ? `Jupyter at ${jp.jupyter} lacks ${jp.missing.join(", ")}` : "Jupyter was not found"}.\n${JUPYTER_ADVICE}\n`,
    );
    return 2;
  }

  const t0 = Date.now();
  if (!values["no-build"] && distIsStale()) {
    process.stdout.write("• dist/ is older than src/: building (npm run build) …\n");
    const warning = build();
    if (warning) process.stdout.write(`⚠ ${warning}\n`);
  }
  ensureSelfLink();
  // A private kernel spec, first on JUPYTER_PATH: the run does not depend on, or change, the user's.
  const dataDir = path.join(OUT_DIR, ".jupyter");
  mkdirSync(OUT_DIR, { recursive: true });
  writeKernelSpec(dataDir, kernelSpec(requireFlags()));
  const env = quietPythonEnv({
    JUPYTER_PATH: [dataDir, process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter),
  });

  let files = listNotebooks();
  if (positionals.length) files = files.filter((f) => positionals.some((p) => f.includes(p)));
  if (!files.length)
    throw new Error(`no notebook in ${rel(NOTEBOOKS_DIR)} matches ${positionals.join(", ") || "NN-*.ipynb"}`);
  process.stdout.write(
    `• executing ${files.length} notebook(s) with kernel ${KERNEL_NAME}, ${jobs} at a time (Jupyter: ${jp.jupyter}) …\n`,
  );

  const results = new Array(files.length);
  let next = 0;
  const opts = { jupyter: jp.jupyter, env, timeout };
  await Promise.all(
    Array.from({ length: Math.min(jobs, files.length) }, async () => {
      while (next < files.length) {
        const i = next++;
        const r = await runNotebook(files[i], opts);
        results[i] = r;
        const ok = !r.problem && r.failures.length === 0;
        process.stdout.write(
          `  ${ok ? "✓" : "✗"} ${r.file}  ${r.seconds.toFixed(1)} s${ok ? "" : r.problem ? "  (nbconvert failed)" : `  (cell ${r.failures[0].cell} failed)`}\n`,
        );
      }
    }),
  );

  const bad = results.filter((r) => r.problem || r.failures.length);
  const total = ((Date.now() - t0) / 1000).toFixed(1);
  if (!bad.length) {
    process.stdout.write(
      `\nAll ${results.length} notebook(s) ran without errors in ${total} s. Executed copies and HTML: ${rel(OUT_DIR)}/\n`,
    );
    return 0;
  }
  process.stderr.write("\n");
  for (const r of bad) {
    if (r.failures.length) process.stderr.write(describeFailure(r) + "\n\n");
    if (r.problem) process.stderr.write(`✗ ${rel(path.join(NOTEBOOKS_DIR, r.file))}: ${r.problem}\n\n`);
  }
  process.stderr.write(
    `${bad.length} of ${results.length} notebook(s) failed (${total} s). Executed copies: ${rel(OUT_DIR)}/\n`,
  );
  return 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`npm run notebooks: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
