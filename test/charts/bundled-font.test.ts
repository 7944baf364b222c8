/**
 * On a machine without a Chinese font, PNG text falls back to the font shipped as a dependency
 * (@embedpdf/fonts-sc). Rendered here with system fonts turned off: the glyphs must be drawn
 * (ink where the text is), and two different strings must give different pictures (boxes, the
 * "tofu" of a missing glyph, would look the same).
 */
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { BUNDLED_CJK_FAMILY, bundledCjkFontFiles, resvgFontOptions } from "../../src/charts/render.js";

const svg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60"><text x="10" y="42" font-family="sans-serif" font-size="32">${text}</text></svg>`;

function render(text: string, font: ConstructorParameters<typeof Resvg>[1] extends infer O ? O : never) {
  const r = new Resvg(svg(text), { ...(font as object), background: "#ffffff", logLevel: "off" });
  const { pixels } = r.render();
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) ink++;
  return { ink, pixels };
}

describe("bundled CJK font (system fonts off)", () => {
  it("is installed with the package, Regular and Bold", () => {
    expect(bundledCjkFontFiles()).toHaveLength(2);
  });

  it("draws Chinese glyphs, not boxes; with no font at all nothing is drawn", () => {
    const bundled = { font: { ...resvgFontOptions("bundled"), loadSystemFonts: false } };
    expect(bundled.font.defaultFontFamily).toBe(BUNDLED_CJK_FAMILY);
    const a = render("区域创新", bundled);
    const b = render("目标风险", bundled);
    expect(a.ink).toBeGreaterThan(300);
    expect(b.ink).toBeGreaterThan(300);
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(false);
    const none = render("区域创新", { font: { loadSystemFonts: false, fontFiles: [] } });
    expect(none.ink).toBeLessThan(a.ink / 10);
  });
});
