/**
 * Runs every notebook headless (`npm run notebooks`) and checks the executed copies in
 * out/notebooks/: no cell failed (no error output, nothing on stderr) and each notebook shows
 * what it is for (tables, charts, the best split, the briefing files …).
 *
 * Needs Jupyter (nbconvert + nbclient); without it the whole suite is skipped with a message.
 * Takes a minute or two: every notebook starts a tslab kernel and runs Monte Carlo.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const OUT = path.join(ROOT, "out", "notebooks");
const RUN_TIMEOUT_MS = 600_000;

function findJupyter(): string | null {
  if (process.env.JUPYTER) return existsSync(process.env.JUPYTER) ? process.env.JUPYTER : null;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, process.platform === "win32" ? "jupyter.exe" : "jupyter");
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return existsSync("/usr/bin/jupyter") ? "/usr/bin/jupyter" : null;
}

/** Why the notebooks cannot run here, or null when they can. */
function missingJupyter(): string | null {
  const jupyter = findJupyter();
  if (!jupyter) return process.env.JUPYTER ? `JUPYTER=${process.env.JUPYTER} does not exist` : "jupyter was not found (not on PATH, not at /usr/bin/jupyter)";
  const r = spawnSync(jupyter, ["nbconvert", "--version"], { encoding: "utf8", env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" } });
  return r.status === 0 ? null : `${jupyter} has no working nbconvert`;
}

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
interface Notebook {
  cells: { cell_type: string; source: string | string[]; outputs?: Output[] }[];
}

const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : (t ?? ""));

function load(name: string): Notebook {
  const file = path.join(OUT, `${name}.ipynb`);
  expect(existsSync(file), `${file} was not written`).toBe(true);
  return JSON.parse(readFileSync(file, "utf8")) as Notebook;
}

function outputs(nb: Notebook): Output[] {
  return nb.cells.flatMap((c) => (c.cell_type === "code" ? (c.outputs ?? []) : []));
}

/** Error outputs and stderr text, with the cell they came from. */
function failures(nb: Notebook): string[] {
  return nb.cells.flatMap((c, i) =>
    (c.outputs ?? [])
      .filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr"))
      .map((o) => `cell ${i + 1}: ${o.output_type === "error" ? `${o.ename}: ${o.evalue}` : text(o.text)}`),
  );
}

const stdout = (nb: Notebook) => outputs(nb).filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) => text(o.text)).join("");
const html = (nb: Notebook) => outputs(nb).map((o) => text(o.data?.["text/html"])).join("\n");
const svgCount = (nb: Notebook) => outputs(nb).filter((o) => text(o.data?.["text/html"]).trimStart().startsWith("<svg")).length;
const pngCount = (nb: Notebook) => outputs(nb).filter((o) => o.data?.["image/png"] !== undefined).length;

const NOTEBOOKS = readdirSync(path.join(ROOT, "notebooks"))
  .filter((f) => /^\d\d-.+\.ipynb$/.test(f))
  .map((f) => f.replace(/\.ipynb$/, ""))
  .sort();

const missing = missingJupyter();
const SKIP_MESSAGE =
  `notebook check skipped: ${missing}. To enable it, install Jupyter ` +
  `(Debian/Ubuntu: sudo apt-get install jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel; elsewhere: pip install jupyterlab), ` +
  `or set JUPYTER=/path/to/jupyter, then run npm run notebooks:setup`;

if (missing) {
  // Printed as well as used as the suite's name, so the reason shows with any reporter.
  console.warn(SKIP_MESSAGE);
  describe.skip(SKIP_MESSAGE, () => {
    it("executes every notebook without errors", () => undefined);
  });
} else {
  describe("notebooks (npm run notebooks)", () => {
    let run: { status: number | null; output: string };

    // Asynchronous on purpose: a synchronous wait of a minute or more would block vitest's worker.
    beforeAll(async () => {
      run = await new Promise((resolve) => {
        const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "notebooks", "--silent"], {
          cwd: ROOT,
          shell: process.platform === "win32",
          stdio: ["ignore", "pipe", "pipe"],
          // Own process group, so a timeout can stop npm, the runner, nbconvert and the kernels together.
          detached: process.platform !== "win32",
        });
        let output = "";
        child.stdout.on("data", (d: Buffer) => (output += d.toString()));
        child.stderr.on("data", (d: Buffer) => (output += d.toString()));
        const timer = setTimeout(() => {
          output += `\n(timed out after ${(RUN_TIMEOUT_MS - 10_000) / 1000} s: stopped)`;
          if (process.platform !== "win32" && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
          else child.kill("SIGTERM");
        }, RUN_TIMEOUT_MS - 10_000);
        child.on("error", (e) => (output += `\n${e.message}`));
        child.on("close", (status) => {
          clearTimeout(timer);
          resolve({ status, output });
        });
      });
    }, RUN_TIMEOUT_MS);

    it("exits 0 and writes an executed copy and an HTML export of every notebook", () => {
      expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(6);
      expect(run.status, run.output).toBe(0);
      for (const name of NOTEBOOKS) {
        expect(existsSync(path.join(OUT, `${name}.ipynb`)), name).toBe(true);
        expect(existsSync(path.join(OUT, `${name}.html`)), name).toBe(true);
      }
    });

    it.each(NOTEBOOKS)("%s: no cell failed or wrote to stderr", (name) => {
      expect(failures(load(name))).toEqual([]);
    });

    it("01-baseline: catalogue and baseline tables, provenance warning, history chart, base-year standing", () => {
      const nb = load("01-baseline");
      expect(stdout(nb)).toMatch(/43 targets \(41 quantitative, 2 qualitative\)/);
      const h = html(nb);
      expect(h).toContain("Target catalogue");
      expect(h).toContain("Baseline, first 12 rows");
      expect(h).toContain("示意数据，非官方统计");
      expect(h).toContain("Where the targets stand in 2013");
      expect(svgCount(nb)).toBeGreaterThanOrEqual(1);
    });

    it("02-project-and-flag: the risk table, reasons and at least one fan chart", () => {
      const nb = load("02-project-and-flag");
      const out = stdout(nb);
      expect(out).toContain("P(met)");
      expect(out).toContain("为何有风险 Why at risk");
      const h = html(nb);
      expect(h).toContain("Targets at risk or off track");
      expect(h).toContain("Why the targets are at risk");
      expect(h).toMatch(/needs to grow/);
      expect(svgCount(nb)).toBeGreaterThanOrEqual(2);
    });

    it("03-compare-scenarios: scenario matrix, risk matrix chart, flipped targets", () => {
      const nb = load("03-compare-scenarios");
      const out = stdout(nb);
      for (const id of ["baseline", "accelerated-investment", "fiscal-squeeze", "patent-pipeline-stress"]) expect(out).toContain(id);
      const h = html(nb);
      expect(h).toContain("P(met) by scenario");
      expect(h).toContain("targets whose status flips");
      expect(svgCount(nb)).toBeGreaterThanOrEqual(2);
    });

    it("04-budget-allocation: best vs equal split at two budgets, P(met) moving, marginal values, tornado", () => {
      const nb = load("04-budget-allocation");
      expect(stdout(nb)).toMatch(/budget\s+5000 万元: best [\d.]+ targets expected to be met, equal split [\d.]+/);
      const h = html(nb);
      for (const s of ["best @2000", "equal @2000", "best @5000", "equal @5000", "Targets that money moves", "Marginal value"]) expect(h).toContain(s);
      expect(svgCount(nb)).toBeGreaterThanOrEqual(2); // the splits and the tornado
    });

    it("05-briefing-charts: briefing.html with inline SVG, and SVG, PNG and Vega-Lite files for every chart", () => {
      const nb = load("05-briefing-charts");
      expect(svgCount(nb)).toBeGreaterThanOrEqual(1);
      expect(pngCount(nb)).toBeGreaterThanOrEqual(1);
      const dir = path.join(OUT, "briefing");
      const page = readFileSync(path.join(dir, "briefing.html"), "utf8");
      expect(page).toContain("<svg");
      expect(page).not.toMatch(/<script\b/i);
      const files = readdirSync(dir);
      const count = (ext: string) => files.filter((f) => f.endsWith(ext)).length;
      expect(count(".svg")).toBeGreaterThan(0);
      expect(count(".png")).toBe(count(".svg"));
      expect(count(".vl.json")).toBe(count(".svg"));
    });

    it("06-forecast-accuracy: model choice and backtests on both data sets", () => {
      const nb = load("06-forecast-accuracy");
      const out = stdout(nb);
      expect(out).toMatch(/R&D intensity 2004–2023 \(20 points\): chosen \S+/);
      expect(out).toMatch(/2018 choice: \S+/);
      const h = html(nb);
      expect(h).toContain("Haizhou: the trend model chosen per indicator");
      expect(h).toContain("China R&amp;D intensity: backtest accuracy");
      expect(h).toContain("accuracy by horizon");
      expect(svgCount(nb)).toBeGreaterThanOrEqual(1);
    });
  });
}
