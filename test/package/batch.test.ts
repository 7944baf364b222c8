/** `targetcast batch`: many regions, shards that merge into the whole run bit for bit, the manifest's errors. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseShard, readManifest, shardOf } from "../../src/project/batch.js";
import { run } from "./spawn.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const MANIFEST = "examples/batch/regions.csv";

const tc = (...args: string[]) => run(process.execPath, ["dist/cli/main.js", ...args], ROOT);
const temp = () => mkdtempSync(path.join(tmpdir(), "targetcast-batch-"));
const read = (...p: string[]) => readFileSync(path.join(...p), "utf8");
const withoutGeneratedAt = (json: string) => json.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "-"');

describe("shards", () => {
  it("are contiguous blocks whose concatenation in shard order is the whole list; sizes differ by at most one", () => {
    for (let n = 0; n <= 20; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      for (let count = 1; count <= 25; count++) {
        const shards = Array.from({ length: count }, (_, k) => shardOf(items, { index: k + 1, count }));
        expect(shards.flat()).toEqual(items);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("parses i/N and refuses anything else", () => {
    expect(parseShard("2/5")).toEqual({ index: 2, count: 5 });
    for (const bad of ["0/2", "3/2", "1/0", "a/b", "1", "-1/2", "1.5/2"])
      expect(() => parseShard(bad), bad).toThrow(/--shard must be i\/N/);
  });
});

describe("the bundled batch example", () => {
  it("lists the national example and two synthetic regions, in manifest order", () => {
    const regions = readManifest(path.join(ROOT, MANIFEST));
    expect(regions.map((r) => r.name)).toEqual(["china-national", "synthetic-riverton", "synthetic-lakeside"]);
  });

  it("a folder manifest: its sub-folders with a config are the regions, in name order", () => {
    const regions = readManifest(path.join(ROOT, "examples", "batch"));
    expect(regions.map((r) => r.name)).toEqual(["synthetic-lakeside", "synthetic-riverton"]);
  });

  it("shards 1/2 and 2/2 merged equal the whole run byte for byte (apart from generatedAt)", async () => {
    const base = temp();
    const whole = path.join(base, "whole");
    const s1 = path.join(base, "s1");
    const s2 = path.join(base, "s2");
    const common = ["--paths", "300", "--threads", "2"];
    for (const [out, shard] of [
      [whole, undefined],
      [s1, "1/2"],
      [s2, "2/2"],
    ] as const) {
      const r = await tc("batch", MANIFEST, "--out", out, ...common, ...(shard ? ["--shard", shard] : []));
      expect(r.status, r.stderr).toBe(0);
    }
    // Three regions in two shards: [china-national] and [synthetic-riverton, synthetic-lakeside].
    expect(readdirSync(path.join(s1, "regions"))).toEqual(["china-national"]);
    expect(readdirSync(path.join(s2, "regions")).sort()).toEqual(["synthetic-lakeside", "synthetic-riverton"]);

    const csv1 = read(s1, "combined.csv");
    const csv2 = read(s2, "combined.csv");
    const merged = csv1 + csv2.slice(csv2.indexOf("\n") + 1); // header once
    expect(merged).toBe(read(whole, "combined.csv"));
    expect(read(s1, "combined.ndjson") + read(s2, "combined.ndjson")).toBe(read(whole, "combined.ndjson"));
    for (const region of ["china-national", "synthetic-riverton", "synthetic-lakeside"]) {
      const shardDir = region === "china-national" ? s1 : s2;
      expect(read(shardDir, "regions", region, "risk.csv")).toBe(read(whole, "regions", region, "risk.csv"));
      const a = withoutGeneratedAt(read(shardDir, "regions", region, "results.json"));
      expect(a).toBe(withoutGeneratedAt(read(whole, "regions", region, "results.json")));
      expect(a).toContain('"generatedAt": "-"');
    }

    // The long table: one row per region × scenario × target, synthetic regions marked illustrative.
    const rows = read(whole, "combined.ndjson")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.length).toBe(read(whole, "combined.csv").trim().split("\n").length - 1);
    for (const row of rows) expect(row.illustrative, row.region).toBe(row.region.startsWith("synthetic-"));
    expect(new Set(rows.map((r) => r.region))).toEqual(
      new Set(["china-national", "synthetic-riverton", "synthetic-lakeside"]),
    );
    const batch = JSON.parse(read(s2, "batch.json"));
    expect(batch.shard).toBe("2/2");
    expect(batch.regionsInManifest).toBe(3);
  });
});

describe("bad manifests are refused before any output is written", () => {
  function setup(csv: string, broken?: string): { dir: string; out: string } {
    const dir = temp();
    cpSync(path.join(ROOT, "examples", "batch", "synthetic-riverton"), path.join(dir, "a"), { recursive: true });
    cpSync(path.join(ROOT, "examples", "batch", "synthetic-riverton"), path.join(dir, "b"), { recursive: true });
    if (broken) writeFileSync(path.join(dir, "b", "baseline.csv"), broken);
    writeFileSync(path.join(dir, "regions.csv"), csv);
    return { dir, out: path.join(dir, "out") };
  }
  const cases: [string, string, RegExp, string?][] = [
    ["a header without folder", "region,path\na,a\n", /regions\.csv:1.*region and folder/],
    ["a region listed twice", "region,folder\na,a\na,b\n", /regions\.csv:3.*listed twice/],
    ["a folder without a config", "region,folder\na,a\nc,missing\n", /regions\.csv:3.*has no targetcast\.config\.json/],
    ["a region name that is not a folder name", "region,folder\n../x,a\n", /regions\.csv:2, column "region"/],
    [
      "a broken baseline in the second region",
      "region,folder\na,a\nb,b\n",
      /baseline\.csv/,
      "indicator,year,value,unit,source,note\nbroadband_share,20x9,1,%,x,\n",
    ],
  ];
  for (const [what, csv, message, broken] of cases) {
    it(what, async () => {
      const { dir, out } = setup(csv, broken);
      const r = await tc("batch", path.join(dir, "regions.csv"), "--out", out, "--paths", "100");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Fix: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("usage errors exit 2: no manifest, a bad --shard", async () => {
    expect((await tc("batch")).status).toBe(2);
    const r = await tc("batch", MANIFEST, "--shard", "3/2");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--shard must be i\/N/);
  });

  it("an empty manifest is refused", async () => {
    const dir = temp();
    mkdirSync(path.join(dir, "empty"));
    const r = await tc("batch", path.join(dir, "empty"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/lists no region/);
  });
});
