/**
 * Reads a scenario YAML file, follows `extends`, validates the merged result and reports
 * any problem as an InputError naming the file, the line and the field, with a fix.
 */
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import type { z } from "zod";
import { decodeBytes } from "../data/decode.js";
import { didYouMean } from "../data/didYouMean.js";
import { InputError } from "../data/errors.js";
import { centralValue, type Param } from "../stats/param.js";
import { BILINGUAL_TEXT_FIX, BILINGUAL_TEXT_PROBLEM } from "./bilingualText.js";
import { mergeScenario } from "./merge.js";
import { KNOWN_KEYS, RATE_WARNING, Scenario } from "./schema.js";

/** A scenario field that loads but looks wrong: a growth rate above RATE_WARNING, probably a percent written as a number. */
export interface ScenarioWarning {
  code: "rate_looks_like_percent";
  /** The file (of the `extends` chain) and line that write the field. */
  file: string;
  line?: number;
  /** The field, e.g. "indicators.rd_personnel.growth", and its central value (10 for 1,000% a year). */
  path: string;
  value: number;
}

/** A scenario read from YAML with its `extends` chain resolved, and the warnings found. */
export interface LoadedScenario {
  /** The file as given (relative paths stay relative, for messages and reports). */
  file: string;
  /** Files in the `extends` chain, the root ancestor first. */
  chain: string[];
  scenario: Scenario;
  /** Things that load but look wrong (e.g. a growth rate of 10, probably meant as 10%), as codes; words: src/report/inputWarnings.ts. */
  warnings: ScenarioWarning[];
  /** The file and line that write a field (the most derived file in the chain that has it), for messages. */
  locate(at: PropertyKey[]): { file: string; line?: number };
}

/** Options of loadScenario. */
export interface LoadScenarioOptions {
  /** Let `extends` name a file outside the scenario's own folder tree. */
  allowOutside?: boolean;
}

/** Files `extends` may name: scenario YAML only, so a system file is never parsed (nor its keys echoed). */
const SCENARIO_EXTENSION = /\.ya?ml$/i;

interface ParsedFile {
  file: string;
  raw: Record<string, unknown>;
  doc: ReturnType<typeof parseDocument>;
  lines: LineCounter;
}

/** Alias references a scenario may use (a "billion laughs" file expands exponentially). */
const MAX_ALIASES = 100;

async function parseYamlFile(file: string): Promise<ParsedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError({
      file,
      problem: code === "ENOENT" ? "scenario file not found" : `cannot read the scenario file (${code ?? String(e)})`,
      fix: "check the path; scenario files live in scenarios/ and `extends` paths are relative to the file that names them",
    });
  }
  // The same detection as for CSV files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030.
  const text = decodeBytes(bytes, file).text;
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lines.linePos(firstError.pos[0]).line;
    throw new InputError({
      file,
      ...(line !== undefined ? { line } : {}),
      problem: `not valid YAML: ${firstError.message.split("\n")[0]}`,
      fix:
        firstError.code === "DUPLICATE_KEY"
          ? "write each key once in a mapping: delete or merge the repeated one"
          : "check the indentation (spaces, not tabs) and that every `key: value` pair is on its own line",
    });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new InputError({
      file,
      problem: `the YAML expands too far (${(e as Error).message}); more than ${MAX_ALIASES} alias references`,
      fix: "write the values out instead of chaining YAML aliases (*name)",
    });
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError({
      file,
      line: 1,
      problem: "a scenario must be a YAML mapping of keys to values",
      fix: "start from scenarios/baseline.yaml",
    });
  }
  return { file, raw: raw as Record<string, unknown>, doc, lines };
}

/** Line of the YAML node at `at` in a file, or of its nearest existing parent. */
function lineOf(p: ParsedFile, at: PropertyKey[]): number | undefined {
  for (let n = at.length; n >= 0; n--) {
    const node = p.doc.getIn(at.slice(0, n) as unknown[], true) as YamlNode | undefined;
    if (node && typeof node === "object" && "range" in node && node.range) {
      return p.lines.linePos(node.range[0]).line;
    }
  }
  return undefined;
}

/** Line of the key `key` inside the mapping at `at` (for unknown keys: point at the key itself). */
function lineOfKey(p: ParsedFile, at: PropertyKey[], key: string): number | undefined {
  const map = p.doc.getIn(at as unknown[], true);
  if (isMap(map)) {
    for (const pair of map.items) {
      const k = pair.key as YamlNode | null;
      if (k && typeof k === "object" && "value" in k && String((k as { value: unknown }).value) === key && k.range) {
        return p.lines.linePos(k.range[0]).line;
      }
    }
  }
  return lineOf(p, at);
}

function hasPath(raw: unknown, at: PropertyKey[]): boolean {
  let cur: unknown = raw;
  for (const k of at) {
    if (cur === null || typeof cur !== "object" || !(k in (cur as object))) return false;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return true;
}

function knownKeysAt(at: PropertyKey[]): readonly string[] {
  if (at.length === 0) return KNOWN_KEYS.top;
  // A description or note in two languages (src/scenario/bilingualText.ts) has the keys of a name.
  if (["description", "note"].includes(String(at[at.length - 1]))) return KNOWN_KEYS.name;
  if (at[0] === "indicators") {
    if (at.length === 2) return KNOWN_KEYS.indicator;
    const k = String(at[2]);
    if (at.length === 3 && k in KNOWN_KEYS) return KNOWN_KEYS[k as keyof typeof KNOWN_KEYS];
    return KNOWN_KEYS.distribution;
  }
  if (at[0] === "programmes") {
    if (at.length === 2) return KNOWN_KEYS.programme;
    if (at.length === 3 && at[2] === "name") return KNOWN_KEYS.name;
    if (at.length === 4 && at[2] === "effects") return KNOWN_KEYS.effect;
    return KNOWN_KEYS.distribution;
  }
  const k = String(at[0]);
  return k in KNOWN_KEYS ? KNOWN_KEYS[k as keyof typeof KNOWN_KEYS] : [];
}

function issueToError(issue: z.core.$ZodIssue, files: ParsedFile[]): InputError {
  const at = issue.path;
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const located = unknownKey === undefined ? at : [...at, unknownKey];
  // Report the most derived file that writes this field (a variant overrides its parent).
  const owner = [...files].reverse().find((f) => hasPath(f.raw, located)) ?? files[files.length - 1];
  const line = unknownKey === undefined ? lineOf(owner, at) : lineOfKey(owner, at, unknownKey);
  const field = at.length ? at.map(String).join(".") : "(top level)";
  let problem = `${field}: ${issue.message}`;
  let fix = "see scenarios/README.md and scenarios/baseline.yaml for the format";
  if (issue.code === "unrecognized_keys") {
    const key = unknownKey!;
    const hint = didYouMean(key, [...knownKeysAt(at)]);
    problem = `${at.length ? field + ": " : ""}unknown key "${key}"`;
    fix = hint ? `did you mean "${hint}"?` : `allowed keys here: ${knownKeysAt(at).join(", ")}`;
  } else if (issue.code === "custom" && typeof issue.params?.fix === "string") {
    fix = issue.params.fix;
  } else if (issue.code === "invalid_type") {
    fix = `write ${issue.expected === "number" ? "a plain number" : `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`} for ${field}`;
  } else if (issue.code === "invalid_union" && issue.message === BILINGUAL_TEXT_PROBLEM) {
    fix = BILINGUAL_TEXT_FIX;
  } else if (issue.code === "invalid_union") {
    problem = `${field}: expected a number or a distribution such as { dist: normal, mean: 0.08, sd: 0.02 }`;
    fix =
      "distributions: normal (mean, sd), triangular (min, mode, max), uniform (min, max), lognormal (median, sigma)";
  }
  return new InputError({ file: owner.file, ...(line !== undefined ? { line } : {}), problem, fix });
}

/** Real path, or the absolute path when the file does not exist (the reader then says so). */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Load, follow `extends` (detecting cycles), merge and validate a scenario file. `extends` must
 * name a .yaml/.yml file inside the scenario's own folder tree (links resolved), unless
 * `allowOutside` is given.
 */
export async function loadScenario(file: string, opts: LoadScenarioOptions = {}): Promise<LoadedScenario> {
  const files: ParsedFile[] = [];
  const seen: string[] = [];
  const root = path.dirname(real(file));
  let next: string | undefined = file;
  while (next) {
    const resolved = path.resolve(next);
    const child0 = files[0];
    if (child0) {
      const where = { file: child0.file, ...optionalLine(lineOf(child0, ["extends"])) };
      if (!SCENARIO_EXTENSION.test(next))
        throw new InputError({
          ...where,
          problem: `extends: "${next}" is not a scenario file (.yaml or .yml)`,
          fix: "name a scenario file, e.g. `extends: baseline.yaml`",
        });
      const target = real(next);
      if (!opts.allowOutside && target !== root && !target.startsWith(root + path.sep))
        throw new InputError({
          ...where,
          problem: `extends: "${next}" is outside the scenario's folder (${root})`,
          fix: "copy the parent scenario into this folder (or one below it), or add --allow-outside to allow it",
        });
    }
    if (seen.includes(resolved)) {
      throw new InputError({
        file: files[files.length - 1].file,
        line: lineOf(files[files.length - 1], ["extends"]) ?? 1,
        problem: `extends cycle: ${[...[...files].reverse().map((f) => f.file), next].join(" → ")}`,
        fix: "make the chain of `extends` end at a scenario that extends nothing (usually baseline.yaml)",
      });
    }
    seen.push(resolved);
    const child = files[0];
    let parsed: ParsedFile;
    try {
      parsed = await parseYamlFile(next);
    } catch (e) {
      if (!child || !(e instanceof InputError) || e.line !== undefined) throw e;
      throw new InputError({
        file: child.file,
        line: lineOf(child, ["extends"]),
        problem: `extends: ${e.problem} (${next})`,
        fix: "check the file name; `extends` paths are relative to the file that names them",
      });
    }
    files.unshift(parsed);
    const parent: unknown = parsed.raw.extends;
    if (parent !== undefined && typeof parent !== "string") {
      throw new InputError({
        file: next,
        line: lineOf(parsed, ["extends"]),
        problem: "extends: expected a file name",
        fix: "write e.g. `extends: baseline.yaml`",
      });
    }
    // Relative to the file that names it; an absolute path is taken as it is.
    next = parent === undefined ? undefined : path.isAbsolute(parent) ? parent : path.join(path.dirname(next), parent);
  }
  const merged = files.map((f) => f.raw).reduce((parent, child) => mergeScenario(parent, child));
  delete merged.extends;
  const result = Scenario.safeParse(merged);
  if (!result.success) throw issueToError(result.error.issues[0], files);
  const locate = (at: PropertyKey[]) => {
    const owner = [...files].reverse().find((f) => hasPath(f.raw, at)) ?? files[files.length - 1];
    return { file: owner.file, ...optionalLine(lineOf(owner, at)) };
  };
  return {
    file,
    chain: files.map((f) => f.file),
    scenario: result.data,
    warnings: rateWarnings(result.data, files),
    locate,
  };
}

function optionalLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** Growth rates above RATE_WARNING (100% a year): probably a percent written as a number. */
function rateWarnings(scenario: Scenario, files: ParsedFile[]): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  for (const [id, spec] of Object.entries(scenario.indicators ?? {})) {
    const rates: [string[], unknown][] = [
      [["indicators", id, "growth"], (spec as { growth?: unknown }).growth],
      [
        ["indicators", id, "leveraged", "own_growth"],
        (spec as { leveraged?: { own_growth?: unknown } }).leveraged?.own_growth,
      ],
    ];
    for (const [where, rate] of rates) {
      if (rate === undefined) continue;
      const g = centralValue(rate as Param);
      if (g > RATE_WARNING) {
        const owner = [...files].reverse().find((f) => lineOf(f, where) !== undefined) ?? files[files.length - 1];
        out.push({
          code: "rate_looks_like_percent",
          file: owner.file,
          ...optionalLine(lineOf(owner, where)),
          path: where.join("."),
          value: g,
        });
      }
    }
  }
  return out;
}
