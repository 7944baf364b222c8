/**
 * The JSON Schema of scenario files, generated from the zod schema (the single source of
 * truth) and committed as scenarios/scenario.schema.json so editors can autocomplete and
 * check scenario files (`# yaml-language-server: $schema=./scenario.schema.json`).
 * A test fails when the committed file is out of date: run `npm run schema` to refresh it.
 */
import { z } from "zod";
import { Scenario } from "./schema.js";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://targetcast.local/scenario.schema.json",
    title: "targetcast scenario",
    description: "A growth scenario for targetcast. Rates are fractions per year (0.08 = 8%). See scenarios/README.md.",
  };
}

/** Drops every `required` list: a scenario that `extends` another states only what differs. */
function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>)
      .filter(([k]) => k !== "required")
      .map(([k, v]) => [k, withoutRequired(v)]),
  );
}

/** The schema for variant files (`extends: baseline.yaml`): every field optional. */
export function variantJsonSchema(): Record<string, unknown> {
  return {
    ...(withoutRequired(scenarioJsonSchema()) as Record<string, unknown>),
    $id: "https://targetcast.local/scenario-variant.schema.json",
    title: "targetcast scenario variant (extends another scenario)",
  };
}

export function scenarioJsonSchemaText(variant = false): string {
  return JSON.stringify(variant ? variantJsonSchema() : scenarioJsonSchema(), null, 2) + "\n";
}
