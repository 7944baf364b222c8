/**
 * Words for the joint view of a run and for borderline statuses (numbers from src/assess/joint.ts
 * and src/assess/status.ts): the mark beside a borderline P(met), its legend, and the line on how
 * many targets are met together.
 */
import type { JointView, TargetAssessment } from "../assess/types.js";
import { type Bi, DEFAULT_LANG, formatPercent, type Lang, tr } from "../charts/labels.js";

/** Printed after a P(met) within 2 Monte Carlo SE of a status cut-off. */
export const BORDERLINE_MARK = "≈";

const BORDERLINE_WORDS: Bi = {
  zh: "临界：达成概率距状态分界不足两个蒙特卡洛标准误，换随机种子可能改变状态",
  en: "borderline: P(met) is within 2 Monte Carlo standard errors of a status cut-off; another seed could change the status",
};

/** The legend of the borderline mark. */
export function borderlineLegend(lang: Lang = DEFAULT_LANG): string {
  const words = lang === "both" ? `${BORDERLINE_WORDS.zh} — ${BORDERLINE_WORDS.en}` : tr(lang, BORDERLINE_WORDS);
  return `${BORDERLINE_MARK} ${words}`;
}

/** P(met) as a whole percentage, with the borderline mark when the status could flip. */
export function pMetCell(t: Pick<TargetAssessment, "pMet" | "borderline">): string {
  if (t.pMet === null) return "–";
  return `${formatPercent(t.pMet)}${t.borderline ? ` ${BORDERLINE_MARK}` : ""}`;
}

/** Shown for k where P(at least k) lies strictly between these (the informative part). */
const SHOWN = { low: 0.01, high: 0.99 };

/** "同时达成的目标数 Targets met together: expected 22.8 ± 0.03 of 39; P(≥ 20) 97% · P(≥ 21) 90% · …". */
export function jointLine(j: JointView, lang: Lang = DEFAULT_LANG): string {
  const ks = j.atLeast.flatMap((p, k) => (k > 0 && p > SHOWN.low && p < SHOWN.high ? [k] : []));
  const tail = ks.map((k) => `P(≥ ${k}) ${formatPercent(j.atLeast[k])}`).join(" · ");
  const e = `${j.expectedMet.toFixed(2)} ± ${j.expectedMetStandardError.toFixed(2)}`;
  const zh = `同时达成的目标数：期望 ${e}（蒙特卡洛标准误），共评估 ${j.targets} 项`;
  const en = `Targets met together: expected ${e} (Monte Carlo SE) of ${j.targets} assessed`;
  const head = lang === "zh" ? zh : lang === "en" ? en : `同时达成的目标数 ${en}`;
  const k = { zh: "至少 k 个达成的概率（逐条路径计）：", en: "P(at least k met), path by path: " };
  const kLine = lang === "both" ? `至少 k 个达成的概率 ${k.en}` : tr(lang, k);
  return head + (tail ? `\n  ${kLine}${tail}` : "");
}
