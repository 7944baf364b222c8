/**
 * The scenario file format: the single source of truth. TypeScript types come from it
 * (z.infer) and so does the JSON Schema committed for editors (scenarios/scenario.schema.json).
 *
 * Rates are fractions per year (0.08 = 8% a year). Every indicator entry names exactly one
 * mechanism; indicators a scenario does not mention follow their fitted trend.
 */
import { z } from "zod";
import { YEAR_MAX, YEAR_MIN } from "../data/schema.js";
import { IndicatorId } from "../model/fields.js";
import { ProgrammeEffect } from "../model/programmeResponse.js";
import { MECHANISM_NAMES, MECHANISMS, type MechanismName } from "../model/registry.js";
import { BilingualNameSchema, BilingualTextSchema } from "./bilingualText.js";
import { correlationIssue } from "./correlations.js";

export { MAX_RATE, RATE_WARNING } from "../model/fields.js";
export { TREND_MODELS } from "../model/trend.js";
export { MECHANISM_NAMES, type MechanismName, ProgrammeEffect };

const id = IndicatorId;
const nonNegative = z.number().refine((v) => Number.isFinite(v) && v >= 0, "expected a number ≥ 0");

/** The mechanisms that take a yearly `volatility` shock (from the registry). */
const VOLATILE = MECHANISM_NAMES.filter((m) => MECHANISMS[m].volatility);
type MechanismSchema<K extends MechanismName> = (typeof MECHANISMS)[K]["schema"];

/** A mechanism's fragment with its equation, units and source in the description (shown by editors). */
function documented<K extends MechanismName>(name: K): MechanismSchema<K> {
  const { schema, doc } = MECHANISMS[name];
  const text = [schema.description, `${doc.equation}. Units: ${doc.units}. Source: ${doc.source}`];
  return schema.describe(text.filter(Boolean).join(" — ")) as MechanismSchema<K>;
}

/** The zod schema of one indicator's entry in a scenario: its mechanism and parameters. */
export const IndicatorSpec = z
  .strictObject({
    ...Object.fromEntries(MECHANISM_NAMES.map((m) => [m, documented(m).optional()])),
    volatility: nonNegative
      .optional()
      .describe("sd of a yearly shock added to the growth rate (growth, leveraged) or to log output (elastic)"),
    bounds: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
    note: BilingualTextSchema.optional().describe("why this assumption: shown in briefings"),
  } as { [K in MechanismName]: z.ZodOptional<MechanismSchema<K>> } & {
    volatility: z.ZodOptional<typeof nonNegative>;
    bounds: z.ZodOptional<
      z.ZodObject<{ min: z.ZodOptional<z.ZodNumber>; max: z.ZodOptional<z.ZodNumber> }, z.core.$strict>
    >;
    note: z.ZodOptional<typeof BilingualTextSchema>;
  })
  .superRefine((spec, ctx) => {
    const named = MECHANISM_NAMES.filter((m) => spec[m] !== undefined);
    if (named.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          named.length === 0
            ? `expected exactly one mechanism (${MECHANISM_NAMES.join(", ")})`
            : `expected exactly one mechanism, found ${named.join(" and ")}`,
      });
    }
    if (spec.bounds?.min !== undefined && spec.bounds?.max !== undefined && spec.bounds.min > spec.bounds.max) {
      ctx.addIssue({ code: "custom", path: ["bounds"], message: "expected min ≤ max" });
    }
    if (spec.volatility !== undefined && !VOLATILE.some((m) => spec[m] !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["volatility"],
        message: `volatility applies only to ${VOLATILE.join(", ")} mechanisms`,
      });
    }
  });
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

export const Programme = z
  .strictObject({
    name: BilingualNameSchema,
    floor: z.number().min(0).default(0).describe("least yearly spending (budget unit) if any budget is given"),
    cap: z.number().positive().optional().describe("most yearly spending (budget unit)"),
    effects: z.array(ProgrammeEffect).min(1),
    note: BilingualTextSchema.optional(),
  })
  .refine((p) => p.cap === undefined || p.floor <= p.cap, {
    message: "the floor is above the cap, so no spending can respect both",
    path: ["floor"],
    params: { fix: "lower the floor or raise the cap (both in the budget unit a year)" },
  });
export type Programme = z.infer<typeof Programme>;

/** Extra fiscal S&T money a year on top of business as usual, and how it is split. */
export const Budget = z.strictObject({
  amount: z.number().min(0).optional().describe("extra spending per year, in `unit`, from start_year"),
  share_of: z
    .strictObject({
      indicator: id.describe("the budget the share is of, e.g. general_budget_expenditure"),
      percent: z.number().gt(0).max(100).describe("target share of that budget, %"),
    })
    .optional()
    .describe(
      "instead of an amount: top `adds_to` up to this share of another indicator each year; the top-up is split across programmes",
    ),
  unit: z.string().default("万元"),
  start_year: z.number().int().min(YEAR_MIN).max(YEAR_MAX),
  adds_to: id.optional().describe("fiscal indicator the extra money is added to (e.g. fiscal_st_spending)"),
  split: z.record(id, z.number().min(0)).describe("share of the amount per programme; shares sum to 1"),
});
export type Budget = z.infer<typeof Budget>;

/** The zod schema of a scenario file (the JSON Schema is generated from it). */
export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z.string().optional().describe("a scenario file this one inherits from (path relative to this file)"),
    name: BilingualNameSchema,
    description: BilingualTextSchema.describe(
      "the rationale: what this scenario assumes and why (one text, or { zh, en })",
    ),
    base_year: z
      .number()
      .int()
      .min(YEAR_MIN)
      .max(YEAR_MAX)
      .describe("last year of observed data the projection starts from"),
    horizon: z.number().int().min(YEAR_MIN).max(YEAR_MAX).describe("last projected year"),
    paths: z.number().int().min(1).max(1_000_000).default(5000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    assessment: z
      .strictObject({
        on_track: z.number().min(0).max(1).default(0.66).describe("P(met) at or above which a target is on track"),
        off_track: z.number().min(0).max(1).default(0.33).describe("P(met) below which a target is off track"),
      })
      .optional(),
    indicators: z.record(id, IndicatorSpec).default({}),
    programmes: z.record(id, Programme).default({}),
    budget: Budget.optional(),
    adopts: z
      .array(z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a target id such as fiscal_st_share"))
      .default([])
      .describe(
        "the commitments (catalogue rows with nature = commitment: targets the district decides, e.g. fiscal_st_share) this scenario adopts",
      ),
    correlations: z
      .array(
        z.strictObject({
          between: z
            .tuple([z.string().min(1), z.string().min(1)])
            .describe(
              "two uncertain parameters by name, e.g. [gdp.growth, rd_expenditure.leveraged.own_growth], or the yearly shocks of two indicators with a volatility, e.g. [gdp.shock, rd_expenditure.shock]",
            ),
          rho: z
            .number()
            .gt(-1)
            .lt(1)
            .describe("correlation of their normal scores (Gaussian copula), −1 < ρ < 1; for shocks, within each year"),
          note: BilingualTextSchema.optional().describe("why: an assumption, shown in the assumptions table"),
        }),
      )
      .default([])
      .describe(
        "correlations between uncertain parameters (drawn once per path) or between yearly shocks (drawn every year), by a Gaussian copula within each path",
      ),
  })
  .superRefine((s, ctx) => {
    const correlation = correlationIssue(s.correlations);
    if (correlation) {
      ctx.addIssue({
        code: "custom",
        path: ["correlations", correlation.at, correlation.field],
        message: correlation.problem,
        params: { fix: correlation.fix },
      });
    }
    if (s.budget) {
      if ((s.budget.amount === undefined) === (s.budget.share_of === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: ["budget"],
          message: "expected either `amount` or `share_of`, not both or neither",
        });
      }
      if (s.budget.share_of && !s.budget.adds_to) {
        ctx.addIssue({
          code: "custom",
          path: ["budget", "share_of"],
          message: "a share needs `adds_to`: the fiscal indicator that is topped up",
        });
      }
      for (const p of Object.keys(s.budget.split)) {
        if (!s.programmes[p])
          ctx.addIssue({ code: "custom", path: ["budget", "split", p], message: `no programme "${p}" in programmes` });
      }
      const total = Object.values(s.budget.split).reduce((a, b) => a + b, 0);
      if ((s.budget.amount ?? 1) > 0 && Math.abs(total - 1) > 1e-6) {
        ctx.addIssue({
          code: "custom",
          path: ["budget", "split"],
          message: `shares sum to ${+total.toFixed(6)}, expected 1`,
        });
      }
      if (s.budget.start_year <= s.base_year) {
        ctx.addIssue({
          code: "custom",
          path: ["budget", "start_year"],
          message: `expected a year after base_year ${s.base_year}`,
        });
      }
    }
    if (s.horizon <= s.base_year) {
      ctx.addIssue({ code: "custom", path: ["horizon"], message: `expected a horizon after base_year ${s.base_year}` });
    }
    if (s.assessment && s.assessment.off_track > s.assessment.on_track) {
      ctx.addIssue({ code: "custom", path: ["assessment"], message: "expected off_track ≤ on_track" });
    }
  });
export type Scenario = z.infer<typeof Scenario>;

/** Keys of an object schema (a mechanism's fragment), or none for a scalar one. */
function keysOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Keys allowed at each level, for "did you mean" hints on unknown keys (mechanism keys from the registry). */
export const KNOWN_KEYS = {
  top: Object.keys(Scenario.shape),
  indicator: [...MECHANISM_NAMES, ...Object.keys(IndicatorSpec.shape).filter((k) => !(k in MECHANISMS))],
  distribution: ["dist", "mean", "sd", "min", "mode", "max", "median", "sigma"],
  assessment: Object.keys(Scenario.shape.assessment.unwrap().shape),
  bounds: ["min", "max"],
  ...(Object.fromEntries(
    MECHANISM_NAMES.filter((m) => keysOf(MECHANISMS[m].schema).length).map((m) => [m, keysOf(MECHANISMS[m].schema)]),
  ) as Record<Exclude<MechanismName, "growth" | "trend">, string[]>),
  name: ["zh", "en"],
  budget: Object.keys(Budget.shape),
  programme: Object.keys(Programme.shape),
  effect: Object.keys(ProgrammeEffect.shape),
} as const;
