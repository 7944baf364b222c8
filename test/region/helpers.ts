/**
 * Shared paths and helpers for the region tests: the real national example
 * (examples/china-national/) and the invented three-indicator region Riverton
 * (test/fixtures/region/), run through the CLI and through the library.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, "..", "..");

/** A project file as a user would type it from the project folder (vitest runs there). */
export function projectPath(...parts: string[]): string {
  return relative(process.cwd(), join(ROOT, ...parts)) || ".";
}

export const NATIONAL = {
  data: projectPath("examples", "china-national", "data.csv"),
  dataTo2018: projectPath("examples", "china-national", "data-to-2018.csv"),
  targets: projectPath("examples", "china-national", "targets.csv"),
  indicators: projectPath("examples", "china-national", "indicators.csv"),
  scenario: projectPath("examples", "china-national", "scenario-2018.yaml"),
  readme: projectPath("examples", "china-national", "README.md"),
};

export const RIVERTON = {
  data: projectPath("test", "fixtures", "region", "riverton", "baseline.csv"),
  targets: projectPath("test", "fixtures", "region", "riverton", "targets.csv"),
  indicators: projectPath("test", "fixtures", "region", "riverton", "indicators.csv"),
  scenario: projectPath("test", "fixtures", "region", "riverton", "scenario-startup-push.yaml"),
};

export function malformed(name: string): string {
  return projectPath("test", "fixtures", "region", "malformed", name);
}

/** The shared national series (first-published figures) this example is built from. */
export const SHARED_NATIONAL_CSV = join(ROOT, "test", "fixtures", "shared", "china-national-innovation.csv"); // vendored from ../shared/data/

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `targetcast-region-${prefix}-`));
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (dist/cli/main.js) from the project folder. */
export function cli(args: string[]): CliResult {
  const r = spawnSync("node", ["dist/cli/main.js", ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Minimal shape of one scenario in `--format json` output / results.json. */
export interface JsonScenario {
  scenario: string;
  baseYear: number;
  horizon: number;
  illustrative: boolean;
  dataSource: string;
  assumptions: { indicator: string; mechanism: string; summary: string }[];
  targets: {
    id: string;
    indicator: string;
    status: string;
    pMet: number | null;
    median: number | null;
    p10: number | null;
    p90: number | null;
    baseYear: number | null;
    baseValue: number | null;
    notAssessedBecause: string | null;
  }[];
}

export function byId<T extends { id: string }>(items: T[], id: string): T {
  const t = items.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id} among ${items.map((x) => x.id).join(", ")}`);
  return t;
}

/** A CLI failure for bad input: exit 1, one `error:` line, no stack trace. */
export function isCleanInputError(r: CliResult): boolean {
  return (
    r.status === 1 &&
    r.stderr.startsWith("error: ") &&
    !/\n\s+at .+\(.+:\d+:\d+\)/.test(r.stderr) &&
    !r.stderr.includes("internal error")
  );
}
