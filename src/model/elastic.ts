/**
 * A flow that responds to a lagged driver with a constant elasticity, e.g. invention patent
 * grants responding to R&D expenditure.
 *
 *   v_t = v_b · (D_{t−L} / D_{b−L})^β · exp(σ·ε_t) · (1 + b_t)
 *
 * b_t: proportional uplift from programme spending (0 without programmes; programmeResponse.ts).
 * b: the indicator's last observed year; L: lag in years; β: elasticity (dimensionless);
 * σ: `volatility` of a yearly log shock (median-preserving). Units: those of v.
 *
 * Defaults in the bundled scenarios, for patents on R&D: β = 0.6 (range 0.3–1.0) — firm
 * panel estimates of the patents–R&D elasticity are about 0.3–0.6 within firms and near 1
 * across firms (Hausman, Hall & Griliches 1984, Econometrica 52:909–938; Hall, Griliches &
 * Hausman 1986, IER 27:265–283); L = 2 years — Chinese invention patents take about two
 * years from filing to grant, and filings follow R&D with little delay (Hall et al. 1986).
 */

import { z } from "zod";
import { describeParam, Param } from "../stats/param.js";
import { IndicatorId } from "./fields.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, drawShock, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

const ElasticSpec = z.strictObject({
  driver: IndicatorId,
  elasticity: Param,
  lag: z.number().int().min(0).max(10).default(0),
});

function compileElastic(el: z.infer<typeof ElasticSpec>, common: CommonSpec, env: CompileEnv): NodeDraft {
  const volatility = common.volatility ?? 0;
  const slot = env.slot;
  const driver = env.slotOf(el.driver);
  const lag = el.lag;
  const b = env.lastObserved(env.indicator);
  if (b < 0)
    env.fail(
      "elastic",
      `no observed value of ${env.indicator} to project from`,
      `add ${env.indicator} to the baseline data`,
    );
  if (b - lag < 0 || env.lastObserved(el.driver) < b - lag) {
    env.fail(
      "elastic.lag",
      `needs ${el.driver} observed in ${env.years[0] + b - lag}`,
      `add that year to the data or shorten the lag`,
    );
  }
  const { min, max } = env.bounds;
  const boost = env.boostSlot();
  const inputs = [...(lag === 0 ? [driver] : []), ...(boost >= 0 ? [boost] : [])];
  return {
    indicator: env.indicator,
    mechanism: "elastic",
    firstStep: b + 1,
    sameYearInputs: inputs,
    reads: boost >= 0 ? [driver, boost] : [driver],
    params: [{ name: `${env.indicator}.elastic.elasticity`, param: el.elasticity, percent: false }],
    random: volatility > 0,
    yearlyShock: volatility > 0,
    constants: { driver, lag, baseIndex: b, volatility, min, max },
    summary: `responds to ${el.driver} ${lag} yr earlier with elasticity ${describeParam(el.elasticity, false)}${volatility ? `, yearly volatility ${describeParam(volatility, true)}` : ""}`,
    terms: {
      driver: { node: el.driver },
      lag: { number: lag },
      elasticity: { param: el.elasticity, percent: false },
      ...(volatility > 0 ? { volatility: { param: volatility, percent: true } } : {}),
    },
    template: ELASTIC_SUMMARY,
    step(ctx, y, firstParam) {
      const { state, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      const base = rowOf(ctx, slot, b);
      const now = rowOf(ctx, driver, y - lag);
      const then = rowOf(ctx, driver, b - lag);
      const boostRow = boost >= 0 ? rowOf(ctx, boost, y) : -1;
      const p0 = firstParam * block;
      const shocks = volatility > 0 && !ctx.deterministic;
      for (let k = 0; k < nb; k++) {
        const shock = shocks ? Math.exp(volatility * drawShock(ctx, k)) : 1;
        const uplift = 1 + (boostRow >= 0 ? state[boostRow + k] : 0);
        state[row + k] = clamp(
          state[base + k] * Math.pow(state[now + k] / state[then + k], params[p0 + k]) * shock * uplift,
          min,
          max,
        );
      }
    },
  };
}

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const ELASTIC_SUMMARY: SummaryTemplate = {
  zh: "{self}随 {lag} 年前的{driver}变化，弹性 {elasticity}[，逐年波动 {volatility}]",
  en: "{self} follows {driver} {lag} years earlier with elasticity {elasticity}[, yearly volatility {volatility}]",
};

export const elastic = defineMechanism({
  name: "elastic",
  schema: ElasticSpec,
  volatility: true,
  summary: ELASTIC_SUMMARY,
  doc: {
    equation: "v_t = v_b · (D_{t−L} / D_{b−L})^β · exp(σ·ε_t) · (1 + b_t)",
    units: "v in the indicator's unit; β dimensionless; L in years; σ a log shock",
    source: "constant-elasticity response; patents on R&D β ≈ 0.3–1.0 (firm panel estimates)",
  },
  compile: compileElastic,
});
