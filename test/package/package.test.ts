/**
 * The package as npm ships it: `--version`, the `files` whitelist (what the tarball holds), its size,
 * and the `exports` map (what `import "targetcast"` resolves to from another project).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "./spawn.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("targetcast --version", () => {
  for (const flag of ["--version", "-V"]) {
    it(`${flag} prints package.json's version and exits 0`, () => {
      const r = cli(flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    });
  }
  it("the help lists --version", () => {
    expect(cli("--help").stdout).toMatch(/--version/);
  });
});

interface PackEntry {
  path: string;
  size: number;
}

/** What `npm pack` would put in the tarball (run once, without blocking the worker). */
let report: { size: number; files: PackEntry[] };
let files: string[];
beforeAll(async () => {
  const r = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT);
  report = JSON.parse(r.stdout)[0];
  files = report.files.map((f) => f.path);
});

describe("the packed tarball (npm pack --dry-run)", () => {
  it("holds the compiled library and CLI, the example inputs, the notebooks, README and LICENSE", () => {
    for (const f of [
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/main.js",
      "dist/simulate/worker.js",
      "data/baseline/haizhou.csv",
      "data/targets/haizhou-2015.csv",
      "data/indicators.csv",
      "scenarios/baseline.yaml",
      "notebooks/01-baseline.ipynb",
      "targetcast.config.json",
      "README.md",
      "LICENSE",
      "package.json",
    ])
      expect(files, f).toContain(f);
  });

  it("holds no tests, sources, source maps or benchmarks", () => {
    const stray = files.filter((f) => /^(test|src|bench|scripts|\.ci|out)\//.test(f) || f.endsWith(".map"));
    expect(stray).toEqual([]);
  });

  it("is at most 5 MB compressed", () => {
    expect(report.size).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("every file the config names is in it", () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, "targetcast.config.json"), "utf8"));
    for (const key of ["data", "targets", "indicators"]) expect(files).toContain(config[key]);
    expect(files.some((f) => f.startsWith(`${config.scenarios}/`))).toBe(true);
  });
});

describe("the exports map", () => {
  it('"targetcast" resolves, from another project, to dist/index.js with its types beside it', async () => {
    const consumer = mkdtempSync(path.join(tmpdir(), "targetcast-consumer-"));
    mkdirSync(path.join(consumer, "node_modules"));
    symlinkSync(ROOT, path.join(consumer, "node_modules", "targetcast"), "dir");
    const r = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const u = import.meta.resolve("targetcast"); const m = await import("targetcast"); console.log(JSON.stringify({ u, run: typeof m.runScenario, internal: "MECHANISM_COMPILERS" in m }));',
      ],
      { cwd: consumer, encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(fileURLToPath(out.u)).toBe(path.join(ROOT, "dist", "index.js"));
    expect(out.run).toBe("function");
    expect(out.internal).toBe(false); // the mechanism registry is internal
    expect(pkg.exports["."].types).toBe(`./${pkg.types}`);
  });

  it("a deep import of an internal file is refused (only the public entry point is exported)", () => {
    const consumer = mkdtempSync(path.join(tmpdir(), "targetcast-consumer-"));
    mkdirSync(path.join(consumer, "node_modules"));
    symlinkSync(ROOT, path.join(consumer, "node_modules", "targetcast"), "dir");
    const r = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", 'await import("targetcast/dist/model/registry.js")'],
      { cwd: consumer, encoding: "utf8" },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });
});

describe("the example project that init copies", () => {
  it("is in the tarball, every file of it", async () => {
    const { exampleFiles } = await import("../../src/project/example.js");
    const missing = exampleFiles(ROOT).filter((f) => !files.includes(f));
    expect(missing).toEqual([]);
  });
});
