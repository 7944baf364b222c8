/**
 * SVG → PNG in a headless system Chromium: one browser for the whole batch, each chart set as
 * the page's content and its <svg> element screenshotted at `scale` device pixels per CSS
 * pixel. Much faster than resvg for Chinese text (no per-text font loading), and drawn with
 * the same fonts a browser shows the HTML briefing with.
 */
import { findChromium, withChromiumPage } from "./chromium.js";

export async function pngsWithChromium(
  svgs: string[],
  scale: number,
  onDone?: () => void,
): Promise<Buffer[] | undefined> {
  const executablePath = findChromium();
  if (!executablePath) return undefined;
  return withChromiumPage(executablePath, { deviceScaleFactor: scale }, async (page) => {
    const out: Buffer[] = [];
    for (const svg of svgs) {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
      out.push(await page.locator("svg").first().screenshot({ type: "png", omitBackground: false }));
      onDone?.();
    }
    return out;
  });
}
