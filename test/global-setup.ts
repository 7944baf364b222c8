/**
 * Builds dist/ once before any test file runs: the CLI tests, the worker-thread tests and the
 * notebooks run the compiled files. tsc emits even when a type error is reported (the typecheck
 * step of `npm test` reports those), so a failed build is only a warning here.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, encoding: "utf8", timeout: 300_000 });
  if (build.status !== 0) console.warn(`npm run build exited ${build.status}:\n${build.stdout}\n${build.stderr}`);
}
