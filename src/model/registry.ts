/**
 * The mechanisms a scenario may name, registered in one place: name → compiler.
 * Each lives in its own file with its equation, units and sources.
 */
import type { Series } from "../data/types.js";
import { type IndicatorSpec, MECHANISM_NAMES, type MechanismName } from "../scenario/schema.js";
import { compileCount } from "./count.js";
import { compileElastic } from "./elastic.js";
import { compileGrowth } from "./growth.js";
import { compileInventory } from "./inventory.js";
import { compileLeveraged } from "./leveraged.js";
import { compileRatio } from "./ratio.js";
import { compileSolow } from "./solow.js";
import { compileTrend } from "./trend.js";
import type { CompileEnv, NodeDraft } from "./types.js";

type Compiler = (spec: IndicatorSpec, env: CompileEnv, series: Series | undefined) => NodeDraft;

export const MECHANISM_COMPILERS: Record<MechanismName, Compiler> = {
  growth: compileGrowth,
  trend: compileTrend,
  count: compileCount,
  leveraged: compileLeveraged,
  elastic: compileElastic,
  inventory: compileInventory,
  ratio: compileRatio,
  solow: compileSolow,
};

export function compileNode(spec: IndicatorSpec, env: CompileEnv, series: Series | undefined): NodeDraft {
  const name = MECHANISM_NAMES.find((m) => spec[m] !== undefined)!;
  return MECHANISM_COMPILERS[name](spec, env, series);
}
