/**
 * On a machine without a Chinese font, Chromium (PNGs, the PDF) and the briefing HTML draw Chinese
 * with the bundled font through `@font-face` (src/charts/bundledFont.ts). Chromium runs here with a
 * fontconfig that lists no CJK folder (FONTCONFIG_FILE, set for this test file's process only), so
 * the bundled font is the only source of Chinese glyphs. "Tofu" boxes of missing glyphs all look
 * alike, so two different Chinese strings of the same length must give different pictures; each
 * test also renders a control without the bundled font, which must give identical boxes (so the
 * test would catch a renderer that quietly found a system font or lost the `@font-face`).
 *
 * Skipped, saying why, only when Chromium is not installed (CI installs it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRIEFING_FONT_FILES, BUNDLED_CJK_FAMILY } from "../../src/charts/bundledFont.js";
import { withChromiumPage } from "../../src/charts/chromium.js";
import { pngsWithChromium } from "../../src/charts/pngChromium.js";
import { toSvg } from "../../src/charts/render.js";
import { chartConfig, FONT_FAMILY } from "../../src/charts/theme.js";
import { buildBriefing } from "../../src/report/briefing.js";
import { printPdf } from "../../src/report/pdf.js";
import { writeBriefing } from "../../src/report/writeBriefing.js";
import { results } from "./fixture.js";
import { CHROMIUM, decodePng, HAVE_CHROMIUM, NO_CHROMIUM_REASON } from "./helpers.js";

const work = mkdtempSync(path.join(tmpdir(), "targetcast-chromium-font-"));
const saved = { fontconfig: process.env.FONTCONFIG_FILE, chromium: process.env.TARGETCAST_CHROMIUM };

/** A fontconfig with Latin fonts only (DejaVu when installed), so no system font has Chinese glyphs. */
function fontconfigWithoutCjk(): string {
  const dejavu = "/usr/share/fonts/truetype/dejavu";
  const file = path.join(work, "fonts.conf");
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  ${existsSync(dejavu) ? `<dir>${dejavu}</dir>` : ""}
  <cachedir>${path.join(work, "fc-cache")}</cachedir>
</fontconfig>
`,
  );
  return file;
}

/** A chart in targetcast's own theme whose title is `title`. */
const titled = (title: string) =>
  toSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: chartConfig,
    title,
    width: 200,
    height: 20,
    data: { values: [{ x: 1 }] },
    mark: "point",
    encoding: { x: { field: "x", type: "quantitative" } },
  });

const equalPixels = (a: Buffer, b: Buffer) => decodePng(a).pixels.equals(decodePng(b).pixels);

describe.skipIf(!HAVE_CHROMIUM)(
  `Chromium with no system CJK font draws Chinese with the bundled font (${HAVE_CHROMIUM ? `using ${CHROMIUM}` : NO_CHROMIUM_REASON})`,
  () => {
    beforeAll(() => {
      process.env.FONTCONFIG_FILE = fontconfigWithoutCjk();
      process.env.TARGETCAST_CHROMIUM = CHROMIUM;
      const fc = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
      if (fc.status === 0) expect(fc.stdout.trim(), "the test fontconfig must hide every CJK font").toBe("");
    });
    afterAll(() => {
      for (const [key, value] of [
        ["FONTCONFIG_FILE", saved.fontconfig],
        ["TARGETCAST_CHROMIUM", saved.chromium],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      rmSync(work, { recursive: true, force: true });
    });

    it("PNGs: a Chinese chart title is drawn as glyphs; without the bundled family in the stack, as identical boxes", {
      timeout: 120_000,
    }, async () => {
      const svgs = [await titled("区域创新目标"), await titled("重点风险提示")];
      const withoutBundled = svgs.map((s) => s.replaceAll(BUNDLED_CJK_FAMILY, "No Such Font"));
      expect(withoutBundled[0]).not.toBe(svgs[0]);
      const pngs = await pngsWithChromium([...svgs, ...withoutBundled], 1);
      if (!pngs) throw new Error("pngsWithChromium found no Chromium");
      expect(equalPixels(pngs[0], pngs[1]), "two different titles must look different").toBe(false);
      expect(equalPixels(pngs[2], pngs[3]), "control: with no CJK font at all both titles are the same boxes").toBe(
        true,
      );
    });

    it("the briefing folder carries the font and its licence; its HTML draws Chinese with it; removing the file gives boxes", {
      timeout: 180_000,
    }, async () => {
      const dir = path.join(work, "briefing");
      const briefing = await buildBriefing(results, { lang: "zh", generatedAt: new Date("2024-05-06T08:30:00Z") });
      const written = await writeBriefing(dir, briefing, { png: false });
      expect(written.warnings).toEqual([]);
      expect(readFileSync(path.join(dir, BRIEFING_FONT_FILES.license), "utf8")).toContain("SIL OPEN FONT LICENSE");
      expect(briefing.html).toContain(`url("${BRIEFING_FONT_FILES.font}")`);

      const probe = async () =>
        withChromiumPage(CHROMIUM, {}, async (page) => {
          const requests: string[] = [];
          page.on("request", (r) => requests.push(r.url()));
          await page.goto(pathToFileURL(path.join(dir, "briefing.html")).href, { waitUntil: "load" });
          await page.evaluate(async () => {
            const doc = (globalThis as unknown as { document: ProbeDocument }).document;
            for (const [id, text] of [
              ["probe-a", "区域创新目标"],
              ["probe-b", "重点风险提示"],
            ]) {
              const p = doc.createElement("p");
              p.id = id;
              p.textContent = text;
              p.style.cssText = "font-size: 32px; display: inline-block; margin: 0";
              doc.body.prepend(p);
            }
            void doc.body.offsetWidth;
            await doc.fonts.ready;
          });
          const a = await page.locator("#probe-a").screenshot();
          const b = await page.locator("#probe-b").screenshot();
          const family = await page.evaluate(
            () =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(
                (globalThis as unknown as { document: { documentElement: unknown } }).document.documentElement,
              ).fontFamily,
          );
          return { same: a.equals(b), family, requests };
        });

      const withFont = await probe();
      expect(withFont.family).toBe(FONT_FAMILY);
      expect(withFont.same, "two different Chinese lines must look different").toBe(false);
      // The font comes from the folder itself: a file: URL beside briefing.html, nothing fetched.
      expect(withFont.requests).toContain(pathToFileURL(path.join(dir, BRIEFING_FONT_FILES.font)).href);
      expect(withFont.requests.filter((u) => !u.startsWith("file:"))).toEqual([]);

      const pdf = await printPdf(pathToFileURL(path.join(dir, "briefing.html")).href);
      // Chromium embeds a subset of each font it drew with, its descriptor named "XXXXXX+<PostScript name>".
      const embedsBundled = /\/FontName\s*\/[A-Z]{6}\+NotoSansHans-Regular/.test(Buffer.from(pdf).toString("latin1"));
      expect(embedsBundled, "the PDF embeds the bundled font").toBe(true);

      unlinkSync(path.join(dir, BRIEFING_FONT_FILES.font));
      const withoutFont = await probe();
      expect(withoutFont.same, "control: without the font file the two lines are the same boxes").toBe(true);
    });
  },
);

/** The little of the DOM used above (the project's TypeScript has no DOM library). */
interface ProbeElement {
  id: string;
  textContent: string | null;
  style: { cssText: string };
}
interface ProbeDocument {
  createElement(tag: string): ProbeElement;
  body: { prepend(e: ProbeElement): void; offsetWidth: number };
  fonts: { ready: Promise<unknown> };
}
