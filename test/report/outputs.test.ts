/**
 * Output locations are checked before any work (src/project/outputs.ts), through the built CLI:
 * inputs and foreign files are never written over, devices and system folders are refused, a
 * file where a folder is expected (and the reverse) is refused — each with exit 1, a message naming
 * the path and the fix, and no stack trace — while re-running over targetcast's own outputs works.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-outputs-"));
afterAll(() => {
  chmodSync(tmp, 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}
/** A refusal: exit 1, the path and "Fix:" in one line, no stack trace. */
function expectRefused(r: { status: number | null; stderr: string }, pathPart: string) {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toContain(pathPart);
  expect(r.stderr).toMatch(/Fix: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
const RUN = ["run", "--paths", "100", "--format", "csv"];

describe("output locations", () => {
  it("re-running over targetcast's own outputs works, and writes a manifest", () => {
    const out = path.join(tmp, "own");
    expect(cli(...RUN, "--out", out).status).toBe(0);
    expect(cli(...RUN, "--out", out).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, ".targetcast-outputs.json"), "utf8")).files).toEqual([
      "results.json",
      "results.xlsx",
      "risk.csv",
    ]);
  });

  it("refuses a file it did not write, leaves it untouched, and replaces it with --force", () => {
    const out = path.join(tmp, "foreign");
    mkdirSync(out);
    writeFileSync(path.join(out, "risk.csv"), "my own notes\n");
    expectRefused(cli(...RUN, "--out", out), path.join(out, "risk.csv"));
    expect(readFileSync(path.join(out, "risk.csv"), "utf8")).toBe("my own notes\n");
    expect(existsSync(path.join(out, "results.json"))).toBe(false); // refused before any work
    expect(cli(...RUN, "--out", out, "--force").status).toBe(0);
    expect(readFileSync(path.join(out, "risk.csv"), "utf8")).toMatch(/^\uFEFFscenario,/);
  });

  it("never writes over an input, even one named like an output", () => {
    const out = path.join(tmp, "input");
    mkdirSync(out);
    const data = path.join(out, "risk.csv");
    copyFileSync(path.join(root, "data/baseline/haizhou.csv"), data);
    const before = readFileSync(data, "utf8");
    const r = cli(
      ...RUN,
      "--data",
      data,
      "--targets",
      "data/targets/haizhou-2015.csv",
      "--indicators",
      "data/indicators.csv",
      "--out",
      out,
      "--force",
    );
    expectRefused(r, "this is an input of the command");
    expect(readFileSync(data, "utf8")).toBe(before);
  });

  it("refuses a file where a folder is expected, and a folder under a file", () => {
    const file = path.join(tmp, "a-file");
    writeFileSync(file, "x");
    expectRefused(cli(...RUN, "--out", file), "where a folder for the outputs is expected");
    expectRefused(cli(...RUN, "--out", path.join(file, "sub")), "is a file, so no folder can be made inside it");
  });

  it("refuses devices and system folders", () => {
    expectRefused(cli("schema", "--write", "/dev/null"), "/dev/null");
    expectRefused(cli(...RUN, "--out", "/proc/1/x"), "/proc");
  });

  it("schema --write refuses to replace a scenario or a folder, and rewrites its own schema", () => {
    const scenario = path.join(tmp, "baseline.yaml");
    copyFileSync(path.join(root, "scenarios/baseline.yaml"), scenario);
    const before = readFileSync(scenario, "utf8");
    expectRefused(cli("schema", "--write", scenario), "was not written by targetcast");
    expect(readFileSync(scenario, "utf8")).toBe(before);
    expectRefused(cli("schema", "--write", tmp), "this is a folder");
    const own = path.join(tmp, "scenario.schema.json");
    expect(cli("schema", "--write", own).status).toBe(0);
    expect(cli("schema", "--write", own).status).toBe(0);
  });

  it("reports a full standard output as an error, not a stack trace", () => {
    const r = spawnSync("sh", ["-c", "node dist/cli/main.js targets > /dev/full"], { cwd: root, encoding: "utf8" });
    expectRefused({ status: r.status, stderr: r.stderr }, "standard output");
  });
});

describe("CSV cells (csvCell)", async () => {
  const { csvCell } = await import("../../src/report/riskCsv.js");
  it("neutralises text that a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell("R&D, 研发")).toBe('"R&D, 研发"');
    expect(csvCell(NaN)).toBe("");
  });
});

describe("default files given explicitly", () => {
  it("--data and --targets naming the configured files use the configured dictionary (was: gdp_real has no observed values)", () => {
    const r = cli(
      "run",
      "--paths",
      "100",
      "--format",
      "csv",
      "--data",
      "data/baseline/haizhou.csv",
      "--targets",
      "data/targets/haizhou-2015.csv",
      "--out",
      path.join(tmp, "explicit"),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^scenario,target,/);
  });
});
