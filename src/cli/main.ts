#!/usr/bin/env node
/**
 * The `targetcast` command. Exit codes: 0 success, 1 bad input (a clear message naming the
 * file, the place and the fix; never a stack trace), 2 wrong usage.
 */
import { InputError } from "../data/errors.js";
import { installSignalHandlers } from "../project/interrupt.js";
import { EXIT, UsageError } from "../project/usage.js";

const HELP = `targetcast — project plan targets under scenarios and flag which are at risk

Usage:
  targetcast run [SCENARIO.yaml ...] [options]   projection, P(met) and risk table
  targetcast brief [SCENARIO.yaml ...]           HTML briefing and charts (SVG, PNG, Vega-Lite)
  targetcast chart --target ID --out FILE        one target's chart for a slide, A4 or square
  targetcast allocate [SCENARIO] --budget N      best split of an S&T budget across programmes
  targetcast compare A.yaml B.yaml [...]         what differs between scenarios, what it changes, and why
  targetcast forecast --indicator ID [options]   the calibrated trend forecast of one indicator
  targetcast evaluate FILE [options]             score the forecasts on series with known outcomes
  targetcast targets [options]                   print the target catalogue
  targetcast schema [--write FILE]               JSON Schema of scenario files
  targetcast init [DIR]                          write a ready example project into DIR
  targetcast batch MANIFEST [options]            run many regions (--shard i/N, --threads)
  targetcast <command> --help                    options of a command
  targetcast --version                           the version (also -V)
`;

/**
 * Each command's module is loaded only when it runs, so a quick command (targets, --help) does
 * not pay for the chart renderer, the browser driver or the forecasting models.
 */
type Command = (argv: string[]) => Promise<number>;
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import("./run.js")).runCommand,
  brief: async () => (await import("./brief.js")).briefCommand,
  chart: async () => (await import("./chart.js")).chartCommand,
  allocate: async () => (await import("./allocate.js")).allocateCommand,
  compare: async () => (await import("./compare.js")).compareCommand,
  forecast: async () => (await import("./forecast.js")).forecastCommand,
  evaluate: async () => (await import("./evaluate.js")).evaluateCommand,
  targets: async () => (await import("./targets.js")).targetsCommand,
  schema: async () => (await import("./schema.js")).schemaCommand,
  init: async () => (await import("./init.js")).initCommand,
  batch: async () => (await import("./batch.js")).batchCommand,
};

/** System errors on files that are the user's to fix, not targetcast bugs. */
const FILE_ERRORS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "this is a folder, not a file",
  ENOENT: "no such file or folder",
  EEXIST: "it already exists",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the path is too long",
  EXDEV: "it is on another file system",
};

/**
 * `--paths -5` → `--paths=-5`: node's parser reads a value starting with "-" as another option
 * and says only "argument is ambiguous"; joined, the option's own check says what it accepts.
 */
export function negativeValuesJoined(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    if (/^--[a-z][a-z-]*$/.test(a) && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === "--version" || command === "-V") {
    process.stdout.write(`${(await import("../project/version.js")).TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  const handler = COMMANDS[command];
  try {
    if (!handler) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(", ")}`);
    return await (await handler())(negativeValuesJoined(rest));
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT.badInput;
    }
    const sys = e as NodeJS.ErrnoException;
    if (sys.syscall && sys.code && FILE_ERRORS[sys.code]) {
      // A file the command reads or writes failed at the system level (full disk, no permission, …).
      process.stderr.write(
        `error: ${sys.path ?? "a file"}: ${FILE_ERRORS[sys.code]} (${sys.code}). Fix: free space, fix the permissions or choose another path.\n`,
      );
      return EXIT.badInput;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(
        `usage error: ${(e as Error).message}\nRun \`targetcast ${command in COMMANDS ? command + " " : ""}--help\` for the options.\n`,
      );
      return EXIT.usage;
    }
    throw e;
  }
}

// `targetcast run | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  // e.g. `targetcast targets > /dev/full`
  process.stderr.write(
    `error: cannot write to standard output (${e.code ?? e.message}). Fix: redirect the output to a file on a disk with free space.\n`,
  );
  process.exit(EXIT.badInput);
});

// Ctrl-C and SIGTERM: discard outputs not yet committed, exit 130 / 143 at once (src/project/interrupt.ts).
installSignalHandlers();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `internal error (a bug in targetcast, please report it): ${e instanceof Error ? e.stack : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
