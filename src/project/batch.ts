/**
 * Many regions in one run (`targetcast batch`): the manifest that lists them, and the deterministic
 * split of that list into shards.
 *
 * A manifest is either a CSV with the columns `region,folder` (a folder relative to the CSV's own folder),
 * or a folder whose sub-folders holding a targetcast.config.json are the regions (named after them, in
 * name order). Every region folder has its own targetcast.config.json; its paths are relative to it.
 *
 * Shards are contiguous blocks of the manifest's order: shard k of N (1-based) holds the regions
 * ⌊(k−1)·n/N⌋ … ⌊k·n/N⌋−1, so shard sizes differ by at most one and the shards' combined tables,
 * concatenated in shard order, are the whole run's table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "../data/csv.js";
import { decodeBytes } from "../data/decode.js";
import { InputError } from "../data/errors.js";
import { CONFIG_FILE, type Defaults, loadDefaults } from "./inputs.js";
import { UsageError } from "./usage.js";

/** A region name: also its output folder name, so letters, digits, ".", "_" and "-" only. */
const REGION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface Region {
  /** Unique in the manifest; the name of its output folder. */
  name: string;
  /** The region's folder, as a path from the working folder. */
  folder: string;
  /** Where the manifest names it: "regions.csv:3", or the manifest folder. */
  place: string;
}

/** A region's inputs, as paths from the working folder (its config's paths are relative to its folder). */
export interface RegionInputs {
  data: string;
  targets: string;
  indicators?: string;
  /** The scenarios folder, when it exists; none: a trend-only run. */
  scenarios?: string;
}

/** Reads a manifest (a CSV file or a folder of region folders); every region must have a config. */
export function readManifest(manifest: string): Region[] {
  if (!existsSync(manifest))
    throw new InputError({
      file: manifest,
      problem: "no such file or folder",
      fix: "give a CSV with the columns region,folder or a folder of region folders",
    });
  const regions = statSync(manifest).isDirectory() ? regionsOfFolder(manifest) : regionsOfCsv(manifest);
  if (regions.length === 0)
    throw new InputError({
      file: manifest,
      problem: "the manifest lists no region",
      fix: `list region folders, each with its own ${CONFIG_FILE}`,
    });
  const seen = new Map<string, string>();
  for (const r of regions) {
    const first = seen.get(r.name);
    if (first)
      throw new InputError({
        file: r.place,
        problem: `region "${r.name}" is listed twice (first at ${first})`,
        fix: "give every region a unique name",
      });
    seen.set(r.name, r.place);
    if (!existsSync(path.join(r.folder, CONFIG_FILE)))
      throw new InputError({
        file: r.place,
        problem: `the region folder ${r.folder} has no ${CONFIG_FILE}`,
        fix: `write one there naming its data, targets and (optionally) indicators and scenarios, or fix the folder`,
      });
  }
  return regions;
}

function regionsOfFolder(dir: string): Region[] {
  return readdirSync(dir)
    .sort()
    .filter((name) => !name.startsWith(".") && existsSync(path.join(dir, name, CONFIG_FILE)))
    .map((name) => {
      if (!REGION_NAME.test(name))
        throw new InputError({
          file: path.join(dir, name),
          problem: `"${name}" cannot name a region (it names its output folder)`,
          fix: 'rename the folder with letters, digits, ".", "_" and "-" only',
        });
      return { name, folder: path.join(dir, name), place: dir };
    });
}

function regionsOfCsv(file: string): Region[] {
  const table = parseCsv(decodeBytes(readFileSync(file), file).text, file);
  const header = table.header.fields.map((h) => h.trim().toLowerCase());
  const iRegion = header.indexOf("region");
  const iFolder = header.indexOf("folder");
  if (iRegion < 0 || iFolder < 0)
    throw new InputError({
      file,
      line: table.header.line,
      problem: `the header is "${table.header.fields.join(",")}"; it needs the columns region and folder`,
      fix: "write the header region,folder (a folder is relative to this file)",
    });
  const base = path.dirname(file);
  return table.rows.map((row) => {
    const name = row.fields[iRegion].trim();
    const folder = row.fields[iFolder].trim();
    const place = `${file}:${row.line}`;
    if (!REGION_NAME.test(name))
      throw new InputError({
        file,
        line: row.line,
        column: "region",
        problem: `"${name}" cannot name a region (it names its output folder)`,
        fix: 'use letters, digits, ".", "_" and "-" only',
      });
    if (!folder)
      throw new InputError({
        file,
        line: row.line,
        column: "folder",
        problem: "empty",
        fix: "give the region's folder",
      });
    return { name, folder: path.join(base, folder), place };
  });
}

/** The inputs of a region, from its targetcast.config.json. */
export function regionInputs(region: Region): RegionInputs {
  const d: Defaults = loadDefaults(region.folder);
  const config = path.join(region.folder, CONFIG_FILE);
  const at = (p: string) => path.join(region.folder, p);
  if (!d.data || !d.targets)
    throw new InputError({
      file: config,
      problem: 'it names no "data" or no "targets" file',
      fix: 'give both, relative to the region folder, e.g. { "data": "baseline.csv", "targets": "targets.csv" }',
    });
  const scenarios = at(d.scenarios);
  return {
    data: at(d.data),
    targets: at(d.targets),
    ...(d.indicators ? { indicators: at(d.indicators) } : {}),
    ...(existsSync(scenarios) && statSync(scenarios).isDirectory() ? { scenarios } : {}),
  };
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/N" (1 ≤ i ≤ N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index >= 1 && index <= count) || count > 100_000)
    throw new UsageError(`--shard must be i/N with 1 ≤ i ≤ N (e.g. 1/4), not "${text}"`);
  return { index, count };
}

/** The regions of shard `index` of `count`: a contiguous block of the manifest's order (see the file comment). */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  const n = items.length;
  return items.slice(Math.floor(((shard.index - 1) * n) / shard.count), Math.floor((shard.index * n) / shard.count));
}
