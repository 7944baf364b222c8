/**
 * writeBriefing and printPdf with their machinery replaced: the PNG pool, the font lookups and
 * Chromium are stubbed, so what is checked is the folder writeBriefing leaves (names, order,
 * contents, warnings, refusals) and what printPdf asks of the page. Real PNGs and a real PDF are
 * checked by test/report/briefing.test.ts and test/charts/chromium-font.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const stub = vi.hoisted(() => ({
  cjk: "system" as "system" | "bundled" | "none",
  font: true,
  chromium: "/usr/bin/chromium" as string | undefined,
  pngJobs: [] as { svg: string; scale: number }[][],
  pngOptions: [] as unknown[],
  page: [] as unknown[][],
}));

vi.mock("../../src/charts/pngPool.js", () => ({
  renderPngs: async (jobs: { svg: string; scale: number }[], opts: unknown) => {
    stub.pngJobs.push(jobs);
    stub.pngOptions.push(opts);
    return jobs.map((_, i) => new Uint8Array([0x89, 0x50, i]));
  },
}));
vi.mock("../../src/charts/render.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/charts/render.js")>()),
  cjkFontSource: () => stub.cjk,
}));
vi.mock("../../src/charts/bundledFont.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/charts/bundledFont.js")>();
  return {
    ...real,
    briefingFontSources: () => (stub.font ? { font: fontFile, license: licenseFile } : undefined),
  };
});
vi.mock("../../src/charts/chromium.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/charts/chromium.js")>()),
  findChromium: () => stub.chromium,
  withChromiumPage: async (exe: string, opts: unknown, use: (page: unknown) => Promise<unknown>) => {
    stub.page.push(["launch", exe, opts]);
    return use({
      goto: async (url: string, o: unknown) => stub.page.push(["goto", url, o]),
      evaluate: async (fn: unknown) => stub.page.push(["evaluate", typeof fn]),
      pdf: async (o: unknown) => {
        stub.page.push(["pdf", o]);
        return Buffer.from("%PDF-1.7");
      },
    });
  },
}));

import { BRIEFING_FONT_FILES } from "../../src/charts/bundledFont.js";
import { CJK_FONT_ADVICE } from "../../src/charts/render.js";
import { InputError } from "../../src/data/errors.js";
import type { Briefing } from "../../src/report/briefing.js";
import { printPdf } from "../../src/report/pdf.js";
import { writeBriefing } from "../../src/report/writeBriefing.js";

const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-writebriefing-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fontFile = path.join(tmp, "font.otf");
const licenseFile = path.join(tmp, "OFL.txt");
writeFileSync(fontFile, "FONT BYTES");
writeFileSync(licenseFile, "SIL OPEN FONT LICENSE");

const briefing: Briefing = {
  html: "<!DOCTYPE html><p>简报</p>",
  charts: [
    { name: "risk-matrix", spec: { mark: "rect" } as Briefing["charts"][0]["spec"], svg: "<svg>a</svg>" },
    { name: "fan-baseline-rd_intensity", spec: { mark: "line" } as Briefing["charts"][0]["spec"], svg: "<svg>b</svg>" },
  ],
};

let n = 0;
const folder = () => {
  const dir = path.join(tmp, `out${n++}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe("writeBriefing", () => {
  it("writes briefing.html, the font and its licence, then per chart .svg and .vl.json; returns them in that order", async () => {
    stub.font = true;
    const dir = folder();
    const r = await writeBriefing(dir, briefing, { png: false });
    expect(r.files).toEqual(
      [
        "briefing.html",
        BRIEFING_FONT_FILES.font,
        BRIEFING_FONT_FILES.license,
        "risk-matrix.svg",
        "risk-matrix.vl.json",
        "fan-baseline-rd_intensity.svg",
        "fan-baseline-rd_intensity.vl.json",
      ].map((f) => path.join(dir, f)),
    );
    expect(r.warnings).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(r.files.map((f) => path.basename(f)).sort()); // no temporary files
    expect(readFileSync(path.join(dir, "briefing.html"), "utf8")).toBe(briefing.html);
    expect(readFileSync(path.join(dir, BRIEFING_FONT_FILES.font), "utf8")).toBe("FONT BYTES");
    expect(readFileSync(path.join(dir, BRIEFING_FONT_FILES.license), "utf8")).toBe("SIL OPEN FONT LICENSE");
    expect(readFileSync(path.join(dir, "risk-matrix.svg"), "utf8")).toBe("<svg>a</svg>");
    expect(readFileSync(path.join(dir, "risk-matrix.vl.json"), "utf8")).toBe('{\n  "mark": "rect"\n}\n');
  });

  it("with png: one PNG per chart after its .vl.json, at scale 2 unless told, passing the cache folder and progress callback", async () => {
    stub.pngJobs = [];
    stub.pngOptions = [];
    const dir = folder();
    const r = await writeBriefing(dir, briefing, { png: true });
    expect(r.files.slice(3).map((f) => path.basename(f))).toEqual([
      "risk-matrix.svg",
      "risk-matrix.vl.json",
      "risk-matrix.png",
      "fan-baseline-rd_intensity.svg",
      "fan-baseline-rd_intensity.vl.json",
      "fan-baseline-rd_intensity.png",
    ]);
    expect([...readFileSync(path.join(dir, "fan-baseline-rd_intensity.png"))]).toEqual([0x89, 0x50, 1]);
    expect(stub.pngJobs).toEqual([
      [
        { svg: "<svg>a</svg>", scale: 2 },
        { svg: "<svg>b</svg>", scale: 2 },
      ],
    ]);
    expect(stub.pngOptions).toEqual([{}]);
    const onPng = () => {};
    await writeBriefing(folder(), briefing, { png: true, scale: 3, cacheDir: "/tmp/cache", onPng });
    expect(stub.pngJobs[1].map((j) => j.scale)).toEqual([3, 3]);
    expect(stub.pngOptions[1]).toEqual({ cacheDir: "/tmp/cache", onDone: onPng });
    // No PNG asked: the pool is not called.
    await writeBriefing(folder(), briefing, { png: false });
    expect(stub.pngJobs).toHaveLength(2);
  });

  it("warns when PNGs are asked for and no Chinese font is found, and when the bundled font is missing", async () => {
    stub.cjk = "none";
    try {
      expect((await writeBriefing(folder(), briefing, { png: true })).warnings).toEqual([CJK_FONT_ADVICE]);
      expect((await writeBriefing(folder(), briefing, { png: false })).warnings).toEqual([]);
      expect((await writeBriefing(folder(), { ...briefing, charts: [] }, { png: true })).warnings).toEqual([]);
    } finally {
      stub.cjk = "system";
    }
    stub.font = false;
    try {
      const dir = folder();
      const r = await writeBriefing(dir, briefing, { png: false });
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toContain("@embedpdf/fonts-sc is not installed");
      expect(r.files.map((f) => path.basename(f)).slice(0, 2)).toEqual(["briefing.html", "risk-matrix.svg"]);
    } finally {
      stub.font = true;
    }
  });

  it("refuses a chart name that is not file-safe, and two charts of one name, before writing anything", async () => {
    const dir = folder();
    const bad = { ...briefing, charts: [{ ...briefing.charts[0], name: "../x" }] };
    await expect(writeBriefing(dir, bad, { png: false })).rejects.toThrow(
      'writeBriefing: chart name "../x" is not file-safe',
    );
    await expect(
      writeBriefing(dir, { ...briefing, charts: [{ ...briefing.charts[0], name: "a b" }] }, { png: false }),
    ).rejects.toThrow("is not file-safe");
    const twice = { ...briefing, charts: [briefing.charts[0], briefing.charts[0]] };
    await expect(writeBriefing(dir, twice, { png: false })).rejects.toThrow(
      'writeBriefing: two charts are named "risk-matrix"',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("printPdf", () => {
  it("loads the page, waits for its fonts, prints A4 with the page's CSS size and backgrounds", async () => {
    stub.page = [];
    const pdf = await printPdf("file:///tmp/b/briefing.html");
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf).toString()).toBe("%PDF-1.7");
    expect(stub.page).toEqual([
      ["launch", "/usr/bin/chromium", {}],
      ["goto", "file:///tmp/b/briefing.html", { waitUntil: "load" }],
      ["evaluate", "function"],
      ["pdf", { format: "A4", preferCSSPageSize: true, printBackground: true }],
    ]);
  });

  it("refuses clearly when no Chromium is installed", async () => {
    stub.chromium = undefined;
    try {
      const e = await printPdf("file:///x").catch((err: unknown) => err);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe("chromium");
      expect((e as InputError).problem).toBe(
        "no Chromium found (set TARGETCAST_CHROMIUM, or install /usr/bin/chromium) to print the PDF",
      );
      expect((e as InputError).fix).toBe("install it with: apt-get install chromium, or leave out --pdf.");
    } finally {
      stub.chromium = "/usr/bin/chromium";
    }
  });
});
