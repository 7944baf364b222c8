/**
 * Counts of things (high-tech enterprises, R&D institutions, incubated firms…).
 *
 *   v_t = v_{t−1} + N_t,  N_t ~ Poisson(λ + b_t)  or  NegBin(mean λ + b_t, size r)  or exactly λ + b_t (`fixed`)
 *
 * b_t: extra additions from programme spending (0 without programmes; programmeResponse.ts).
 * λ: expected additions per year (units: those of v), drawn once per path when uncertain.
 * Poisson suits independent events at a steady rate; the negative binomial (variance
 * λ + λ²/r) suits lumpy additions such as batches of certifications. Cumulative targets
 * are the running total, so they accumulate by construction. The deterministic projection
 * adds exactly λ a year (the expected value).
 */

import { z } from "zod";
import { describeParam, Param } from "../stats/param.js";
import { negativeBinomial, POISSON_TABLE_LENGTH, poissonTabulated } from "../stats/samplers.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

const CountSpec = z.strictObject({
  additions: Param.describe("expected additions per year"),
  distribution: z.enum(["poisson", "negative_binomial", "fixed"]).default("poisson"),
  dispersion: z.number().positive().optional().describe("negative binomial size r: variance = μ + μ²/r"),
});

function compileCount(count: z.infer<typeof CountSpec>, _common: CommonSpec, env: CompileEnv): NodeDraft {
  const slot = env.slot;
  const last = env.lastObserved(env.indicator);
  if (last < 0)
    env.fail(
      "count",
      `no observed value of ${env.indicator} to count from`,
      `add ${env.indicator} to the baseline data`,
    );
  if (count.distribution === "negative_binomial" && count.dispersion === undefined) {
    env.fail(
      "count.dispersion",
      "a negative binomial needs a dispersion",
      "add `dispersion: 5` (variance = mean + mean²/dispersion) or use distribution: poisson",
    );
  }
  const dispersion = count.dispersion ?? 1;
  const kind = count.distribution;
  const { min, max } = env.bounds;
  const boost = env.boostSlot();
  return {
    indicator: env.indicator,
    mechanism: "count",
    firstStep: last + 1,
    sameYearInputs: boost >= 0 ? [boost] : [],
    reads: boost >= 0 ? [boost] : [],
    params: [{ name: `${env.indicator}.count.additions`, param: count.additions, percent: false, min: 0 }],
    random: kind !== "fixed",
    constants: { distribution: kind, dispersion, min, max },
    summary: `adds ${describeParam(count.additions, false)} a year (${kind}${kind === "negative_binomial" ? `, dispersion ${dispersion}` : ""})`,
    terms: {
      additions: { param: count.additions, percent: false },
      distribution: { code: `count.${kind}` },
      ...(kind === "negative_binomial" ? { dispersion: { number: dispersion } } : {}),
    },
    template: COUNT_SUMMARY,
    // Per path, the Poisson CDF of its rate (the same every year without programmes): poissonTabulated.
    scratchRows: kind === "poisson" ? POISSON_TABLE_LENGTH : 0,
    step(ctx, y, firstParam) {
      const { state, params, nb, block, scratch } = ctx;
      const row = rowOf(ctx, slot, y);
      const prev = row - block;
      const boostRow = boost >= 0 ? rowOf(ctx, boost, y) : -1;
      const p0 = firstParam * block;
      const expected = ctx.deterministic || kind === "fixed";
      for (let b = 0; b < nb; b++) {
        const lambda = params[p0 + b] + (boostRow >= 0 ? state[boostRow + b] : 0);
        const added = expected
          ? lambda
          : kind === "poisson"
            ? poissonTabulated(ctx.rngs[b], lambda, scratch, b * POISSON_TABLE_LENGTH)
            : negativeBinomial(ctx.rngs[b], lambda, dispersion);
        state[row + b] = clamp(state[prev + b] + added, min, max);
      }
    },
  };
}

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const COUNT_SUMMARY: SummaryTemplate = {
  zh: "{self} = 上年 + 每年新增 {additions}（{distribution}[，离散参数 {dispersion}]）",
  en: "{self} = previous year + {additions} added a year ({distribution}[, dispersion {dispersion}])",
};

export const count = defineMechanism({
  name: "count",
  schema: CountSpec,
  volatility: false,
  summary: COUNT_SUMMARY,
  doc: {
    equation: "v_t = v_{t−1} + N_t, N_t ~ Poisson(λ + b_t) or NegBin(mean λ + b_t, size r), or exactly λ + b_t (fixed)",
    units: "v and λ in the indicator's count unit (e.g. 家, 个)",
    source: "Poisson for independent events at a steady rate; negative binomial for lumpy additions",
  },
  compile: compileCount,
});
