import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { fanChart } from "../../src/charts/fanChart.js";
import { CJK_FONT, estimateTextWidth, toPng, toSvg } from "../../src/charts/render.js";
import { riskMatrix } from "../../src/charts/riskMatrix.js";
import { baselineResult, results } from "./fixture.js";
import { allSpecs, decodePng, HAVE_CJK_FONT, inkStats, NO_FONT_REASON } from "./helpers.js";

const OUT = fileURLToPath(new URL("../../out/charts/", import.meta.url));

describe("toSvg", () => {
  it("renders every chart, in every language, to SVG", async () => {
    for (const lang of ["zh", "en", "both"] as const) {
      for (const { name, spec } of allSpecs(lang)) {
        const svg = await toSvg(spec);
        expect(svg.startsWith("<svg"), name).toBe(true);
        expect(svg, name).toMatch(/viewBox="/);
        expect(svg, name).toContain("Illustrative data, not official statistics");
      }
    }
  });

  it("keeps the Chinese title and labels as text in the SVG", async () => {
    const svg = await toSvg(fanChart(baselineResult, "rd_intensity", { lang: "zh" }));
    expect(svg).toContain("研发投入占地区生产总值的比重：基准情景");
    expect(svg).toContain("示意数据，非官方统计");
    expect(svg).toContain("目标 ≥ 2.5%");
    expect(svg).toContain("Noto Sans CJK SC");
    const matrix = await toSvg(riskMatrix(results, { lang: "both" }));
    expect(matrix).toContain("目标达成风险矩阵");
    expect(matrix).toContain("有风险 At risk");
  });

  it.skipIf(!HAVE_CJK_FONT)(
    `estimates text widths within 8% of resvg's (${HAVE_CJK_FONT ? "vega has no canvas in Node" : NO_FONT_REASON})`,
    () => {
      const measured = (text: string, size: number) => {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="0" y="60" font-size="${size}" font-family="${CJK_FONT}">${text}</text></svg>`;
        return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: CJK_FONT } }).getBBox()!.width;
      };
      for (const [text, size] of [
        ["研发投入占地区生产总值的比重", 16],
        ["Invention patents in force per 10000 population", 11],
        ["目标 Target ≥ 2.5%", 11],
        ["数据来源 Data source: data/baseline/haizhou.csv (illustrative)", 11],
      ] as const) {
        const ratio = estimateTextWidth(text, size) / measured(text, size);
        expect(ratio, text).toBeGreaterThan(0.92);
        expect(ratio, text).toBeLessThan(1.08);
      }
    },
  );
});

describe("toPng", () => {
  it("renders a chart that is not blank", async () => {
    const svg = await toSvg(fanChart(baselineResult, "rd_intensity", { lang: "both" }));
    const png = toPng(svg, { scale: 1 });
    const { width, height, pixels } = decodePng(png);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(300);
    const { inkShare, variance } = inkStats(pixels);
    expect(inkShare).toBeGreaterThan(0.05);
    expect(variance).toBeGreaterThan(100);
    const png2 = toPng(svg, { scale: 2 });
    expect(decodePng(png2).width).toBe(width * 2);
  });

  it("rejects a non-positive scale", () => {
    expect(() => toPng("<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>", { scale: 0 })).toThrow(
      /scale/,
    );
  });

  it.skipIf(!HAVE_CJK_FONT)(
    `draws Chinese with real glyphs, not boxes (${HAVE_CJK_FONT ? CJK_FONT : NO_FONT_REASON})`,
    () => {
      // With a CJK font, two different Chinese strings give different images; as missing-glyph
      // boxes (or nothing at all) they would look the same.
      const draw = (text: string) => {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="60"><text x="10" y="42" font-size="36" font-family="${CJK_FONT}">${text}</text></svg>`;
        return new Resvg(svg, {
          font: { loadSystemFonts: true, defaultFontFamily: CJK_FONT },
          background: "#ffffff",
        }).render().pixels;
      };
      const a = draw("研发投入强度");
      const b = draw("专利拥有数量");
      expect(inkStats(a).inkShare).toBeGreaterThan(0.05);
      expect(Buffer.compare(a, b)).not.toBe(0);
    },
  );

  // resvg spends ~50 ms per text element reading the large CJK font files: give this one time.
  it.skipIf(!HAVE_CJK_FONT)(
    `writes sample PNGs of every chart to out/charts/ for eyeballing (${HAVE_CJK_FONT ? "font present" : NO_FONT_REASON})`,
    { timeout: 240_000 },
    async () => {
      mkdirSync(OUT, { recursive: true });
      for (const { name, spec } of allSpecs("both")) {
        const png = toPng(await toSvg(spec), { scale: 1.5 });
        expect(inkStats(decodePng(png).pixels).inkShare, name).toBeGreaterThan(0.02);
        writeFileSync(`${OUT}${name.replace(/[^A-Za-z0-9_-]+/g, "_")}.png`, png);
      }
    },
  );
});
