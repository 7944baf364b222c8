/** `targetcast init [DIR]`: a ready example project, refused over a non-empty folder without --force. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exampleFiles } from "../../src/project/example.js";
import { run } from "./spawn.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAIN = path.join(ROOT, "dist", "cli", "main.js");

const tc = (cwd: string, ...args: string[]) => run(process.execPath, [MAIN, ...args], cwd);
const temp = () => mkdtempSync(path.join(tmpdir(), "targetcast-init-"));

describe("targetcast init", () => {
  it("copies every example file byte for byte, and `targetcast run` then works there with no flags", async () => {
    const base = temp();
    const r = await tc(base, "init", "demo");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("cd demo && npx targetcast run");
    const demo = path.join(base, "demo");
    const files = exampleFiles(ROOT);
    expect(files).toContain("targetcast.config.json");
    expect(files).toContain("notebooks/01-baseline.ipynb");
    for (const f of files)
      expect(readFileSync(path.join(demo, f)).equals(readFileSync(path.join(ROOT, f))), f).toBe(true);
    expect(readdirSync(base)).toEqual(["demo"]); // no staging folder left behind

    const ran = await tc(demo, "run", "--paths", "200", "--format", "csv");
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    const results = JSON.parse(readFileSync(path.join(demo, "out", "results.json"), "utf8"));
    expect(results.tool).toBe("targetcast");
    expect(results.scenarios.length).toBe(
      readdirSync(path.join(ROOT, "scenarios")).filter((f) => f.endsWith(".yaml")).length,
    );
  });

  it("writes into an existing empty folder, and into the current folder when DIR is omitted", async () => {
    const dir = temp();
    expect((await tc(dir, "init")).status).toBe(0);
    expect(existsSync(path.join(dir, "targetcast.config.json"))).toBe(true);
  });

  it("refuses a folder that is not empty (exit 1, names --force) and writes nothing", async () => {
    const dir = temp();
    writeFileSync(path.join(dir, "notes.txt"), "mine");
    const r = await tc(dir, "init", ".");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not empty.*--force/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });

  it("with --force writes into it, keeping other files and replacing example files of the same name", async () => {
    const dir = temp();
    writeFileSync(path.join(dir, "notes.txt"), "mine");
    writeFileSync(path.join(dir, "targetcast.config.json"), "{}");
    const r = await tc(dir, "init", ".", "--force");
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(path.join(dir, "targetcast.config.json"), "utf8")).toBe(
      readFileSync(path.join(ROOT, "targetcast.config.json"), "utf8"),
    );
  });

  it("refuses, even with --force, a DIR that is a file, and a path inside it where a folder is needed", async () => {
    const base = temp();
    writeFileSync(path.join(base, "afile"), "x");
    for (const dir of ["afile", "afile/sub"]) {
      const r = await tc(base, "init", dir, "--force");
      expect(r.status, dir).toBe(1);
      expect(r.stderr, dir).toMatch(/^error: .*afile.*Fix: /s);
    }
    mkdirSync(path.join(base, "x", "data", "indicators.csv"), { recursive: true }); // a folder where a file goes
    const r = await tc(base, "init", "x", "--force");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/indicators\.csv: this is a folder/);
  });

  it("is a usage error with two folders (exit 2)", async () => {
    expect((await tc(temp(), "init", "a", "b")).status).toBe(2);
  });
});
