/**
 * SVG → PNG in a headless system Chromium: one browser for the whole batch, each chart set as
 * the page's content and its <svg> element screenshotted at `scale` device pixels per CSS
 * pixel. Much faster than resvg for Chinese text (no per-text font loading), and drawn with
 * the same fonts a browser shows the HTML briefing with (system CJK fonts first, else the bundled
 * one through `@font-face`, see bundledFont.ts).
 */
import { findChromium, openFontPage, withChromiumPage } from "./chromium.js";

export async function pngsWithChromium(
  svgs: string[],
  scale: number,
  onDone?: () => void,
): Promise<Buffer[] | undefined> {
  const executablePath = findChromium();
  if (!executablePath) return undefined;
  return withChromiumPage(executablePath, { deviceScaleFactor: scale }, async (page, scratchDir) => {
    await openFontPage(page, scratchDir);
    const out: Buffer[] = [];
    for (const svg of svgs) {
      // The page stays (and with it the bundled font, once read); only its body changes. Layout is
      // forced first so that a font the chart needs starts loading before waiting for fonts.
      await page.evaluate(async (content) => {
        const doc = (globalThis as unknown as { document: DocumentLike }).document;
        doc.body.innerHTML = content;
        void doc.body.offsetWidth;
        await doc.fonts.ready;
      }, svg);
      out.push(await page.locator("svg").first().screenshot({ type: "png", omitBackground: false }));
      onDone?.();
    }
    return out;
  });
}

/** The little of the DOM used above (the project's TypeScript has no DOM library). */
interface DocumentLike {
  body: { innerHTML: string; offsetWidth: number };
  fonts: { ready: Promise<unknown> };
}
