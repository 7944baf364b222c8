import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogueToDataFrame, toDataFrame } from "../../src/data/frame.js";
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
