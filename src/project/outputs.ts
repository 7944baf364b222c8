/**
 * Where a command may write, checked before it does any work (and recorded after it wrote).
 *
 * For every planned output file:
 * - not under /proc, /sys or /dev, and never a device, socket, pipe or folder: outputs are regular files;
 * - never one of the command's input files (compared by real path, so links and `..` do not hide it);
 * - its folder is a folder (not a file), or can be created under a writable folder;
 * - if the file exists, targetcast wrote it: it is listed in the folder's `.targetcast-outputs.json`
 *   manifest, or it carries targetcast's mark (results.json's `"tool": "targetcast"`, a JSON Schema
 *   or Vega-Lite spec written by targetcast, risk.csv's header, the briefing's HTML) — otherwise the
 *   command refuses unless `--force` is given. Re-running a command over its own outputs stays easy.
 *
 * Every refusal is an InputError naming the path, what is wrong and the fix.
 */
import { accessSync, constants, existsSync, lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../data/errors.js";
import { writeFileAtomic } from "../report/atomicWrite.js";

export const MANIFEST = ".targetcast-outputs.json";

/** The files `run --out DIR` writes (results.xlsx is recognised by the manifest only: it is a zip). */
export const RUN_OUTPUT_FILES = ["results.json", "risk.csv", "results.xlsx"];
const SYSTEM_ROOTS = ["/proc", "/sys", "/dev"];

export interface OutputCheckOptions {
  /** Files the command reads: none of them may be written over. */
  inputs: (string | undefined)[];
  /** Replace existing files targetcast did not write. */
  force?: boolean;
}

/** Real path of a file that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function realish(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    tail.unshift(path.basename(head));
    const up = path.dirname(head);
    if (up === head) break;
    head = up;
  }
  try {
    return path.join(realpathSync(head), ...tail);
  } catch {
    return abs;
  }
}

function manifestOf(dir: string): string[] {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as { files?: unknown };
    return Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}

/** Does the existing file carry targetcast's mark? (Reads at most the first 4 MB.) */
function writtenByTargetcast(file: string): boolean {
  const dir = path.dirname(file);
  if (manifestOf(dir).includes(path.basename(file))) return true;
  // A chart beside a briefing targetcast wrote belongs to that briefing.
  const briefing = path.join(dir, "briefing.html");
  if (/\.(svg|png|vl\.json)$/.test(file) && file !== briefing && existsSync(briefing) && writtenByTargetcast(briefing))
    return true;
  let head: string;
  try {
    head = readFileSync(file)
      .subarray(0, 4 << 20)
      .toString("utf8");
  } catch {
    return false;
  }
  if (/"tool":\s*"targetcast"/.test(head)) return true;
  if (file.endsWith(".schema.json") && /"title":\s*"targetcast/.test(head)) return true;
  if (file.endsWith(".csv") && head.replace(/^\uFEFF/, "").startsWith("scenario,")) return true;
  if (file.endsWith(".html") && head.includes("targetcast")) return true;
  return false;
}

/** Throws an InputError when `file` may not be written (see the file comment). */
export function checkOutputFile(file: string, opts: OutputCheckOptions): void {
  const target = realish(file);
  const refuse = (problem: string, fix: string): never => {
    throw new InputError({ file, problem, fix });
  };
  if (SYSTEM_ROOTS.some((r) => target === r || target.startsWith(r + path.sep))) {
    refuse(
      `this is under ${target.split(path.sep).slice(0, 2).join(path.sep)}, a system folder, not a place for output files`,
      "choose an output path in your own folders",
    );
  }
  for (const input of opts.inputs) {
    if (input && existsSync(input) && realish(input) === target)
      refuse(
        `this is an input of the command (${input}); writing there would destroy it`,
        "choose another output path (--out, --write, --chart)",
      );
  }
  // The folder: the nearest existing ancestor must be a writable folder.
  let dir = path.dirname(path.resolve(file));
  while (!existsSync(dir)) dir = path.dirname(dir);
  if (!statSync(dir).isDirectory())
    refuse(`${dir} is a file, so no folder can be made inside it`, "choose an output path whose folders are folders");
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    refuse(`the folder ${dir} is not writable`, "choose a folder you can write to, or fix its permissions");
  }
  if (!existsSync(file)) return;
  const st = lstatSync(file);
  const real = st.isSymbolicLink() ? statSync(file) : st;
  if (real.isDirectory())
    refuse("this is a folder, where a file is to be written", "give a file name, or remove the folder");
  if (!real.isFile()) refuse("this is not a regular file (a device, socket or pipe)", "write to a regular file");
  if (!opts.force && !writtenByTargetcast(file)) {
    refuse(
      "the file exists and was not written by targetcast",
      "choose another output path, or add --force to replace it",
    );
  }
}

/** Throws an InputError when the folder `dir` cannot hold outputs (it is a file, a system folder, unwritable). */
export function checkOutputDir(dir: string, names: string[], opts: OutputCheckOptions): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new InputError({
      file: dir,
      problem: "this is a file, where a folder for the outputs is expected",
      fix: "give a folder (it is created if missing)",
    });
  }
  for (const name of names) checkOutputFile(path.join(dir, name), opts);
}

/** Adds `names` to the manifest of `dir` (after they were written), keeping what else it records. */
export async function recordOutputs(dir: string, names: string[]): Promise<void> {
  let rest: Record<string, unknown> = {};
  try {
    rest = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as Record<string, unknown>;
  } catch {
    rest = {};
  }
  const files = [...new Set([...manifestOf(dir), ...names])].sort();
  await writeFileAtomic(
    path.join(dir, MANIFEST),
    JSON.stringify({ ...rest, tool: "targetcast", files }, null, 1) + "\n",
  );
}
