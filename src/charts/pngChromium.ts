/**
 * SVG → PNG in a headless system Chromium: one browser for the whole batch, each chart set as
 * the page's content and its <svg> element screenshotted at `scale` device pixels per CSS
 * pixel. Much faster than resvg for Chinese text (no per-text font loading), and drawn with
 * the same fonts a browser shows the HTML briefing with.
 */
import { CHROMIUM_ARGS, findChromium, tempProfile } from "./chromium.js";

export async function pngsWithChromium(
  svgs: string[],
  scale: number,
  onDone?: () => void,
): Promise<Buffer[] | undefined> {
  const executablePath = findChromium();
  if (!executablePath) return undefined;
  const { chromium } = await import("playwright-core");
  const profile = tempProfile();
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    deviceScaleFactor: scale,
    offline: true,
    // targetcast's own handlers stop the process at once on Ctrl-C / SIGTERM (the browser is killed
    // as the process exits); Playwright's would first wait for a browser that may hang.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const out: Buffer[] = [];
    for (const svg of svgs) {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
      out.push(await page.locator("svg").first().screenshot({ type: "png", omitBackground: false }));
      onDone?.();
    }
    return out;
  } finally {
    await context.close();
    profile.remove();
  }
}
