import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  catalogueToDataFrame,
  DANFOJS_INSTALL,
  loadDanfojs,
  MissingDanfojsError,
  toDataFrame,
} from "../../src/data/frame.js";
import { loadBaseline } from "../../src/data/loadBaseline.js";
import { loadTargets } from "../../src/data/loadTargets.js";
import { fixture, projectFile } from "./helpers.js";

describe("DataFrame views (danfojs, loaded lazily)", () => {
  it("no module of src/data imports danfojs-node at top level", () => {
    for (const f of [
      "index",
      "frame",
      "loadBaseline",
      "loadTargets",
      "loadIndicators",
      "table",
      "schema",
      "xlsx",
      "csv",
      "decode",
    ]) {
      const src = readFileSync(projectFile("src", "data", `${f}.ts`), "utf8");
      expect(src, f).not.toMatch(/^import[^;]*["']danfojs-node["']/m);
    }
  });

  it("turns a baseline into one row per observation", async () => {
    const b = await loadBaseline(fixture("baseline-gap.csv"));
    const df = await toDataFrame(b);
    expect(df.shape).toEqual([5, 8]);
    expect(df.columns).toEqual(["indicator", "year", "value", "unit", "source", "note", "file", "line"]);
    expect(df["value"].values).toEqual([2.4, 1.7, 1.85, 12, 14]);
    expect(df["year"].values).toEqual([2014, 2010, 2011, 2011, 2012]);
  });

  it("turns a catalogue into one row per target, empty numbers as NaN", async () => {
    const cat = await loadTargets(fixture("catalogue.csv"));
    const df = await catalogueToDataFrame(cat);
    expect(df.shape[0]).toBe(5);
    expect(df["id"].values).toEqual(cat.targets.map((t) => t.id));
    const values: number[] = df["value"].values;
    expect(values.slice(0, 3)).toEqual([2.5, 35, 2]);
    expect(Number.isNaN(values[3])).toBe(true);
    expect(df["name_zh"].values[0]).toBe("研发投入占地区生产总值的比重");
  });
});

describe("danfojs-node is an optional peer", () => {
  it("a missing danfojs-node gives an error that says how to add it, with the overrides", async () => {
    const notFound = Object.assign(new Error("Cannot find package 'danfojs-node' imported from frame.js"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    const err = await loadDanfojs(() => Promise.reject(notFound)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingDanfojsError);
    const msg = (err as Error).message;
    expect(msg).toContain("npm install danfojs-node@1.2.0");
    expect(msg).toContain('"@tensorflow/tfjs-node": "npm:@tensorflow/tfjs@3.21.0"');
    expect(msg).toContain('"xlsx": "npm:xlsx@0.18.5"');
  });

  it("any other failure while loading it is passed on unchanged", async () => {
    const other = Object.assign(
      new Error("Cannot find package 'xlsx' imported from /p/node_modules/danfojs-node/dist/index.js"),
      { code: "ERR_MODULE_NOT_FOUND" },
    );
    await expect(loadDanfojs(() => Promise.reject(other))).rejects.toBe(other);
  });

  it("the overrides in the message are this repository's own (one definition)", () => {
    const pkg = JSON.parse(readFileSync(projectFile("package.json"), "utf8"));
    for (const [name, spec] of Object.entries(pkg.overrides as Record<string, string>))
      expect(DANFOJS_INSTALL).toContain(`"${name}": "${spec}"`);
    expect(pkg.dependencies["danfojs-node"]).toBeUndefined();
    expect(pkg.peerDependenciesMeta["danfojs-node"].optional).toBe(true);
    expect(DANFOJS_INSTALL).toContain(`danfojs-node@${pkg.devDependencies["danfojs-node"].replace(/^\^/, "")}`);
  });
});
