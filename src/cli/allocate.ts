/** `targetcast allocate`: the best split of an S&T budget across programmes. */
import path from "node:path";
import { parseArgs } from "node:util";
import type { BudgetPath } from "../allocate/budgetPath.js";
import { type Goal, goalSeek } from "../allocate/goalSeek.js";
import { allocateBudget } from "../allocate/runAllocation.js";
import { provenanceOfBaseline } from "../assess/runScenario.js";
import { type Lang, tr } from "../charts/labels.js";
import { renderPngs } from "../charts/pngPool.js";
import { toSvg } from "../charts/render.js";
import { tornado as tornadoChart } from "../charts/tornado.js";
import { INPUT_OPTIONS, inputFiles, loadDefaults, loadInputs } from "../project/inputs.js";
import { writeOutputSet } from "../project/outputSet.js";
import { checkOutputDir } from "../project/outputs.js";
import { checkScenarioIndicators } from "../project/scenarioIndicators.js";
import { UsageError } from "../project/usage.js";
import { allocationText, goalText } from "../report/allocationText.js";
import { loadScenario } from "../scenario/load.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";
import { progressReporter, QUIET_OPTION, quiet } from "./progress.js";
import { intOption } from "./scenarios.js";

export const ALLOCATE_HELP = `targetcast allocate [SCENARIO.yaml] --budget AMOUNT [options]
targetcast allocate [SCENARIO.yaml] --goal TARGET_ID:P | --goal expected:K [options]

Finds the split of an extra yearly S&T budget across the scenario's programmes that
maximises the expected number of targets met (or a weighted score), within each
programme's floor and cap, and compares it with the equal split and a coarse grid
search on the same Monte Carlo draws.

With --goal: the smallest extra budget a year (and its best split) that makes the target's
P(met) at least P, or the expected number of targets met at least K; or that it is not
reachable within the programmes' caps (or --max-budget when a programme has no cap).

Options:
  --budget AMOUNT     extra spending per year, in the scenario's budget unit (万元); or one amount
                      a year from the year after the base year, e.g. 1000,2000,3000 (fewer than
                      the projected years: the last is held; the split is the same every year);
                      with --goal, such a path gives the shape the search scales
  --goal GOAL         TARGET_ID:P (0 < P ≤ 1), e.g. rd_intensity:0.5, or expected:K
  --tolerance T       goal seek: budget step of the search, budget unit a year [10]
  --max-budget M      goal seek: search limit when a programme has no cap [100000]
  --weights LIST      priority weights, e.g. rd_intensity=3,invention_patents_per_10k_pop=2
  --paths N           paths per evaluation [2000]
  --seed S            random seed [the scenario's]
  --threads N         worker threads scoring each split [one per core for big runs, else 1];
                      the results are the same bit for bit for any N
  --grid K            grid steps of budget/K for the coarse grid [4]
  --sensitivity       also the tornado (10th/90th percentiles) and one-way sweeps,
                      and the tornado chart in DIR as tornado.svg, .png and .vl.json
  --data, --targets, --indicators FILE, --sheet NAME, --allow-outside   as for \`targetcast run\`
  --out DIR           write allocation.json there [out]
  --format F          table | json [table]
${langHelp()}
                      (the table and the tornado chart; json keeps both)
  --force             replace existing output files that targetcast did not write
  --quiet             no progress line on stderr (shown only when stderr is a terminal)
  -h, --help          this help
`;

function parseWeights(s: string | undefined): Map<string, number> | undefined {
  if (!s) return undefined;
  const m = new Map<string, number>();
  for (const part of s.split(",")) {
    const [id, w] = part.split("=");
    const v = Number(w);
    if (!id || !Number.isFinite(v) || v < 0)
      throw new UsageError(`--weights: "${part}" is not id=weight with a weight ≥ 0`);
    m.set(id.trim(), v);
  }
  return m;
}

/** `--threads N` as an input field (absent: the default count). */
function threadsOption(value: string | undefined): { threads?: number } {
  const threads = intOption(value, "--threads", 1, 256);
  return threads ? { threads } : {};
}

export async function allocateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      budget: { type: "string" },
      goal: { type: "string" },
      tolerance: { type: "string" },
      "max-budget": { type: "string" },
      weights: { type: "string" },
      grid: { type: "string" },
      threads: { type: "string" },
      sensitivity: { type: "boolean" },
      out: { type: "string" },
      format: { type: "string" },
      force: { type: "boolean" },
      ...LANG_OPTION,
      ...QUIET_OPTION,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(ALLOCATE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("give at most one scenario file");
  const lang = langOption(values);
  if (values.goal !== undefined) return goalCommand(values, positionals, lang);
  if (values.budget === undefined)
    throw new UsageError(
      "--budget is required (extra spending per year, e.g. --budget 5000 for 50 million yuan in 万元)",
    );
  const budgetPath = parseBudgetPath(values.budget);
  const budget = budgetPath ? Math.max(...budgetPath) : Number(values.budget);
  if (!Number.isFinite(budget) || budget < 0)
    throw new UsageError(`--budget must be a number ≥ 0, or amounts ≥ 0 separated by commas, not "${values.budget}"`);
  const format = values.format ?? "table";
  if (!["table", "json"].includes(format)) throw new UsageError(`--format must be table or json, not "${format}"`);
  const gridSteps = intOption(values.grid, "--grid", 1, 20);
  const file = positionals[0] ?? path.join(loadDefaults().scenarios, "baseline.yaml");
  const outDir = values.out ?? "out";
  const outputs = ["allocation.json", ...(values.sensitivity ? ["tornado.vl.json", "tornado.svg", "tornado.png"] : [])];
  checkOutputDir(outDir, outputs, { inputs: inputFiles(values, [file]), force: values.force === true });
  const inputs = await loadInputs(values);
  for (const n of inputs.notes) process.stderr.write(`note: ${n}\n`);
  const loaded = await loadScenario(file, { allowOutside: values["allow-outside"] === true });
  checkScenarioIndicators(loaded, inputs);
  const { scenario } = loaded;
  const progress = quiet(values) ? null : progressReporter("allocate", "splits evaluated");
  const result = allocateBudget({
    ...inputs,
    scenario,
    scenarioFile: file,
    budget,
    ...(budgetPath ? { budgetPath } : {}),
    paths: intOption(values.paths, "--paths", 100, 1_000_000) ?? 2000,
    ...(values.seed !== undefined ? { seed: intOption(values.seed, "--seed", 0, 2 ** 32 - 1)! } : {}),
    ...threadsOption(values.threads),
    ...(gridSteps ? { gridSteps } : {}),
    ...(values.weights ? { weights: parseWeights(values.weights)! } : {}),
    sensitivity: values.sensitivity === true,
    ...(progress ? { onProgress: (n: number) => progress.update(n) } : {}),
  });
  progress?.end();
  const held = result.budgetPath ? heldNote(result.budgetPath) : "";
  if (held) process.stderr.write(`note: ${held}\n`);
  await writeOutputSet(outDir, "allocate", async (set) => {
    await set.write("allocation.json", JSON.stringify(result, null, 2) + "\n");
    if (result.tornado) {
      const spec = tornadoChart(
        {
          output: tr(lang, {
            zh: `预期达成目标数（每年追加预算 ${budget} ${result.unit}）`,
            en: `Expected targets met (budget ${budget} ${result.unit}/yr)`,
          }),
          baseline: result.tornado.baseline,
          bars: result.tornado.bars.slice(0, 15).map((b) => ({
            parameter: `${tr(lang, b.label)}${b.budgetCanChange ? "" : ` (${tr(lang, { zh: "预算无法改变", en: "budget cannot change" })})`}`,
            low: b.low,
            high: b.high,
            lowLabel: String(+b.lowValue.toPrecision(3)),
            highLabel: String(+b.highValue.toPrecision(3)),
          })),
        },
        {
          lang,
          provenance: provenanceOfBaseline(inputs.baseline),
          unit: tr(lang, { zh: "个目标", en: "targets" }),
          othersHeld: {
            zh: "每个假设取其第10/90百分位，其余假设照常抽样",
            en: "each assumption at its 10th/90th percentile, the others drawn as usual",
          },
        },
      );
      const svg = await toSvg(spec);
      const [png] = await renderPngs([{ svg, scale: 2 }]);
      await set.write("tornado.vl.json", JSON.stringify(spec, null, 2) + "\n");
      await set.write("tornado.svg", svg);
      await set.write("tornado.png", png);
    }
  });
  process.stdout.write(format === "json" ? JSON.stringify(result, null, 2) + "\n" : allocationText(result, lang));
  return 0;
}

type AllocateValues = Record<string, string | boolean | undefined>;

/** "1000,2000,3000" → [1000, 2000, 3000]; one number (no comma) → undefined (the same amount every year). */
export function parseBudgetPath(s: string | boolean | undefined): number[] | undefined {
  if (typeof s !== "string" || !s.includes(",")) return undefined;
  const amounts = s.split(",").map((x) => (x.trim() === "" ? NaN : Number(x)));
  if (amounts.some((a) => !Number.isFinite(a) || a < 0))
    throw new UsageError(`--budget: "${s}" is not a list of amounts ≥ 0 separated by commas (e.g. 1000,2000,3000)`);
  return amounts;
}

/** What the user is told when the path was shorter than the projection: the last amount is held. */
function heldNote(p: BudgetPath): string {
  return p.heldFrom === null
    ? ""
    : `--budget gives ${p.given} amount${p.given === 1 ? "" : "s"} for ${p.years.length} projected years: the last, ${p.amounts[p.given - 1]}, is held from ${p.heldFrom} to ${p.years[p.years.length - 1]}`;
}

/** "rd_intensity:0.5" → { target: "rd_intensity", p: 0.5 }; "expected:25" → { target: "expected", p: 25 }. */
export function parseGoal(s: string): Goal {
  const i = s.lastIndexOf(":");
  const target = s.slice(0, i).trim();
  const p = Number(s.slice(i + 1));
  if (i <= 0 || !target || !Number.isFinite(p) || p <= 0)
    throw new UsageError(`--goal: "${s}" is not TARGET_ID:P (e.g. rd_intensity:0.5) or expected:K (e.g. expected:25)`);
  return { target, p };
}

function positiveNumber(v: string | boolean | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || !Number.isFinite(n) || n <= 0)
    throw new UsageError(`${name} must be a number above 0, not "${String(v)}"`);
  return n;
}

async function goalCommand(values: AllocateValues, positionals: string[], lang: Lang): Promise<number> {
  // With --goal, --budget may only give the shape of a year-by-year path, which the search scales.
  const budgetPath = parseBudgetPath(values.budget);
  if (values.budget !== undefined && !budgetPath)
    throw new UsageError(
      "give --budget or --goal, not both (with --goal, --budget may give a path of yearly amounts, e.g. 1000,2000,3000, whose shape the search scales)",
    );
  for (const o of ["weights", "sensitivity"])
    if (values[o] !== undefined) throw new UsageError(`--${o} does not apply to --goal`);
  const goal = parseGoal(values.goal as string);
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "json"].includes(format)) throw new UsageError(`--format must be table or json, not "${format}"`);
  const tolerance = positiveNumber(values.tolerance, "--tolerance");
  const maxBudget = positiveNumber(values["max-budget"], "--max-budget");
  const gridSteps = intOption(values.grid as string | undefined, "--grid", 1, 20);
  const file = positionals[0] ?? path.join(loadDefaults().scenarios, "baseline.yaml");
  const outDir = (values.out as string | undefined) ?? "out";
  checkOutputDir(outDir, ["allocation.json"], {
    inputs: inputFiles(values as Parameters<typeof inputFiles>[0], [file]),
    force: values.force === true,
  });
  const inputs = await loadInputs(values as Parameters<typeof loadInputs>[0]);
  const loaded = await loadScenario(file);
  checkScenarioIndicators(loaded, inputs);
  const { scenario } = loaded;
  const paths = intOption(values.paths as string | undefined, "--paths", 100, 1_000_000) ?? 2000;
  const seed = values.seed !== undefined ? intOption(values.seed as string, "--seed", 0, 2 ** 32 - 1)! : scenario.seed;
  const progress = quiet(values) ? null : progressReporter("goal seek", "budgets");
  const answer = goalSeek({
    ...inputs,
    scenario,
    scenarioFile: file,
    goal,
    paths,
    seed,
    ...threadsOption(values.threads as string | undefined),
    ...(budgetPath ? { budgetPath } : {}),
    ...(tolerance ? { tolerance } : {}),
    ...(maxBudget ? { maxBudget } : {}),
    ...(gridSteps ? { gridSteps } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.end();
  if (budgetPath && budgetPath.length < answer.years.length)
    process.stderr.write(
      `note: --budget gives ${budgetPath.length} amounts for ${answer.years.length} projected years: the last is held from ${answer.years[budgetPath.length]}\n`,
    );
  const doc = { scenario: file, budget: answer.budget, unit: answer.unit, paths, seed, goal: answer };
  await writeOutputSet(outDir, "allocate", async (set) => {
    await set.write("allocation.json", JSON.stringify(doc, null, 2) + "\n");
  });
  const names = new Map(inputs.catalogue.targets.map((t) => [t.id, { zh: t.nameZh, en: t.nameEn }]));
  const programmes = Object.fromEntries(
    Object.entries(scenario.programmes).map(([id, p]) => [id, { zh: p.name.zh, en: p.name.en }]),
  );
  process.stdout.write(
    format === "json"
      ? JSON.stringify(doc, null, 2) + "\n"
      : goalText(answer, { file, paths, seed, names, programmes }, lang),
  );
  return 0;
}
