/** `targetcast forecast`: fit trend models to one indicator's history, backtest them, forecast. */
import { parseArgs } from "node:util";
import { InputError } from "../data/errors.js";
import { didYouMean } from "../data/didYouMean.js";
import { loadBaseline } from "../data/index.js";
import { autoSelect, backtest, MODELS, MODEL_NAMES, TooShortError, InvalidSeriesError, type ModelName } from "../forecast/index.js";
import { renderTable } from "../report/textTable.js";
import { loadDefaults } from "./inputs.js";
import { intOption } from "./run.js";
import { UsageError } from "./usage.js";

export const FORECAST_HELP = `targetcast forecast --indicator ID [options]

Fits trend models to one indicator's history, scores them by rolling-origin backtest
(MAE, MAPE, MASE, interval coverage) and forecasts with prediction intervals.

Options:
  --data FILE        baseline table (.csv or .xlsx) [from targetcast.config.json]
  --indicator ID     the indicator to forecast (required)
  --model M          auto | ${MODEL_NAMES.join(" | ")}  [auto: lowest backtest MASE]
  --horizon H        years ahead [3]
  --level L          prediction interval level in % [80]
  --format F         table | json [table]
  -h, --help         this help
`;

export async function forecastCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: "string" },
      indicator: { type: "string" },
      model: { type: "string" },
      horizon: { type: "string" },
      level: { type: "string" },
      format: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(FORECAST_HELP);
    return 0;
  }
  if (!values.indicator) throw new UsageError("--indicator is required");
  const model = values.model ?? "auto";
  if (model !== "auto" && !(MODEL_NAMES as readonly string[]).includes(model)) {
    throw new UsageError(`--model must be auto or one of ${MODEL_NAMES.join(", ")}, not "${model}"`);
  }
  const horizon = intOption(values.horizon, "--horizon", 1, 30) ?? 3;
  const level = Number(values.level ?? 80);
  if (!(level > 0 && level < 100)) throw new UsageError(`--level must be between 0 and 100, not "${values.level}"`);
  const format = values.format ?? "table";
  if (!["table", "json"].includes(format)) throw new UsageError(`--format must be table or json, not "${format}"`);
  const file = values.data ?? loadDefaults().data;
  if (!file) throw new UsageError("no default data here (no targetcast.config.json): give --data FILE");

  const baseline = await loadBaseline(file);
  const s = baseline.series.get(values.indicator);
  if (!s) {
    const hint = didYouMean(values.indicator, [...baseline.series.keys()]);
    throw new InputError({ file, problem: `no indicator "${values.indicator}" in the data`, fix: hint ? `did you mean "${hint}"?` : `indicators here: ${[...baseline.series.keys()].join(", ")}` });
  }
  const series = { name: s.indicator, years: s.years, values: s.values };
  const isShare = s.unit === "%";
  const last = s.years[s.years.length - 1];
  const years = Array.from({ length: horizon }, (_, i) => last + 1 + i);
  if (model === "logit" && !isShare) {
    throw new InputError({ file, problem: `${s.indicator} is in ${s.unit}, not a share in %`, fix: "use the logit model only for shares between 0 and 100%" });
  }

  let selection;
  try {
    selection = autoSelect(series, { horizon, level, bounded0to100: isShare, ...(model === "auto" ? {} : { candidates: [model as ModelName] }) });
    if (model !== "auto") {
      const only = selection.models[0];
      if (only.error) throw MODELS[model as ModelName].fit(series); // rethrow the model's own error
      if (!only.scores && series.years.length >= MODELS[model as ModelName].minPoints + 1) {
        only.scores = backtest(series, model as ModelName, { horizon, level }).scores;
      }
    }
  } catch (e) {
    if (e instanceof TooShortError || e instanceof InvalidSeriesError) throw new InputError({ file, problem: e.message, fix: "add more years of data or choose another model" });
    throw e;
  }
  const chosen = model === "auto" ? selection.chosen : (model as ModelName);
  if (!chosen) throw new InputError({ file, problem: `no trend model fits ${s.indicator}: ${selection.reason}`, fix: "add more years of data" });

  const out = {
    indicator: s.indicator,
    unit: s.unit,
    data: file,
    history: s.years.map((y, i) => ({ year: y, value: s.values[i] })),
    horizon,
    level,
    chosen,
    reason: selection.reason,
    models: selection.models.map(({ fit: _fit, ...m }) => m),
  };
  if (format === "json") {
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const f = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? "–" : String(+v.toPrecision(d + 1)));
  const chosenModel = out.models.find((m) => m.name === chosen)!;
  process.stdout.write(
    [
      `${s.indicator} (${s.unit}), ${s.years[0]}–${last}, ${s.years.length} points — ${file}`,
      `Chosen: ${chosen}. ${selection.reason}`,
      "",
      renderTable(
        [{ header: "Model" }, { header: "MASE", align: "right" }, { header: "MAE", align: "right" }, { header: "MAPE %", align: "right" }, { header: `Coverage of ${level}%`, align: "right" }, { header: "n", align: "right" }, { header: "Note" }],
        out.models.map((m) => [
          m.name + (m.name === chosen ? " *" : ""),
          f(m.scores?.mase),
          f(m.scores?.mae),
          f(m.scores?.mape),
          m.scores?.coverage === null || m.scores?.coverage === undefined ? "–" : `${Math.round(m.scores.coverage * 100)}%`,
          String(m.scores?.n ?? "–"),
          m.error ?? m.note ?? "",
        ]),
      ),
      "",
      renderTable(
        [{ header: "Year" }, { header: `Forecast (${chosen})`, align: "right" }, { header: `${level}% interval`, align: "right" }],
        chosenModel.forecasts.filter((p) => years.includes(p.year)).map((p) => [String(p.year), f(p.mean), `${f(p.lower)} – ${f(p.upper)}`]),
      ),
      "",
    ].join("\n"),
  );
  return 0;
}
