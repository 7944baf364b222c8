/** targetcast's version, read once from its package.json (two folders above this file in src/ and in dist/). */
import { readFileSync } from "node:fs";

export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
