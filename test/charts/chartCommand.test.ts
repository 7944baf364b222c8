/**
 * `targetcast chart`: one target's fan chart at an exact size, through the built CLI; the finding in
 * the title, the status beside the target point, the base-year label clear of the target line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fanChart, findingTitle } from "../../src/charts/fanChart.js";
import { riskMatrix } from "../../src/charts/riskMatrix.js";
import { CHART_SIZES, fitSvg } from "../../src/charts/sizes.js";
import { STATUS_STYLE } from "../../src/charts/statusStyle.js";
import { cliAsync } from "../report/cliAsync.js";
import { baselineResult, results } from "./fixture.js";
import { decodePng, vegaLiteValidator } from "./helpers.js";

const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-chart-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (...args: string[]) => cliAsync(["chart", "--paths", "500", ...args]);

describe("targetcast chart", () => {
  it("--size slide --format png gives a 1920×1080 PNG; square 1080×1080; svg and vl.json by extension", async () => {
    const png = path.join(tmp, "rd.png");
    const r = await cli("--target", "rd_intensity", "--size", "slide", "--format", "png", "--out", png);
    expect(r.status, r.stderr).toBe(0);
    const slide = decodePng(readFileSync(png));
    expect([slide.width, slide.height]).toEqual([1920, 1080]);

    const sq = path.join(tmp, "sq.png");
    expect((await cli("--target", "energy_intensity", "--size", "square", "--lang", "zh", "--out", sq)).status).toBe(0);
    const square = decodePng(readFileSync(sq));
    expect([square.width, square.height]).toEqual([1080, 1080]);

    const svgFile = path.join(tmp, "rd.svg");
    expect((await cli("--target", "rd_intensity", "--size", "a4", "--out", svgFile)).status).toBe(0);
    expect(readFileSync(svgFile, "utf8")).toMatch(/^<svg[^>]* width="1123" height="794"/);

    const vl = path.join(tmp, "rd.vl.json");
    expect((await cli("--target", "rd_intensity", "--scenario", "accelerated-investment", "--out", vl)).status).toBe(0);
    const spec = JSON.parse(readFileSync(vl, "utf8"));
    expect(vegaLiteValidator()(spec)).toBe(true);
    expect(JSON.stringify(spec.title.text)).toContain("加大投入情景");
  }, 240_000);

  it("refuses an unknown target (with a suggestion) and a bad size or format, without a stack trace", async () => {
    const out = path.join(tmp, "x.png");
    const unknown = await cli("--target", "rd_intensty", "--out", out);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"rd_intensity"');
    const size = await cli("--target", "rd_intensity", "--size", "poster", "--out", out);
    expect(size.status).toBe(2);
    expect(size.stderr).toContain("--size must be slide, a4 or square");
    const clash = await cli("--target", "rd_intensity", "--format", "svg", "--out", out);
    expect(clash.status).toBe(2);
    // A file named for another program gets no PNG bytes under its name.
    const docx = path.join(tmp, "x.docx");
    const other = await cli("--target", "rd_intensity", "--out", docx);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain("does not end in .png, .svg or .vl.json");
    expect(existsSync(docx)).toBe(false);
    for (const r of [unknown, size, clash, other]) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe("one chart, one finding", () => {
  const rd = baselineResult.targets.find((t) => t.id === "rd_intensity")!;

  it("the title of a one-target fan chart states the finding in both languages", () => {
    const f = findingTitle(rd, baselineResult);
    const p = `${Math.round(rd.pMet! * 100)}%`;
    expect(f.zh).toEqual(["研发投入占地区生产总值的比重 ≥ 2.5%（2015年）", `达成概率 ${p} ▲ 有风险（基准情景）`]);
    expect(f.en).toEqual(["R&D expenditure as a share of GDP ≥ 2.5% by 2015:", `${p} likely ▲ at risk (Baseline)`]);
    const spec = fanChart(baselineResult, "rd_intensity", { lang: "both", targetId: "rd_intensity" });
    expect((spec.title as { text: string[] }).text).toEqual([...f.zh, ...f.en]);
  });

  it("draws the status mark and P(met) beside the target point, in the status colour", () => {
    const json = JSON.stringify(fanChart(baselineResult, "rd_intensity", { lang: "en", targetId: "rd_intensity" }));
    expect(json).toContain(`"status":"▲ ${Math.round(rd.pMet! * 100)}%"`);
    expect(json).toContain(`"statusColor":"${STATUS_STYLE.at_risk.text}"`);
  });

  it("puts the base-year label left of its rule, where no target line runs (top for ≥, bottom for ≤ targets)", () => {
    const label = (indicator: string, targetId: string) => {
      const spec = fanChart(baselineResult, indicator, { lang: "en", targetId }) as unknown as {
        layer: { layer?: { mark: { type: string; align?: string }; encoding: { y?: unknown } }[] }[];
      };
      const text = spec.layer
        .flatMap((l) => l.layer ?? [])
        .find(
          (l) => l.mark.type === "text" && l.mark.align === "right" && JSON.stringify(l.encoding.y).includes("value"),
        );
      return text!;
    };
    expect(label("rd_intensity", "rd_intensity").encoding.y).toEqual({ value: 0 });
    expect(label("energy_intensity", "energy_intensity").encoding.y).toEqual({ value: { expr: "height" } });
  });

  it("the risk matrix fills each cell with its status colour from the one palette (not a blue scale)", () => {
    const spec = riskMatrix(results, { lang: "both" }) as unknown as {
      layer: { encoding: { color?: { field?: string; scale?: { domain: string[]; range: string[] } } } }[];
    };
    const color = spec.layer[0].encoding.color!;
    expect(color.field).toBe("status");
    expect(color.scale!.range).toEqual(
      color.scale!.domain.map((s) => STATUS_STYLE[s as keyof typeof STATUS_STYLE].fill),
    );
    expect(JSON.stringify(spec)).not.toContain("blues");
  });

  it("fitSvg gives exactly the asked size and keeps the chart's aspect", () => {
    const svg = fitSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100"/></svg>',
      960,
      540,
    );
    expect(svg).toMatch(/^<svg[^>]* width="960" height="540" viewBox="0 0 960 540">/);
    expect(svg).toContain('viewBox="0 0 400 100" preserveAspectRatio="xMidYMid meet"');
    expect(CHART_SIZES.slide).toEqual({ width: 960, height: 540 });
  });
});
