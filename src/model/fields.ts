/**
 * Field types the mechanisms' scenario fragments share: growth rates and indicator ids.
 */
import { z } from "zod";
import { centralValue, Param } from "../stats/param.js";

/** Largest central growth rate accepted (fraction per year); above RATE_WARNING a scenario is loaded with a warning. */
export const MAX_RATE = 10;
/** Central growth rates above this (fraction per year, i.e. 100%) are probably percents written as numbers. */
export const RATE_WARNING = 1;

/**
 * A growth rate: fraction per year (0.08 = 8% a year), fixed or a distribution drawn once per path.
 * Below −1 (−100%) a level would turn negative, so a fixed rate or a distribution centred there is
 * an error; draws in a distribution's tail below −1 are floored (the level falls to zero, never
 * below). Above MAX_RATE it is refused as a typo.
 */
export const Rate = Param.refine(
  (p) => centralValue(p) >= -1,
  "a growth rate below −100% a year is impossible; expected ≥ −1 (−1 = −100%)",
).refine(
  (p) => centralValue(p) <= MAX_RATE,
  `a growth rate above ${MAX_RATE * 100}% a year is not plausible; rates are fractions per year (0.10 = 10%)`,
);

/** An indicator id as written in scenarios, e.g. rd_expenditure. */
export const IndicatorId = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected an indicator id such as rd_expenditure");
