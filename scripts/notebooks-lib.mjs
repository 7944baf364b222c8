/**
 * Shared by scripts/notebooks-setup.mjs (`npm run notebooks:setup`) and scripts/notebooks.mjs
 * (`npm run notebooks`): building the library, making it importable from notebooks by its own
 * name, finding Jupyter and writing the tslab kernel spec.
 *
 * How a notebook cell reaches the library: tslab compiles every cell to CommonJS, so
 * `import { runScenario } from "targetcast"` becomes `require("targetcast")`. Node resolves
 * that through the link node_modules/targetcast → the project root, whose package.json points
 * `main`/`types` at dist/ (built by `npm run build`, with declarations, so tslab type-checks the
 * calls). dist/ is ESM; Node ≥ 20.19 loads ESM from `require` without a flag (no top-level
 * await anywhere in the library), and Node 20.17–20.18 does with --experimental-require-module,
 * which the kernel spec then passes. See notebooks/README.md.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const NOTEBOOKS_DIR = path.join(ROOT, "notebooks");
export const OUT_DIR = path.join(ROOT, "out", "notebooks");
export const PACKAGE_NAME = "targetcast";
/** The kernel spec name stored in every notebook's metadata. */
export const KERNEL_NAME = "tslab-targetcast";
export const KERNEL_DISPLAY_NAME = "TypeScript (tslab, targetcast)";
export const BIN_DIR = path.join(ROOT, "node_modules", ".bin");
const TSLAB_BIN = path.join(ROOT, "node_modules", "tslab", "bin", "tslab");
const IS_WINDOWS = process.platform === "win32";

export const JUPYTER_ADVICE = [
  "Jupyter is needed to run the notebooks (nbconvert, nbclient and jupyter_client). Get it with:",
  "  Debian/Ubuntu:  sudo apt-get install jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel",
  "  elsewhere:      pip install jupyterlab",
  "To open the notebooks interactively you also need a front end: JupyterLab (pip install jupyterlab),",
  "the classic Notebook (Debian: sudo apt-get install jupyter-notebook) or VS Code with the Jupyter extension.",
  "If jupyter is installed but not on PATH, set JUPYTER=/path/to/jupyter.",
].join("\n");

/** Environment for child processes: node_modules/.bin and this Node first on PATH. */
export function childEnv(extra = {}) {
  const PATH = [BIN_DIR, path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter);
  return { ...process.env, PATH, ...extra };
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: ROOT, env: childEnv(), encoding: "utf8", ...opts });
}

/** Full path of the `jupyter` command ($JUPYTER, then PATH, then /usr/bin/jupyter), or null. */
export function findJupyter() {
  if (process.env.JUPYTER) return existsSync(process.env.JUPYTER) ? process.env.JUPYTER : null;
  const names = IS_WINDOWS ? ["jupyter.exe", "jupyter.cmd", "jupyter"] : ["jupyter"];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        if (statSync(p).isFile()) return p;
      } catch {
        /* not here */
      }
    }
  }
  return existsSync("/usr/bin/jupyter") ? "/usr/bin/jupyter" : null;
}

/**
 * What of Jupyter is usable: { jupyter, kernelspec, nbconvert, missing[] }. `kernelspec` needs
 * jupyter_client, `nbconvert` needs nbconvert + nbclient (the executor).
 */
export function checkJupyter() {
  const jupyter = findJupyter();
  if (!jupyter) return { jupyter: null, kernelspec: false, nbconvert: false, missing: ["jupyter"] };
  const ok = (args) => run(jupyter, args, { env: quietPythonEnv() }).status === 0;
  const kernelspec = ok(["kernelspec", "list", "--json"]);
  const nbconvert = ok(["nbconvert", "--version"]);
  const missing = [...(kernelspec ? [] : ["jupyter-client"]), ...(nbconvert ? [] : ["nbconvert/nbclient"])];
  return { jupyter, kernelspec, nbconvert, missing };
}

/** Silences debugpy's "frozen modules" notice that Debian's Python prints on every jupyter start. */
export function quietPythonEnv(extra = {}) {
  return childEnv({ PYDEVD_DISABLE_FILE_VALIDATION: "1", ...extra });
}

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than something in src/ or the build config. */
export function distIsStale() {
  const index = path.join(ROOT, "dist", "index.js");
  const types = path.join(ROOT, "dist", "index.d.ts");
  if (!existsSync(index) || !existsSync(types)) return true;
  const built = statSync(index).mtimeMs;
  const inputs = Math.max(
    newestMtime(path.join(ROOT, "src")),
    ...["tsconfig.json", "tsconfig.build.json"].map((f) => statSync(path.join(ROOT, f)).mtimeMs),
  );
  return inputs > built;
}

/**
 * `npm run build` (tsc → dist/ with declarations). tsc emits even when it reports type errors
 * (src/ may be mid-edit elsewhere), so errors are returned as a warning as long as dist/ was
 * written; it throws only when there is no build to use.
 */
export function build() {
  const npm = IS_WINDOWS ? "npm.cmd" : "npm";
  const r = run(npm, ["run", "build", "--silent"], { shell: IS_WINDOWS });
  if (r.status === 0) return null;
  const text = `${r.stdout ?? ""}${r.stderr ?? ""}`.trimEnd();
  if (!existsSync(path.join(ROOT, "dist", "index.js")) || r.error) {
    throw new Error(`npm run build failed (exit ${r.status}):\n${text}${r.error ? `\n${r.error.message}` : ""}`);
  }
  return `npm run build reported errors (exit ${r.status}); using what tsc emitted to dist/:\n${text.split("\n").slice(0, 20).join("\n")}`;
}

/**
 * Make `require("targetcast")` work from notebooks/: a link node_modules/targetcast → the
 * project root (a junction on Windows). Returns what it did. `npm ci`/`npm install` may remove
 * the link; setup and `npm run notebooks` put it back.
 */
export function ensureSelfLink() {
  const link = path.join(ROOT, "node_modules", PACKAGE_NAME);
  const wanted = IS_WINDOWS ? ROOT : "..";
  let st = null;
  try {
    st = lstatSync(link);
  } catch {
    /* absent */
  }
  if (st?.isSymbolicLink()) {
    const target = readlinkSync(link);
    if (path.resolve(path.dirname(link), target) === ROOT)
      return `${path.relative(ROOT, link)} → ${target} (already there)`;
    rmSync(link);
  } else if (st) {
    throw new Error(
      `${link} exists and is not a link to the project: remove it (it would shadow this project's build) and run npm run notebooks:setup again`,
    );
  }
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(wanted, link, IS_WINDOWS ? "junction" : "dir");
  return `${path.relative(ROOT, link)} → ${wanted} (created)`;
}

/**
 * Which Node flags the kernel needs so that `require("targetcast")` (ESM) works from a notebook.
 * Tries with no flag, then --experimental-require-module; throws with Node's message otherwise.
 */
export function requireFlags() {
  const code = `require(${JSON.stringify(PACKAGE_NAME)}); require("tslab");`;
  let last = "";
  for (const flags of [[], ["--experimental-require-module", "--disable-warning=ExperimentalWarning"]]) {
    const r = run(process.execPath, [...flags, "-e", code], { cwd: NOTEBOOKS_DIR });
    if (r.status === 0) return flags;
    last = (r.stderr || r.stdout || "").trim().split("\n").slice(0, 6).join("\n");
  }
  throw new Error(
    `Node ${process.version} cannot require() the ESM build of ${PACKAGE_NAME} from notebooks/ ` +
      `(tslab compiles cells to CommonJS). Use Node ≥ 20.19 (or ≥ 20.17 with --experimental-require-module).\n${last}`,
  );
}

/** kernel.json for this project: this Node, this project's tslab, and the flags found above. */
export function kernelSpec(nodeFlags) {
  if (!existsSync(TSLAB_BIN)) throw new Error(`tslab is not installed (${TSLAB_BIN} missing): run npm ci`);
  return {
    argv: [process.execPath, ...nodeFlags, TSLAB_BIN, "kernel", "--config-path", "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    metadata: { project: ROOT, note: "written by npm run notebooks:setup (scripts/notebooks-setup.mjs)" },
  };
}

/** Write the kernel spec into `<dataDir>/kernels/<KERNEL_NAME>/kernel.json`; returns its folder. */
export function writeKernelSpec(dataDir, spec) {
  const dir = path.join(dataDir, "kernels", KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  return dir;
}

/**
 * Jupyter's per-user data folder, used when Jupyter itself is not there to ask
 * (same rules as jupyter_core: JUPYTER_DATA_DIR, then the platform default).
 */
export function userJupyterDataDir() {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  const home = os.homedir();
  if (process.platform === "darwin") return path.join(home, "Library", "Jupyter");
  if (IS_WINDOWS) return path.join(process.env.APPDATA ?? path.join(home, "AppData", "Roaming"), "jupyter");
  return path.join(process.env.XDG_DATA_HOME || path.join(home, ".local", "share"), "jupyter");
}

/**
 * Register the kernel with Jupyter: `jupyter kernelspec install --user` (default) or
 * `--prefix DIR`. Without Jupyter, writes the spec straight into the per-user data folder,
 * where JupyterLab and VS Code will find it once they are installed.
 */
export function installKernel(spec, { jupyter, prefix }) {
  const tmp = path.join(os.tmpdir(), `targetcast-kernel-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const src = writeKernelSpec(tmp, spec);
  try {
    if (jupyter) {
      const where = prefix ? ["--prefix", path.resolve(prefix)] : ["--user"];
      const r = run(jupyter, ["kernelspec", "install", src, "--name", KERNEL_NAME, "--replace", ...where], {
        env: quietPythonEnv(),
      });
      if (r.status !== 0) throw new Error(`jupyter kernelspec install failed:\n${(r.stderr || r.stdout).trim()}`);
      const m = /Installed kernelspec \S+ in (.+)/.exec(`${r.stdout}\n${r.stderr}`);
      return m
        ? m[1].trim()
        : prefix
          ? path.join(prefix, "share", "jupyter", "kernels", KERNEL_NAME)
          : "(user kernels)";
    }
    const base = prefix ? path.join(path.resolve(prefix), "share", "jupyter") : userJupyterDataDir();
    return writeKernelSpec(base, spec);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The notebooks, in order (notebooks/NN-*.ipynb). */
export function listNotebooks() {
  return readdirSync(NOTEBOOKS_DIR)
    .filter((f) => /^\d\d-.+\.ipynb$/.test(f))
    .sort();
}
