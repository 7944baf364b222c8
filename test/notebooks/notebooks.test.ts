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
  if (!jupyter)
    return process.env.JUPYTER
      ? `JUPYTER=${process.env.JUPYTER} does not exist`
      : "jupyter was not found (not on PATH, not at /usr/bin/jupyter)";
  const r = spawnSync(jupyter, ["nbconvert", "--version"], {
    encoding: "utf8",
    env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
  });
  return r.status === 0 ? null : `${jupyter} has no working nbconvert`;
}

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}
interface Notebook {
  cells: { cell_type: string; source: string | string[]; outputs?: Output[] }[];
}

const text = (t: unknown) => (Array.isArray(t) ? t.join("") : typeof t === "string" ? t : "");

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

const stdout = (nb: Notebook) =>
  outputs(nb)
    .filter((o) => o.output_type === "stream" && o.name === "stdout")
    .map((o) => text(o.text))
    .join("");
const html = (nb: Notebook) =>
  outputs(nb)
    .map((o) => text(o.data?.["text/html"]))
    .join("\n");
const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
/** Charts shown as one output with the Vega-Lite spec (JupyterLab, interactive) and an SVG fallback (static viewers). */
const chartCount = (nb: Notebook) =>
  outputs(nb).filter((o) => {
    const spec = o.data?.[VEGA_LITE_MIME] as { $schema?: string } | undefined;
    return /vega-lite\/v5/.test(spec?.$schema ?? "") && text(o.data?.["image/svg+xml"]).trimStart().startsWith("<svg");
  }).length;
/** The SVG fallbacks of every chart, joined. */
const chartSvgs = (nb: Notebook) =>
  outputs(nb)
    .map((o) => text(o.data?.["image/svg+xml"]))
    .join("\n");
/** Charts shown the old way, as bare SVG in text/html (no interactive version). */
const bareSvgCount = (nb: Notebook) =>
  outputs(nb).filter((o) => text(o.data?.["text/html"]).trimStart().startsWith("<svg")).length;
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

    it.each(NOTEBOOKS)(
      "%s: charts as a Vega-Lite MIME bundle with an SVG fallback, tables as HTML tables; the HTML export shows both",
      (name) => {
        const nb = load(name);
        expect(chartCount(nb)).toBeGreaterThanOrEqual(1);
        expect(bareSvgCount(nb), "every chart goes through showChart").toBe(0);
        expect(html(nb)).toMatch(/<table class="targetcast">/);
        // nbconvert's HTML (a static viewer: no Vega) falls back to the SVG picture and keeps the tables.
        const exported = readFileSync(path.join(OUT, `${name}.html`), "utf8");
        expect(exported).toMatch(/<svg[\s>]/);
        expect(exported).toContain('<table class="targetcast">');
      },
    );

    it("01-baseline: catalogue and baseline tables, provenance warning, history chart, base-year standing", () => {
      const nb = load("01-baseline");
      expect(stdout(nb)).toMatch(/43 targets \(41 quantitative, 2 qualitative\)/);
      const h = html(nb);
      expect(h).toContain("Target catalogue");
      expect(h).toContain("Baseline, first 12 rows");
      expect(h).toContain("示意数据，非官方统计");
      expect(h).toContain("Where the targets stand in 2013");
      expect(chartCount(nb)).toBeGreaterThanOrEqual(1);
    });

    it("02-project-and-flag: the risk table, reasons and at least one fan chart", () => {
      const nb = load("02-project-and-flag");
      const h = html(nb);
      expect(h).toContain("风险表 Risk table: 基准情景");
      expect(h).toContain("达成概率 P(met)");
      expect(h).toContain("责任单位 Responsible units");
      expect(h).toContain("Targets at risk or off track");
      expect(h).toContain("Why the targets are at risk");
      expect(h).toMatch(/needs to grow/);
      expect(chartCount(nb)).toBeGreaterThanOrEqual(2);
    });

    it("03-compare-scenarios: scenario matrix, risk matrix chart, flipped targets", () => {
      const nb = load("03-compare-scenarios");
      const h = html(nb);
      expect(h).toContain("情景矩阵 Scenario matrix: status and P(met)");
      for (const id of ["baseline", "accelerated-investment", "fiscal-squeeze", "patent-pipeline-stress"])
        expect(h).toContain(`<th style="text-align:left">${id}</th>`);
      expect(h).toContain("P(met) by scenario");
      expect(h).toContain("targets whose status flips");
      expect(chartCount(nb)).toBeGreaterThanOrEqual(2);
    });

    it("04-budget-allocation: a planner's decision — what the budget buys, for which targets, how sure, what a goal costs", () => {
      const nb = load("04-budget-allocation");
      expect(stdout(nb)).toMatch(
        /budget\s+5000 万元: best [\d.]+ targets expected to be met, equal split [\d.]+, no extra budget [\d.]+/,
      );
      expect(stdout(nb)).toMatch(/best − equal -?[\d.]+ ± [\d.]+ \(paired SE\)/);
      expect(stdout(nb)).toMatch(
        /smallest budget for P\(R&D ≥ 2\.5%\) ≥ 50%: \d+ 万元\/yr → P\(met\) [\d.]+% ± [\d.]+/,
      );
      // The baseline adopts fiscal S&T at 3% of the budget: a constraint that may set the budget instead of the goal.
      expect(stdout(nb)).toMatch(
        /check: \d+ 万元\/yr gives [\d.]+%, (below the goal|the goal, but not an adopted commitment: the commitment sets the budget)/,
      );
      expect(stdout(nb)).toMatch(
        /adopted commitment fiscal_st_share: P\(met\) [\d.]+% at this budget \(honoured; needs ≥ 66%\)/,
      );
      expect(stdout(nb)).toContain("outside the programmes' reach: sme_development_fund");
      expect(stdout(nb)).toMatch(/cost per extra target met: \d+ 万元\/yr/);
      // How sure, part two: the correlated inputs (parameters and yearly shocks), said to be assumptions.
      expect(stdout(nb)).toMatch(
        /expected targets met with the shock links [\d.]+ ± [\d.]+, without them [\d.]+ \(same seed 20141 and 2000 paths/,
      );
      const h = html(nb);
      for (const s of [
        "best @2000",
        "equal @2000",
        "best @5000",
        "equal @5000",
        "Targets that money moves",
        "Marginal value",
        "Is the best split really better than the equal one?",
        "Assumptions the budget cannot change",
        "The split that reaches the goal",
        "Adopted commitments as constraints",
        "Correlated inputs (assumptions, not estimates)",
        "yearly shock 年度冲击",
        "with and without the links between yearly shocks",
      ])
        expect(h).toContain(s);
      expect(chartCount(nb)).toBeGreaterThanOrEqual(2); // the splits and the tornado
    });

    it("05-briefing-charts: briefing.html with inline SVG, and SVG, PNG and Vega-Lite files for every chart", () => {
      const nb = load("05-briefing-charts");
      expect(chartCount(nb)).toBeGreaterThanOrEqual(1);
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

    it("06-forecast-accuracy: how the default forecast is built, its calibration on the benchmark sets, the national retrospective", () => {
      const nb = load("06-forecast-accuracy");
      const out = stdout(nb);
      const h = html(nb);
      const num = (m: RegExpMatchArray | null, i: number) => Number(m![i]);
      // 1. Haizhou (illustrative): members and drift test per headline indicator, one indicator's quantiles, the ETS table.
      expect(out).toContain("default reference class: reference class of 699 real yearly series");
      expect(h).toContain("示意数据，非官方统计");
      expect(h).toContain("Haizhou: members, drift test and the 2015 forecast (illustrative data)");
      for (const id of [
        "rd_intensity",
        "invention_patents_per_10k_pop",
        "hightech_output_share",
        "national_hightech_enterprises",
      ])
        expect(h).toContain(`>${id}<`);
      const rd = out.match(/rd_intensity: n = 5 points, s = ([\d.]+) per year on the logit scale/);
      expect(rd, out).not.toBeNull();
      expect(num(rd, 1)).toBeGreaterThan(0.02);
      expect(num(rd, 1)).toBeLessThan(0.15);
      expect(h).toContain("Haizhou R&amp;D intensity: reference-class quantiles and forecast quantiles");
      expect(h).toContain("Haizhou R&amp;D intensity: ETS models by AICc");
      expect(h).toMatch(/ETS\(\w,N,N\) ✓/);
      // 2. Benchmarks, leave one set out: only when ../shared is there (CI clones the repository alone).
      if (existsSync(path.join(ROOT, "..", "shared", "data", "forecast-benchmarks", "m1-yearly.csv"))) {
        const score = String.raw`sMAPE ([\d.]+), MASE ([\d.]+), cov80 ([\d.]+)%, cov90 ([\d.]+)%, MSIS ([\d.]+), Brier ([\d.]+)`;
        for (const [set, forecasts] of [
          ["m1-yearly", 1086],
          ["tourism-yearly", 2072],
        ] as const) {
          for (const regime of ["all", "last 6"]) {
            const m = out.match(
              new RegExp(
                `${set}, ${regime} training values \\(${forecasts} forecasts\\): targetcast ${score} \\| naive ${score}`,
              ),
            );
            expect(m, `${set}, ${regime}:\n${out}`).not.toBeNull();
            const [ours, naive] = [1, 7].map((i) => ({
              smape: num(m, i),
              mase: num(m, i + 1),
              cov80: num(m, i + 2),
              cov90: num(m, i + 3),
              msis: num(m, i + 4),
              brier: num(m, i + 5),
            }));
            expect(ours.cov80).toBeGreaterThan(65);
            expect(ours.cov80).toBeLessThan(92);
            expect(ours.cov90).toBeGreaterThan(78);
            expect(ours.cov90).toBeLessThan(97);
            expect(ours.cov90).toBeGreaterThan(ours.cov80);
            expect(ours.smape).toBeLessThan(naive.smape);
            expect(ours.msis).toBeLessThan(naive.msis);
            expect(ours.brier).toBeLessThan(naive.brier);
            expect(ours.brier).toBeGreaterThan(0.1);
            expect(ours.brier).toBeLessThan(0.3);
          }
        }
        expect(out).toContain("cross-check: targetcast's naive row reproduces R's naive() in all four evaluations");
        expect(h).toContain("Accuracy and calibration on the benchmark sets");
        expect(h).toContain("R forecast 8.20, from the benchmark README");
        expect(chartSvgs(nb)).toContain("Reliability of P(met)"); // the reliability chart's title
        expect(h).toContain("Tourism yearly: reliability bins of P(met)");
        expect(chartCount(nb)).toBeGreaterThanOrEqual(2); // the reliability chart and the national chart
      } else {
        expect(out).toMatch(/benchmark section skipped: .*forecast-benchmarks is missing/);
        expect(chartCount(nb)).toBeGreaterThanOrEqual(1);
      }
      // 3. China, real first-published figures: 2013 → 2015 (≥ 2.2%, outcome 2.07) and 2018 → 2020 (≥ 2.5%, outcome 2.40).
      const interval = String.raw`= ([\d.]+); median ([\d.]+)%, 80% interval ([\d.]+) – ([\d.]+)%`;
      const y2015 = out.match(
        new RegExp(
          String.raw`2013 → 2015: P\(R&D intensity ≥ 2\.2% in 2015\) ${interval}; published 2\.07% \(target missed\)`,
        ),
      );
      expect(y2015, out).not.toBeNull();
      expect(num(y2015, 1)).toBeGreaterThan(0.3); // the trend did point upwards …
      expect(num(y2015, 1)).toBeLessThan(0.8); // … but no longer a confident wrong answer
      expect(num(y2015, 3)).toBeLessThanOrEqual(2.1);
      expect(num(y2015, 4)).toBeGreaterThan(2.4);
      const y2020 = out.match(
        new RegExp(
          String.raw`2018 → 2020: P\(R&D intensity ≥ 2\.5% in 2020\) ${interval}; published 2\.40% \(target missed\)`,
        ),
      );
      expect(y2020, out).not.toBeNull();
      expect(num(y2020, 1)).toBeLessThan(0.35);
      expect(num(y2020, 3)).toBeLessThan(2.4);
      expect(num(y2020, 4)).toBeGreaterThan(2.3);
      expect(h).toContain("China R&amp;D intensity: the forecast at the time and what was published");
    });
  });
}
