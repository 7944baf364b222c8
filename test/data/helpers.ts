import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { InputError } from "../../src/data/errors.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

/** Path of a fixture, relative to the project root (vitest runs there), as a user would type it. */
export function fixture(name: string): string {
  return relative(process.cwd(), join(root, "test", "fixtures", "data", name));
}

export function projectFile(...parts: string[]): string {
  return relative(process.cwd(), join(root, ...parts));
}

/**
 * Await `promise`, which must reject with an InputError located at `where`; returns the error.
 * Checks both the fields and that the message itself names file, line and column and has a fix.
 */
export async function expectInputError(
  promise: Promise<unknown>,
  where: { file: string; line?: number; column?: string; sheet?: string },
): Promise<InputError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, "expected the call to throw").toBeInstanceOf(InputError);
  const err = caught as InputError;
  expect(err.file).toBe(where.file);
  expect(err.message).toContain(basename(where.file));
  expect(err.message.startsWith(where.file)).toBe(true);
  if (where.line !== undefined) {
    expect(err.line).toBe(where.line);
    expect(err.message).toContain(where.sheet !== undefined ? `row ${where.line}` : `${where.file}:${where.line}`);
  }
  if (where.sheet !== undefined) {
    expect(err.sheet).toBe(where.sheet);
    expect(err.message).toContain(`sheet "${where.sheet}"`);
  }
  if (where.column !== undefined) {
    expect(err.column).toBe(where.column);
    expect(err.message).toContain(`column "${where.column}"`);
  }
  expect(err.message).toMatch(/\. Fix: \S.*\.$/s);
  expect(err.fix.length).toBeGreaterThan(10);
  return err;
}

/** Bytes and mtime of a file, to show a loader did not touch it. */
export function snapshot(path: string): { bytes: Buffer; mtimeMs: number; size: number } {
  const st = statSync(path);
  return { bytes: readFileSync(path), mtimeMs: st.mtimeMs, size: st.size };
}
