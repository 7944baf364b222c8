/**
 * Finding and launching a system Chromium (Debian's `chromium`) for headless work: the flags
 * that work on a closed network, as root, without a GPU (see the machine notes), and a fresh
 * user-data folder each time. playwright-core drives it; it never downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installedFontFaceCss } from "./bundledFont.js";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Path of a Chromium executable: $TARGETCAST_CHROMIUM, else the usual system locations. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.TARGETCAST_CHROMIUM,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** A fresh user-data folder and a function that removes it. */
export function tempProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "targetcast-chromium-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `work` on a page of a fresh headless Chromium (its own profile, offline) and closes it,
 * whatever happens; `work` also gets a scratch folder that is removed with the profile. `executablePath` is from findChromium. Playwright's own signal handlers are
 * off: targetcast's stop the process at once on Ctrl-C / SIGTERM (the browser is killed as the
 * process exits), where Playwright's would first wait for a browser that may hang.
 */
export async function withChromiumPage<T>(
  executablePath: string,
  options: { deviceScaleFactor?: number },
  work: (page: import("playwright-core").Page, scratchDir: string) => Promise<T>,
): Promise<T> {
  const { chromium } = await import("playwright-core");
  const profile = tempProfile();
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    offline: true,
    ...options,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    return await work(context.pages()[0] ?? (await context.newPage()), profile.dir);
  } finally {
    await context.close();
    profile.remove();
  }
}

/**
 * Opens in `page` an empty white page, written as a file in `dir`, that declares the bundled CJK
 * font by `@font-face` (a file: URL into the installed package: a page opened from file: may read
 * it, one set by `setContent` on about:blank may not). Content put into its body then draws Chinese
 * with the bundled font when the machine has no CJK font (bundledFont.ts).
 */
export async function openFontPage(page: import("playwright-core").Page, dir: string): Promise<void> {
  const file = path.join(dir, "targetcast-blank.html");
  writeFileSync(
    file,
    `<!doctype html><html><head><meta charset="utf-8"><style>${installedFontFaceCss()}</style></head><body style="margin:0;background:#fff"></body></html>`,
  );
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
}
