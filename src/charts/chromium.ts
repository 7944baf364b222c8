/**
 * Finding and launching a system Chromium (Debian's `chromium`) for headless work: the flags
 * that work on a closed network, as root, without a GPU (see the machine notes), and a fresh
 * user-data folder each time. playwright-core drives it; it never downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

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
 * whatever happens. `executablePath` is from findChromium. Playwright's own signal handlers are
 * off: targetcast's stop the process at once on Ctrl-C / SIGTERM (the browser is killed as the
 * process exits), where Playwright's would first wait for a browser that may hang.
 */
export async function withChromiumPage<T>(
  executablePath: string,
  options: { deviceScaleFactor?: number },
  work: (page: import("playwright-core").Page) => Promise<T>,
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
    return await work(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    profile.remove();
  }
}
