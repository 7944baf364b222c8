/**
 * The mechanisms a scenario may name, registered once: each is one definition object in its own
 * file (schema fragment, volatility rule, documentation, compiler; see mechanism.ts). The scenario
 * schema (src/scenario/schema.ts), its JSON Schema and hints, and the engine are read from here.
 * Adding a mechanism: one file with its `defineMechanism`, one line below, and its test.
 */
import type { Series } from "../data/types.js";
import { count } from "./count.js";
import { elastic } from "./elastic.js";
import { growth } from "./growth.js";
import { inventory } from "./inventory.js";
import { leveraged } from "./leveraged.js";
import type { CommonSpec } from "./mechanism.js";
import { ratio } from "./ratio.js";
import { solow } from "./solow.js";
import { trend } from "./trend.js";
import type { CompileEnv, NodeDraft } from "./types.js";

/** In the order messages list them. */
export const MECHANISMS = { growth, trend, count, leveraged, elastic, inventory, ratio, solow } as const;

/** The name of a mechanism. */
export type MechanismName = keyof typeof MECHANISMS;
/** The names of every mechanism a scenario may use. */
export const MECHANISM_NAMES = Object.keys(MECHANISMS) as MechanismName[];

/** The node of an indicator entry that names `name` with the fragment `params` (already validated). */
export function compileMechanism(
  name: MechanismName,
  params: unknown,
  common: CommonSpec,
  env: CompileEnv,
  series: Series | undefined,
): NodeDraft {
  // The fragment was parsed by MECHANISMS[name].schema (scenario/schema.ts), so it has that type.
  const m = MECHANISMS[name] as { compile(p: unknown, c: CommonSpec, e: CompileEnv, s?: Series): NodeDraft };
  return m.compile(params, common, env, series);
}
