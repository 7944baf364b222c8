/**
 * An indicator that is a ratio of two others: shares, intensities, rates per 10,000.
 *
 *   v_t = min( scale · N_t / D_t, max )
 *
 * Examples (bundled scenarios): R&D intensity (%) = 100 · R&D (亿元) / GDP (亿元);
 * invention patents per 10,000 people = stock (件) / population (万人); high-tech output
 * share (%) = 100 · high-tech output / above-scale industrial output, capped at 100 so the
 * share stays within 0–100 even when the two outputs grow at different rates.
 * `scale` carries the unit conversion and is written in the scenario next to the ratio.
 * A denominator ≤ 0 (a GDP of 0, a population that fell to nothing) gives no value (NaN) rather
 * than a ratio pushed to its cap, so the target is reported as not assessed, with the reason.
 */
import { z } from "zod";
import { IndicatorId } from "./fields.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

const RatioSpec = z.strictObject({
  numerator: IndicatorId,
  denominator: IndicatorId,
  scale: z.number().positive().default(1),
  max: z.number().optional(),
});

function compileRatio(r: z.infer<typeof RatioSpec>, _common: CommonSpec, env: CompileEnv): NodeDraft {
  const slot = env.slot;
  if (env.boostSlot() >= 0)
    env.fail(
      "",
      `programme effects cannot act on a ${"ratio"} indicator`,
      "point the effect at the indicators it is computed from",
    );
  const num = env.slotOf(r.numerator);
  const den = env.slotOf(r.denominator);
  const scale = r.scale;
  const min = env.bounds.min;
  const max = Math.min(env.bounds.max, r.max ?? Infinity);
  const last = env.lastObserved(env.indicator);
  return {
    indicator: env.indicator,
    mechanism: "ratio",
    firstStep: Math.min(last + 1, env.baseIndex + 1),
    sameYearInputs: [num, den],
    reads: [num, den],
    params: [],
    random: false,
    constants: { numerator: num, denominator: den, scale, min, max },
    summary: `= ${scale === 1 ? "" : `${scale} × `}${r.numerator} / ${r.denominator}`,
    terms: {
      numerator: { node: r.numerator },
      denominator: { node: r.denominator },
      ...(scale === 1 ? {} : { scale: { number: scale } }),
    },
    template: RATIO_SUMMARY,
    step(ctx, y) {
      const { state, nb } = ctx;
      const row = rowOf(ctx, slot, y);
      const nr = rowOf(ctx, num, y);
      const dr = rowOf(ctx, den, y);
      for (let b = 0; b < nb; b++) {
        const d = state[dr + b];
        state[row + b] = d > 0 ? clamp((scale * state[nr + b]) / d, min, max) : NaN;
      }
    },
  };
}

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const RATIO_SUMMARY: SummaryTemplate = {
  zh: "{self} = [{scale} × ]{numerator} ÷ {denominator}",
  en: "{self} = [{scale} × ]{numerator} / {denominator}",
};

export const ratio = defineMechanism({
  name: "ratio",
  schema: RatioSpec,
  volatility: false,
  summary: RATIO_SUMMARY,
  doc: {
    equation: "v_t = min(scale · N_t / D_t, max); no value when D_t ≤ 0",
    units: "scale carries the unit conversion (100 for a % of two amounts in one unit)",
    source: "definition of the indicator (e.g. R&D intensity = R&D / GDP × 100)",
  },
  compile: compileRatio,
});
