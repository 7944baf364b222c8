/**
 * Contribution of S&T progress to growth (科技进步贡献率) by the Solow residual.
 *
 *   a = y − α·k − β·l,  β = 1 − α;   E_A = a / y × 100 (%)
 *
 * y, k, l: average annual growth rates of real output, real capital stock and employment over
 * the `window` years ending in year t, by the level (geometric) method: g = (X_t / X_{t−W})^(1/W) − 1.
 * α: output elasticity of capital; Chinese practice usually sets it between 0.25 and 0.45
 * (see shared notes, methods.md); the bundled scenarios use 0.35 with that range.
 * When real output does not grow (y ≤ 0) no contribution can be attributed: recorded as 0.
 */

import { z } from "zod";
import { describeParam, Param } from "../stats/param.js";
import { IndicatorId } from "./fields.js";
import { type CommonSpec, defineMechanism } from "./mechanism.js";
import { type CompileEnv, clamp, type NodeDraft, rowOf, type SummaryTemplate } from "./types.js";

/** Average annual growth by the level method, fraction per year. */
export function levelGrowth(from: number, to: number, years: number): number {
  return Math.pow(to / from, 1 / years) - 1;
}

/** The Solow-residual contribution in %, from growth rates y, k, l (fractions per year). */
export function solowContribution(y: number, k: number, l: number, alpha: number): number {
  if (!(y > 0)) return 0;
  return ((y - alpha * k - (1 - alpha) * l) / y) * 100;
}

const SolowSpec = z.strictObject({
  output: IndicatorId.describe("real output (constant prices)"),
  capital: IndicatorId.describe("real capital stock"),
  labour: IndicatorId.describe("employment"),
  alpha: Param.describe("capital share α; literature for China 0.25–0.45"),
  window: z.number().int().min(1).max(10).default(3),
});

function compileSolow(s: z.infer<typeof SolowSpec>, _common: CommonSpec, env: CompileEnv): NodeDraft {
  const slot = env.slot;
  if (env.boostSlot() >= 0)
    env.fail(
      "",
      `programme effects cannot act on a ${"solow"} indicator`,
      "point the effect at the indicators it is computed from",
    );
  const out = env.slotOf(s.output);
  const cap = env.slotOf(s.capital);
  const lab = env.slotOf(s.labour);
  const w = s.window;
  for (const id of [s.output, s.capital, s.labour]) {
    if (env.lastObserved(id) < 0)
      env.fail(
        "solow",
        `${id} has no observed values`,
        `add ${id} to the baseline data; if it is there, it was dropped because no catalogue target or dictionary entry names it: pass the dictionary with --indicators`,
      );
  }
  const first = env.baseIndex + 1;
  if (first - w < 0)
    env.fail(
      "solow.window",
      `a ${w}-year window before ${env.years[first]} starts before the data`,
      "shorten the window or add earlier years",
    );
  const { min, max } = env.bounds;
  return {
    indicator: env.indicator,
    mechanism: "solow",
    firstStep: first,
    sameYearInputs: [out, cap, lab],
    reads: [out, cap, lab],
    params: [{ name: `${env.indicator}.solow.alpha`, param: s.alpha, percent: false, min: 0, max: 1 }],
    random: false,
    constants: { output: out, capital: cap, labour: lab, window: w, min, max },
    summary: `Solow residual share of ${s.output} growth over ${w} yr, α = ${describeParam(s.alpha, false)}`,
    terms: { output: { node: s.output }, window: { number: w }, alpha: { param: s.alpha, percent: false } },
    template: SOLOW_SUMMARY,
    step(ctx, y, firstParam) {
      const { state: st, params, nb, block } = ctx;
      const row = rowOf(ctx, slot, y);
      const [y1, y0] = [rowOf(ctx, out, y), rowOf(ctx, out, y - w)];
      const [k1, k0] = [rowOf(ctx, cap, y), rowOf(ctx, cap, y - w)];
      const [l1, l0] = [rowOf(ctx, lab, y), rowOf(ctx, lab, y - w)];
      const p0 = firstParam * block;
      for (let b = 0; b < nb; b++) {
        const gy = levelGrowth(st[y0 + b], st[y1 + b], w);
        const gk = levelGrowth(st[k0 + b], st[k1 + b], w);
        const gl = levelGrowth(st[l0 + b], st[l1 + b], w);
        st[row + b] = clamp(solowContribution(gy, gk, gl, params[p0 + b]), min, max);
      }
    },
  };
}

/** What this mechanism assumes, in one plain line (mechanism.ts, `summary`). */
const SOLOW_SUMMARY: SummaryTemplate = {
  zh: "{self} = {output}增长中资本与劳动解释不了的份额（{window} 年平均增速，资本份额 α = {alpha}）",
  en: "{self} = the share of {output} growth that capital and labour do not explain ({window}-year average growth, capital share α = {alpha})",
};

export const solow = defineMechanism({
  name: "solow",
  schema: SolowSpec,
  volatility: false,
  summary: SOLOW_SUMMARY,
  doc: {
    equation: "E_A = (y − α·k − (1 − α)·l) / y × 100, growth rates over `window` years",
    units: "% of output growth; y, k, l average annual growth rates",
    source: "Solow residual; α 0.25–0.45 in Chinese practice (methods.md)",
  },
  compile: compileSolow,
});
