/**
 * `targetcast batch MANIFEST`: run many regions, each from its own folder and config, into one folder
 * per region plus a combined long table (CSV and NDJSON). `--shard i/N` runs one contiguous slice of
 * the manifest (src/project/batch.ts), so a batch engine can fan the shards out; every region's
 * results depend only on its inputs and the seed, so a sharded run gives the same bits as a whole one.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import type { ScenarioResult } from "../assess/types.js";
import { parseShard, readManifest, regionInputs, type Shard, shardOf } from "../project/batch.js";
import { bundledScenarios, inputDigests } from "../project/inputs.js";
import { checkOutputDir, recordOutputs } from "../project/outputs.js";
import { UsageError } from "../project/usage.js";
import { TOOL_VERSION } from "../project/version.js";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { resultsDocument } from "../report/resultsJson.js";
import { csvCell, RISK_COLUMNS, riskCsv, riskRows } from "../report/riskCsv.js";
import { intOption, runScenarios } from "./scenarios.js";

export const BATCH_HELP = `targetcast batch MANIFEST [options]

Runs many regions. MANIFEST is a CSV with the columns region,folder (folders relative to
the CSV) or a folder whose sub-folders are the regions. Each region folder has its own
targetcast.config.json (data, targets, indicators, scenarios; paths relative to it); a
region without a scenarios folder gets a trend-only run.

Writes, under --out:
  regions/REGION/results.json, regions/REGION/risk.csv   one folder per region
  combined.csv, combined.ndjson   one row per region × scenario × target (risk.csv's
                                  columns after a region column), for DuckDB or pandas
  batch.json                      what ran: version, shard, regions, paths, seed

Options:
  --shard i/N     run only shard i of N: a contiguous block of the manifest's regions,
                  so shards 1..N's combined tables concatenated are the whole run's
                  (in Kubernetes: --shard $((JOB_COMPLETION_INDEX+1))/N)
  --threads N     worker threads for each region's Monte Carlo [one per core for big runs];
                  the results are the same bit for bit for any N and any sharding
  --paths N       Monte Carlo paths (overrides every scenario)
  --seed S        random seed (overrides every scenario)
  --out DIR       output folder [out/batch]
  --force         replace existing output files that targetcast did not write
  -h, --help      this help
`;

/** The combined table's columns: the region, then risk.csv's. */
export const COMBINED_COLUMNS = ["region", ...RISK_COLUMNS.map((c) => c.key)];

export async function batchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      shard: { type: "string" },
      threads: { type: "string" },
      paths: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(BATCH_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(`give one MANIFEST (a CSV or a folder of region folders), not ${positionals.length}`);
  const manifest = positionals[0];
  const shard: Shard | undefined = values.shard ? parseShard(values.shard) : undefined;
  const threads = intOption(values.threads, "--threads", 1, 256);
  const paths = intOption(values.paths, "--paths", 1, 1_000_000);
  const seed = intOption(values.seed, "--seed", 0, 2 ** 32 - 1);
  const outDir = values.out ?? path.join("out", "batch");

  const all = readManifest(manifest);
  const regions = shard ? shardOf(all, shard) : all;
  const jobs = await Promise.all(
    regions.map(async (region) => {
      const inputs = regionInputs(region);
      const scenarios = inputs.scenarios ? await bundledScenarios(inputs.scenarios) : [];
      return { region, inputs, scenarios };
    }),
  );
  const inputsOf = (j: (typeof jobs)[number]) =>
    [j.inputs.data, j.inputs.targets, j.inputs.indicators, ...j.scenarios].filter((f): f is string => !!f);

  // Every output is checked before any work, and written only after every region ran.
  const guard = { inputs: [manifest, ...jobs.flatMap(inputsOf)], force: values.force === true };
  const TOP = ["batch.json", "combined.csv", "combined.ndjson"];
  const REGION_FILES = ["results.json", "risk.csv"];
  checkOutputDir(outDir, TOP, guard);
  for (const j of jobs) checkOutputDir(path.join(outDir, "regions", j.region.name), REGION_FILES, guard);

  const runs: { name: string; results: ScenarioResult[]; read: string[] }[] = [];
  for (const [i, j] of jobs.entries()) {
    process.stderr.write(`region ${i + 1}/${jobs.length}: ${j.region.name}\n`);
    const results = await runScenarios({
      files: j.scenarios,
      data: j.inputs.data,
      targets: j.inputs.targets,
      ...(j.inputs.indicators ? { indicators: j.inputs.indicators } : {}),
      paths,
      seed,
      threads,
    });
    runs.push({ name: j.region.name, results, read: inputsOf(j) });
  }

  const generatedAt = new Date();
  const csvLines = [COMBINED_COLUMNS.join(",")];
  const ndjson: string[] = [];
  for (const run of runs) {
    for (const row of riskRows(run.results)) {
      const values = [run.name, ...row];
      csvLines.push(values.map(csvCell).join(","));
      ndjson.push(JSON.stringify(Object.fromEntries(COMBINED_COLUMNS.map((c, k) => [c, jsonValue(values[k])]))));
    }
  }
  for (const run of runs) {
    const dir = path.join(outDir, "regions", run.name);
    const doc = resultsDocument(run.results, generatedAt, {
      version: TOOL_VERSION,
      threads: threads ?? "auto",
      inputs: await inputDigests(run.read),
    });
    await writeFileAtomic(path.join(dir, "results.json"), JSON.stringify(doc, null, 2) + "\n");
    await writeFileAtomic(path.join(dir, "risk.csv"), riskCsv(run.results));
    await recordOutputs(dir, REGION_FILES);
  }
  await writeFileAtomic(path.join(outDir, "combined.csv"), csvLines.join("\n") + "\n");
  await writeFileAtomic(path.join(outDir, "combined.ndjson"), ndjson.map((l) => l + "\n").join(""));
  const batch = {
    tool: "targetcast",
    version: TOOL_VERSION,
    generatedAt: generatedAt.toISOString(),
    manifest,
    shard: shard ? `${shard.index}/${shard.count}` : null,
    regionsInManifest: all.length,
    regions: jobs.map((j) => ({ name: j.region.name, folder: j.region.folder, scenarios: j.scenarios })),
    paths: paths ?? "from each scenario",
    seed: seed ?? "from each scenario",
    threads: threads ?? "auto",
  };
  await writeFileAtomic(path.join(outDir, "batch.json"), JSON.stringify(batch, null, 2) + "\n");
  await recordOutputs(outDir, TOP);
  process.stdout.write(
    `Ran ${runs.length} of ${all.length} regions${shard ? ` (shard ${shard.index}/${shard.count})` : ""}; ` +
      `wrote ${path.join(outDir, "combined.csv")} (${csvLines.length - 1} rows), combined.ndjson, batch.json and regions/*/\n`,
  );
  return 0;
}

/** A value as the NDJSON table holds it: non-finite numbers as null (JSON has no NaN). */
function jsonValue(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  return v ?? null;
}
