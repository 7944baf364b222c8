/**
 * The example project that ships inside the package and that `targetcast init` copies: the configuration,
 * the bundled region's inputs (illustrative baseline, catalogue, dictionary), its scenarios, the notebooks
 * and the further examples (the national one and the synthetic regions of the batch example).
 * One list, used by `init` and checked against the package's `files` whitelist by a test.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIG_FILE } from "./inputs.js";

/** Folders copied whole (relative to the package root), beside CONFIG_FILE. */
export const EXAMPLE_FOLDERS = ["data", "scenarios", "notebooks", "examples"] as const;

/** The installed package's root folder (two up from this file, in src/ and in dist/). */
export function packageRoot(): string {
  return fileURLToPath(new URL("../../", import.meta.url));
}

/** Every file of the example project, as paths relative to `root` with "/" separators, sorted. */
export function exampleFiles(root = packageRoot()): string[] {
  const out: string[] = [CONFIG_FILE];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel)).sort()) {
      if (name.startsWith(".")) continue; // .ipynb_checkpoints, editor files, output manifests
      const child = `${rel}/${name}`;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  for (const folder of EXAMPLE_FOLDERS) walk(folder);
  return out.sort();
}
