/**
 * What a mechanism is: one definition object per file, registered once in registry.ts. The
 * scenario schema (and so the JSON Schema for editors and the "did you mean" hints), the
 * volatility rule and the engine's compiler are all read from it.
 */
import type { z } from "zod";
import type { Series } from "../data/types.js";
import type { CompileEnv, NodeDraft, SummaryTemplate } from "./types.js";

/** Fields an indicator entry may carry beside its mechanism. */
export interface CommonSpec {
  /** sd of a yearly shock (only for mechanisms with `volatility: true`). */
  volatility?: number;
  bounds?: { min?: number; max?: number };
  /** Why this assumption (scenario text: one string, or one per language). */
  note?: string | { zh: string; en: string };
}

/** One mechanism: its scenario fragment, volatility rule, documentation and compiler. */
export interface Mechanism<Name extends string, Schema extends z.ZodType> {
  /** The key naming it in a scenario's indicator entry, e.g. `growth`. */
  name: Name;
  /** The scenario fragment under that key. */
  schema: Schema;
  /** Whether the entry may carry a `volatility` (a yearly shock). */
  volatility: boolean;
  /** The equation, the units and the source, as shown in `schema` output and the docs. */
  doc: { equation: string; units: string; source: string };
  /**
   * What it assumes, in one plain line per language, with the node's terms as placeholders
   * (types.ts, SummaryTemplate); the assumption tables of `run`, the briefing and results.xlsx
   * show it. The compiled node carries this same object (`template`).
   */
  summary: SummaryTemplate;
  /** The node computing the indicator, from the entry's fragment and common fields. */
  compile(params: z.infer<Schema>, common: CommonSpec, env: CompileEnv, series: Series | undefined): NodeDraft;
}

/** Identity with the types checked: `export const growth = defineMechanism({ … })`. */
export function defineMechanism<Name extends string, Schema extends z.ZodType>(
  m: Mechanism<Name, Schema>,
): Mechanism<Name, Schema> {
  return m;
}
