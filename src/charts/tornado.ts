/**
 * Tornado chart: how far one output moves when each uncertain parameter is set to its low and
 * its high value (others at baseline). One row per parameter, bars drawn from the baseline
 * output to the output at the low (light) and high (dark) parameter value, rows sorted by
 * swing |high − low|, largest on top.
 *
 * Example:
 *   tornado({ output: "2015年研发投入强度", baseline: 2.42,
 *             bars: [{ parameter: "GDP增速", low: 2.55, high: 2.30, lowLabel: "8%", highLabel: "11%" }] },
 *           { provenance: result, unit: "%" })
 */
import type { TopLevelSpec } from "vega-lite";
import { chartTitle, frame, type Layer, type Provenance } from "./frame.js";
import { colon, DEFAULT_LANG, formatNumber, type Lang, tr, trLines, unitLabel, WORDS } from "./labels.js";
import { INK, TORNADO_COLORS } from "./theme.js";

/** One bar of the tornado chart: an assumption and the outcome at its low and high values. */
export interface TornadoBar {
  parameter: string;
  /** Output when the parameter is at its low value. */
  low: number;
  /** Output when the parameter is at its high value. */
  high: number;
  /** The low parameter value as text, e.g. "8%/年". */
  lowLabel?: string;
  highLabel?: string;
}

/** What the tornado chart draws: the central outcome and the bars. */
export interface TornadoInput {
  /** What is measured, e.g. "2015年研发投入强度 R&D intensity in 2015". */
  output: string;
  /** The output with every parameter at its baseline value. */
  baseline: number;
  bars: TornadoBar[];
}

/** Options of the tornado chart: language, provenance of the data, unit and width. */
export interface TornadoOptions {
  lang?: Lang;
  /** Data source and illustrative flag for the footer; a ScenarioResult fits. */
  provenance: Provenance;
  /** Unit of the output (e.g. "%"), shown in the axis title. */
  unit?: string;
  width?: number;
  /**
   * How the other parameters were held while one moved (shown under the title). Default: at their
   * baseline values; targetcast's own tornado draws them as usual (conditional Monte Carlo).
   */
  othersHeld?: { zh: string; en: string };
}

const OTHERS_AT_BASELINE = { zh: "其余参数取基准值", en: "other parameters at baseline" };

/** Swing of one bar: the distance between its two outputs. */
export function swing(bar: TornadoBar): number {
  return Math.abs(bar.high - bar.low);
}

/** Tornado chart of `input`, rows sorted by swing (largest first). */
export function tornado(input: TornadoInput, opts: TornadoOptions): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  const bad = input.bars.find((b) => !Number.isFinite(b.low) || !Number.isFinite(b.high));
  if (!Number.isFinite(input.baseline)) throw new Error("tornado: baseline must be a finite number");
  if (bad) throw new Error(`tornado: parameter "${bad.parameter}" has a non-finite low/high output`);

  const bars = [...input.bars].sort((a, b) => swing(b) - swing(a));
  const order = bars.map((b) => b.parameter);
  const lowName = tr(lang, WORDS.lowInput);
  const highName = tr(lang, WORDS.highInput);
  const rows = bars.flatMap((b) =>
    (
      [
        [lowName, b.low, b.lowLabel],
        [highName, b.high, b.highLabel],
      ] as const
    ).map(([side, value, inputLabel]) => ({
      parameter: b.parameter,
      side,
      value,
      base: input.baseline,
      label: inputLabel ? `${inputLabel} → ${formatNumber(value)}` : formatNumber(value),
    })),
  );

  const unit = opts.unit ? `（${unitLabel(opts.unit, lang)}）` : "";
  const xTitle = `${input.output}${unit}`;
  // `padding` (px) widens the domain on both sides to leave room for the end labels.
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const x = {
    field: "value",
    type: "quantitative" as const,
    scale: { zero: false, nice: false, padding: Math.min(140, 16 + 6.5 * longest) },
    axis: { title: xTitle, grid: true },
  };
  const y = {
    field: "parameter",
    type: "nominal" as const,
    sort: order,
    axis: { title: null, labelLimit: 0, domain: false, ticks: false, labelPadding: 10 },
  };
  const textLayer = (test: string, align: "left" | "right", dx: number): Layer =>
    ({
      transform: [{ filter: test }],
      mark: { type: "text", align, dx, fontSize: 10, color: INK.muted },
      encoding: { x, y, text: { field: "label" } },
    }) as Layer;

  const baseLabel = `${tr(lang, WORDS.baseline)} ${formatNumber(input.baseline)}`;
  const layers: Layer[] = [
    {
      mark: { type: "bar", height: { band: 0.62 } },
      encoding: {
        x,
        x2: { field: "base" },
        y,
        color: {
          field: "side",
          type: "nominal",
          scale: { domain: [lowName, highName], range: [TORNADO_COLORS.low, TORNADO_COLORS.high] },
          legend: { title: null, direction: "horizontal" },
        },
      },
    },
    textLayer("datum.value < datum.base", "right", -4),
    textLayer("datum.value >= datum.base", "left", 4),
    {
      data: { values: [{ value: input.baseline, label: baseLabel }] },
      layer: [
        { mark: { type: "rule", color: INK.text, strokeWidth: 1.2 }, encoding: { x } },
        {
          mark: { type: "text", baseline: "bottom", dy: -4, fontSize: 10, color: INK.text },
          encoding: { x, y: { value: 0 }, text: { field: "label" } },
        },
      ],
    },
  ] as Layer[];

  const heading = trLines(lang, { zh: "敏感性分析（龙卷风图）", en: "Sensitivity analysis (tornado)" });
  const note = `${tr(lang, { zh: "输出", en: "Output" })}${colon(lang)}${input.output} · ${tr(lang, {
    zh: `按影响幅度排序，${(opts.othersHeld ?? OTHERS_AT_BASELINE).zh}`,
    en: `sorted by swing, ${(opts.othersHeld ?? OTHERS_AT_BASELINE).en}`,
  })}`;
  return frame({
    description: `Tornado chart of ${input.output}: ${bars.length} parameters sorted by swing`,
    title: chartTitle(heading, opts.provenance, lang, [note]),
    data: { values: rows },
    width: opts.width ?? 440,
    height: { step: 34 },
    layer: layers,
  } as TopLevelSpec);
}
