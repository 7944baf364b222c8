/**
 * Run the built CLI without blocking the test worker (a long spawnSync starves vitest's RPC and
 * fails the run with "Timeout calling onTaskUpdate").
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export function cliAsync(
  args: string[],
  timeout = 300_000,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", ["dist/cli/main.js", ...args], { cwd: root, encoding: "utf8", timeout }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}
