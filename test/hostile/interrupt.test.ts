/**
 * All-or-none outputs (src/project/outputSet.ts, interrupt.ts), by stopping a real `run` midway.
 * TARGETCAST_TEST_PAUSE_MS makes the CLI pause after each staged file and each rename of the
 * commit, so a signal can be sent at a known step. A folder holds an earlier run (seed 1); the
 * stopped run uses seed 2, whose outputs are known from an uninterrupted reference run.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_OUTPUT_FILES } from "../../src/project/outputs.js";
import { ROOT } from "./cases.js";

const CLI = path.join(ROOT, "dist/cli/main.js");
const base = mkdtempSync(path.join(tmpdir(), "targetcast-interrupt-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const RUN = ["run", "--paths", "100", "--threads", "1", "--format", "csv"];

function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn("node", [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "ignore" });
  const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, done };
}
const run = async (args: string[]) => expect(await start(args).done).toBe(0);
const hash = (f: string) => (existsSync(f) ? createHash("sha256").update(readFileSync(f)).digest("hex") : "missing");
const seedOf = (dir: string) =>
  (JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as { seed?: number; scenarios: { seed: number }[] })
    .scenarios[0].seed;
async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const staged = (dir: string) =>
  readdirSync(dir).some((n) => n.startsWith(".targetcast-staging-") && readdirSync(path.join(dir, n)).length > 0);
const leftovers = (dir: string) =>
  readdirSync(dir).filter((n) => n.startsWith(".targetcast-staging-") || n.endsWith(".tmp"));

let newRisk = "";
let oldRisk = "";
beforeAll(async () => {
  await run([...RUN, "--seed", "2", "--out", path.join(base, "reference-2")]);
  await run([...RUN, "--seed", "1", "--out", path.join(base, "reference-1")]);
  newRisk = hash(path.join(base, "reference-2", "risk.csv"));
  oldRisk = hash(path.join(base, "reference-1", "risk.csv"));
  expect(newRisk).not.toBe(oldRisk);
}, 120_000);

async function folderWithOldRun(name: string): Promise<string> {
  const dir = path.join(base, name);
  await run([...RUN, "--seed", "1", "--out", dir]);
  return dir;
}

describe("a run stopped before its commit leaves the previous outputs untouched", () => {
  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    it(`${signal} while staging → exit ${code}, old set intact, nothing left`, async () => {
      const dir = await folderWithOldRun(`staging-${signal}`);
      const before = [hash(path.join(dir, "results.json")), hash(path.join(dir, "risk.csv"))];
      const p = start([...RUN, "--seed", "2", "--out", dir], { TARGETCAST_TEST_PAUSE_MS: "3000" });
      await until(() => staged(dir), "a staged file");
      p.child.kill(signal);
      expect(await p.done).toBe(code);
      expect([hash(path.join(dir, "results.json")), hash(path.join(dir, "risk.csv"))]).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    }, 120_000);
  }
});

describe("a signal during the commit is held until the new set is complete", () => {
  it("SIGTERM during the renames → exit 143 and the whole new set", async () => {
    const dir = await folderWithOldRun("commit-sigterm");
    const p = start([...RUN, "--seed", "2", "--out", dir], { TARGETCAST_TEST_PAUSE_MS: "1500" });
    await until(() => existsSync(path.join(dir, ".targetcast-commit.json")), "the commit journal");
    p.child.kill("SIGTERM");
    expect(await p.done).toBe(143);
    expect(hash(path.join(dir, "risk.csv"))).toBe(newRisk);
    expect(seedOf(dir)).toBe(2);
    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(path.join(dir, ".targetcast-commit.json"))).toBe(false);
  }, 120_000);
});

describe("a process killed outright mid-commit", () => {
  it("never leaves an old file beside a new one, and the next command finishes the commit", async () => {
    const dir = await folderWithOldRun("commit-sigkill");
    const p = start([...RUN, "--seed", "2", "--out", dir], { TARGETCAST_TEST_PAUSE_MS: "2000" });
    await until(() => existsSync(path.join(dir, ".targetcast-commit.json")), "the commit journal");
    await new Promise((r) => setTimeout(r, 300)); // inside the pause after the first rename
    p.child.kill("SIGKILL");
    await p.done;
    // Whatever is there is the new run's: no file of the old set survived beside a new one.
    expect([oldRisk]).not.toContain(hash(path.join(dir, "risk.csv")));
    if (existsSync(path.join(dir, "results.json"))) expect(seedOf(dir)).toBe(2);
    // The next command in the folder (allocate, another set) completes the run's set and keeps it.
    await run(["allocate", "--budget", "2000", "--paths", "100", "--out", dir]);
    expect(hash(path.join(dir, "risk.csv"))).toBe(newRisk);
    expect(seedOf(dir)).toBe(2);
    expect(existsSync(path.join(dir, "allocation.json"))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(dir, ".targetcast-outputs.json"), "utf8"));
    expect(manifest.sets).toEqual({ allocate: ["allocation.json"], run: RUN_OUTPUT_FILES });
  }, 180_000);
});

describe("run and allocate share a folder", () => {
  it("each replaces only its own files, and drops its own stale ones", async () => {
    const dir = await folderWithOldRun("shared");
    await run(["allocate", "--budget", "2000", "--paths", "100", "--sensitivity", "--out", dir]);
    expect(existsSync(path.join(dir, "tornado.svg"))).toBe(true);
    await run([...RUN, "--seed", "2", "--out", dir]);
    expect(existsSync(path.join(dir, "allocation.json")) && existsSync(path.join(dir, "tornado.svg"))).toBe(true);
    await run(["allocate", "--budget", "2000", "--paths", "100", "--out", dir]); // no --sensitivity this time
    expect(existsSync(path.join(dir, "tornado.svg"))).toBe(false); // the previous allocation's chart is gone
    expect(hash(path.join(dir, "risk.csv"))).toBe(newRisk); // run's files untouched
  }, 180_000);
});
