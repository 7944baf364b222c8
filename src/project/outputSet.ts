/**
 * All-or-none outputs. A command writes its set of output files (run: results.json and risk.csv;
 * allocate: allocation.json and the tornado; brief: the HTML and every chart) into a staging
 * folder beside the target, `DIR/.targetcast-staging-<set>-<pid>`, and only when every file is
 * written commits them as one unit:
 *
 * 1. a journal `DIR/.targetcast-commit.json` names the staging folder, the new files and the
 *    stale ones (files of the same set's previous run that the new run does not write);
 * 2. the previous files of the set are removed, then the new ones renamed into DIR (same file
 *    system, so each rename is atomic);
 * 3. the manifest `.targetcast-outputs.json` records which set wrote which file (so `run` and
 *    `allocate`, which share `out/`, never remove each other's files), then the journal and the
 *    staging folder are removed.
 *
 * Signals are held during the commit (interrupt.ts), so Ctrl-C or SIGTERM leave the old set or
 * the new one. A process killed outright (SIGKILL, power loss) during the commit leaves the
 * journal; the next command that writes to the folder finishes that commit first. A run stopped
 * before its commit leaves the folder as it was (its staging folder is removed on exit, or by the
 * next run when the process was killed outright). Never a new results.json beside an old risk.csv.
 *
 * Test hook: TARGETCAST_TEST_PAUSE_MS pauses that long after each staged file and each rename.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { critical, onCleanup } from "./interrupt.js";
import { MANIFEST } from "./outputs.js";

export const JOURNAL = ".targetcast-commit.json";
const STAGING_PREFIX = ".targetcast-staging-";

interface Manifest {
  tool: "targetcast";
  /** Every file targetcast wrote here (what the output checks accept as its own). */
  files: string[];
  /** Files of each set (run, allocate, briefing, …) as last committed. */
  sets: Record<string, string[]>;
}

interface Journal {
  staging: string;
  set: string;
  files: string[];
  stale: string[];
}

function readManifest(dir: string): Manifest {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as Partial<Manifest>;
    const strings = (a: unknown) => (Array.isArray(a) ? a.filter((f): f is string => typeof f === "string") : []);
    const sets: Record<string, string[]> = {};
    if (m.sets && typeof m.sets === "object")
      for (const [k, v] of Object.entries(m.sets as Record<string, unknown>)) sets[k] = strings(v);
    return { tool: "targetcast", files: strings(m.files), sets };
  } catch {
    return { tool: "targetcast", files: [], sets: {} };
  }
}

async function writeManifest(dir: string, m: Manifest): Promise<void> {
  const sets = Object.fromEntries(Object.entries(m.sets).sort(([a], [b]) => a.localeCompare(b)));
  const files = [...new Set(m.files)].sort();
  await writeFileAtomic(path.join(dir, MANIFEST), `${JSON.stringify({ tool: "targetcast", files, sets }, null, 1)}\n`);
}

const pause = async () => {
  const ms = Number(process.env.TARGETCAST_TEST_PAUSE_MS ?? 0);
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
const pidOf = (staging: string) => Number(staging.slice(staging.lastIndexOf("-") + 1));

/** Steps 2–3 of a commit (see the file comment); also finishes a journal left by a killed process. */
async function applyJournal(dir: string, j: Journal): Promise<void> {
  const staging = path.join(dir, j.staging);
  if (existsSync(staging)) {
    for (const name of j.stale) {
      // A file of the new set already renamed in (by a process killed mid-commit) is new: keep it.
      if (j.files.includes(name) && !existsSync(path.join(staging, name))) continue;
      await unlink(path.join(dir, name)).catch(() => undefined);
    }
    for (const name of j.files) {
      const from = path.join(staging, name);
      if (!existsSync(from)) continue; // renamed before the process was killed
      await rename(from, path.join(dir, name));
      await pause();
    }
  }
  const m = readManifest(dir);
  const others = new Set(Object.entries(m.sets).flatMap(([k, v]) => (k === j.set ? [] : v)));
  m.files = [...m.files.filter((f) => !j.stale.includes(f) || others.has(f)), ...j.files];
  m.sets[j.set] = j.files;
  await writeManifest(dir, m);
  await rm(staging, { recursive: true, force: true });
  await rm(path.join(dir, JOURNAL), { force: true });
}

/** Finishes a commit a killed process left, and removes staging folders of processes no longer running. */
export async function recoverOutputs(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const journalFile = path.join(dir, JOURNAL);
  if (existsSync(journalFile)) {
    let j: Journal | undefined;
    try {
      j = JSON.parse(readFileSync(journalFile, "utf8")) as Journal;
    } catch {
      j = undefined; // a journal cut short: its commit had not started
    }
    const found = j;
    if (!found) await rm(journalFile, { force: true });
    else if (!alive(pidOf(found.staging))) await critical(() => applyJournal(dir, found));
  }
  for (const name of readdirSync(dir)) {
    if (name.startsWith(STAGING_PREFIX) && !alive(pidOf(name)))
      await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

export class OutputSet {
  /** Where the files are written until the commit. */
  readonly staging: string;
  private readonly names: string[] = [];
  private readonly unregister: () => void;
  private done = false;

  private constructor(
    readonly dir: string,
    readonly set: string,
  ) {
    this.staging = path.join(dir, `${STAGING_PREFIX}${set}-${process.pid}`);
    const staging = this.staging;
    this.unregister = onCleanup(() => rmSync(staging, { recursive: true, force: true }));
  }

  /** Starts a set of outputs in `dir` (created if missing), after finishing what a killed run left. */
  static async begin(dir: string, set: string): Promise<OutputSet> {
    await mkdir(dir, { recursive: true });
    await recoverOutputs(dir);
    const s = new OutputSet(dir, set);
    await rm(s.staging, { recursive: true, force: true });
    await mkdir(s.staging, { recursive: true });
    return s;
  }

  /** Path in the staging folder for a file that another writer puts there (then `add` it). */
  stagedPath(name: string): string {
    return path.join(this.staging, name);
  }

  /** Records files written into the staging folder by another writer. */
  async add(...names: string[]): Promise<void> {
    for (const name of names) if (!this.names.includes(name)) this.names.push(name);
    await pause();
  }

  async write(name: string, data: string | Uint8Array): Promise<void> {
    await writeFile(this.stagedPath(name), data);
    await this.add(name);
  }

  /** Moves the whole set into place as one unit (see the file comment). */
  async commit(): Promise<void> {
    if (this.done) throw new Error("OutputSet: committed twice");
    this.done = true;
    await critical(async () => {
      const previous = readManifest(this.dir).sets[this.set] ?? [];
      const others = new Set(
        Object.entries(readManifest(this.dir).sets).flatMap(([k, v]) => (k === this.set ? [] : v)),
      );
      const journal: Journal = {
        staging: path.basename(this.staging),
        set: this.set,
        files: [...this.names],
        // Every previous file of this set goes first (replaced ones too), so a crash mid-commit
        // leaves new files and gaps, never an old file beside a new one. Another set's files stay.
        stale: previous.filter((f) => !others.has(f)),
      };
      await writeFileAtomic(path.join(this.dir, JOURNAL), `${JSON.stringify(journal)}\n`);
      await applyJournal(this.dir, journal);
    });
    this.unregister();
  }

  /** Discards the staged files (the folder keeps its previous set). */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await rm(this.staging, { recursive: true, force: true });
    this.unregister();
  }
}

/** Writes a set of outputs with `write`, then commits it; on any error the staged files are discarded. */
export async function writeOutputSet(
  dir: string,
  set: string,
  write: (out: OutputSet) => Promise<void>,
): Promise<void> {
  const out = await OutputSet.begin(dir, set);
  try {
    await write(out);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}
