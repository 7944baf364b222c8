/**
 * R&D expenditure with private R&D leveraged by fiscal S&T spending.
 *
 *   v_t = v_{t−1} · (1 + g + b_t + σ·ε_t) + m · c · (D_t − D_{t−1})
 *
 * b_t: extra growth from programme spending (0 without programmes; programmeResponse.ts).
 * v: R&D expenditure (e.g. 亿元); g: growth of R&D not driven by the budget (fraction/yr);
 * D: the driver, fiscal S&T spending (e.g. 万元), converted to v's unit by c (万元 → 亿元 = 1e-4);
 * m: yuan of total R&D per extra yuan of fiscal S&T spending (the leverage multiplier).
 *
 * Assumption, to calibrate: default m = 1.0 with range 0.5–2.0. The evaluation literature
 * mostly finds public R&D money complements rather than crowds out private R&D (David, Hall &
 * Toole 2000, Research Policy 29:497–529, review of 33 studies); firm-level estimates of the
 * additional private R&D per unit of subsidy vary widely (roughly 0 to over 1), so with the
 * subsidy itself counted, 0.5–2.0 brackets most findings. Intensity is then a ratio node:
 * rd_intensity = 100 · R&D / GDP (%).
 */

import { z } from "zod";
import { conversionFactor } from "../data/units.js";
import { describeParam, Param } from "../stats/param.js";
import { IndicatorId, Rate } from "./fields.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, drawShock, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

const LeveragedSpec = z.strictObject({
  own_growth: Rate.describe("growth of the part not driven by the driver, fraction per year"),
  driver: IndicatorId,
  multiplier: Param.describe("output (in its unit) per unit of driver added, after unit conversion"),
});

function compileLeveraged(lev: z.infer<typeof LeveragedSpec>, common: CommonSpec, env: CompileEnv): NodeDraft {
  const volatility = common.volatility ?? 0;
  const slot = env.slot;
  const driver = env.slotOf(lev.driver);
  const last = env.lastObserved(env.indicator);
  if (last < 0)
    env.fail(
      "leveraged",
      `no observed value of ${env.indicator} to project from`,
      `add ${env.indicator} to the baseline data`,
    );
  if (env.lastObserved(lev.driver) < 0 && last >= 0) {
    env.fail(
      "leveraged.driver",
      `the driver ${lev.driver} has no observed value`,
      `add ${lev.driver} to the baseline data`,
    );
  }
  let c = 1;
  try {
    c = conversionFactor(env.unitOf(lev.driver), env.unitOf(env.indicator));
  } catch (e) {
    env.fail(
      "leveraged.driver",
      `cannot convert ${lev.driver} (${env.unitOf(lev.driver)}) into ${env.unitOf(env.indicator)}: ${(e as Error).message}`,
      "choose a driver measured in money, like the indicator",
    );
  }
  const { min, max } = env.bounds;
  const boost = env.boostSlot();
  return {
    indicator: env.indicator,
    mechanism: "leveraged",
    firstStep: last + 1,
    sameYearInputs: boost >= 0 ? [driver, boost] : [driver],
    reads: boost >= 0 ? [driver, boost] : [driver],
    params: [
      { name: `${env.indicator}.leveraged.own_growth`, param: lev.own_growth, percent: true, min: -1 },
      { name: `${env.indicator}.leveraged.multiplier`, param: lev.multiplier, percent: false, min: 0 },
    ],
    random: volatility > 0,
    yearlyShock: volatility > 0,
    constants: { driver, conversion: c, volatility, min, max },
    summary: `grows ${describeParam(lev.own_growth, true)}/yr plus ${describeParam(lev.multiplier, false)} × added ${lev.driver}`,
    terms: {
      own_growth: { param: lev.own_growth, percent: true },
      driver: { node: lev.driver },
      multiplier: { param: lev.multiplier, percent: false },
      ...(volatility > 0 ? { volatility: { param: volatility, percent: true } } : {}),
    },
    template: LEVERAGED_SUMMARY,
    step(ctx, y, firstParam) {
      const { state, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      const d = rowOf(ctx, driver, y);
      const boostRow = boost >= 0 ? rowOf(ctx, boost, y) : -1;
      const g0 = firstParam * block;
      const m0 = g0 + block;
      const shocks = volatility > 0 && !ctx.deterministic;
      for (let b = 0; b < nb; b++) {
        const shock = shocks ? volatility * drawShock(ctx, b) : 0;
        const added = state[d + b] - state[d - block + b];
        const own =
          state[row - block + b] * Math.max(0, 1 + params[g0 + b] + (boostRow >= 0 ? state[boostRow + b] : 0) + shock);
        state[row + b] = clamp(own + params[m0 + b] * c * added, min, max);
      }
    },
  };
}

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const LEVERAGED_SUMMARY: SummaryTemplate = {
  zh: "{self} = 上年 × (1 + 自身增速 {own_growth}) + 新增{driver} × 杠杆率 {multiplier}[，逐年波动 {volatility}]",
  en: "{self} = previous year × (1 + own growth {own_growth}) + added {driver} × leverage {multiplier}[, yearly volatility {volatility}]",
};

export const leveraged = defineMechanism({
  name: "leveraged",
  schema: LeveragedSpec,
  volatility: true,
  summary: LEVERAGED_SUMMARY,
  doc: {
    equation: "v_t = v_{t−1} · (1 + g + b_t + σ·ε_t) + m · c · (D_t − D_{t−1})",
    units: "v in its unit (e.g. 亿元); D the driver's unit, converted by c; m yuan per yuan",
    source: "public R&D money mostly complements private R&D (David, Hall & Toole 2000); m an assumption to calibrate",
  },
  compile: compileLeveraged,
});
