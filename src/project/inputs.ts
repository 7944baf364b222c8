/**
 * Finds and loads what a command works on: the target catalogue, the baseline data and,
 * when there is one, the indicator dictionary. Defaults come from `targetcast.config.json`
 * in the working folder (the project ships one pointing at its bundled example), so no
 * region is named in the code and a command run from the project folder needs no flags.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { didYouMeanSuffix } from "../data/didYouMean.js";
import { InputError } from "../data/errors.js";
import { loadBaseline, loadIndicatorDictionary, loadTargets } from "../data/index.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import { UsageError } from "./usage.js";

export const CONFIG_FILE = "targetcast.config.json";

export interface Defaults {
  data?: string;
  targets?: string;
  indicators?: string;
  scenarios: string;
}

/** Defaults from targetcast.config.json in the working folder, when there is one. */
export function loadDefaults(dir = process.cwd()): Defaults {
  const file = path.join(dir, CONFIG_FILE);
  if (!existsSync(file)) return { scenarios: "scenarios" };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError({
      file: CONFIG_FILE,
      problem: `not valid JSON (${(e as Error).message})`,
      fix: "fix the JSON or delete the file",
    });
  }
  checkConfig(raw, path.relative(process.cwd(), file) || CONFIG_FILE);
  const config = raw;
  const str = (k: string) => (typeof config[k] === "string" ? (config[k] as string) : undefined);
  return {
    data: str("data"),
    targets: str("targets"),
    indicators: str("indicators"),
    scenarios: str("scenarios") ?? "scenarios",
  };
}

/** The keys a targetcast.config.json may hold (each a path, relative to the file's folder). */
const CONFIG_KEYS = ["data", "targets", "indicators", "scenarios"] as const;
const CONFIG_EXAMPLE = {
  data: "data/baseline.csv",
  targets: "data/targets.csv",
  indicators: "data/indicators.csv",
  scenarios: "scenarios",
} as const;

/**
 * A config that is not an object, has an unknown key ("target") or a value that is not a path is
 * refused: ignored silently, it would make every command say there is no config at all.
 */
function checkConfig(raw: unknown, file: string): asserts raw is Record<string, unknown> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw new InputError({
      file,
      problem: "the file must hold one JSON object",
      fix: `write ${JSON.stringify(CONFIG_EXAMPLE).replaceAll(",", ", ")} (paths relative to this file)`,
    });
  for (const [key, value] of Object.entries(raw)) {
    if (key === "$comment") continue;
    if (!(CONFIG_KEYS as readonly string[]).includes(key))
      throw new InputError({
        file,
        problem: `unknown key "${key}"${didYouMeanSuffix(key, [...CONFIG_KEYS])}`,
        fix: `use only ${CONFIG_KEYS.join(", ")} (and $comment)`,
      });
    if (typeof value !== "string" || value.trim() === "")
      throw new InputError({
        file,
        problem: `"${key}" is ${JSON.stringify(value)}, not a path`,
        fix: `write the path of the ${key === "scenarios" ? "scenario folder" : "file"} as a string, e.g. "${CONFIG_EXAMPLE[key as (typeof CONFIG_KEYS)[number]]}"`,
      });
  }
}

/** Command-line options shared by the commands that load inputs and run the Monte Carlo. */
export const INPUT_OPTIONS = {
  data: { type: "string" },
  targets: { type: "string" },
  indicators: { type: "string" },
  sheet: { type: "string" },
  "allow-outside": { type: "boolean" },
  paths: { type: "string" },
  seed: { type: "string" },
} as const;

export interface Inputs {
  catalogue: TargetCatalogue;
  baseline: Baseline;
  dictionary?: Map<string, IndicatorDef>;
  /** Things to tell the user that are not warnings (which worksheet of a workbook was read). */
  notes: string[];
}

export async function loadInputs(opts: {
  data?: string;
  targets?: string;
  indicators?: string;
  /** For .xlsx inputs: the worksheet to read (default: the first visible one). */
  sheet?: string;
}): Promise<Inputs> {
  const defaults = loadDefaults();
  // The default data, catalogue and dictionary belong together: never mix one with another region's file.
  if ((opts.data === undefined) !== (opts.targets === undefined)) {
    throw new UsageError(
      "give --data and --targets together (the default files belong to one region and do not mix with others)",
    );
  }
  const custom = opts.data !== undefined;
  const targetsFile = opts.targets ?? defaults.targets;
  const dataFile = opts.data ?? defaults.data;
  if (!targetsFile || !dataFile)
    throw new UsageError(`no default inputs here (no ${CONFIG_FILE}): give --data and --targets`);
  const sheet = opts.sheet !== undefined ? { sheet: opts.sheet } : {};
  const catalogue = await loadTargets(targetsFile, sheet);
  // The configured dictionary also serves custom files that are the configured ones (given explicitly).
  const same = (a: string | undefined, b: string | undefined) =>
    !!a && !!b && existsSync(a) && existsSync(b) && realpathSync(a) === realpathSync(b);
  const defaultsGiven = custom && same(opts.data, defaults.data) && same(opts.targets, defaults.targets);
  const dictFile =
    opts.indicators ??
    ((!custom || defaultsGiven) && defaults.indicators && existsSync(defaults.indicators)
      ? defaults.indicators
      : undefined);
  const dictionary = dictFile ? await loadIndicatorDictionary(dictFile, sheet) : undefined;
  const baseline = await loadBaseline(dataFile, { catalogue, ...(dictionary ? { dictionary } : {}), ...sheet });
  const notes = [
    sheetNote(catalogue.file, catalogue.targets[0]?.place.sheet, opts.sheet),
    sheetNote(baseline.file, baseline.observations[0]?.place.sheet, opts.sheet),
  ].filter((n): n is string => n !== undefined);
  return { catalogue, baseline, ...(dictionary ? { dictionary } : {}), notes };
}

/** "data.xlsx: read worksheet "Data" (the first visible one; --sheet NAME reads another)". */
function sheetNote(file: string, sheet: string | undefined, asked: string | undefined): string | undefined {
  if (sheet === undefined) return undefined;
  return `${file}: read worksheet "${sheet}"${asked === undefined ? " (the first visible one; --sheet NAME reads another)" : ""}`;
}

/** The input files a command reads, from its options and the configured defaults (for output checks and manifests). */
export function inputFiles(
  opts: { data?: string; targets?: string; indicators?: string },
  scenarios: string[] = [],
): string[] {
  const d = loadDefaults();
  return [opts.data ?? d.data, opts.targets ?? d.targets, opts.indicators ?? d.indicators, ...scenarios].filter(
    (f): f is string => !!f,
  );
}

/** Every scenario file in a folder, sorted, baseline first. */
export async function bundledScenarios(dir = loadDefaults().scenarios): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const configured = existsSync(CONFIG_FILE);
    throw new InputError({
      file: configured ? CONFIG_FILE : dir,
      problem: `${configured ? `"scenarios" names ${JSON.stringify(dir)}, which` : "the scenarios folder"} ${code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : `cannot be read (${code})`}`,
      fix: configured
        ? `point "scenarios" at the folder of your scenario files, or give the scenario files on the command line`
        : "give the scenario files on the command line, or --data and --targets for a trend-only run",
    });
  }
  const files = names.filter((f) => /\.ya?ml$/i.test(f)).sort();
  files.sort((a, b) => Number(b.startsWith("baseline")) - Number(a.startsWith("baseline")));
  return files.map((f) => path.join(dir, f));
}

/** The SHA-256 of each input file, as results.json records them. */
export async function inputDigests(files: string[]): Promise<{ file: string; sha256: string }[]> {
  return Promise.all(
    files.map(async (file) => ({
      file,
      sha256: createHash("sha256")
        .update(await readFile(file))
        .digest("hex"),
    })),
  );
}
