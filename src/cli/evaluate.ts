/** `targetcast evaluate`: score the kit's forecasts on series with known outcomes (a benchmark file). */
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../data/errors.js";
import { loadBenchmark } from "../data/loadBenchmark.js";
import { loadPeerForecasts } from "../data/loadPeerForecasts.js";
import { readInputText } from "../data/readInputText.js";
import { MIN_POINTS } from "../forecast/calibrated.js";
import { type EvaluationResult, evaluateForecasts } from "../forecast/evaluate.js";
import { type ReferenceClassTable, tableFromJson } from "../forecast/reference-class.js";
import { writeOutputSet } from "../project/outputSet.js";
import { checkOutputFile } from "../project/outputs.js";
import { UsageError } from "../project/usage.js";
import { renderTable } from "../report/textTable.js";
import { intOption } from "./scenarios.js";

export const EVALUATE_HELP = `targetcast evaluate FILE [options]

Scores targetcast's trend forecasts on yearly series whose outcomes are known, side by side with
the no-change forecast (and a peer's forecasts): sMAPE, MASE, coverage of the 80% and 90%
intervals, MSIS (90% interval score, scaled like MASE) and the Brier score of P(met) for the
threshold events "last test value ≥ 1.00, 1.15, 1.30 × last training value".

FILE: columns series, type (optional), split (train | test), year, value; .csv or .xlsx.

Options:
  --last N                 keep only the last N training values of each series (N ≥ ${MIN_POINTS})
  --peer FILE              a peer's forecasts: method, series, h, mean, lo80, hi80, lo90, hi90
  --reference-class FILE   reference-class table (.json) for the intervals [the shipped one]; to score
                           a bundled set honestly use the table built without it, e.g.
                           data/reference-class/without-m1-yearly.json
  --format F               table | json [table]
  --chart FILE             write the reliability diagram: FILE.svg (drawn) or FILE.vl.json (Vega-Lite spec)
  --force                  replace --chart FILE even if targetcast did not write it
  -h, --help               this help
`;

async function readReferenceClass(file: string): Promise<ReferenceClassTable> {
  const text = await readInputText(file, "check the path");
  try {
    return tableFromJson(JSON.parse(text));
  } catch (e) {
    throw new InputError({
      file,
      problem: `not a reference-class table: ${(e as Error).message}`,
      fix: "give a file written by scripts/build-reference-class.mjs (data/reference-class/*.json)",
    });
  }
}

export async function evaluateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      last: { type: "string" },
      peer: { type: "string" },
      "reference-class": { type: "string" },
      format: { type: "string" },
      chart: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(EVALUATE_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "give the benchmark FILE to score" : `give one FILE, not ${positionals.length}`,
    );
  const file = positionals[0];
  const last = intOption(values.last, "--last", MIN_POINTS, 1000);
  const format = values.format ?? "table";
  if (!["table", "json"].includes(format)) throw new UsageError(`--format must be table or json, not "${format}"`);
  const chart = values.chart;
  if (chart && !chart.endsWith(".svg") && !chart.endsWith(".vl.json"))
    throw new UsageError(`--chart must end in .svg or .vl.json, not "${chart}"`);

  if (chart)
    checkOutputFile(chart, { inputs: [file, values.peer, values["reference-class"]], force: values.force === true });
  const data = await loadBenchmark(file);
  const peers = values.peer ? await loadPeerForecasts(values.peer) : undefined;
  const table = values["reference-class"] ? await readReferenceClass(values["reference-class"]) : undefined;
  if (peers) {
    const names = new Set(data.map((s) => s.series));
    const stray = peers.find((p) => !names.has(p.series));
    if (stray)
      throw new InputError({
        file: values.peer!,
        problem: `series "${stray.series}" (method ${stray.method}) is not in ${file}`,
        fix: "use the series names of the benchmark file",
      });
  }
  const result = evaluateForecasts(data, {
    ...(last ? { last } : {}),
    ...(table ? { table } : {}),
    ...(peers ? { peers } : {}),
  });

  // Nothing scored is no score: a table of dashes with exit 0 would read as a result.
  const scored = result.methods.find((m) => m.method === "targetcast")?.series ?? 0;
  if (scored === 0) {
    const first = result.skipped[0];
    throw new InputError({
      file,
      problem: `none of its ${data.length} series could be scored${first ? ` (e.g. ${first.series}: ${first.reason})` : ""}`,
      fix: `give each series at least ${MIN_POINTS} consecutive training years and at least one test year`,
    });
  }

  if (chart) {
    const { reliabilityChart } = await import("../charts/reliability.js");
    const spec = reliabilityChart(result, { file: path.basename(file) });
    let content: string;
    if (chart.endsWith(".svg")) content = await (await import("../charts/render.js")).toSvg(spec);
    else content = JSON.stringify(spec, null, 2) + "\n";
    await writeOutputSet(path.dirname(chart), `chart.${path.basename(chart)}`, (set) =>
      set.write(path.basename(chart), content),
    );
  }
  process.stdout.write(
    format === "json" ? JSON.stringify({ file, ...result }, null, 2) + "\n" : renderEvaluation(file, result),
  );
  return 0;
}

function renderEvaluation(file: string, r: EvaluationResult): string {
  const f = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : "–");
  const lines = [
    `${file}: ${r.series} series${r.last ? `, last ${r.last} training values of each` : ""}; means over every series and horizon`,
    `targetcast intervals: ${r.referenceClass}`,
    "",
    renderTable(
      [
        { header: "method" },
        { header: "series", align: "right" },
        { header: "sMAPE %", align: "right" },
        { header: "MASE", align: "right" },
        { header: "cov80 %", align: "right" },
        { header: "cov90 %", align: "right" },
        { header: "MSIS", align: "right" },
        { header: "Brier", align: "right" },
      ],
      r.methods.map((m) => [
        m.method,
        String(m.series),
        f(m.smape, 2),
        f(m.mase, 3),
        f(m.cov80, 1),
        f(m.cov90, 1),
        f(m.msis, 2),
        f(m.brier, 3),
      ]),
    ),
    "",
    "Reliability of targetcast's P(met) (stated → observed, events):",
    ...r.reliability.map(
      (b) =>
        `  ${f(100 * b.from, 0).padStart(3)}–${f(100 * b.to, 0).padEnd(3)}%: stated ${f(100 * b.stated, 1).padStart(5)}%, observed ${f(100 * b.observed, 1).padStart(5)}%  (${b.events})`,
    ),
  ];
  if (r.skipped.length > 0)
    lines.push(
      "",
      `Not scored (${r.skipped.length}):`,
      ...r.skipped.slice(0, 20).map((s) => `  ${s.series}: ${s.reason}`),
      ...(r.skipped.length > 20 ? [`  … and ${r.skipped.length - 20} more (see --format json)`] : []),
    );
  return lines.join("\n") + "\n";
}
