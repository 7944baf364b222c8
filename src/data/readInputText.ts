/** Reading a whole input file as UTF-8 text, with a clear error (file, problem, fix) when it cannot be read. */
import { readFile } from "node:fs/promises";
import { InputError } from "./errors.js";

/** The text of `file`; a missing or unreadable file is an InputError naming it and `fix`. */
export async function readInputText(file: string, fix: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    throw new InputError({
      file,
      problem: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      fix,
      cause: e,
    });
  }
}
