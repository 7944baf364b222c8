/** Terminal rendering of run results: a risk table per scenario and a scenario × target matrix. */
import type { ScenarioResult, Status } from "../assess/types.js";
import { ALL_STATUSES, STATUS_ORDER, statusLabel } from "../charts/labels.js";
import { STATUS_STYLE } from "../charts/statusStyle.js";
import { BORDERLINE_LEGEND, jointLine, pMetCell } from "./jointText.js";
import { COMMITMENTS_HEADING, commitmentSentence } from "./messages.js";
import { byRisk } from "./summary.js";
import { renderTable } from "./textTable.js";

const fmt = (v: number | null) =>
  v === null || !Number.isFinite(v) ? "–" : Math.abs(v) >= 1000 ? v.toFixed(0) : String(+v.toPrecision(3));
const pct = (p: number | null) => (p === null ? "–" : `${Math.round(p * 100)}%`);

/** Worst first, the one order of the report layer (summary.ts). */
const sortByRisk = byRisk;

/** The first few ids of a long list, and how many more. */
function listSome(ids: string[], shown = 12): string {
  return ids.length <= shown ? ids.join(", ") : `${ids.slice(0, shown).join(", ")} … and ${ids.length - shown} more`;
}

/** The terminal risk table of one scenario (bilingual). */
export function riskTable(r: ScenarioResult): string {
  const head = `${r.scenario.nameZh} / ${r.scenario.nameEn}  (${r.scenario.file}; ${r.paths} paths, seed ${r.seed}; ${r.scenario.baseYear}→${r.scenario.horizon})`;
  const warn =
    (r.illustrative ? "\n⚠ 示意数据，非官方统计 — Illustrative data, not official statistics" : "") +
    `\nData: ${r.dataSource}` +
    (r.scenario.trendByDefault.length
      ? `\n默认趋势外推（情景未设定）Follow their trend by default (not set in the scenario): ${listSome(r.scenario.trendByDefault)}`
      : "");
  const rows = sortByRisk(r.targets).map((t) => [
    t.nameZh,
    statusLabel(t.status, "both"),
    pMetCell(t),
    t.median === null ? "–" : `${fmt(t.median)} [${fmt(t.p10)}–${fmt(t.p90)}]`,
    t.comparator && t.threshold !== null ? `${t.comparator} ${fmt(t.threshold)}` : "–",
    t.unit,
    t.responsible,
  ]);
  const table = renderTable(
    [
      { header: "目标 Target", max: 28 },
      { header: "状态 Status" },
      { header: "P(met)", align: "right" },
      { header: `${"中位数"} [P10–P90]`, align: "right" },
      { header: "目标值", align: "right" },
      { header: "单位 Unit", max: 14 },
      { header: "责任单位 Responsible", max: 30 },
    ],
    rows,
  );
  const reasons = sortByRisk(r.targets)
    .filter((t) => t.reason)
    .map((t) => `  • ${t.nameZh}: ${t.reason!.textZh}\n    ${t.nameEn}: ${t.reason!.textEn}`);
  const commitments = r.targets
    .filter((t) => t.commitment)
    .map(
      (t) =>
        `  ${STATUS_STYLE[t.status].mark} ${t.nameZh}: ${commitmentSentence(t, r, "zh")}\n    ${t.nameEn}: ${commitmentSentence(t, r, "en")}`,
    );
  const skipped = r.targets
    .filter((t) => t.notAssessedBecause)
    .map((t) => `  • ${t.nameZh} (${t.id}): ${t.notAssessedBecause}`);
  return [
    head + warn,
    table,
    (r.targets.some((t) => t.borderline) ? BORDERLINE_LEGEND + "\n" : "") + jointLine(r.joint),
    reasons.length ? "为何有风险 Why at risk:\n" + reasons.join("\n") : "",
    commitments.length ? `${COMMITMENTS_HEADING.zh} ${COMMITMENTS_HEADING.en}:\n${commitments.join("\n")}` : "",
    skipped.length ? "未评估原因 Not assessed, because:\n" + skipped.join("\n") : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

const SHORT_WORD: Record<Status, string> = {
  already_met: "met",
  on_track: "on",
  at_risk: "risk",
  off_track: "off",
  not_assessed: "",
  commitment_adopted: "adopted",
  commitment_not_adopted: "not adopted",
};
const SHORT = (s: Status) => `${STATUS_STYLE[s].mark} ${SHORT_WORD[s]}`.trim();

/** Targets as rows, scenarios as columns: status mark and P(met). */
export function scenarioMatrix(results: ScenarioResult[]): string {
  if (!results.length) return "";
  const ids = results[0].targets.map((t) => t.id);
  const rows = ids.map((id) => {
    const first = results[0].targets.find((t) => t.id === id)!;
    return [
      first.nameZh,
      ...results.map((r) => {
        const t = r.targets.find((x) => x.id === id);
        return t ? `${SHORT(t.status)} ${t.pMet === null ? "" : pct(t.pMet)}`.trim() : "";
      }),
    ];
  });
  const present = new Set(results.flatMap((r) => r.targets.map((t) => t.status)));
  const legend = ALL_STATUSES.filter((s) => STATUS_ORDER.includes(s as never) || present.has(s))
    .map((s) => `${STATUS_STYLE[s].mark} ${statusLabel(s, "both")}`)
    .join("  ");
  return (
    renderTable([{ header: "目标 Target", max: 28 }, ...results.map((r) => ({ header: r.scenario.id }))], rows) +
    "\n" +
    legend
  );
}
