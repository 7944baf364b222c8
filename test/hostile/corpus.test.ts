/**
 * Replays the hostile corpus (cases.ts) through the compiled CLI. For every case: the exit code;
 * the message fragments; on failure a one-line "error:"/"usage error:" message with "Fix:", no
 * stack trace and no "internal error"; no input changed (SHA-256 of every fixture, the bundled
 * data and scenarios, and the case's own folder before and after); no temporary or staging file
 * left; and on failure no output written at all.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CASES, ROOT } from "./cases.js";

const FX = path.join(ROOT, "test/fixtures/hostile");
const CLI = path.join(ROOT, "dist/cli/main.js");
const base = mkdtempSync(path.join(tmpdir(), "targetcast-hostile-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const asRoot = process.getuid?.() === 0;

/** Relative path → SHA-256 of every file under `dir` (folders as entries, so added or removed ones show). */
function tree(dir: string, into = new Map<string, string>(), rel = ""): Map<string, string> {
  if (!existsSync(dir)) return into;
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    const key = path.join(rel, name);
    const st = statSync(abs);
    if (st.isDirectory()) {
      into.set(`${key}/`, "");
      tree(abs, into, key);
    } else into.set(key, createHash("sha256").update(readFileSync(abs)).digest("hex"));
  }
  return into;
}
const INPUTS = ["test/fixtures/hostile", "test/fixtures/scenarios", "data", "scenarios"];
const inputHashes = () =>
  new Map(INPUTS.flatMap((d) => [...tree(path.join(ROOT, d))].map(([k, v]) => [`${d}/${k}`, v])));

/** The CLI as a child process (asynchronously, so the test worker stays responsive). */
function runCli(args: string[], cwd: string, stdoutFd?: number) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("node", [CLI, ...args], { cwd, stdio: ["ignore", stdoutFd ?? "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe("hostile corpus", () => {
  let n = 0;
  for (const c of CASES) {
    const test = c.notAsRoot && asRoot ? it.skip : it;
    test(`${c.name} → exit ${c.exit}`, async () => {
      const tmp = path.join(base, String(n++));
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp, { recursive: true });
      c.setup?.(tmp);
      const inputsBefore = inputHashes();
      const tmpBefore = tree(tmp);
      const args = c.args.map((a) => a.replaceAll("{tmp}", tmp).replaceAll("{fx}", path.relative(ROOT, FX)));
      const fd = c.stdoutTo ? openSync(c.stdoutTo, "w") : undefined;
      const r = await runCli(args, c.cwdTmp ? tmp : ROOT, fd);
      if (fd !== undefined) closeSync(fd);
      const { stderr, stdout } = r;
      const shown = `\n$ targetcast ${args.join(" ")}\nstderr:\n${stderr}`;
      expect(r.status, shown).toBe(c.exit);
      for (const f of c.stderr ?? []) expect(stderr, shown).toContain(f);
      for (const f of c.notStderr ?? []) expect(stderr, shown).not.toContain(f);
      expect(stderr, shown).not.toMatch(/^\s+at /m);
      expect(stderr, shown).not.toContain("internal error");
      if (c.exit !== 0) {
        const lines = stderr.split("\n").filter((l) => /^(error|usage error):/.test(l));
        expect(lines.length, shown).toBe(1);
        expect(stderr, shown).toMatch(c.exit === 1 ? /^error: .+ Fix: .+/m : /^usage error: /m);
        expect([...tree(tmp)], "the case's folder changed on a failed run").toEqual([...tmpBefore]);
      }
      expect(inputHashes(), "an input file changed").toEqual(inputsBefore);
      const leftovers = [...tree(tmp).keys()].filter((k) => /\.tmp$|\.targetcast-staging/.test(k));
      expect(leftovers, "temporary files left behind").toEqual([]);
      c.check?.({ tmp, stdout, stderr });
    });
  }
});
