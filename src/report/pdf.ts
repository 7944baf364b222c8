/**
 * The briefing printed to an A4 PDF by the headless Chromium already used for PNGs (print CSS of
 * briefing.ts: summary on page 1, page breaks before the big sections). Chinese is drawn with a
 * system CJK font or else the bundled one, which the briefing declares by `@font-face` and carries
 * beside its HTML (charts/bundledFont.ts); the PDF embeds the glyphs it uses. Refuses clearly when no
 * Chromium is installed.
 */
import { findChromium, withChromiumPage } from "../charts/chromium.js";
import { InputError } from "../data/errors.js";

export async function printPdf(htmlUrl: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new InputError({
      file: "chromium",
      problem: "no Chromium found (set TARGETCAST_CHROMIUM, or install /usr/bin/chromium) to print the PDF",
      fix: "install it with: apt-get install chromium, or leave out --pdf",
    });
  return withChromiumPage(executablePath, {}, async (page) => {
    await page.goto(htmlUrl, { waitUntil: "load" });
    // The load event does not wait for web fonts; printing before the font is read would embed boxes.
    await page.evaluate(async () => {
      await (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready;
    });
    return new Uint8Array(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
  });
}
