/**
 * The `--lang` option of every command that prints or writes words for people (run, brief, chart,
 * allocate, compare, targets, forecast): one definition, one parser, one line of help.
 * Default "both" (Chinese first, then English), what every command printed before the option existed.
 */
import { DEFAULT_LANG, type Lang } from "../charts/labels.js";
import { UsageError } from "../project/usage.js";

const LANGS: readonly Lang[] = ["zh", "en", "both"];

/** The option for node:util parseArgs. */
export const LANG_OPTION = { lang: { type: "string" } } as const;

/** The line of each command's --help that documents it, its text starting at `column` (as the other options). */
export function langHelp(column = 22): string {
  return `${"  --lang L".padEnd(column)}zh | en | both: the language of every word printed or written [${DEFAULT_LANG}]`;
}

/** The language asked for, or the default; anything else is a usage error (exit 2). */
export function langOption(values: { lang?: unknown }): Lang {
  const v = values.lang;
  if (v === undefined) return DEFAULT_LANG;
  if (typeof v === "string" && (LANGS as readonly string[]).includes(v)) return v as Lang;
  throw new UsageError(`--lang must be zh, en or both, not "${String(v)}"`);
}
