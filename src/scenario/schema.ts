/**
 * The scenario file format: the single source of truth. TypeScript types come from it
 * (z.infer) and so does the JSON Schema committed for editors (scenarios/scenario.schema.json).
 *
 * Rates are fractions per year (0.08 = 8% a year). Every indicator entry names exactly one
 * mechanism; indicators a scenario does not mention follow their fitted trend.
 */
import { z } from "zod";
import { YEAR_MAX, YEAR_MIN } from "../data/schema.js";
import { centralValue, Param } from "./param.js";

/** Largest central growth rate accepted (fraction per year); above RATE_WARNING a scenario is loaded with a warning. */
export const MAX_RATE = 10;
/** Central growth rates above this (fraction per year, i.e. 100%) are probably percents written as numbers. */
export const RATE_WARNING = 1;

/**
 * A growth rate: fraction per year. Below −1 (−100%) a level would turn negative, so a fixed
 * rate or a distribution centred there is an error; draws in a distribution's tail below −1
 * are floored (the level falls to zero, never below). Above MAX_RATE it is refused as a typo.
 */
const Rate = Param.refine(
  (p) => centralValue(p) >= -1,
  "a growth rate below −100% a year is impossible; expected ≥ −1 (−1 = −100%)",
).refine(
  (p) => centralValue(p) <= MAX_RATE,
  `a growth rate above ${MAX_RATE * 100}% a year is not plausible; rates are fractions per year (0.10 = 10%)`,
);

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected an indicator id such as rd_expenditure");
const nonNegative = z.number().refine((v) => Number.isFinite(v) && v >= 0, "expected a number ≥ 0");

export const TREND_MODELS = ["auto", "linear", "loglinear", "holt", "holt-damped", "logit", "weighted"] as const;

/** Mechanism parameters, one schema each (see src/model/<name>.ts for the equations). */
export const MECHANISMS = {
  /** v_t = v_{t−1} · (1 + r + volatility · ε_t) */
  growth: Rate.describe("annual growth rate, fraction per year (0.08 = 8%)"),
  /** v_t follows the trend model fitted to the indicator's history, with its prediction uncertainty. */
  trend: z
    .enum(TREND_MODELS)
    .describe(
      "trend fitted to history: auto (default) is the calibrated combination of ETS, Theta and drift with reference-class intervals; a named model uses its own uncalibrated intervals",
    ),
  /** v_t = v_{t−1} + N_t, N_t ~ Poisson(additions) or NegBin(additions, dispersion); `fixed` adds exactly `additions`. */
  count: z.strictObject({
    additions: Param.describe("expected additions per year"),
    distribution: z.enum(["poisson", "negative_binomial", "fixed"]).default("poisson"),
    dispersion: z.number().positive().optional().describe("negative binomial size r: variance = μ + μ²/r"),
  }),
  /** v_t = v_{t−1} · (1 + own_growth) + multiplier · ΔD_t, D the driver (e.g. fiscal S&T spending). */
  leveraged: z.strictObject({
    own_growth: Rate.describe("growth of the part not driven by the driver, fraction per year"),
    driver: id,
    multiplier: Param.describe("output (in its unit) per unit of driver added, after unit conversion"),
  }),
  /** v_t = v_b · (D_{t−lag} / D_{b−lag})^elasticity · exp(volatility · ε_t) */
  elastic: z.strictObject({
    driver: id,
    elasticity: Param,
    lag: z.number().int().min(0).max(10).default(0),
  }),
  /** Perpetual inventory: v_t = (1 − depreciation) · v_{t−1} + flow_t */
  inventory: z.strictObject({
    flow: id,
    depreciation: Param.describe("share of the stock lost per year, 0–1"),
  }),
  /** v_t = scale · numerator_t / denominator_t, optionally capped by `max` (shares: 100). */
  ratio: z.strictObject({
    numerator: id,
    denominator: id,
    scale: z.number().positive().default(1),
    max: z.number().optional(),
  }),
  /** Solow residual share of output growth: (y − α k − (1 − α) l) / y × 100, growth over `window` years. */
  solow: z.strictObject({
    output: id.describe("real output (constant prices)"),
    capital: id.describe("real capital stock"),
    labour: id.describe("employment"),
    alpha: Param.describe("capital share α; literature for China 0.25–0.45"),
    window: z.number().int().min(1).max(10).default(3),
  }),
} as const;

export type MechanismName = keyof typeof MECHANISMS;
export const MECHANISM_NAMES = Object.keys(MECHANISMS) as MechanismName[];

export const IndicatorSpec = z
  .strictObject({
    ...Object.fromEntries(MECHANISM_NAMES.map((m) => [m, MECHANISMS[m].optional()])),
    volatility: nonNegative
      .optional()
      .describe("sd of a yearly shock added to the growth rate (growth, leveraged) or to log output (elastic)"),
    bounds: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
    note: z.string().optional().describe("why this assumption: shown in briefings"),
  } as { [K in MechanismName]: z.ZodOptional<(typeof MECHANISMS)[K]> } & {
    volatility: z.ZodOptional<typeof nonNegative>;
    bounds: z.ZodOptional<
      z.ZodObject<{ min: z.ZodOptional<z.ZodNumber>; max: z.ZodOptional<z.ZodNumber> }, z.core.$strict>
    >;
    note: z.ZodOptional<z.ZodString>;
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
    if (
      spec.volatility !== undefined &&
      !(spec.growth !== undefined || spec.leveraged !== undefined || spec.elastic !== undefined)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["volatility"],
        message: "volatility applies only to growth, leveraged and elastic mechanisms",
      });
    }
  });
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

/** How one programme's spending moves one indicator (see src/model/programmeResponse.ts). */
export const ProgrammeEffect = z.strictObject({
  indicator: id,
  max_effect: Param.describe(
    "effect at saturation: extra growth (fraction/yr) for growth, leveraged, elastic and trend indicators; extra additions per year for counts",
  ),
  half_budget: z
    .number()
    .positive()
    .describe("yearly spending (budget unit) at which half the maximum effect is reached"),
  lag: z.number().int().min(0).max(5).default(1).describe("years between spending and effect"),
});

export type ProgrammeEffect = z.infer<typeof ProgrammeEffect>;

export const Programme = z
  .strictObject({
    name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    floor: z.number().min(0).default(0).describe("least yearly spending (budget unit) if any budget is given"),
    cap: z.number().positive().optional().describe("most yearly spending (budget unit)"),
    effects: z.array(ProgrammeEffect).min(1),
    note: z.string().optional(),
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

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z.string().optional().describe("a scenario file this one inherits from (path relative to this file)"),
    name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
    description: z.string().min(1).describe("the rationale: what this scenario assumes and why"),
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
  })
  .superRefine((s, ctx) => {
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

/** Keys allowed at each level, for "did you mean" hints on unknown keys. */
export const KNOWN_KEYS = {
  top: Object.keys(Scenario.shape),
  indicator: [...MECHANISM_NAMES, "volatility", "bounds", "note"],
  distribution: ["dist", "mean", "sd", "min", "mode", "max", "median", "sigma"],
  assessment: ["on_track", "off_track"],
  bounds: ["min", "max"],
  count: ["additions", "distribution", "dispersion"],
  leveraged: ["own_growth", "driver", "multiplier"],
  elastic: ["driver", "elasticity", "lag"],
  inventory: ["flow", "depreciation"],
  ratio: ["numerator", "denominator", "scale", "max"],
  solow: ["output", "capital", "labour", "alpha", "window"],
  name: ["zh", "en"],
  budget: ["amount", "share_of", "unit", "start_year", "adds_to", "split"],
  programme: ["name", "floor", "cap", "effects", "note"],
  effect: ["indicator", "max_effect", "half_budget", "lag"],
} as const;
