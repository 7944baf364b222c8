/** `targetcast forecast`: the trend forecast of one indicator, with its intervals and how they were made. */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { didYouMean } from "../data/didYouMean.js";
import { InputError } from "../data/errors.js";
import { loadBaseline, loadIndicatorDictionary } from "../data/index.js";
import { findUnit } from "../data/units.js";
import { calibratedForecast } from "../forecast/calibrated.js";
import { InvalidSeriesError, TooShortError } from "../forecast/errors.js";
import { etsName, selectEts } from "../forecast/ets.js";
import { MODELS } from "../forecast/registry.js";
import { type ForecastPoint, MODEL_NAMES, type ModelName } from "../forecast/types.js";
import { loadDefaults } from "../project/inputs.js";
import { UsageError } from "../project/usage.js";
import { forecastWarningText, memberName, referenceClassCitation } from "../report/forecastText.js";
import { renderTable } from "../report/textTable.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";
import { intOption } from "./scenarios.js";

export const FORECAST_HELP = `targetcast forecast --indicator ID [options]

Forecasts one indicator from its own history. By default (--model auto) this is the forecast
every other command uses: the median of ETS, Theta and drift fits, with intervals from a
reference class of real yearly forecast errors (see README, "How good are the forecasts").
A named model gives that model's own intervals, which are not calibrated.

Options:
  --data FILE        baseline table (.csv or .xlsx) [from targetcast.config.json]
  --indicator ID     the indicator to forecast (required)
  --model M          auto | ${MODEL_NAMES.join(" | ")}  [auto]
  --horizon H        years ahead [3]
  --level L          prediction interval level in % [80]
  --format F         table | json [table]
${langHelp(21)}
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
      ...LANG_OPTION,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(FORECAST_HELP);
    return 0;
  }
  const lang = langOption(values);
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
    throw new InputError({
      file,
      problem: `no indicator "${values.indicator}" in the data`,
      fix: hint ? `did you mean "${hint}"?` : `indicators here: ${[...baseline.series.keys()].join(", ")}`,
    });
  }
  const series = { name: s.indicator, years: s.years, values: s.values };
  const isShare = s.unit === "%";
  if (model === "logit" && !isShare) {
    throw new InputError({
      file,
      problem: `${s.indicator} is in ${s.unit}, not a share in %`,
      fix: "use the logit model only for shares between 0 and 100%",
    });
  }
  const a = (1 - level / 100) / 2;
  let points: ForecastPoint[];
  let about: Record<string, unknown>;
  let referenceClass = "";
  /** What the user should know, in both languages (the forecast's warnings, a capped named model). */
  const notes: { zh: string; en: string }[] = [];
  let members: string[] = [];
  try {
    if (model === "auto") {
      const f = calibratedForecast(series, { horizon, isShare });
      points = f.years.map((year, i) => ({
        year,
        mean: f.median[i],
        lower: f.quantile(i + 1, a),
        upper: f.quantile(i + 1, 1 - a),
      }));
      const ets = selectEts(f.used.values);
      referenceClass = f.provenance;
      members = f.members;
      about = {
        method: `median of ${f.members.join(", ")}`,
        driftTest: f.drift
          ? "clear drift (|t| ≥ 2): drift, Theta and Holt members"
          : "no clear drift (|t| < 2): Theta, damped trend and no-change members",
        workingScale: f.transform,
        scalePerYear: f.scale,
        noise: f.noise,
        pointsUsed: f.n,
        intervals: `reference class (${f.provenance}); quantiles of scaled errors for series of ${f.n} points, noise ${f.noise.toFixed(2)}`,
        pointForecast: f.point,
        ets: ets
          ? ets.fits.map((e) => ({
              model: etsName(e.spec),
              aicc: e.aicc,
              alpha: e.alpha,
              beta: e.beta,
              phi: e.phi,
              chosen: e === ets.best,
            }))
          : [],
        warnings: f.warnings,
        warningCodes: f.warningCodes,
      };
      for (const w of f.warningCodes)
        notes.push({ zh: forecastWarningText(w, "zh"), en: forecastWarningText(w, "en") });
    } else {
      const fit = MODELS[model as ModelName].fit(series);
      const last = s.years[s.years.length - 1];
      points = fit.forecast(
        Array.from({ length: horizon }, (_, i) => last + 1 + i),
        level,
      );
      about = {
        method: `${model} (${MODELS[model as ModelName].description}); model-based intervals, not calibrated`,
        params: fit.params,
        warnings: [],
      };
    }
  } catch (e) {
    if (e instanceof TooShortError || e instanceof InvalidSeriesError)
      throw new InputError({
        file,
        problem: e.message,
        fix: "add more years of data, fill the gaps, or choose another model",
      });
    throw e;
  }
  // A named model knows nothing of the unit: keep its forecast within what the unit allows
  // (a share in 0–100%, a count or an amount at or above 0), and say so when it had to.
  const unit = findUnit(s.unit);
  const lo = unit?.nonNegative ? 0 : -Infinity;
  const hi = unit?.max ?? Infinity;
  const inside = (v: number) => Math.min(hi, Math.max(lo, v));
  if (points.some((p) => [p.mean, p.lower, p.upper].some((v) => v !== inside(v)))) {
    points = points.map((p) => ({ ...p, mean: inside(p.mean), lower: inside(p.lower), upper: inside(p.upper) }));
    const capped = {
      zh: `${model} 模型超出了 ${lo}–${hi} ${s.unit}（以 ${s.unit} 计的数值不可能超出），其数值已截在此范围内（auto 模型对比重用 logit 尺度）`,
      en: `the ${model} model went outside ${lo}–${hi} ${s.unit}, which a value in ${s.unit} cannot; its values are capped there (the auto model works on the logit scale for shares)`,
    };
    (about.warnings as string[]).push(capped.en);
    notes.push(capped);
  }
  const out = {
    indicator: s.indicator,
    unit: s.unit,
    data: file,
    history: s.years.map((y, i) => ({ year: y, value: s.values[i] })),
    horizon,
    level,
    model,
    ...about,
    forecasts: points,
  };
  if (format === "json") {
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  const f = (v: number | null | undefined, d = 3) =>
    v === null || v === undefined || !Number.isFinite(v) ? "–" : String(+v.toPrecision(d + 1));
  /** Chinese only: "方法：…" (English and both keep the English lines). */
  const labelled = (zh: string, _en: string, text: string) => `${zh}：${text}`;
  const zhMembers = members.map((m) => memberName(m, "zh")).join("、");
  const lines = [
    lang === "zh"
      ? `${await indicatorNameZh(s.indicator)}（${s.unit}），${s.years[0]}–${s.years[s.years.length - 1]} 年，${s.years.length} 个数据点 — ${file}`
      : `${s.indicator} (${s.unit}), ${s.years[0]}–${s.years[s.years.length - 1]}, ${s.years.length} points — ${file}`,
    lang === "zh"
      ? labelled(
          "方法",
          "Method",
          model === "auto" ? `${zhMembers} 的中位数组合` : `${model}（模型自身的区间，未校准）`,
        )
      : `Method: ${String(about.method)}`,
  ];
  if (model === "auto") {
    if (lang === "zh") {
      lines.push(
        labelled(
          "漂移检验",
          "Drift test",
          about.driftTest === undefined
            ? ""
            : String(about.driftTest).startsWith("clear")
              ? "漂移明显（|t| ≥ 2）：漂移、Theta 与 Holt 成员"
              : "无明显漂移（|t| < 2）：Theta、阻尼趋势与不变成员",
        ),
        labelled(
          "区间",
          "Intervals",
          `${referenceClassCitation(referenceClass, "zh")}；按 ${String(about.pointsUsed)} 个数据点、噪声 ${(about.noise as number).toFixed(2)} 的序列取缩放误差分位数`,
        ),
      );
    } else lines.push(`Drift test: ${String(about.driftTest)}`, `Intervals: ${String(about.intervals)}`);
  }
  for (const n of notes) lines.push(lang === "zh" ? `注意：${n.zh}` : `Note: ${n.en}`);
  lines.push(
    "",
    renderTable(
      [
        { header: lang === "zh" ? "年份" : "Year" },
        { header: `${lang === "zh" ? "中位数" : "Median"} (${s.unit})`, align: "right" },
        { header: `${level}% ${lang === "zh" ? "区间" : "interval"}`, align: "right" },
      ],
      points.map((p) => [String(p.year), f(p.mean), `${f(p.lower)} – ${f(p.upper)}`]),
    ),
  );
  const ets = (about.ets as { model: string; aicc: number; chosen: boolean }[] | undefined) ?? [];
  if (ets.length > 0) {
    lines.push(
      "",
      renderTable(
        [
          { header: lang === "zh" ? "ETS 模型（供参考）" : "ETS model (for reference)" },
          { header: "AICc", align: "right" },
        ],
        ets.map((e) => [e.model + (e.chosen ? " *" : ""), f(e.aicc, 4)]),
      ),
    );
  }
  process.stdout.write(lines.join("\n") + "\n\n");
  return 0;
}

/**
 * The Chinese name of an indicator from the dictionary of targetcast.config.json (the id when there
 * is no dictionary or it does not name it): a Chinese reader meets names, not ids.
 */
async function indicatorNameZh(id: string): Promise<string> {
  const file = loadDefaults().indicators;
  if (!file || !existsSync(file)) return id;
  const dictionary = await loadIndicatorDictionary(file);
  return dictionary.get(id)?.nameZh ?? id;
}
