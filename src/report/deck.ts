/**
 * The briefing as a PowerPoint deck (pptxgenjs), 16:9: a title slide, the summary (status counts
 * per scenario and the data caveat), one slide per headline target (its fan chart, the finding in
 * the title, the reason in one sentence) and the risk matrix — 3 slides plus one per headline
 * target. Charts are PNGs drawn at slide size (charts/sizes.ts), text is editable text.
 *
 * Example: `await writeFileAtomic("briefing.pptx", await briefingDeck(results, { lang: "zh", generatedAt }))`.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult } from "../assess/types.js";
import { fanChart } from "../charts/fanChart.js";
import { provenanceOf, publicationSources } from "../charts/frame.js";
import { type Bi, colon, type Lang, STATUS_ORDER, scenarioName, statusLabel, tr, WORDS } from "../charts/labels.js";
import { toPng, toSvg } from "../charts/render.js";
import { riskMatrix } from "../charts/riskMatrix.js";
import { CHART_SIZES, fitSvg, PNG_SCALE } from "../charts/sizes.js";
import { STATUS_STYLE } from "../charts/statusStyle.js";
import { formatTimestamp } from "./briefing.js";
import { reasonText } from "./messages.js";
import { headlineTargets } from "./summary.js";

type Pptx = import("pptxgenjs").default;
type PptxCtor = new () => Pptx;

/** Fonts Office has on Chinese Windows and macOS; the viewer falls back when missing. */
const FONT = "Microsoft YaHei";
const W = 13.333; // 16:9 slide, inches
const H = 7.5;

/** A chart as a PNG data URL of exactly width×height CSS px (× PNG_SCALE); `fit` lets Vega fill it (single views). */
async function chartPng(spec: TopLevelSpec, width: number, height: number, fit = true): Promise<string> {
  const fitted = fit ? ({ ...spec, autosize: { type: "fit", contains: "padding" } } as TopLevelSpec) : spec;
  const png = toPng(fitSvg(await toSvg(fitted), width, height), { scale: PNG_SCALE });
  return `image/png;base64,${png.toString("base64")}`;
}

export async function briefingDeck(
  results: ScenarioResult[],
  opts: { lang: Lang; generatedAt: Date; title: Bi },
): Promise<Uint8Array> {
  if (results.length === 0) throw new Error("briefingDeck: no scenario results");
  const { lang } = opts;
  const t = (b: Bi) => tr(lang, b);
  // pptxgenjs is CommonJS: under Node's ESM its class arrives as `default` (or `default.default`).
  const mod = (await import("pptxgenjs")) as unknown as { default: PptxCtor & { default?: PptxCtor } };
  const PptxGenJS = mod.default.default ?? mod.default;
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = "targetcast";
  pptx.title = t(opts.title);
  const first = results[0];
  const prov = provenanceOf(results);
  const caveat = [
    prov.illustrative ? `${WORDS.illustrative.zh} ${WORDS.illustrative.en}` : "",
    `${t(WORDS.source)}${colon(lang)}${publicationSources(results) || first.dataSource}`,
  ].filter(Boolean);
  const footer = (slide: ReturnType<typeof pptx.addSlide>) =>
    slide.addText(caveat.join("  ·  "), {
      x: 0.4,
      y: H - 0.5,
      w: W - 0.8,
      h: 0.35,
      fontFace: FONT,
      fontSize: 11,
      color: prov.illustrative ? "8A1C1C" : "555555",
    });
  const heading = (slide: ReturnType<typeof pptx.addSlide>, text: string) =>
    slide.addText(text, {
      x: 0.4,
      y: 0.25,
      w: W - 0.8,
      h: 0.8,
      fontFace: FONT,
      fontSize: 26,
      bold: true,
      color: "222222",
    });

  // 1. Title.
  const title = pptx.addSlide();
  title.addText(t(opts.title), { x: 0.6, y: 2.2, w: W - 1.2, h: 1.2, fontFace: FONT, fontSize: 36, bold: true });
  title.addText(
    `${t({ zh: "情景", en: "Scenarios" })}${colon(lang)}${results.map((r) => scenarioName(r, lang)).join("、")}\n${formatTimestamp(opts.generatedAt)}`,
    { x: 0.6, y: 3.5, w: W - 1.2, h: 1.2, fontFace: FONT, fontSize: 18, color: "555555" },
  );
  footer(title);

  // 2. Summary: counts per scenario.
  const summary = pptx.addSlide();
  heading(summary, t({ zh: "各情景目标状态（个）", en: "Targets by status and scenario (count)" }));
  const header = [
    { text: t(WORDS.scenario), options: { bold: true } },
    ...STATUS_ORDER.map((s) => ({
      text: `${STATUS_STYLE[s].mark} ${statusLabel(s, lang)}`,
      options: { bold: true, fill: { color: STATUS_STYLE[s].fill.slice(1) }, color: STATUS_STYLE[s].ink.slice(1) },
    })),
  ];
  const rows = results.map((r) => [
    { text: scenarioName(r, lang), options: { bold: true } },
    ...STATUS_ORDER.map((s) => ({
      text: String(r.targets.filter((x) => x.status === s).length),
      options: { align: "right" as const },
    })),
  ]);
  summary.addTable([header, ...rows], {
    x: 0.4,
    y: 1.3,
    w: W - 0.8,
    fontFace: FONT,
    fontSize: 16,
    border: { type: "solid", pt: 0.5, color: "D9D9D9" },
  });
  const headline = headlineTargets(results);
  summary.addText(
    `${t({ zh: "最需关注的重点目标", en: "Headline targets most at risk" })}${colon(lang)}${headline
      .map((x) => `${tr(lang === "both" ? "zh" : lang, { zh: x.nameZh, en: x.nameEn })}`)
      .join("；")}`,
    { x: 0.4, y: 4.6, w: W - 0.8, h: 1.8, fontFace: FONT, fontSize: 16, valign: "top" },
  );
  footer(summary);

  // 3…: one slide per headline target.
  const { width, height } = CHART_SIZES.slide;
  for (const x of headline) {
    const slide = pptx.addSlide();
    const data = await chartPng(fanChart(first, x.indicator, { lang, targetId: x.id, width, height }), width, height);
    slide.addImage({ data, x: 0.4, y: 0.2, w: 9.6, h: 5.4 });
    const reason = reasonText(x, lang, { rho: false, sentence: true });
    slide.addText(reason ?? "", {
      x: 10.2,
      y: 0.6,
      w: 2.8,
      h: 5,
      fontFace: FONT,
      fontSize: 16,
      valign: "top",
      color: "222222",
    });
    footer(slide);
  }

  // Last: the risk matrix, fitted to the slide.
  const matrix = pptx.addSlide();
  const mw = 1200;
  const mh = 640;
  matrix.addImage({
    data: await chartPng(riskMatrix(results, { lang }), mw, mh, false),
    x: 0.4,
    y: 0.2,
    w: 12.5,
    h: (12.5 * mh) / mw,
  });
  footer(matrix);

  const out = (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
  return new Uint8Array(out);
}
