/**
 * The built command line (dist/cli/main.js): exit codes 0 / 1 / 2 as documented in
 * src/cli/main.ts, the JSON results, the files written, and input files left untouched.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
const main = join(root, "dist", "cli", "main.js");
let out: string;

function cli(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync("node", [main, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
}

/** sha256 of every file under the given folders, by path relative to the project. */
function hashes(...dirs: string[]): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else m.set(relative(root, p), createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  for (const d of dirs) walk(join(root, d));
  return m;
}

beforeAll(() => {
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8", timeout: 180_000 });
  // tsc emits even with type errors elsewhere in the tree (others edit src/ concurrently); what the
  // tests need is an up-to-date dist/cli/main.js, so report a failed build but do not abort on it.
  if (build.status !== 0) console.warn(`npm run build exited ${build.status}:\n${build.stdout}\n${build.stderr}`);
  out = mkdtempSync(join(tmpdir(), "targetcast-cli-"));
}, 200_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe("targetcast CLI", () => {
  it("is built", () => {
    expect(existsSync(main), `${main} missing: run npm run build`).toBe(true);
  });

  it("run --help → 0, help on stdout", () => {
    const r = cli("run", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("targetcast run [SCENARIO.yaml ...] [options]");
    expect(r.stdout).toContain("--format F");
  });

  it("an unknown flag → 2, a usage error without a stack trace", () => {
    const r = cli("run", "--no-such-flag");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage error");
    expect(r.stderr).toContain("--no-such-flag");
    expect(r.stderr).not.toContain("    at ");
  });

  it("--format xml → 2", () => {
    const r = cli("run", "--format", "xml", "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format must be table, json or csv, not "xml"');
    expect(r.stderr).not.toContain("    at ");
  });

  it("a bad scenario file → 1, a message naming file, line and fix, no stack trace", () => {
    const bad = "test/fixtures/scenarios/unknown-key.yaml";
    const r = cli("run", bad, "--paths", "50", "--out", join(out, "bad"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${bad}:8: indicators.gdp: unknown key "growht"`);
    expect(r.stderr).toContain('did you mean "growth"');
    expect(r.stderr).not.toContain("    at ");
    expect(r.stdout).toBe("");
    expect(existsSync(join(out, "bad", "results.json"))).toBe(false);
  });

  it("run --format json --paths 200 --out DIR → 0, the documented JSON, results.json and risk.csv; inputs untouched", () => {
    const before = hashes("data", "scenarios");
    const r = cli("run", "--format", "json", "--paths", "200", "--out", out);
    expect(r.stderr).not.toContain("    at ");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(Array.isArray(doc)).toBe(true);
    expect(doc.map((s) => s.scenario)).toEqual([
      "baseline",
      "accelerated-investment",
      "fiscal-squeeze",
      "patent-pipeline-stress",
    ]);
    for (const s of doc) {
      expect(s.paths).toBe(200);
      expect(typeof s.seed).toBe("number");
      const targets = s.targets as Array<Record<string, unknown>>;
      expect(targets.length).toBe(43);
      for (const t of targets) {
        for (const k of [
          "id",
          "status",
          "pMet",
          "median",
          "p10",
          "p90",
          "value",
          "comparator",
          "cagrRatio",
          "progressShare",
        ]) {
          expect(t, `${s.scenario} target ${String(t.id)}`).toHaveProperty(k);
        }
        expect(typeof t.id).toBe("string");
        expect(
          t.nature === "commitment"
            ? ["commitment_adopted", "commitment_not_adopted"]
            : ["already_met", "on_track", "at_risk", "off_track", "not_assessed"],
        ).toContain(t.status);
        if (t.pMet !== null) {
          expect(t.pMet as number).toBeGreaterThanOrEqual(0);
          expect(t.pMet as number).toBeLessThanOrEqual(1);
        }
      }
      const series = s.series as Array<Record<string, unknown>>;
      expect(series.length).toBeGreaterThan(0);
      for (const row of series) {
        expect(typeof row.indicator).toBe("string");
        expect(Number.isInteger(row.year)).toBe(true);
        const q = ["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"].map((k) => row[k]);
        for (const v of q) expect(typeof v, `${String(row.indicator)} ${String(row.year)}`).toBe("number");
        const [, p5, p10, p25, p50, p75, p90, p95] = q as number[];
        expect([p5, p10, p25, p50, p75, p90, p95]).toEqual(
          [p5, p10, p25, p50, p75, p90, p95].slice().sort((a, b) => a - b),
        );
      }
    }
    expect(existsSync(join(out, "results.json"))).toBe(true);
    expect(existsSync(join(out, "risk.csv"))).toBe(true);
    const file = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { tool: string; scenarios: unknown[] };
    expect(file.tool).toBe("targetcast");
    expect(file.scenarios).toEqual(doc);
    const csv = readFileSync(join(out, "risk.csv"), "utf8").trimEnd().split("\n");
    expect(csv[0].startsWith("\uFEFFscenario,target,")).toBe(true); // UTF-8 BOM for Excel
    expect(csv.length).toBe(1 + 4 * 43);
    expect(hashes("data", "scenarios")).toEqual(before);
  });
});
