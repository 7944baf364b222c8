/**
 * The PowerPoint deck (deck.ts) slide by slide, with the chart renderer stubbed (a fixed SVG and
 * PNG): the slides, their text, the footer's caveat and colour, and the size and scale each chart
 * is drawn at. The real charts in a real deck are checked by test/report/deck.test.ts (CLI).
 */
import JSZip from "jszip";
import { describe, expect, it, vi } from "vitest";

const drawn = vi.hoisted(() => ({ specs: [] as unknown[], pngs: [] as { svg: string; opts: unknown }[] }));
vi.mock("../../src/charts/render.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/charts/render.js")>()),
  toSvg: async (spec: unknown) => {
    drawn.specs.push(spec);
    return '<svg width="100" height="50"></svg>';
  },
  toPng: (svg: string, opts: unknown) => {
    drawn.pngs.push({ svg, opts });
    return Buffer.from(`PNG${drawn.pngs.length}`);
  },
}));

import type { ScenarioResult } from "../../src/assess/types.js";
import { fanChart } from "../../src/charts/fanChart.js";
import { riskMatrix } from "../../src/charts/riskMatrix.js";
import { briefingDeck } from "../../src/report/deck.js";
import { baselineResult, results } from "../charts/fixture.js";

const generatedAt = new Date("2024-05-06T08:30:00Z");
const title = { zh: "标题", en: "Title" };
const FOOTER_BOTH =
  "示意数据，非官方统计 Illustrative data, not official statistics  ·  数据来源 Data source: 海州区统计年鉴 (illustrative)";

/** Each slide's text runs, in order, and its colours. */
async function slides(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const out: { text: string[]; colours: string[]; xml: string }[] = [];
  for (const f of names) {
    const xml = await zip.file(f)!.async("string");
    out.push({
      text: [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]),
      colours: [...xml.matchAll(/srgbClr val="(\w+)"/g)].map((m) => m[1]),
      xml,
    });
  }
  const media = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => f.startsWith("ppt/media/") && !zip.files[f].dir)
      .sort()
      .map((f) => zip.file(f)!.async("string")),
  );
  const core = await zip.file("docProps/core.xml")!.async("string");
  return { out, media, core };
}

describe("briefingDeck", () => {
  it("a title slide, the summary, one slide per headline target and the risk matrix, in both languages", async () => {
    drawn.specs = [];
    drawn.pngs = [];
    const { out, media, core } = await slides(await briefingDeck(results, { lang: "both", generatedAt, title }));
    expect(out).toHaveLength(3 + 3);
    expect(out[0].text).toEqual([
      "标题 Title",
      "情景 Scenarios: 基准情景 Baseline、加大研发投入 Higher R&amp;D spending",
      "2024-05-06 08:30 UTC",
      FOOTER_BOTH,
    ]);
    expect(out[0].xml).toContain('sz="3600" b="1"');
    expect(out[1].text).toEqual([
      "各情景目标状态（个） Targets by status and scenario (count)",
      "情景 Scenario",
      "✓ 已达成 Already met",
      "● 按计划 On track",
      "▲ 有风险 At risk",
      "✗ 偏离 Off track",
      "· 未评估 Not assessed",
      "基准情景 Baseline",
      "1",
      "0",
      "2",
      "1",
      "1",
      "加大研发投入 Higher R&amp;D spending",
      "1",
      "2",
      "1",
      "0",
      "1",
      // "both": the headline names in Chinese only, joined by "；".
      "最需关注的重点目标 Headline targets most at risk: 万人发明专利拥有量；研发投入占地区生产总值的比重；单位GDP能耗",
      FOOTER_BOTH,
    ]);
    // The status header cells take the status palette (fill and ink).
    expect(out[1].colours).toEqual(expect.arrayContaining(["2E8B6E", "F2B43C", "A8321D", "F0F0F0"]));
    expect(out[2].text).toEqual([
      "需年均增长 15.4%，本情景中位数年均增长 11.5%；影响最大的假设：发明专利授权率。 / Needs to grow 15.4% a year; in the scenario&apos;s median it grows 11.5% a year; most influential assumption: patent_grants.rate.",
      FOOTER_BOTH,
    ]);
    expect(out[3].text[0]).toContain("需年均增长 5.6%");
    expect(out[4].text[0]).toContain("需年均下降 4.0%");
    expect(out[5].text).toEqual([FOOTER_BOTH]);
    // The footer of illustrative data is dark red on every slide.
    for (const s of out) expect(s.colours.at(-1)).toBe("8A1C1C");
    expect(core).toContain("<dc:title>标题 Title</dc:title>");
    expect(core).toContain("<dc:creator>targetcast</dc:creator>");

    // Four charts: the three fans at slide size, fitted by Vega; the matrix at 1200 × 640, as drawn.
    expect(media).toEqual(["PNG1", "PNG2", "PNG3", "PNG4"]);
    expect(drawn.pngs.map((p) => p.opts)).toEqual([{ scale: 2 }, { scale: 2 }, { scale: 2 }, { scale: 2 }]);
    for (const p of drawn.pngs.slice(0, 3))
      expect(p.svg).toMatch(/^<svg [^>]*width="960" height="540" viewBox="0 0 960 540">/);
    expect(drawn.pngs[3].svg).toMatch(/^<svg [^>]*width="1200" height="640" viewBox="0 0 1200 640">/);
    const autosize = drawn.specs.map((s) => (s as { autosize?: unknown }).autosize);
    expect(autosize.slice(0, 3)).toEqual([0, 1, 2].map(() => ({ type: "fit", contains: "padding" })));
    expect(JSON.stringify(autosize[3] ?? null)).not.toContain('"fit"');
    expect(JSON.stringify(drawn.specs[0])).toContain("invention_patents_per_10k_pop");
  });

  it("English only; official data: a grey footer with the data file when no observed value names a source", async () => {
    const official: ScenarioResult = { ...baselineResult, illustrative: false, history: [] };
    const { out } = await slides(await briefingDeck([official], { lang: "en", generatedAt, title }));
    expect(out[0].text).toEqual([
      "Title",
      "Scenarios: Baseline",
      "2024-05-06 08:30 UTC",
      "Data source: data/baseline/haizhou.csv (illustrative)",
    ]);
    expect(out[0].colours.at(-1)).toBe("555555");
    expect(out[1].text).toContain(
      "Headline targets most at risk: Invention patents in force per 10000 population；R&amp;D expenditure as a share of GDP；Energy consumption per unit of GDP",
    );
    expect(out[1].text[1]).toBe("Scenario");
    expect(out[2].text[0]).toBe(
      "Needs to grow 15.4% a year; in the scenario&apos;s median it grows 11.5% a year; most influential assumption: patent_grants.rate.",
    );
  });

  it("Chinese only; no headline target gives 3 slides; no results is refused", async () => {
    const calm: ScenarioResult = {
      ...baselineResult,
      targets: baselineResult.targets.filter((t) => t.status !== "off_track" && t.status !== "at_risk"),
    };
    const { out } = await slides(await briefingDeck([calm], { lang: "zh", generatedAt, title }));
    expect(out).toHaveLength(3);
    expect(out[0].text.slice(0, 2)).toEqual(["标题", "情景：基准情景"]);
    expect(out[1].text).toContain("最需关注的重点目标：");
    await expect(briefingDeck([], { lang: "zh", generatedAt, title })).rejects.toThrow(
      "briefingDeck: no scenario results",
    );
  });
});

/** Every placed box of a slide, [x, y, width, height] in EMU (914,400 a inch), the group's zero box left out. */
function boxes(xml: string): number[][] {
  return [...xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)]
    .map((m) => m.slice(1, 5).map(Number))
    .filter((b) => b.some((v) => v !== 0));
}

describe("briefingDeck: layout of the 13.333 × 7.5 inch slides", () => {
  const inch = (v: number) => Math.round(v * 914400);
  const footer = [inch(0.4), inch(7.5 - 0.5), inch(13.333 - 0.8), inch(0.35)];

  it("places the title, headings, table, texts, pictures and footers where the layout says", async () => {
    drawn.specs = [];
    const { out } = await slides(await briefingDeck(results, { lang: "en", generatedAt, title }));
    expect(boxes(out[0].xml)).toEqual([
      [inch(0.6), inch(2.2), inch(13.333 - 1.2), inch(1.2)],
      [inch(0.6), inch(3.5), inch(13.333 - 1.2), inch(1.2)],
      footer,
    ]);
    expect(boxes(out[1].xml)).toEqual([
      [inch(0.4), inch(0.25), inch(13.333 - 0.8), inch(0.8)],
      [inch(0.4), inch(1.3), inch(13.333 - 0.8), inch(1)],
      [inch(0.4), inch(4.6), inch(13.333 - 0.8), inch(1.8)],
      footer,
    ]);
    expect(boxes(out[2].xml)).toEqual([
      [inch(0.4), inch(0.2), inch(9.6), inch(5.4)],
      [inch(10.2), inch(0.6), inch(2.8), inch(5)],
      footer,
    ]);
    // The matrix keeps its 1200 × 640 aspect at 12.5 inches wide: 6.667 inches high.
    expect(boxes(out[5].xml)).toEqual([[inch(0.4), inch(0.2), inch(12.5), inch((12.5 * 640) / 1200)], footer]);
    // The subtitle is grey, headings and the reason dark; title, heading and header cells bold.
    expect(out[0].xml).toMatch(/sz="1800" dirty="0"><a:solidFill><a:srgbClr val="555555"\/>/);
    expect(out[1].xml).toMatch(/sz="2600" b="1" dirty="0"><a:solidFill><a:srgbClr val="222222"\/>/);
    expect(out[2].xml).toMatch(/anchor="t"><\/a:bodyPr>.*sz="1600" dirty="0"><a:solidFill><a:srgbClr val="222222"\/>/s);
    expect(out[1].xml).toContain('<a:bodyPr wrap="square" rtlCol="0" anchor="t">');
    const cells = out[1].xml.split("<a:tc>").slice(1);
    expect(cells).toHaveLength(6 * 3);
    for (const c of [...cells.slice(0, 6), cells[6], cells[12]]) expect(c).toContain('b="1"');
    for (const c of [...cells.slice(7, 12), ...cells.slice(13)]) {
      expect(c).not.toContain('b="1"');
      expect(c).toContain('algn="r"');
    }
    expect(cells[0]).toContain('<a:srgbClr val="D9D9D9"/>');
    expect(out[1].xml).toContain('<a:lnL w="6350"');
  });

  it("draws the fans at slide size and the matrix as built, in the deck's language", async () => {
    drawn.specs = [];
    await briefingDeck(results, { lang: "en", generatedAt, title });
    expect(drawn.specs[1]).toEqual({
      ...fanChart(baselineResult, "rd_intensity", { lang: "en", targetId: "rd_intensity", width: 960, height: 540 }),
      autosize: { type: "fit", contains: "padding" },
    });
    expect(drawn.specs[3]).toEqual(riskMatrix(results, { lang: "en" }));
  });
});
