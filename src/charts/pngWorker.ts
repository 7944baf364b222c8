/** Worker thread body: rasterise SVGs sent by pngPool.ts (one resvg render per message). */
import { parentPort } from "node:worker_threads";
import { toPng } from "./render.js";

parentPort?.on("message", (msg: { id: number; svg: string; scale: number }) => {
  try {
    const png = toPng(msg.svg, { scale: msg.scale });
    parentPort!.postMessage({ id: msg.id, png }, [png.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
