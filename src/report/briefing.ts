/**
 * The briefing: one self-contained HTML page for planners — title and date, data provenance and
 * (when any figure is illustrative) a prominent warning, the risk matrix, per scenario the
 * targets at risk with their reasons, a fan chart for each target not on track, the growth gap,
 * the scenario's assumptions, and a provenance section.
 *
 * Self-contained: charts are inline SVG, styles inline CSS; no script, no font or image fetched.
 * Every piece of text from results is HTML-escaped. Writing it to disk is writeBriefing.ts.
 *
 * Example: `const b = await buildBriefing(results, { lang: "both", generatedAt: new Date() })`.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult, Status, TargetAssessment } from "../assess/types.js";
import { fanChart } from "../charts/fanChart.js";
import { ILLUSTRATIVE_TEXT, provenanceOf } from "../charts/frame.js";
import { growthGap, targetGrowth } from "../charts/growthGap.js";
import {
  type Bi,
  colon,
  comparatorSymbol,
  DEFAULT_LANG,
  formatNumber,
  formatPercent,
  indicatorInfo,
  type Lang,
  scenarioName,
  statusLabel,
  tr,
  unitLabel,
  WORDS,
} from "../charts/labels.js";
import { toSvg } from "../charts/render.js";
import { riskMatrix } from "../charts/riskMatrix.js";
import { scenarioComparisonPanels } from "../charts/scenarioComparison.js";
import { FONT_FAMILY } from "../charts/theme.js";

/** Options of the briefing: language, generation time and title. */
export interface BriefingOptions {
  lang?: Lang;
  /** Printed on the page; pass it in so the same results give the same page. */
  generatedAt: Date;
  /** Page title; default "区域创新目标情景简报 Regional innovation targets: scenario briefing". */
  title?: Bi;
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

const DEFAULT_TITLE: Bi = { zh: "区域创新目标情景简报", en: "Regional innovation targets: scenario briefing" };

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

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
  const prov = provenanceOf(results);

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

  const parts: string[] = [];
  const title = opts.title ?? DEFAULT_TITLE;
  parts.push(`<header>
<h1>${T(title)}</h1>
<p class="meta">${T({ zh: "生成时间", en: "Generated" })}${colon(lang)}${escapeHtml(stamp)} · ${T(WORDS.scenario)}${colon(lang)}${results
    .map((r) => escapeHtml(scenarioName(r, lang)))
    .join("、")}</p>
${
  prov.illustrative
    ? `<div class="warning" role="note"><strong>${escapeHtml(ILLUSTRATIVE_TEXT)}</strong><br>${T({
        zh: "本简报中的部分或全部基线数据为示意数据，仅用于演示方法，不得作为官方统计引用。",
        en: "Some or all baseline figures in this briefing are illustrative, for demonstrating the method only; do not cite them as official statistics.",
      })}</div>`
    : ""
}
<p class="source">${T(WORDS.source)}${colon(lang)}${escapeHtml(prov.dataSource)}</p>
</header>`);

  // Overview: status counts per scenario, then the risk matrix.
  parts.push(`<section id="overview"><h2>${T({ zh: "概览", en: "Overview" })}</h2>${overviewTable(results, lang)}`);
  parts.push(
    await chart(
      "risk-matrix",
      () => riskMatrix(results, { lang }),
      tr(lang, {
        zh: "目标达成风险矩阵：颜色越深，达成概率越高。",
        en: "Risk matrix: the darker the cell, the likelier the target is met.",
      }),
    ),
  );
  // Side by side: the indicators whose status differs between scenarios (where assumptions flip a target).
  const contested = comparedIndicators(results);
  if (contested.length) {
    parts.push(
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
  parts.push(`</section>`);

  for (const r of results) {
    const sid = r.scenario.id;
    const risky = r.targets.filter((t) => NOT_ON_TRACK.includes(t.status));
    parts.push(`<section class="scenario" id="scenario-${escapeHtml(safeName(sid))}">
<h2>${T(WORDS.scenario)}${colon(lang)}${escapeHtml(scenarioName(r, lang))}</h2>
${r.scenario.description ? `<p>${escapeHtml(r.scenario.description)}</p>` : ""}
<p class="meta">${T({ zh: "基年", en: "Base year" })} ${r.scenario.baseYear} · ${T({ zh: "展望至", en: "horizon" })} ${r.scenario.horizon} · ${escapeHtml(
      tr(lang, WORDS.paths),
    )}${colon(lang)}${r.paths.toLocaleString("en-US")}</p>
<h3>${T({ zh: "有风险的目标", en: "Targets at risk" })}</h3>
${risky.length ? riskTable(risky, lang) : `<p class="note">${T({ zh: "本情景下没有有风险或偏离的目标。", en: "No target is at risk or off track in this scenario." })}</p>`}`);
    for (const t of risky) {
      parts.push(
        await chart(
          `fan-${sid}-${t.id}`,
          () => fanChart(r, t.indicator, { lang, targetId: t.id }),
          `${tr(lang, { zh: t.nameZh, en: t.nameEn })} — ${statusLabel(t.status, lang)}, ${tr(lang, WORDS.pMet)} ${t.pMet === null ? "–" : formatPercent(t.pMet)}`,
        ),
      );
    }
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
    const notAssessed = r.targets.filter((t) => t.status === "not_assessed");
    if (notAssessed.length) {
      parts.push(
        `<h3>${T({ zh: "未评估的目标", en: "Targets not assessed" })}</h3><ul>${notAssessed
          .map(
            (t) =>
              `<li>${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))}${t.notAssessedBecause ? `${colon(lang)}${escapeHtml(t.notAssessedBecause)}` : ""}</li>`,
          )
          .join("")}</ul>`,
      );
    }
    parts.push(`<h3>${T({ zh: "情景假设", en: "Assumptions" })}</h3>${assumptionsTable(r, lang)}</section>`);
  }

  parts.push(provenanceSection(results, lang, stamp));

  const htmlLang = lang === "en" ? "en" : "zh-CN";
  const html = `<!DOCTYPE html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="targetcast">
<title>${T(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${parts.join("\n")}
</main>
</body>
</html>
`;
  return { html, charts };
}

function overviewTable(results: ScenarioResult[], lang: Lang): string {
  const statuses: Status[] = ["already_met", "on_track", "at_risk", "off_track", "not_assessed"];
  const head = statuses.map((s) => `<th class="num">${badge(s, lang)}</th>`).join("");
  const rows = results
    .map((r) => {
      const cells = statuses
        .map((s) => `<td class="num">${r.targets.filter((t) => t.status === s).length}</td>`)
        .join("");
      return `<tr><th scope="row">${escapeHtml(scenarioName(r, lang))}</th>${cells}</tr>`;
    })
    .join("");
  return `<table class="overview"><thead><tr><th>${escapeHtml(tr(lang, WORDS.scenario))}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function badge(status: Status, lang: Lang): string {
  return `<span class="badge ${status}">${escapeHtml(statusLabel(status, lang))}</span>`;
}

/** A value with its unit: "2.42%", "5.4 件/万人" (English unit names with lang "en"). */
function withUnit(v: number | null, unit: string, lang: Lang): string {
  if (v === null || !Number.isFinite(v)) return "–";
  const u = unitLabel(unit, lang === "en" ? "en" : "zh");
  return `${formatNumber(v)}${unit === "%" ? "" : " "}${u}`;
}

function riskTable(targets: TargetAssessment[], lang: Lang): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const order: Record<string, number> = { off_track: 0, at_risk: 1 };
  const rows = [...targets]
    .sort((a, b) => (order[a.status] ?? 2) - (order[b.status] ?? 2) || (a.pMet ?? 2) - (b.pMet ?? 2))
    .map((t) => {
      const target =
        t.comparator !== null && t.threshold !== null
          ? `${comparatorSymbol(t.comparator)} ${withUnit(t.threshold, t.unit, lang)}`
          : "–";
      const range = t.p10 !== null && t.p90 !== null ? `P10–P90: ${formatNumber(t.p10)}–${formatNumber(t.p90)}` : "";
      const reason = t.reason
        ? lang === "zh"
          ? `<p>${escapeHtml(t.reason.textZh)}</p>`
          : lang === "en"
            ? `<p>${escapeHtml(t.reason.textEn)}</p>`
            : `<p>${escapeHtml(t.reason.textZh)}</p><p lang="en">${escapeHtml(t.reason.textEn)}</p>`
        : "–";
      return `<tr>
<th scope="row">${escapeHtml(tr(lang, { zh: t.nameZh, en: t.nameEn }))}<span class="year">${t.targetYear}</span></th>
<td>${badge(t.status, lang)}</td>
<td class="num">${t.pMet === null ? "–" : escapeHtml(formatPercent(t.pMet))}</td>
<td class="vs"><strong>${escapeHtml(withUnit(t.median, t.unit, lang))}</strong><span class="small">${T(WORDS.target)} ${escapeHtml(target)}</span>${
        range ? `<span class="small">${escapeHtml(range)}</span>` : ""
      }</td>
<td class="responsible">${t.responsible.trim() ? escapeHtml(t.responsible) : `<span class="muted">${T({ zh: "未列明", en: "not stated" })}</span>`}</td>
<td class="reason">${reason}</td>
</tr>`;
    })
    .join("\n");
  return `<div class="table-wrap"><table class="risk"><thead><tr>
<th>${T(WORDS.target)}</th><th>${T(WORDS.status)}</th><th class="num">${T(WORDS.pMet)}</th>
<th>${T({ zh: "预测中位数与目标", en: "Projected median vs target" })}</th><th>${T({ zh: "责任单位", en: "Responsible units" })}</th><th>${T({ zh: "原因", en: "Reason" })}</th>
</tr></thead><tbody>
${rows}
</tbody></table></div>`;
}

function assumptionsTable(r: ScenarioResult, lang: Lang): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  if (r.scenario.assumptions.length === 0)
    return `<p class="note">${T({ zh: "无（仅趋势外推）", en: "None (trend only)" })}</p>`;
  const rows = r.scenario.assumptions
    .map((a) => {
      const info = indicatorInfo(r, a.indicator);
      return `<tr><th scope="row">${escapeHtml(tr(lang, info.name))}</th><td><code>${escapeHtml(a.mechanism)}</code></td><td>${escapeHtml(a.summary)}</td></tr>`;
    })
    .join("");
  return `<table class="assumptions"><thead><tr><th>${T({ zh: "指标", en: "Indicator" })}</th><th>${T({ zh: "机制", en: "Mechanism" })}</th><th>${T(
    {
      zh: "假设",
      en: "Assumptions",
    },
  )}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function provenanceSection(results: ScenarioResult[], lang: Lang, stamp: string): string {
  const T = (b: Bi) => escapeHtml(tr(lang, b));
  const yes = T({ zh: "是", en: "yes" });
  const no = T({ zh: "否", en: "no" });
  const rows = results
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(scenarioName(r, lang))}</th><td><code>${escapeHtml(r.scenario.file)}</code></td><td>${escapeHtml(
          r.dataSource,
        )}</td><td>${r.illustrative ? `<strong>${yes}</strong>` : no}</td><td class="num">${r.paths.toLocaleString("en-US")}</td><td class="num">${r.seed}</td><td class="num">${r.scenario.baseYear}–${r.scenario.horizon}</td></tr>`,
    )
    .join("");
  const sources = [...new Set(results.flatMap((r) => r.history.map((h) => h.source)).filter((s) => s?.trim()))];
  return `<section id="provenance"><h2>${T({ zh: "数据来源与方法说明", en: "Provenance" })}</h2>
<table class="provenance"><thead><tr><th>${T(WORDS.scenario)}</th><th>${T({ zh: "情景文件", en: "Scenario file" })}</th><th>${T(WORDS.source)}</th><th>${T(
    {
      zh: "示意数据",
      en: "Illustrative",
    },
  )}</th><th class="num">${T({ zh: "路径数", en: "Paths" })}</th><th class="num">${T({ zh: "随机种子", en: "Seed" })}</th><th class="num">${T(
    {
      zh: "基年–展望年",
      en: "Base year–horizon",
    },
  )}</th></tr></thead><tbody>${rows}</tbody></table>
${sources.length ? `<p>${T({ zh: "历史数据出处", en: "Sources of observed values" })}${colon(lang)}</p><ul>${sources.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>` : ""}
<p>${T({
    zh: "达成概率为目标年份满足目标的蒙特卡洛模拟路径占比；预测区间取自模拟分位数（P5、P10、P25、P50、P75、P90、P95），图中最宽为 90% 区间。",
    en: "P(met) is the share of Monte Carlo paths meeting the target in the target year; projection intervals come from the simulated quantiles (P5, P10, P25, P50, P75, P90, P95), the widest drawn being the 90% interval.",
  })}</p>
<p class="meta">${T({ zh: "由 targetcast 生成", en: "Generated by targetcast" })} · ${escapeHtml(stamp)}</p>
</section>`;
}

const CSS = `
:root { --ink: #222; --muted: #555; --rule: #d9d9d9; --warn: #8a1c1c; }
* { box-sizing: border-box; }
html { font-family: ${FONT_FAMILY}; color: var(--ink); background: #fff; line-height: 1.55; }
body { margin: 0; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p { margin: 6px 0; }
.meta, .source { color: var(--muted); font-size: 14px; }
.note { color: var(--muted); font-style: italic; }
.muted { color: var(--muted); }
.warning { border: 2px solid var(--warn); border-left-width: 8px; color: var(--warn); background: #fdf3f2; padding: 10px 14px; margin: 12px 0; font-size: 15px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; vertical-align: bottom; }
.table-wrap { overflow-x: auto; }
table.risk th[scope="row"] { min-width: 9em; max-width: 16em; }
table.risk td.reason { min-width: 20em; }
table.risk td.responsible { min-width: 10em; max-width: 16em; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.vs { white-space: nowrap; }
.small { display: block; color: var(--muted); font-size: 12px; }
.year { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
td.reason p { margin: 0 0 4px; }
table.overview { width: auto; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12.5px; white-space: nowrap; border: 1px solid; font-weight: 600; }
.badge.already_met { background: #08306b; color: #fff; border-color: #08306b; }
.badge.on_track { background: #c6dbef; color: #08306b; border-color: #6f9fcf; }
.badge.at_risk { background: #fff; color: #7a4a00; border-color: #d9822b; border-style: dashed; }
.badge.off_track { background: #fff; color: var(--warn); border-color: var(--warn); border-width: 2px; }
.badge.not_assessed { background: #f2f2f2; color: var(--muted); border-color: #bbb; }
figure { margin: 16px 0 24px; page-break-inside: avoid; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }
code { font-size: 12.5px; background: #f4f4f4; padding: 0 4px; border-radius: 3px; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { page-break-after: avoid; break-after: avoid; }
  .warning { background: none; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; break-inside: avoid; }
}
`;
