/**
 * The committed JSON Schemas are generated from the zod schema; a change to the schema without
 * `npm run schema` fails here. And the schema does what editors need: it rejects unknown keys.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scenarioJsonSchemaText } from "../../src/scenario/jsonSchema.js";

describe("scenario JSON Schemas", () => {
  it("are up to date (run `npm run schema` after changing src/scenario/schema.ts)", () => {
    expect(readFileSync("scenarios/scenario.schema.json", "utf8")).toBe(scenarioJsonSchemaText(false));
    expect(readFileSync("scenarios/scenario-variant.schema.json", "utf8")).toBe(scenarioJsonSchemaText(true));
  });

  it("accept the bundled baseline and reject an unknown key", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync("scenarios/scenario.schema.json", "utf8")));
    const baseline = parse(readFileSync("scenarios/baseline.yaml", "utf8"));
    expect(validate(baseline), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...baseline, indicators: { gdp: { growht: 0.1 } } })).toBe(false);
    const variant = ajv.compile(JSON.parse(readFileSync("scenarios/scenario-variant.schema.json", "utf8")));
    expect(variant(parse(readFileSync("scenarios/fiscal-squeeze.yaml", "utf8")))).toBe(true);
  });
});
