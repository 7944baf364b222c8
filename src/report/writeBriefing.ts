/**
 * Write a briefing to a folder: `briefing.html`, the bundled CJK font its `@font-face` names with
 * its licence (BRIEFING_FONT_FILES, so the folder shows Chinese on a machine without a Chinese font)
 * and, per chart, `<name>.svg`, `<name>.vl.json`
 * (the Vega-Lite spec, to open in the Vega editor or diff) and, with `png: true`, `<name>.png`.
 * Each file is written atomically (temporary file in the same folder, then rename), so a reader
 * never sees half a file and an interrupted run leaves the previous one intact.
 *
 * Example: `await writeBriefing("out/briefing", briefing, { png: true })`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BRIEFING_FONT_FILES, briefingFontSources } from "../charts/bundledFont.js";
import { renderPngs } from "../charts/pngPool.js";
import { CJK_FONT_ADVICE, cjkFontSource } from "../charts/render.js";
import { writeFileAtomic } from "./atomicWrite.js";
import type { Briefing } from "./briefing.js";

const NO_BUNDLED_FONT =
  "the font package @embedpdf/fonts-sc is not installed: briefing.html shows Chinese only where the reader has a Chinese font (reinstall targetcast, or npm install @embedpdf/fonts-sc)";

/** Options of writing a briefing folder: PNGs or not, their scale, a cache folder and a progress callback. */
export interface WriteBriefingOptions {
  /** Also rasterise each chart to PNG (needs a CJK font for Chinese: apt-get install fonts-noto-cjk). */
  png: boolean;
  /** PNG zoom factor; default 2. */
  scale?: number;
  /** Reuse PNGs of unchanged charts from this folder (see charts/pngPool.ts). */
  cacheDir?: string;
  /** Called as PNGs are done, for a progress line. */
  onPng?: (done: number, total: number) => void;
}

/** What was written (the files) and the warnings met on the way. */
export interface WrittenBriefing {
  /** Paths of the files written, briefing.html first. */
  files: string[];
  /** Things the caller should tell the user (e.g. no Chinese font for the PNGs). */
  warnings: string[];
}

/** Writes the briefing HTML and every chart (.svg, .png, .vl.json) into a folder. */
export async function writeBriefing(
  dir: string,
  briefing: Briefing,
  opts: WriteBriefingOptions,
): Promise<WrittenBriefing> {
  const files: string[] = [];
  const warnings: string[] = [];
  const write = async (name: string, data: string | Uint8Array) => {
    const file = path.join(dir, name);
    await writeFileAtomic(file, data);
    files.push(file);
  };
  const names = new Set<string>();
  for (const c of briefing.charts) {
    if (!/^[A-Za-z0-9_-]+$/.test(c.name)) throw new Error(`writeBriefing: chart name "${c.name}" is not file-safe`);
    if (names.has(c.name)) throw new Error(`writeBriefing: two charts are named "${c.name}"`);
    names.add(c.name);
  }
  if (opts.png && briefing.charts.length > 0 && cjkFontSource() === "none") warnings.push(CJK_FONT_ADVICE);

  await write("briefing.html", briefing.html);
  const font = briefingFontSources();
  if (font) {
    await write(BRIEFING_FONT_FILES.font, await readFile(font.font));
    await write(BRIEFING_FONT_FILES.license, await readFile(font.license));
  } else warnings.push(NO_BUNDLED_FONT);
  const pngs = opts.png
    ? await renderPngs(
        briefing.charts.map((c) => ({ svg: c.svg, scale: opts.scale ?? 2 })),
        { ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}), ...(opts.onPng ? { onDone: opts.onPng } : {}) },
      )
    : [];
  for (const [i, c] of briefing.charts.entries()) {
    await write(`${c.name}.svg`, c.svg);
    await write(`${c.name}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    if (opts.png) await write(`${c.name}.png`, pngs[i]);
  }
  return { files, warnings };
}
