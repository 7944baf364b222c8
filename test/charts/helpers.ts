/**
 * Shared by the chart and report tests: every spec the builders make, a Vega-Lite schema
 * validator, PNG decoding and the environment checks that decide which tests are skipped.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { Ajv, type ValidateFunction } from "ajv";
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult } from "../../src/assess/types.js";
import { fanChart } from "../../src/charts/fanChart.js";
import { provenanceOf } from "../../src/charts/frame.js";
import { growthGap } from "../../src/charts/growthGap.js";
import type { Lang } from "../../src/charts/labels.js";
import { cjkFontAvailable } from "../../src/charts/render.js";
import { riskMatrix } from "../../src/charts/riskMatrix.js";
import { scenarioComparison, scenarioComparisonPanels } from "../../src/charts/scenarioComparison.js";
import { tornado } from "../../src/charts/tornado.js";
import { results, tornadoInput } from "./fixture.js";

export const LANGS: Lang[] = ["zh", "en", "both"];

export const INDICATORS = [
  "rd_intensity",
  "invention_patents_per_10k_pop",
  "energy_intensity",
  "national_hightech_enterprises",
];

/** Every kind of chart, built from the fixture in one language. */
export function allSpecs(lang: Lang, rs: ScenarioResult[] = results): { name: string; spec: TopLevelSpec }[] {
  const [a, b] = rs;
  return [
    { name: "fan rd_intensity (at risk)", spec: fanChart(a, "rd_intensity", { lang }) },
    { name: "fan energy_intensity (lower is better)", spec: fanChart(a, "energy_intensity", { lang }) },
    {
      name: "fan national_hightech_enterprises (already met)",
      spec: fanChart(b, "national_hightech_enterprises", { lang }),
    },
    {
      name: "fan retrospective (actuals after base year)",
      spec: fanChart(
        { ...a, actuals: [{ indicator: "invention_patents_per_10k_pop", year: 2014, value: 4.6, source: "统计公报" }] },
        "invention_patents_per_10k_pop",
        { lang },
      ),
    },
    { name: "scenario comparison", spec: scenarioComparison(rs, "invention_patents_per_10k_pop", { lang }) },
    { name: "scenario panels", spec: scenarioComparisonPanels(rs, INDICATORS, { lang, columns: 2 }) },
    { name: "risk matrix", spec: riskMatrix(rs, { lang }) },
    { name: "growth gap", spec: growthGap(a, { lang }) },
    { name: "tornado", spec: tornado(tornadoInput, { lang, provenance: provenanceOf(a), unit: "%" }) },
  ];
}

let validator: ValidateFunction | undefined;

/** Ajv (draft-07) validator for the Vega-Lite schema shipped in node_modules/vega-lite. */
export function vegaLiteValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve("vega-lite/build/vega-lite-schema.json");
  const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The formats the schema uses (no ajv-formats package here).
  ajv.addFormat("color-hex", /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/);
  ajv.addFormat("uri", (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  ajv.addFormat("uri-reference", (s: string) => {
    try {
      new URL(s, "http://example.invalid/");
      return true;
    } catch {
      return false;
    }
  });
  const compiled = ajv.compile(schema);
  validator = compiled;
  return compiled;
}

/** Decode a PNG to RGBA pixels, using resvg itself (an SVG that only shows the image). */
export function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  // Read width and height from the IHDR chunk.
  if (png.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: img.width, height: img.height, pixels: img.pixels };
}

/** Share of pixels darker than the white background, and the luminance variance. */
export function inkStats(pixels: Buffer): { inkShare: number; variance: number } {
  let ink = 0;
  let sum = 0;
  let sum2 = 0;
  const n = pixels.length / 4;
  for (let i = 0; i < pixels.length; i += 4) {
    const a = pixels[i + 3] / 255;
    // Composite on white.
    const l = (0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2]) * a + 255 * (1 - a);
    if (l < 240) ink++;
    sum += l;
    sum2 += l * l;
  }
  const mean = sum / n;
  return { inkShare: ink / n, variance: sum2 / n - mean * mean };
}

/** Chromium to drive; TARGETCAST_CHROMIUM overrides it (e.g. to a missing path, to see the skips). */
export const CHROMIUM = process.env.TARGETCAST_CHROMIUM || "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** TARGETCAST_TEST_NO_CJK=1 pretends no CJK font is installed (to check the skip path). */
export const HAVE_CJK_FONT = !process.env.TARGETCAST_TEST_NO_CJK && cjkFontAvailable();

export const INSTALL_HINT = "install with: apt-get install chromium fonts-noto-cjk";
export const NO_FONT_REASON = `SKIPPED: no CJK font (fc-list :lang=zh is empty), Chinese would render as boxes — ${INSTALL_HINT}`;
export const NO_CHROMIUM_REASON = `SKIPPED: ${CHROMIUM} not found — ${INSTALL_HINT}`;

if (!HAVE_CJK_FONT) console.warn(`[targetcast tests] ${NO_FONT_REASON}`);
if (!HAVE_CHROMIUM) console.warn(`[targetcast tests] ${NO_CHROMIUM_REASON}`);
