/**
 * Reliability (calibration) diagram of targetcast's probabilities on series with known outcomes
 * (`targetcast evaluate`): stated probability of the threshold events (bins of 0.1) against the
 * share of events that happened, with the diagonal of perfect calibration (Murphy & Winkler 1977;
 * Bröcker & Smith 2007). Points below the diagonal: too confident that the event happens.
 * Point size: how many events each bin holds. Units: probabilities in %.
 *
 * Example: `reliabilityChart(evaluateForecasts(data), { file: "tourism-yearly.csv" })`.
 */
import type { TopLevelSpec } from "vega-lite";
import type { EvaluationResult } from "../forecast/evaluate.js";
import { chartTitle, frame } from "./frame.js";
import { DEFAULT_LANG, type Lang, tr } from "./labels.js";
import { BAND, INK } from "./theme.js";

/** Options of the reliability chart: the evaluated file (named in the title), language and width. */
export interface ReliabilityChartOptions {
  /** The scored file, named in the subtitle. */
  file: string;
  lang?: Lang;
  width?: number;
}

/** The first `n` characters of a long provenance line, cut at a word, with an ellipsis. */
function shorten(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), n / 2)) + " …";
}

/** A Vega-Lite reliability chart of an evaluation: stated P(met) against the observed frequency, per bin. */
export function reliabilityChart(result: EvaluationResult, opts: ReliabilityChartOptions): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  const size = opts.width ?? 360;
  const stated = tr(lang, { zh: "预测概率 (%)", en: "Stated probability (%)" });
  const observed = tr(lang, { zh: "实际发生频率 (%)", en: "Observed frequency (%)" });
  const points = result.reliability.map((b) => ({
    stated: +(100 * b.stated).toFixed(1),
    observed: +(100 * b.observed).toFixed(1),
    events: b.events,
  }));
  const targetcast = result.methods.find((m) => m.method === "targetcast");
  const extra = [
    `${result.series} series${result.last ? `, last ${result.last} training points` : ""}; events: last test value ≥ 1.00, 1.15, 1.30 × last training value`,
    `intervals: ${shorten(result.referenceClass, 70)}`,
    ...(targetcast ? [`Brier ${targetcast.brier.toFixed(3)}`] : []),
  ];
  return frame({
    title: chartTitle(
      tr(lang, { zh: "概率校准图", en: "Reliability of P(met)" }),
      { dataSource: opts.file, illustrative: false },
      lang,
      extra,
    ),
    width: size,
    height: size,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 100, y: 100 },
          ],
        },
        mark: { type: "line", color: INK.faint, strokeDash: [4, 4] },
        encoding: {
          x: { field: "x", type: "quantitative", scale: { domain: [0, 100] }, title: stated },
          y: { field: "y", type: "quantitative", scale: { domain: [0, 100] }, title: observed },
        },
      },
      {
        data: { values: points },
        mark: { type: "line", color: BAND.median },
        encoding: { x: { field: "stated", type: "quantitative" }, y: { field: "observed", type: "quantitative" } },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, color: BAND.median, opacity: 1 },
        encoding: {
          x: { field: "stated", type: "quantitative" },
          y: { field: "observed", type: "quantitative" },
          size: {
            field: "events",
            type: "quantitative",
            title: tr(lang, { zh: "事件数", en: "Events" }),
            scale: { range: [30, 300] },
          },
          tooltip: [
            { field: "stated", type: "quantitative", title: stated },
            { field: "observed", type: "quantitative", title: observed },
            { field: "events", type: "quantitative" },
          ],
        },
      },
    ],
  } as TopLevelSpec);
}
