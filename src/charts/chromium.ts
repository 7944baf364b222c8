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
