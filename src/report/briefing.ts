/**
 * The briefing: one self-contained HTML page, summary first.
 *
 * 1. `#summary` — one screen (1366×768) for a leader: status counts per scenario, the headline
 *    targets most at risk with P(met) and a one-sentence reason, what an extra budget buys, the
 *    data caveat (summary.ts);
 * 2. a table of contents;
 * 3. detail: the targets not on track in any scenario (one table, a column per scenario), the risk
 *    matrix and the scenarios side by side, the headline targets' fan charts, each scenario's
 *    description and what it changes, targets not assessed, provenance;
 * 4. with `appendix: true`, every chart of every target and each scenario's full tables.
 *
 * Prints to A4 with page breaks (print CSS); the bundled example fits 12 pages without the
 * appendix (test/report/browser.test.ts). Self-contained: charts are inline SVG, styles inline CSS;
 * no script, nothing fetched. Every piece of text from results is HTML-escaped. Writing it to disk
 * is writeBriefing.ts.
 *
 * Example: `const b = await buildBriefing(results, { lang: "both", generatedAt: new Date() })`.
 */
import type { TopLevelSpec } from "vega-lite";
import { ILLUSTRATIVE_SUFFIX } from "../assess/runScenario.js";
import type { ScenarioResult, Status, TargetAssessment } from "../assess/types.js";
import { BRIEFING_FONT_FILES, bundledFontFaceCss } from "../charts/bundledFont.js";
import { fanChart } from "../charts/fanChart.js";
import { ILLUSTRATIVE_TEXT, provenanceOf, publicationSources } from "../charts/frame.js";
import { growthGap, targetGrowth } from "../charts/growthGap.js";
import {
  type Bi,
  colon,
  comparatorSymbol,
  DEFAULT_LANG,
  formatFigure,
  formatPercent,
  formatValue,
  type Lang,
  STATUS_ORDER,
  scenarioName,
  statusLabel,
  tr,
  WORDS,
} from "../charts/labels.js";
import { toSvg } from "../charts/render.js";
import { riskMatrix } from "../charts/riskMatrix.js";
import { scenarioComparisonPanels } from "../charts/scenarioComparison.js";
import { FONT_FAMILY } from "../charts/theme.js";
import { REFERENCE_CLASS } from "../forecast/reference-class-table.js";
import type { AllocationSummary } from "./allocationSummary.js";
import { assumptionSummary, nodeLabel } from "./assumptionText.js";
import { referenceClassCitation } from "./forecastText.js";
import { escapeHtml } from "./html.js";
import { mechanismLabel, notAssessedText, reasonText } from "./messages.js";
import { badge, badgeCss, byRisk, headlineTargets, summarySection } from "./summary.js";

/** Options of the briefing: language, generation time and title. */
export interface BriefingOptions {
  lang?: Lang;
  /** Printed on the page; pass it in so the same results give the same page. */
  generatedAt: Date;
  /** Page title; default "区域创新目标情景简报 Regional innovation targets: scenario briefing". */
  title?: Bi;
  /** Add the appendix: every target's fan chart, growth gaps and each scenario's full tables. */
  appendix?: boolean;
  /** The result of `targetcast allocate` (allocation.json), for "what an extra budget buys". */
  allocation?: AllocationSummary;
}

/** One chart of the briefing: its file name, Vega-Lite spec and SVG. */
export interface BriefingChart {
  /** File-safe name, unique within the briefing, e.g. "fan-baseline-rd_intensity". */
  name: string;
  spec: TopLevelSpec;
  /** Standalone SVG as rendered (ids not yet scoped; the HTML holds scoped copies). */
  svg: string;
}

/** A built briefing: the HTML page and its charts. */
export interface Briefing {
  html: string;
  charts: BriefingChart[];
}

/** Statuses that get a fan chart and a row in "targets at risk". */
const NOT_ON_TRACK: Status[] = ["off_track", "at_risk"];

export const BRIEFING_TITLE: Bi = { zh: "区域创新目标情景简报", en: "Regional innovation targets: scenario briefing" };

export { escapeHtml };

/** A name usable as a file name and an HTML id: ASCII letters, digits, "-" and "_". */
export function safeName(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
  return s || "chart";
}

/**
 * Give every id in a Vega SVG a prefix (and every reference to it), so several charts inlined
 * in one page cannot collide on clip-path or gradient ids.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, (_, attr: string, id: string) => `${attr}="#${prefix}-${id}"`);
}

/** "2024-05-01 08:00 UTC" (UTC, so the page does not depend on the machine's time zone). */
export function formatTimestamp(d: Date): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime()))
    throw new Error("buildBriefing: generatedAt is not a valid Date");
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Build the page and every chart on it (specs, rendered SVG). */
/** Up to six indicators whose targets get different statuses in different scenarios, most spread first. */
function comparedIndicators(results: ScenarioResult[]): string[] {
  if (results.length < 2) return [];
  const spread = new Map<string, number>();
  for (const t of results[0].targets) {
    if (t.pMet === null) continue;
    const p = results
      .map((r) => r.targets.find((x) => x.id === t.id)?.pMet ?? null)
      .filter((x): x is number => x !== null);
    const statuses = new Set(results.map((r) => r.targets.find((x) => x.id === t.id)?.status));
    if (statuses.size > 1)
      spread.set(t.indicator, Math.max(spread.get(t.indicator) ?? 0, Math.max(...p) - Math.min(...p)));
  }
  return [...spread.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([id]) => id);
}

/** Builds the self-contained HTML briefing and its charts from scenario results. */
export async function buildBriefing(results: ScenarioResult[], opts: BriefingOptions): Promise<Briefing> {
  const lang = opts.lang ?? DEFAULT_LANG;
  if (results.length === 0) throw new Error("buildBriefing: no scenario results");
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const stamp = formatTimestamp(opts.generatedAt);
  const title = opts.title ?? BRIEFING_TITLE;
  const first = results[0];

  // Charts, named uniquely; a chart that cannot be drawn becomes a note instead of an error.
  const charts: BriefingChart[] = [];
  const used = new Set<string>();
  async function chart(rawName: string, build: () => TopLevelSpec, caption: string): Promise<string> {
    let name = safeName(rawName);
    for (let i = 2; used.has(name); i++) name = `${safeName(rawName)}-${i}`;
    used.add(name);
    let spec: TopLevelSpec;
    let svg: string;
    try {
      spec = build();
      svg = await toSvg(spec);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return `<p class="note">${T({ zh: "图表无法生成", en: "Chart not available" })}${colon(lang)}${escapeHtml(msg)}</p>`;
    }
    charts.push({ name, spec, svg });
    return `<figure id="fig-${name}">${scopeSvgIds(svg, name)}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  }
  const fanCaption = (t: TargetAssessment) =>
    `${tr(lang, { zh: t.nameZh, en: t.nameEn })} — ${statusLabel(t.status, lang)}, ${tr(lang, WORDS.pMet)} ${t.pMet === null ? "–" : formatPercent(t.pMet)}`;

  const toc: { id: string; title: Bi }[] = [];
  const section = (id: string, heading: Bi, body: string) => {
    toc.push({ id, title: heading });
    return `<section id="${id}"><h2>${T(heading)}</h2>\n${body}\n</section>`;
  };
  const detail: string[] = [];

  // Every target not on track in some scenario: one table, one column per scenario.
  detail.push(
    section("not-on-track", { zh: "未按计划推进的目标", en: "Targets not on track" }, notOnTrackTable(results, lang)),
  );

  // The risk matrix and, where assumptions flip a status, the scenarios side by side.
  const overview = [
    await chart(
      "risk-matrix",
      () => riskMatrix(results, { lang }),
      tr(lang, {
        zh: "目标达成风险矩阵：每格为达成概率，颜色与符号表示状态（✗ 偏离、▲ 有风险、● 按计划、✓ 已达成）。",
        en: "Risk matrix: each cell is P(met); colour and mark give the status (✗ off track, ▲ at risk, ● on track, ✓ already met).",
      }),
    ),
  ];
  const contested = comparedIndicators(results);
  if (contested.length) {
    overview.push(
      await chart(
        "scenario-comparison",
        () => scenarioComparisonPanels(results, contested, { lang }),
        tr(lang, {
          zh: "各情景对比：状态因情景而异的指标（中位数与80%区间）。",
          en: "Scenarios side by side: the indicators whose status differs between scenarios (median and 80% interval).",
        }),
      ),
    );
  }
  detail.push(
    section("risk-matrix-section", { zh: "风险矩阵与情景对比", en: "Risk matrix and scenarios" }, overview.join("\n")),
  );

  // The headline targets' fan charts, in the first scenario.
  const headline = headlineTargets(results);
  if (headline.length) {
    const figs: string[] = [];
    for (const t of headline)
      figs.push(
        await chart(
          `fan-${first.scenario.id}-${t.id}`,
          () => fanChart(first, t.indicator, { lang, targetId: t.id }),
          fanCaption(t),
        ),
      );
    detail.push(
      section(
        "headline",
        { zh: `重点目标（${first.scenario.nameZh}）`, en: `Headline targets (${first.scenario.nameEn})` },
        `<div class="fans">${figs.join("\n")}</div>`,
      ),
    );
  }

  // Each scenario: what it assumes, in words, and what it changes against the first.
  detail.push(
    section(
      "scenarios",
      { zh: "情景说明", en: "Scenarios" },
      results.map((r, i) => scenarioBlock(r, i === 0 ? null : first, lang)).join("\n"),
    ),
  );

  const notAssessed = first.targets.filter((t) => t.status === "not_assessed");
  if (notAssessed.length)
    detail.push(
      section(
        "not-assessed",
        { zh: "未评估的目标", en: "Targets not assessed" },
        `<ul class="compact">${notAssessed
          .map(
            (t) =>
              `<li>${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))}${t.notAssessed ? `${colon(lang)}<span class="muted">${escapeHtml(notAssessedText(t, lang) ?? "")}</span>` : ""}</li>`,
          )
          .join("")}</ul>`,
      ),
    );

  detail.push(
    section("provenance", { zh: "数据来源与方法说明", en: "Provenance" }, provenanceBody(results, lang, stamp)),
  );

  if (opts.appendix) {
    const parts: string[] = [];
    for (const r of results) {
      const sid = r.scenario.id;
      const risky = byRisk(r.targets.filter((t) => NOT_ON_TRACK.includes(t.status)));
      parts.push(`<section class="scenario" id="appendix-${escapeHtml(safeName(sid))}">
<h3>${T(WORDS.scenario)}${colon(lang)}${escapeHtml(scenarioName(r, lang))}</h3>
${risky.length ? riskTable(risky, lang) : `<p class="note">${T({ zh: "本情景下没有有风险或偏离的目标。", en: "No target is at risk or off track in this scenario." })}</p>`}`);
      for (const t of risky)
        parts.push(
          await chart(`fan-${sid}-${t.id}`, () => fanChart(r, t.indicator, { lang, targetId: t.id }), fanCaption(t)),
        );
      if (r.targets.some((t) => targetGrowth(t) !== null)) {
        parts.push(
          await chart(
            `growth-gap-${sid}`,
            () => growthGap(r, { lang }),
            tr(lang, {
              zh: "所需年均增速与预测年均增速之差越大，目标越难实现。",
              en: "The wider the gap between required and projected growth, the harder the target.",
            }),
          ),
        );
      }
      parts.push(
        `<h4>${T({ zh: "情景假设", en: "Assumptions" })}</h4>${assumptionsTable(r, r.scenario.assumptions, lang)}</section>`,
      );
    }
    detail.push(
      section(
        "appendix",
        { zh: "附录：各情景全部目标与图表", en: "Appendix: every target and chart by scenario" },
        parts.join("\n"),
      ),
    );
  }

  const nav = `<nav id="toc"><h2>${T({ zh: "目录", en: "Contents" })}</h2><ol>${toc
    .map((s) => `<li><a href="#${s.id}">${T(s.title)}</a></li>`)
    .join("")}</ol></nav>`;

  const htmlLang = lang === "en" ? "en" : "zh-CN";
  const html = `<!DOCTYPE html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="targetcast">
<title>${T(title)}</title>
<style>${CSS}${badgeCss()}</style>
</head>
<body>
<main>
${summarySection(results, { lang, title, stamp, ...(opts.allocation ? { allocation: opts.allocation } : {}) })}
${nav}
${detail.join("\n")}
</main>
</body>
</html>
`;
  return { html, charts };
}

/** A value with its unit: "2.42%", "5.4 件/万人" (English unit names with lang "en"). */
function withUnit(v: number | null, unit: string, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return "–";
  return formatValue(v, unit, lang);
}

function targetText(t: TargetAssessment, lang: Lang): string {
  return t.comparator !== null && t.threshold !== null
    ? `${comparatorSymbol(t.comparator)} ${withUnit(t.threshold, t.unit, lang)}`
    : "–";
}

/** One sentence in the page's language(s): Chinese, then English on its own line with "both". */
function reasonHtml(t: TargetAssessment, lang: Lang, driver = true): string {
  const one = (l: Lang) => reasonText(t, l, { driver, rho: false, sentence: true });
  if (lang !== "both") return one(lang) ? `<p>${escapeHtml(one(lang))}</p>` : "–";
  const zh = one("zh");
  const en = one("en");
  return zh && en ? `<p>${escapeHtml(zh)}</p><p lang="en">${escapeHtml(en)}</p>` : "–";
}

/** Targets not on track in any scenario: status and P(met) per scenario, the first scenario's median and reason. */
function notOnTrackTable(results: ScenarioResult[], lang: Lang): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const first = results[0];
  const ids = new Set(
    results.flatMap((r) => r.targets.filter((t) => NOT_ON_TRACK.includes(t.status)).map((t) => t.id)),
  );
  const targets = byRisk(first.targets.filter((t) => ids.has(t.id)));
  if (!targets.length)
    return `<p class="note">${T({ zh: "各情景下均没有有风险或偏离的目标。", en: "No target is at risk or off track in any scenario." })}</p>`;
  const rows = targets
    .map((t) => {
      const cells = results
        .map((r) => {
          const x = r.targets.find((y) => y.id === t.id);
          return x
            ? `<td class="num">${badge(x.status, lang, true)} ${x.pMet === null ? "–" : escapeHtml(formatPercent(x.pMet))}</td>`
            : "<td></td>";
        })
        .join("");
      return `<tr><th scope="row">${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))}<span class="year">${t.targetYear} · ${T(WORDS.target)} ${escapeHtml(targetText(t, lang))}</span></th>${cells}<td class="vs">${escapeHtml(withUnit(t.median, t.unit, lang))}</td><td class="reason">${reasonHtml(t, lang, false)}</td></tr>`;
    })
    .join("\n");
  return `<p class="meta">${T({
    zh: `每格为状态符号与达成概率；中位数与原因按${first.scenario.nameZh}。`,
    en: `Each cell: status mark and P(met); median and reason in ${first.scenario.nameEn}.`,
  })}</p><table class="risk not-on-track"><thead><tr><th class="target">${T(WORDS.target)}</th>${results
    .map((r) => `<th class="num scen">${escapeHtml(scenarioName(r, lang === "both" ? "zh" : lang))}</th>`)
    .join(
      "",
    )}<th class="median">${T({ zh: "预测中位数", en: "Projected median" })}</th><th>${T({ zh: "原因", en: "Reason" })}</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** A scenario's rationale: one paragraph per language shown ("both": Chinese, then English). */
function descriptionHtml(d: Bi, lang: Lang): string {
  if (lang === "both" && d.zh !== d.en) return `<p>${escapeHtml(d.zh)}</p><p lang="en">${escapeHtml(d.en)}</p>`;
  return `<p>${escapeHtml(tr(lang, d))}</p>`;
}

/** A scenario's name, description and (against the reference scenario) the assumptions it changes. */
function scenarioBlock(r: ScenarioResult, reference: ScenarioResult | null, lang: Lang): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const counts = STATUS_ORDER.map(
    (s) => `${badge(s, lang, true)} ${r.targets.filter((t) => t.status === s).length}`,
  ).join(" ");
  let changes = "";
  if (reference) {
    const before = new Map(reference.scenario.assumptions.map((a) => [a.indicator, a]));
    const changed = r.scenario.assumptions.filter((a) => {
      const b = before.get(a.indicator);
      return !b || b.mechanism !== a.mechanism || b.summary !== a.summary;
    });
    changes = changed.length
      ? `<p>${T({ zh: `与${reference.scenario.nameZh}相比改变的假设`, en: `Assumptions changed from ${reference.scenario.nameEn}` })}${colon(lang)}</p>${assumptionsTable(r, changed, lang)}`
      : `<p class="note">${T({ zh: "假设与参照情景相同。", en: "Same assumptions as the reference scenario." })}</p>`;
  }
  return `<div class="scenario" id="scenario-${escapeHtml(safeName(r.scenario.id))}">
<h3>${escapeHtml(scenarioName(r, lang))}</h3>
${descriptionHtml(r.scenario.description, lang)}
<p class="meta">${T(WORDS.baseYear)} ${r.scenario.baseYear} · ${T({ zh: "展望至", en: "horizon" })} ${r.scenario.horizon} · ${escapeHtml(
    tr(lang, WORDS.paths),
  )}${colon(lang)}${r.paths.toLocaleString("en-US")} · ${counts}</p>
${reference ? changes : `<p class="note">${T({ zh: "参照情景：其余情景与之比较；全部假设见附录（--appendix）。", en: "The reference scenario: the others are compared with it; every assumption is in the appendix (--appendix)." })}</p>`}
</div>`;
}

function riskTable(targets: TargetAssessment[], lang: Lang): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const rows = targets
    .map((t) => {
      const range =
        t.p10 !== null && t.p90 !== null
          ? `P10–P90: ${formatFigure(t.p10, t.unit, lang, t.threshold)}–${formatFigure(t.p90, t.unit, lang, t.threshold)}`
          : "";
      return `<tr>
<th scope="row">${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))}<span class="year">${t.targetYear}</span></th>
<td>${badge(t.status, lang)}</td>
<td class="num">${t.pMet === null ? "–" : escapeHtml(formatPercent(t.pMet))}</td>
<td class="vs"><strong>${escapeHtml(withUnit(t.median, t.unit, lang))}</strong><span class="small">${T(WORDS.target)} ${escapeHtml(targetText(t, lang))}</span>${
        range ? `<span class="small">${escapeHtml(range)}</span>` : ""
      }</td>
<td class="responsible">${t.responsible.trim() ? escapeHtml(t.responsible) : `<span class="muted">${T({ zh: "未列明", en: "not stated" })}</span>`}</td>
<td class="reason">${reasonHtml(t, lang)}</td>
</tr>`;
    })
    .join("\n");
  return `<table class="risk"><thead><tr>
<th>${T(WORDS.target)}</th><th>${T(WORDS.status)}</th><th class="num">${T(WORDS.pMet)}</th>
<th>${T({ zh: "预测中位数与目标", en: "Projected median vs target" })}</th><th>${T({ zh: "责任单位", en: "Responsible units" })}</th><th>${T({ zh: "原因", en: "Reason" })}</th>
</tr></thead><tbody>
${rows}
</tbody></table>`;
}

function assumptionsTable(r: ScenarioResult, rows: ScenarioResult["scenario"]["assumptions"], lang: Lang): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  if (rows.length === 0) return `<p class="note">${T({ zh: "无（仅趋势外推）", en: "None (trend only)" })}</p>`;
  // Rows that read the same (one per programme's share of the budget) are shown once, with their number.
  const seen = new Map<string, { label: Bi; mechanism: string; summary: string; english: string | null; n: number }>();
  for (const a of rows) {
    const label = nodeLabel(a.indicator, r);
    // In "both" the Chinese line is shown and the English one is its tooltip: the table must fit the print budget.
    const summary = assumptionSummary(a, r, lang === "both" ? "zh" : lang, { self: false });
    const key = JSON.stringify([label, a.mechanism, summary]);
    const row = seen.get(key);
    if (row) row.n++;
    else
      seen.set(key, {
        label,
        mechanism: a.mechanism,
        summary,
        english: lang === "both" ? assumptionSummary(a, r, "en", { self: false }) : null,
        n: 1,
      });
  }
  const body = [...seen.values()]
    .map(({ label, mechanism, summary, english, n }) => {
      const name = n > 1 ? { zh: `${label.zh}（${n} 个）`, en: `${label.en} (${n})` } : label;
      return `<tr><th scope="row">${escapeHtml(tr(lang, name))}</th><td>${escapeHtml(mechanismLabel(mechanism, lang))}</td><td${english ? ` title="${escapeHtml(english)}"` : ""}>${escapeHtml(summary)}</td></tr>`;
    })
    .join("");
  return `<table class="assumptions"><thead><tr><th>${T({ zh: "指标", en: "Indicator" })}</th><th>${T({ zh: "机制", en: "Mechanism" })}</th><th>${T(
    { zh: "假设", en: "Assumptions" },
  )}</th></tr></thead><tbody>${body}</tbody></table>`;
}

function provenanceBody(results: ScenarioResult[], lang: Lang, stamp: string): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const prov = provenanceOf(results);
  const yes = T({ zh: "是", en: "yes" });
  const no = T({ zh: "否", en: "no" });
  const rows = results
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(scenarioName(r, lang))}</th><td><code>${escapeHtml(r.scenario.file)}</code></td><td>${escapeHtml(
          // The next column says whether the data are illustrative; the file's English suffix is for English readers.
          lang === "en" ? r.dataSource : r.dataSource.replace(ILLUSTRATIVE_SUFFIX, ""),
        )}</td><td>${r.illustrative ? `<strong>${yes}</strong>` : no}</td><td class="num">${r.paths.toLocaleString("en-US")}</td><td class="num">${r.seed}</td><td class="num">${r.scenario.baseYear}–${r.scenario.horizon}</td></tr>`,
    )
    .join("");
  const sources = publicationSources(results, undefined, Number.POSITIVE_INFINITY).split("; ").filter(Boolean);
  // Trend nodes of the calibrated forecast take their intervals from the shipped reference class.
  const calibrated = results.some((r) =>
    r.scenario.assumptions.some((a) => {
      const model = a.terms.model;
      return model !== undefined && "code" in model && model.code === "trend.auto";
    }),
  );
  return `${prov.illustrative ? `<p class="warning"><strong>${escapeHtml(ILLUSTRATIVE_TEXT)}</strong></p>` : ""}
<table class="provenance"><thead><tr><th>${T(WORDS.scenario)}</th><th>${T({ zh: "情景文件", en: "Scenario file" })}</th><th>${T({ zh: "数据文件", en: "Data file" })}</th><th>${T(
    { zh: "示意数据", en: "Illustrative" },
  )}</th><th class="num">${T({ zh: "路径数", en: "Paths" })}</th><th class="num">${T({ zh: "随机种子", en: "Seed" })}</th><th class="num">${T(
    { zh: "基年–展望年", en: "Base year–horizon" },
  )}</th></tr></thead><tbody>${rows}</tbody></table>
${sources.length ? `<p>${T({ zh: "历史数据出处", en: "Sources of observed values" })}${colon(lang)}${sources.map(escapeHtml).join("；")}</p>` : ""}
${calibrated ? `<p>${T({ zh: "趋势外推的预测区间出处", en: "Intervals of the trend forecasts from" })}${colon(lang)}${escapeHtml(referenceClassCitation(REFERENCE_CLASS.source, lang === "en" ? "en" : "zh"))}</p>` : ""}
<p>${T({
    zh: "达成概率为目标年份满足目标的蒙特卡洛模拟路径占比；预测区间取自模拟分位数（P5、P10、P25、P50、P75、P90、P95），图中最宽为 90% 区间。",
    en: "P(met) is the share of Monte Carlo paths meeting the target in the target year; projection intervals come from the simulated quantiles (P5, P10, P25, P50, P75, P90, P95), the widest drawn being the 90% interval.",
  })}</p>
<p class="meta">${T({ zh: "由 targetcast 生成", en: "Generated by targetcast" })} · ${escapeHtml(stamp)}</p>`;
}

// The bundled CJK font, by a relative URL: writeBriefing copies the file beside briefing.html.
const CSS = `
${bundledFontFaceCss(BRIEFING_FONT_FILES.font)}
:root { --ink: #222; --muted: #555; --rule: #d9d9d9; --warn: #8a1c1c; }
* { box-sizing: border-box; }
html { font-family: ${FONT_FAMILY}; color: var(--ink); background: #fff; line-height: 1.5; font-size: 15px; }
body { margin: 0; }
main { max-width: 1240px; margin: 0 auto; padding: 8px 24px 48px; }
h1 { font-size: 24px; margin: 0 0 2px; }
h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 3px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 16px 0 6px; }
h4 { font-size: 15px; margin: 12px 0 6px; }
p { margin: 4px 0; }
.meta, .source { color: var(--muted); font-size: 13px; }
.note { color: var(--muted); font-style: italic; }
.muted { color: var(--muted); }
.warning { border: 2px solid var(--warn); border-left-width: 8px; color: var(--warn); background: #fdf3f2; padding: 8px 12px; margin: 10px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.vs { white-space: nowrap; }
.small { display: block; color: var(--muted); font-size: 12px; }
.year { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
td.reason p { margin: 0; }
table.risk th[scope="row"] { min-width: 12em; }
table.not-on-track { table-layout: fixed; }
table.not-on-track th.target { width: 24%; }
table.not-on-track th.scen { width: 7.5%; white-space: normal; }
table.not-on-track th.median { width: 9%; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; white-space: nowrap; border: 1px solid; font-weight: 600; }
#summary { max-width: 1318px; }
#summary h1 { font-size: 24px; }
#summary h2 { font-size: 16px; margin: 10px 0 4px; }
#summary table.counts { font-size: 14px; width: auto; }
#summary table.counts td { padding-left: 14px; }
#summary table.counts th[scope="row"] { white-space: nowrap; }
#summary .summary-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
#summary .block { margin: 8px 0; font-size: 14px; }
#summary .caveat { font-size: 13px; padding: 6px 10px; }
ol.headline { margin: 4px 0; padding-left: 22px; font-size: 14px; }
ol.headline li { margin-bottom: 6px; }
ol.headline .why { display: block; color: var(--muted); font-size: 13px; }
#toc ol { columns: 2; font-size: 14px; margin: 4px 0; }
#toc a { color: var(--ink); }
.fans { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 20px; }
ul.compact { font-size: 13px; columns: 2; margin: 4px 0; }
figure { margin: 10px 0 16px; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
code { font-size: 12px; background: #f4f4f4; padding: 0 4px; border-radius: 3px; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  html { font-size: 10.5pt; line-height: 1.3; }
  main { max-width: none; padding: 0; }
  table, .meta, .small, .year, figcaption, ol.headline .why, ul.compact, #summary .block, #summary .caveat, #toc ol { font-size: 10pt; }
  .badge, code { font-size: 10pt; }
  #summary { break-after: page; }
  #summary .summary-grid { display: block; }
  #summary h2 { margin-top: 8px; }
  section#risk-matrix-section, section#headline, section#appendix { break-before: page; }
  h2, h3 { break-after: avoid; }
  .warning { background: none; }
  tr { break-inside: avoid; }
  figure svg { max-height: 240mm; width: auto; }
}
`;
