/** Terminal rendering of run results: a risk table per scenario and a scenario × target matrix. */
import { ILLUSTRATIVE_SUFFIX } from "../assess/runScenario.js";
import type { ScenarioResult, Status, TargetAssessment } from "../assess/types.js";
import {
  ALL_STATUSES,
  type Bi,
  colon,
  comparatorSymbol,
  DEFAULT_LANG,
  formatFigure,
  formatPercent,
  indicatorInfo,
  type Lang,
  STATUS_ORDER,
  scenarioName,
  statusLabel,
  tr,
} from "../charts/labels.js";
import { STATUS_STYLE } from "../charts/statusStyle.js";
import { assumptionLines } from "./assumptionText.js";
import { borderlineLegend, jointLine, pMetCell } from "./jointText.js";
import { COMMITMENTS_HEADING, commitmentSentence, notAssessedText, reasonText } from "./messages.js";
import { byRisk } from "./summary.js";
import { renderTable } from "./textTable.js";

/** The first few names of a long list, and how many more. */
function listSome(names: string[], lang: Lang, shown = 12): string {
  const sep = lang === "zh" ? "、" : ", ";
  if (names.length <= shown) return names.join(sep);
  const more = names.length - shown;
  return `${names.slice(0, shown).join(sep)} ${tr(lang, { zh: `等，另有 ${more} 项`, en: `… and ${more} more` })}`;
}

/** Words of the terminal risk table. */
const W = {
  paths: (n: number, seed: number): Bi => ({ zh: `${n} 条模拟路径，随机种子 ${seed}`, en: `${n} paths, seed ${seed}` }),
  illustrative: { zh: "⚠ 示意数据，非官方统计", en: "⚠ Illustrative data, not official statistics" },
  data: { zh: "数据", en: "Data" },
  trendByDefault: {
    zh: "默认趋势外推（情景未设定）",
    en: "Follow their trend by default (not set in the scenario)",
  },
  target: { zh: "目标", en: "Target" },
  status: { zh: "状态", en: "Status" },
  pMet: { zh: "达成概率", en: "P(met)" },
  median: { zh: "中位数 [P10–P90]", en: "Median [P10–P90]" },
  threshold: { zh: "目标值", en: "Threshold" },
  unit: { zh: "单位", en: "Unit" },
  responsible: { zh: "责任单位", en: "Responsible" },
  why: { zh: "为何有风险", en: "Why at risk" },
  notAssessed: { zh: "未评估原因", en: "Not assessed, because" },
  assumptions: { zh: "本情景设定的假设", en: "Assumptions set by this scenario" },
} satisfies Record<string, Bi | ((...a: never[]) => Bi)>;

/** A target's figure in its unit's column (src/charts/numberFormat.ts). */
function figure(lang: Lang) {
  return (t: TargetAssessment, v: number | null) => formatFigure(v, t.unit, lang, t.threshold);
}

/** The risk table of one scenario for the terminal, in the language asked for (default both). */
export function riskTable(r: ScenarioResult, lang: Lang = DEFAULT_LANG): string {
  const T = (b: Bi) => tr(lang, b);
  const fig = figure(lang);
  const heading = (b: Bi) => T(b) + (lang === "zh" ? "：" : ":");
  const illustrative = lang === "both" ? `${W.illustrative.zh} — ${W.illustrative.en.slice(2)}` : T(W.illustrative);
  const name = lang === "both" ? `${r.scenario.nameZh} / ${r.scenario.nameEn}` : scenarioName(r, lang);
  const about = [r.scenario.file, T(W.paths(r.paths, r.seed)), `${r.scenario.baseYear}→${r.scenario.horizon}`];
  const head = lang === "zh" ? `${name}（${about.join("；")}）` : `${name}  (${about.join("; ")})`;
  const warn =
    (r.illustrative ? `\n${illustrative}` : "") +
    // In Chinese the English note on illustrative data is left out: the line above says it.
    `\n${T(W.data)}${colon(lang)}${lang === "zh" ? r.dataSource.replace(ILLUSTRATIVE_SUFFIX, "") : r.dataSource}` +
    (r.scenario.trendByDefault.length
      ? `\n${T(W.trendByDefault)}${colon(lang)}${listSome(
          r.scenario.trendByDefault.map((id) => tr(lang, indicatorInfo(r, id).name)),
          lang,
        )}`
      : "");
  const rows = byRisk(r.targets).map((t) => [
    tr(lang, { zh: t.nameZh, en: t.nameEn }),
    statusLabel(t.status, lang),
    pMetCell(t),
    t.median === null ? "–" : `${fig(t, t.median)} [${fig(t, t.p10)}–${fig(t, t.p90)}]`,
    t.comparator && t.threshold !== null ? `${comparatorSymbol(t.comparator)} ${fig(t, t.threshold)}` : "–",
    t.unit,
    t.responsible,
  ]);
  const table = renderTable(
    [
      { header: T(W.target), max: lang === "en" ? 40 : 28 },
      { header: T(W.status) },
      { header: T(W.pMet), align: "right" },
      { header: T(W.median), align: "right" },
      { header: T(W.threshold), align: "right" },
      { header: T(W.unit), max: 14 },
      { header: T(W.responsible), max: 30 },
    ],
    rows,
  );
  const reasons = byRisk(r.targets)
    .filter((t) => t.reason)
    .map((t) =>
      lang === "both"
        ? `  • ${t.nameZh}: ${reasonText(t, "zh")}\n    ${t.nameEn}: ${reasonText(t, "en")}`
        : `  • ${T({ zh: t.nameZh, en: t.nameEn })}${colon(lang)}${reasonText(t, lang)}`,
    );
  const commitments = r.targets
    .filter((t) => t.commitment)
    .map((t) =>
      lang === "both"
        ? `  ${STATUS_STYLE[t.status].mark} ${t.nameZh}: ${commitmentSentence(t, r, "zh")}\n    ${t.nameEn}: ${commitmentSentence(t, r, "en")}`
        : `  ${STATUS_STYLE[t.status].mark} ${T({ zh: t.nameZh, en: t.nameEn })}${colon(lang)}${commitmentSentence(t, r, lang)}`,
    );
  const skipped = r.targets
    .filter((t) => t.notAssessed)
    .map(
      (t) =>
        `  • ${T({ zh: t.nameZh, en: t.nameEn })}${lang === "zh" ? "" : ` (${t.id})`}${colon(lang)}${notAssessedText(t, lang === "both" ? "en" : lang)}`,
    );
  // The nodes the scenario file sets (not the indicators left to their trend, nor the programme
  // bookkeeping nodes), each as its mechanism's plain one-line summary.
  const byDefault = new Set(r.scenario.trendByDefault);
  const set = r.scenario.assumptions.filter(
    (a) => !byDefault.has(a.indicator) && !/^(programme|boost)\./.test(a.indicator),
  );
  let assumptions: string[];
  if (lang === "both") {
    const enLines = assumptionLines(set, r, "en");
    assumptions = assumptionLines(set, r, "zh").map((zh, i) => `  • ${zh}\n    ${enLines[i]}`);
  } else assumptions = assumptionLines(set, r, lang).map((l) => `  • ${l}`);
  return [
    head + warn,
    table,
    (r.targets.some((t) => t.borderline) ? borderlineLegend(lang) + "\n" : "") + jointLine(r.joint, lang),
    reasons.length ? `${heading(W.why)}\n` + reasons.join("\n") : "",
    commitments.length ? `${heading(COMMITMENTS_HEADING)}\n${commitments.join("\n")}` : "",
    skipped.length ? `${heading(W.notAssessed)}\n` + skipped.join("\n") : "",
    assumptions.length ? `${heading(W.assumptions)}\n${assumptions.join("\n")}` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** Short status words of the scenario matrix (the mark carries the status; the word repeats it). */
const SHORT_WORD: Record<Status, Bi> = {
  already_met: { zh: "已达", en: "met" },
  on_track: { zh: "按期", en: "on" },
  at_risk: { zh: "风险", en: "risk" },
  off_track: { zh: "偏离", en: "off" },
  not_assessed: { zh: "", en: "" },
  commitment_adopted: { zh: "已采纳", en: "adopted" },
  commitment_not_adopted: { zh: "未采纳", en: "not adopted" },
};
// The cell is trimmed where it is made (a not-assessed status has no word).
const SHORT = (s: Status, lang: Lang) => `${STATUS_STYLE[s].mark} ${tr(lang === "zh" ? "zh" : "en", SHORT_WORD[s])}`;

/** Targets as rows, scenarios as columns: status mark and P(met). */
export function scenarioMatrix(results: ScenarioResult[], lang: Lang = DEFAULT_LANG): string {
  if (!results.length) return "";
  const ids = results[0].targets.map((t) => t.id);
  const rows = ids.map((id) => {
    const first = results[0].targets.find((t) => t.id === id)!;
    return [
      tr(lang === "both" ? "zh" : lang, { zh: first.nameZh, en: first.nameEn }),
      ...results.map((r) => {
        const t = r.targets.find((x) => x.id === id);
        return t ? `${SHORT(t.status, lang)} ${t.pMet === null ? "" : formatPercent(t.pMet)}`.trim() : "";
      }),
    ];
  });
  const present = new Set(results.flatMap((r) => r.targets.map((t) => t.status)));
  const legend = ALL_STATUSES.filter((s) => STATUS_ORDER.includes(s as never) || present.has(s))
    .map((s) => `${STATUS_STYLE[s].mark} ${statusLabel(s, lang)}`)
    .join("  ");
  const column = (r: ScenarioResult) => (lang === "both" ? r.scenario.id : scenarioName(r, lang));
  return (
    renderTable(
      [{ header: tr(lang, W.target), max: lang === "en" ? 40 : 28 }, ...results.map((r) => ({ header: column(r) }))],
      rows,
    ) +
    "\n" +
    legend
  );
}

/** The heading over the scenario matrix. */
export function scenarioMatrixTitle(lang: Lang = DEFAULT_LANG): string {
  return tr(lang, { zh: "情景 × 目标", en: "Scenario × target" });
}
