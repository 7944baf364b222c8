/**
 * Words for the joint view of a run and for borderline statuses (numbers from src/assess/joint.ts
 * and src/assess/status.ts): the mark beside a borderline P(met), its legend, and the line on how
 * many targets are met together.
 */
import type { JointView, TargetAssessment } from "../assess/types.js";

/** Printed after a P(met) within 2 Monte Carlo SE of a status cut-off. */
export const BORDERLINE_MARK = "≈";

export const BORDERLINE_LEGEND =
  "≈ 临界：达成概率距状态分界不足两个蒙特卡洛标准误，换随机种子可能改变状态 — borderline: P(met) is within 2 Monte Carlo standard errors of a status cut-off; another seed could change the status";

/** P(met) as a whole percentage, with the borderline mark when the status could flip. */
export function pMetCell(t: Pick<TargetAssessment, "pMet" | "borderline">): string {
  if (t.pMet === null) return "–";
  return `${Math.round(t.pMet * 100)}%${t.borderline ? ` ${BORDERLINE_MARK}` : ""}`;
}

/** Shown for k where P(at least k) lies strictly between these (the informative part). */
const SHOWN = { low: 0.01, high: 0.99 };

/** "达成目标数 Targets met: expected 22.8 ± 0.03 of 39; P(≥ 20) 97% · P(≥ 21) 90% · …". */
export function jointLine(j: JointView): string {
  const pct = (p: number) => `${Math.round(p * 100)}%`;
  const ks = j.atLeast.flatMap((p, k) => (k > 0 && p > SHOWN.low && p < SHOWN.high ? [k] : []));
  const tail = ks.map((k) => `P(≥ ${k}) ${pct(j.atLeast[k])}`).join(" · ");
  return (
    `同时达成的目标数 Targets met together: expected ${j.expectedMet.toFixed(2)} ± ${j.expectedMetStandardError.toFixed(2)} (Monte Carlo SE) of ${j.targets} assessed` +
    (tail ? `\n  至少 k 个达成的概率 P(at least k met), path by path: ${tail}` : "")
  );
}
