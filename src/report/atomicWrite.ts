/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is
 * then renamed over the target, so a reader never sees a half-written file and an interrupted
 * run leaves the previous file intact.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Writes `data` to `file` through a temporary file and a rename, so no reader sees a half-written file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
