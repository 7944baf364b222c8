/**
 * The briefing printed to an A4 PDF by the headless Chromium already used for PNGs (print CSS of
 * briefing.ts: summary on page 1, page breaks before the big sections). Refuses clearly when no
 * Chromium is installed.
 */
import { CHROMIUM_ARGS, findChromium, tempProfile } from "../charts/chromium.js";
import { InputError } from "../data/errors.js";

export async function printPdf(htmlUrl: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new InputError({
      file: "chromium",
      problem: "no Chromium found (set TARGETCAST_CHROMIUM, or install /usr/bin/chromium) to print the PDF",
      fix: "install it with: apt-get install chromium, or leave out --pdf",
    });
  const { chromium } = await import("playwright-core");
  const profile = tempProfile();
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(htmlUrl, { waitUntil: "load" });
    return new Uint8Array(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
  } finally {
    await context.close();
    profile.remove();
  }
}
