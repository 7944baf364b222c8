/**
 * The briefing opened in a real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core): no console errors, no network requests, every chart visible, Chinese text
 * present. Leaves a full-page screenshot in out/briefing-screenshot.png.
 *
 * Skipped, saying why, when Chromium or a CJK font is missing
 * (install with: apt-get install chromium fonts-noto-cjk).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../src/charts/chromium.js";
import { buildBriefing } from "../../src/report/briefing.js";
import { writeBriefing } from "../../src/report/writeBriefing.js";
import { results } from "../charts/fixture.js";
import { CHROMIUM, HAVE_CHROMIUM, HAVE_CJK_FONT, NO_CHROMIUM_REASON, NO_FONT_REASON } from "../charts/helpers.js";
import { cliAsync } from "./cliAsync.js";

const SCREENSHOT = fileURLToPath(new URL("../../out/briefing-screenshot.png", import.meta.url));
const SUMMARY_SHOT = fileURLToPath(new URL("../../out/briefing-summary-1366x768.png", import.meta.url));

/** Pages of a PDF as Chromium writes it: one uncompressed `/Type /Page` dictionary per page. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

const skip = !HAVE_CHROMIUM || !HAVE_CJK_FONT;
const why = !HAVE_CHROMIUM ? NO_CHROMIUM_REASON : !HAVE_CJK_FONT ? NO_FONT_REASON : `using ${CHROMIUM}`;

describe.skipIf(skip)(`briefing in headless Chromium (${why})`, () => {
  it("loads with no console errors or network requests; every chart is visible; Chinese is on the page", {
    timeout: 180_000,
  }, async () => {
    const work = mkdtempSync(path.join(tmpdir(), "targetcast-browser-"));
    const userDataDir = path.join(work, "profile");
    try {
      const briefing = await buildBriefing(results, { lang: "both", generatedAt: new Date("2024-05-06T08:30:00Z") });
      await writeBriefing(path.join(work, "briefing"), briefing, { png: false });
      const url = pathToFileURL(path.join(work, "briefing", "briefing.html")).href;

      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1200, height: 900 },
        offline: true,
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const errors: string[] = [];
        const requests: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(`console: ${m.text()}`);
        });
        page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
        page.on("request", (r) => {
          if (!r.url().startsWith("file:")) requests.push(r.url());
        });

        const response = await page.goto(url, { waitUntil: "load" });
        expect(response?.ok() ?? true).toBe(true);

        const svgs = await page.$$eval("svg", (els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { width: r.width, height: r.height, figure: e.closest("figure")?.id ?? "" };
          }),
        );
        expect(svgs).toHaveLength(briefing.charts.length);
        for (const s of svgs) {
          expect(s.width, s.figure).toBeGreaterThan(100);
          expect(s.height, s.figure).toBeGreaterThan(100);
        }

        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's page.innerText, the rendered text
        const text = await page.innerText("body");
        expect(text).toContain("区域创新目标情景简报");
        expect(text).toContain("示意数据，非官方统计");
        expect(text).toContain("最需关注的重点目标");
        // Chinese inside the charts is real text too.
        const chartText = await page.$$eval("figure svg text", (els) => els.map((e) => e.textContent ?? "").join(" "));
        expect(chartText).toContain("目标达成风险矩阵");

        // The page asks for the CJK font first (whether glyphs are real is checked on the PNGs,
        // test/charts/render.test.ts, and by eye on the screenshot).
        const family = await page.$eval(
          "html",
          (e) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(e)
              .fontFamily,
        );
        expect(family.startsWith('"Noto Sans CJK SC"')).toBe(true);

        mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });

        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await context.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("the bundled example: #summary fits one 1366×768 screen with text ≥ 12 px; prints to ≤ 12 A4 pages with text ≥ 10 pt", {
    timeout: 300_000,
  }, async () => {
    const work = mkdtempSync(path.join(tmpdir(), "targetcast-print-"));
    try {
      const out = path.join(work, "briefing");
      // Asynchronously: a long spawnSync would starve vitest's worker RPC.
      const r = await cliAsync(["brief", "--no-png", "--paths", "1000", "--out", out]);
      expect(r.status, r.stderr).toBe(0);
      const context = await chromium.launchPersistentContext(path.join(work, "profile"), {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1366, height: 768 },
        offline: true,
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(pathToFileURL(path.join(out, "briefing.html")).href, { waitUntil: "load" });
        type Box = { top: number; bottom: number; left: number; right: number };
        const box = await page.$eval("#summary", (e) => {
          const b = e.getBoundingClientRect();
          return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
        });
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom, "summary height on a 768 px screen").toBeLessThanOrEqual(768);
        expect((box as Box).right).toBeLessThanOrEqual(1366);
        // The smallest text in the summary (every element holding its own text).
        const smallest = (selector: string) =>
          page.$$eval(selector, (els) => {
            const win = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
            const sizes = els
              .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== ""))
              .filter((e) => !e.closest("svg"))
              .map((e) => Number.parseFloat(win.getComputedStyle(e).fontSize));
            return Math.min(...sizes);
          });
        expect(await smallest("#summary *")).toBeGreaterThanOrEqual(12);
        mkdirSync(path.dirname(SUMMARY_SHOT), { recursive: true });
        await page.screenshot({ path: SUMMARY_SHOT, clip: { x: 0, y: 0, width: 1366, height: 768 } });

        await page.emulateMedia({ media: "print" });
        expect(await smallest("main *"), "smallest printed text, px (10 pt = 13.33 px)").toBeGreaterThanOrEqual(
          (10 * 96) / 72 - 0.01,
        );
        const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
        writeFileSync(path.join(work, "briefing.pdf"), pdf);
        const pages = pdfPageCount(pdf);
        expect(pages).toBeGreaterThan(1);
        expect(pages, "A4 pages of the bundled briefing without --appendix").toBeLessThanOrEqual(12);
        const pdfinfo = spawnSync("pdfinfo", [path.join(work, "briefing.pdf")], { encoding: "utf8" });
        if (pdfinfo.status === 0) expect(pdfinfo.stdout).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
      } finally {
        await context.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
