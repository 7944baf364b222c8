/**
 * Rasterising many charts. A chart whose SVG has not changed since the last run is not rendered
 * again (the PNG is reused from `cacheDir`, keyed by a hash of the SVG and the scale). The rest
 * go to a headless system Chromium when there is one (about 0.1 s a chart); otherwise to resvg,
 * which spends tens of ms per text element loading the large CJK font, so it runs on worker
 * threads, one per core (in this thread when the compiled worker is not available, e.g. when
 * running from TypeScript sources under a test runner). Set TARGETCAST_PNG=resvg to skip Chromium.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { pngsWithChromium } from "./pngChromium.js";
import { cjkFontSource, toPng } from "./render.js";

export interface PngJob {
  svg: string;
  scale: number;
}

function cacheKey(job: PngJob): string {
  return createHash("sha256").update(`${job.scale}\n${job.svg}`).digest("hex").slice(0, 32);
}

export async function renderPngs(
  jobs: PngJob[],
  opts: { cacheDir?: string; threads?: number; onDone?: (done: number, total: number) => void } = {},
): Promise<Buffer[]> {
  const out: Buffer[] = new Array(jobs.length);
  const todo: number[] = [];
  let done = 0;
  const tick = () => opts.onDone?.(++done, jobs.length);
  for (let i = 0; i < jobs.length; i++) {
    const cached = opts.cacheDir ? path.join(opts.cacheDir, `${cacheKey(jobs[i])}.png`) : undefined;
    if (cached && existsSync(cached)) {
      out[i] = await readFile(cached);
      tick();
    } else todo.push(i);
  }
  const oneScale = new Set(todo.map((i) => jobs[i].scale)).size === 1;
  // The browser draws Chinese with a system font or, without one, the bundled font (@font-face).
  if (todo.length && oneScale && process.env.TARGETCAST_PNG !== "resvg" && cjkFontSource() !== "none") {
    const before = done;
    const byBrowser = await pngsWithChromium(
      todo.map((i) => jobs[i].svg),
      jobs[todo[0]].scale,
      tick,
    ).catch(() => undefined);
    if (byBrowser) {
      todo.forEach((i, k) => (out[i] = byBrowser[k]));
      await saveToCache(jobs, todo, out, opts.cacheDir);
      return out;
    }
    done = before; // the browser failed part-way: render everything with resvg below
  }
  const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "pngWorker.js");
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism(), todo.length));
  if (!existsSync(workerFile) || threads <= 1) {
    for (const i of todo) {
      out[i] = toPng(jobs[i].svg, { scale: jobs[i].scale });
      tick();
    }
  } else {
    const queue = [...todo];
    await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = new Worker(workerFile);
        try {
          for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
            const job = jobs[i];
            const id = i;
            out[i] = await new Promise<Buffer>((resolve, reject) => {
              worker.once("message", (m: { id: number; png?: Uint8Array; error?: string }) =>
                m.error !== undefined || !m.png ? reject(new Error(m.error ?? "no PNG")) : resolve(Buffer.from(m.png)),
              );
              worker.once("error", reject);
              worker.postMessage({ id, svg: job.svg, scale: job.scale });
            });
            worker.removeAllListeners("error");
            tick();
          }
        } finally {
          await worker.terminate();
        }
      }),
    );
  }
  await saveToCache(jobs, todo, out, opts.cacheDir);
  return out;
}

async function saveToCache(jobs: PngJob[], todo: number[], out: Buffer[], cacheDir: string | undefined): Promise<void> {
  if (!cacheDir) return;
  await mkdir(cacheDir, { recursive: true });
  // Temporary name, then rename: a run stopped mid-write never leaves a truncated PNG to be reused.
  await Promise.all(
    todo.map(async (i) => {
      const file = path.join(cacheDir, `${cacheKey(jobs[i])}.png`);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, out[i]);
      await rename(tmp, file);
    }),
  );
}
