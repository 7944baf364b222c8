/** `targetcast init [DIR]`: write a ready example project that `cd DIR && npx targetcast run` runs. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../data/errors.js";
import { exampleFiles, packageRoot } from "../project/example.js";
import { checkOutputDir } from "../project/outputs.js";
import { UsageError } from "../project/usage.js";
import { writeFileAtomic } from "../report/atomicWrite.js";

export const INIT_HELP = `targetcast init [DIR] [options]

Writes a ready example project into DIR (default: the current folder): targetcast.config.json,
the bundled region's baseline, target catalogue and indicator dictionary (data/; the baseline
figures are illustrative), its scenarios (scenarios/), the notebooks (notebooks/) and the
further examples (examples/: the national example and the synthetic regions of the batch
example). Then:

  cd DIR && npx targetcast run

DIR must be empty or absent; an existing file is never replaced without --force.

Options:
  --force      write into a folder that is not empty, replacing files of the same name
  -h, --help   this help
`;

export async function initCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`give one folder, not ${positionals.length}`);
  const dir = positionals[0] ?? ".";
  const force = values.force === true;
  const root = packageRoot();
  const files = exampleFiles(root);

  const exists = existsSync(dir);
  if (exists && statSync(dir).isDirectory() && readdirSync(dir).length > 0 && !force) {
    throw new InputError({
      file: dir,
      problem: "the folder is not empty",
      fix: "choose a new or empty folder, or add --force to write the example files into it (files of the same name are replaced)",
    });
  }
  // Every output passes the guard before anything is written (a file where a folder is expected, a device, …).
  checkOutputDir(dir, files, { inputs: files.map((f) => path.join(root, f)), force });

  const empty = !exists || readdirSync(dir).length === 0;
  // Into a new or empty folder: write a staging folder beside it, then rename, so an interrupted init leaves nothing.
  const target = path.resolve(dir);
  const stage = empty ? path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.init.tmp`) : target;
  try {
    for (const f of files) await writeFileAtomic(path.join(stage, f), readFileSync(path.join(root, f)));
    if (empty) {
      if (exists) await rmdir(target);
      await rename(stage, target);
    }
  } catch (e) {
    if (empty) await rm(stage, { recursive: true, force: true });
    throw e;
  }
  const cd = dir.replace(/\/+$/, "") || ".";
  process.stdout.write(
    `Wrote an example project (${files.length} files) to ${cd}/. Its baseline figures are illustrative, not official statistics.\n` +
      `Next: ${cd === "." ? "" : `cd ${cd} && `}npx targetcast run\n`,
  );
  return 0;
}
