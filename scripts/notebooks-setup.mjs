#!/usr/bin/env node
/**
 * `npm run notebooks:setup`: everything the notebooks need, idempotent.
 *   1. build the library (dist/ with declarations: what notebook cells import and type-check against);
 *   2. link node_modules/targetcast → the project, so `import … from "targetcast"` resolves;
 *   3. check that Node can require() the (ESM) build, as tslab's CommonJS cells do;
 *   4. register the tslab kernel "tslab-targetcast" for the current user (not system-wide),
 *      or under --prefix DIR;
 *   5. check for Jupyter and say how to get it when it is missing.
 *
 * Options: --no-build (keep dist/ as it is), --prefix DIR (install the kernel spec under
 * DIR/share/jupyter/kernels, e.g. a virtualenv), -h/--help.
 */
import { parseArgs } from "node:util";
import {
  build,
  checkJupyter,
  ensureSelfLink,
  installKernel,
  JUPYTER_ADVICE,
  KERNEL_DISPLAY_NAME,
  KERNEL_NAME,
  kernelSpec,
  requireFlags,
} from "./notebooks-lib.mjs";

const HELP = `npm run notebooks:setup [-- --no-build] [-- --prefix DIR]

Builds targetcast, makes it importable from notebooks/ as "targetcast", registers the tslab
kernel "${KERNEL_NAME}" (per user; or under DIR/share/jupyter/kernels with --prefix) and
checks for Jupyter.
`;

function step(msg) {
  process.stdout.write(`• ${msg}\n`);
}

function main() {
  const { values } = parseArgs({
    options: { "no-build": { type: "boolean" }, prefix: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values["no-build"]) step("build skipped (--no-build)");
  else {
    step("building dist/ (npm run build) …");
    const warning = build();
    if (warning) process.stdout.write(`⚠ ${warning}\n`);
  }
  step(`link: ${ensureSelfLink()}`);
  const flags = requireFlags();
  step(
    `Node ${process.version} loads the ESM build from CommonJS cells${flags.length ? ` with ${flags.join(" ")}` : " without flags"}`,
  );

  const jp = checkJupyter();
  const where = installKernel(kernelSpec(flags), { jupyter: jp.kernelspec ? jp.jupyter : null, prefix: values.prefix });
  step(`kernel "${KERNEL_NAME}" (${KERNEL_DISPLAY_NAME}) registered in ${where}`);

  if (!jp.jupyter || !jp.nbconvert || !jp.kernelspec) {
    process.stdout.write(
      `\n⚠ Jupyter ${jp.jupyter ? `at ${jp.jupyter} lacks ${jp.missing.join(", ")}` : "was not found"}: ` +
        `the kernel spec is in place, but \`npm run notebooks\` cannot run yet.\n${JUPYTER_ADVICE}\n`,
    );
    return 0;
  }
  process.stdout.write(
    `\nReady. Jupyter: ${jp.jupyter}\n` +
      `  run all notebooks headless:  npm run notebooks   (executed copies and HTML in out/notebooks/)\n` +
      `  open them:                   jupyter lab notebooks/   (or VS Code), kernel "${KERNEL_DISPLAY_NAME}"\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`notebooks:setup failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
