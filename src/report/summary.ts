/**
 * The briefing's first screen (`<section id="summary">`), for a leader with ten seconds:
 * per scenario how many targets are met, on track, at risk, off track and not assessed; the
 * headline targets most at risk, each with P(met) and its reason in one sentence; what an extra
 * budget buys (when an allocation result is given); borderline statuses and commitments when the
 * results carry them; the data caveat. It fits one 1366×768 screen (test/report/browser.test.ts).
 */
import type { ScenarioResult, Status, TargetAssessment } from "../assess/types.js";
import { publicationSources } from "../charts/frame.js";
import {
  ALL_STATUSES,
  type Bi,
  colon,
  formatPercent,
  type Lang,
  STATUS_ORDER,
  STATUS_WORDS,
  scenarioName,
  statusLabel,
  tr,
  WORDS,
} from "../charts/labels.js";
import { STATUS_STYLE } from "../charts/statusStyle.js";
import type { AllocationSummary } from "./allocationSummary.js";
import { escapeHtml } from "./html.js";
import { formatAmount, reasonText } from "./messages.js";

/** How many headline targets the summary, the deck and the detail show. */
export const HEADLINE_COUNT = 5;

/** Worst first: off track, at risk, on track, already met, not assessed; then commitments (decisions), not adopted first. */
export const SEVERITY: Record<Status, number> = {
  off_track: 0,
  at_risk: 1,
  on_track: 2,
  already_met: 3,
  not_assessed: 4,
  commitment_not_adopted: 5,
  commitment_adopted: 6,
};

/** Borderline targets named in the summary (the rest are counted, and marked in the risk table). */
const BORDERLINE_NAMES = 2;

/** Targets worst first, then by P(met) (lowest first), then in catalogue order. */
export function byRisk(targets: TargetAssessment[]): TargetAssessment[] {
  return [...targets].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || (a.pMet ?? 2) - (b.pMet ?? 2));
}

/**
 * The headline targets: in the first scenario (the reference, usually the baseline), the targets
 * off track or at risk with the lowest P(met), at most HEADLINE_COUNT.
 */
export function headlineTargets(results: ScenarioResult[], n = HEADLINE_COUNT): TargetAssessment[] {
  return byRisk(results[0].targets.filter((t) => t.status === "off_track" || t.status === "at_risk")).slice(0, n);
}

/** A status pill: mark and word, coloured by STATUS_STYLE. */
export function badge(status: Status, lang: Lang, short = false): string {
  const s = STATUS_STYLE[status];
  return `<span class="badge ${status}">${s.mark}${short ? "" : ` ${escapeHtml(statusLabel(status, lang))}`}</span>`;
}

/** The CSS of the pills, from the one palette. */
export function badgeCss(): string {
  return ALL_STATUSES.map(
    (s) =>
      `.badge.${s} { background: ${STATUS_STYLE[s].fill}; color: ${STATUS_STYLE[s].ink}; border-color: ${STATUS_STYLE[s].fill}; }`,
  ).join("\n");
}

/** Chinese, then English on a second, smaller line ("both"); one language otherwise. */
function twoLines(lang: Lang, b: Bi): string {
  return lang === "both" && b.zh !== b.en
    ? `${escapeHtml(b.zh)}<span class="small" lang="en">${escapeHtml(b.en)}</span>`
    : escapeHtml(tr(lang, b));
}

export function summarySection(
  results: ScenarioResult[],
  opts: { lang: Lang; title: Bi; stamp: string; allocation?: AllocationSummary },
): string {
  const { lang } = opts;
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const first = results[0];
  // Punctuation of the sentences below: Chinese marks in Chinese only (English and "both" take the Latin ones).
  const listSep = lang === "zh" ? "、" : ", ";
  const clauseSep = lang === "zh" ? "；" : "; ";
  const stop = lang === "zh" ? "。" : ".";

  const head = STATUS_ORDER.map(
    (s) => `<th class="num">${badge(s, lang, true)} ${twoLines(lang, STATUS_WORDS[s])}</th>`,
  ).join("");
  const rows = results
    .map(
      (r) =>
        `<tr><th scope="row">${twoLines(lang, { zh: r.scenario.nameZh, en: r.scenario.nameEn })}</th>${STATUS_ORDER.map(
          (s) => `<td class="num">${r.targets.filter((t) => t.status === s).length}</td>`,
        ).join("")}</tr>`,
    )
    .join("");
  const counts = `<table class="counts"><thead><tr><th>${T(WORDS.scenario)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;

  const headline = headlineTargets(results)
    .map((t) => {
      const others = results
        .slice(1)
        .map((r) => r.targets.find((x) => x.id === t.id))
        .filter((x): x is TargetAssessment => !!x && x.pMet !== null);
      const range = others.length
        ? ` <span class="muted">(${T({ zh: "其他情景", en: "other scenarios" })} ${others.map((x) => formatPercent(x.pMet!)).join(" / ")})</span>`
        : "";
      const plain = { driver: false, sentence: true };
      const reason = reasonText(t, lang === "both" ? "zh" : lang, plain);
      const reasonEn = lang === "both" ? reasonText(t, "en", plain) : null;
      return `<li>${badge(t.status, lang, true)} <strong>${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))}</strong> — ${T(WORDS.pMet)} <strong>${t.pMet === null ? "–" : formatPercent(t.pMet)}</strong>${range}${
        reason ? `<span class="why">${escapeHtml(reason)}</span>` : ""
      }${reasonEn ? `<span class="why" lang="en">${escapeHtml(reasonEn)}</span>` : ""}</li>`;
    })
    .join("");

  const blocks: string[] = [];
  const a = opts.allocation;
  if (a) {
    const names = new Map(a.programmes.map((p) => [p.id, tr(lang, { zh: p.nameZh, en: p.nameEn })]));
    const top = Object.entries(a.best.split)
      .filter(([, v]) => v > 0)
      .sort((x, y) => y[1] - x[1])
      .map(([id, v]) => `${escapeHtml(names.get(id) ?? id)} ${escapeHtml(formatAmount(v, a.unit, lang))}`)
      .join(listSep);
    const gain = a.best.expectedMet - a.equalSplit.expectedMet;
    blocks.push(
      `<div class="block"><h2>${T({ zh: "新增预算能换来什么", en: "What an extra budget buys" })}</h2><p>${T({
        zh: `每年新增 ${formatAmount(a.budget, a.unit, "zh")} 的最佳分配`,
        en: `Best split of an extra ${formatAmount(a.budget, a.unit, "en")} a year`,
      })}${colon(lang)}${top || "–"}${stop}</p><p>${T({
        zh: `预期达成目标 ${a.best.expectedMet.toFixed(1)} 个，平均分配为 ${a.equalSplit.expectedMet.toFixed(1)} 个（${gain >= 0 ? "+" : ""}${gain.toFixed(1)}）`,
        en: `Expected targets met: ${a.best.expectedMet.toFixed(1)}, against ${a.equalSplit.expectedMet.toFixed(1)} with an equal split (${gain >= 0 ? "+" : ""}${gain.toFixed(1)})`,
      })}${stop}</p></div>`,
    );
  }
  // Borderline statuses in one line: how many, and the first BORDERLINE_NAMES by name (the risk table marks them all),
  // so the summary keeps to one screen however many there are.
  const borderline = first.targets.filter((t) => t.borderline);
  if (borderline.length) {
    const names = borderline
      .slice(0, BORDERLINE_NAMES)
      .map((t) => escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn })))
      .join(listSep);
    const more = borderline.length - BORDERLINE_NAMES;
    blocks.push(
      `<div class="block"><p><b>${T({ zh: "临界状态", en: "Borderline statuses" })}</b>${colon(lang)}${T({
        zh: `${borderline.length} 个目标的达成概率接近状态分界，状态可能随模拟误差改变`,
        en: `P(met) of ${borderline.length} target${borderline.length === 1 ? " is" : "s is"} close to a status threshold; the status may change with simulation error`,
      })}${colon(lang)}${names}${
        more > 0 ? T({ zh: ` 等（另 ${more} 个见风险表）`, en: ` and ${more} more (see the risk table)` }) : ""
      }</p></div>`,
    );
  }
  // The commitments of the first scenario in one line: each decision, adopted or not, and what honouring it costs
  // beyond the projection (median, "needs"); the full sentences (dependants, P90) are in the risk table (messages.ts).
  const commitments = first.targets.filter((t) => t.commitment);
  if (commitments.length) {
    const items = commitments.map((t) => {
      const cost = t.commitment!.cost;
      const costText =
        cost && cost.median > 0
          ? `${T({ zh: "需增", en: "needs" })} ${formatAmount(cost.median, cost.unit, lang)}`
          : "";
      return `${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))} ${badge(t.status, lang)}${costText ? ` ${escapeHtml(costText)}` : ""}`;
    });
    blocks.push(
      `<div class="block"><p><b>${T({ zh: "承诺事项", en: "Commitments" })}</b>${colon(lang)}${items.join(clauseSep)}</p></div>`,
    );
  }

  const sources = publicationSources(results);
  const illustrative = results.some((r) => r.illustrative);
  const caveat = `<div class="block caveat${illustrative ? " warning" : ""}" role="note">${
    illustrative
      ? `<strong>${escapeHtml(`${WORDS.illustrative.zh} ${WORDS.illustrative.en}`)}</strong><br>${T({
          zh: "基线数据为示意数据，仅用于演示方法，不得作为官方统计引用。",
          en: "The baseline figures are illustrative, for demonstrating the method only; do not cite them as official statistics.",
        })}<br>`
      : ""
  }${T(WORDS.source)}${colon(lang)}${escapeHtml(sources || first.dataSource)}</div>`;

  return `<section id="summary">
<h1>${T(opts.title)}</h1>
<p class="meta">${T({ zh: "生成时间", en: "Generated" })}${colon(lang)}${escapeHtml(opts.stamp)} · ${T({ zh: "重点目标按", en: "headline targets in" })} ${escapeHtml(scenarioName(first, lang))}</p>
<div class="summary-grid">
<div>
<h2>${T({ zh: "各情景目标状态（个）", en: "Targets by status and scenario (count)" })}</h2>
${counts}
${blocks.join("\n")}
${caveat}
</div>
<div>
<h2>${T({ zh: "最需关注的重点目标", en: "Headline targets most at risk" })}</h2>
<ol class="headline">${headline || `<li>${T({ zh: "没有有风险或偏离的目标。", en: "No target is at risk or off track." })}</li>`}</ol>
</div>
</div>
</section>`;
}
