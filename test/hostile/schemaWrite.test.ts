/**
 * `schema --write FILE` writes through the same output set as every other command
 * (src/project/outputSet.ts): its own earlier file is replaced without --force, the folder's manifest
 * records it, no staging or temporary file is left, and a file targetcast did not write is refused
 * unchanged unless --force is given. (Devices, folders and scenarios: test/hostile/cases.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scenarioJsonSchemaText } from "../../src/scenario/jsonSchema.js";
import { cliAsync } from "../report/cliAsync.js";

const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-schema-write-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// Asynchronously: a spawnSync under load starves vitest's RPC ("Timeout calling onTaskUpdate").
const schema = (...args: string[]) => cliAsync(["schema", ...args]);

describe("schema --write", () => {
  it("writes, re-writes its own file without --force and records it in the folder's manifest", async () => {
    const file = path.join(tmp, "a", "scenario.schema.json");
    for (let i = 0; i < 2; i++) {
      const r = await schema("--write", file);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    }
    expect(readFileSync(file, "utf8")).toBe(scenarioJsonSchemaText(false));
    const manifest = JSON.parse(readFileSync(path.join(tmp, "a", ".targetcast-outputs.json"), "utf8"));
    expect(manifest.files).toEqual(["scenario.schema.json"]);
    expect(Object.values(manifest.sets)).toEqual([["scenario.schema.json"]]);
    // Nothing but the file and the manifest: no staging folder, journal or .tmp file.
    expect(readdirSync(path.join(tmp, "a")).sort()).toEqual([".targetcast-outputs.json", "scenario.schema.json"]);
  });

  it("the variant schema beside it is its own set: writing one keeps the other", async () => {
    const dir = path.join(tmp, "b");
    expect((await schema("--write", path.join(dir, "scenario.schema.json"))).status).toBe(0);
    expect((await schema("--variant", "--write", path.join(dir, "scenario-variant.schema.json"))).status).toBe(0);
    expect((await schema("--write", path.join(dir, "scenario.schema.json"))).status).toBe(0);
    expect(readFileSync(path.join(dir, "scenario-variant.schema.json"), "utf8")).toBe(scenarioJsonSchemaText(true));
    expect(readdirSync(dir).sort()).toEqual([
      ".targetcast-outputs.json",
      "scenario-variant.schema.json",
      "scenario.schema.json",
    ]);
  });

  it("refuses a file targetcast did not write and leaves it as it was; --force replaces it", async () => {
    const file = path.join(tmp, "notes.json");
    writeFileSync(file, '{"mine": true}\n');
    const r = await schema("--write", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: the file exists and was not written by targetcast`);
    expect(r.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe('{"mine": true}\n');
    expect((await schema("--write", file, "--force")).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(scenarioJsonSchemaText(false));
  });
});
