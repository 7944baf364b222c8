/**
 * Risk matrix: targets (rows) × scenarios (columns). Each cell is filled with its status colour
 * (the one palette, statusStyle.ts: red off track, amber at risk, green on track, neutral greys for
 * already met and not assessed) and labelled with the status mark and word ("▲ 有风险") and
 * P(met) — the share of Monte Carlo paths meeting the target in the target year — so it reads in
 * grey print and for colour-blind readers too.
 *
 * Example: `riskMatrix(results, { lang: "zh" })`.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult, TargetAssessment } from "../assess/types.js";
import { chartTitle, frame, type Layer, provenanceOf } from "./frame.js";
import {
  ALL_STATUSES,
  comparatorSymbol,
  DEFAULT_LANG,
  formatNumber,
  formatPercent,
  type Lang,
  statusLabel,
  tr,
  trLines,
  unitLabel,
  WORDS,
} from "./labels.js";
import { STATUS_STYLE } from "./statusStyle.js";

/** Options of the scenario × target risk matrix chart: language and cell width. */
export interface RiskMatrixOptions {
  lang?: Lang;
  /** Column width in px; default 150 with "both", else 120. */
  cellWidth?: number;
}

/** Row label lines: the target's name(s), then "≥ 2.5% · 2015". */
function rowLines(t: TargetAssessment, lang: Lang): string[] {
  const names = trLines(lang, { zh: t.nameZh, en: t.nameEn });
  const lines = Array.isArray(names) ? [...names] : [names];
  const year = lang === "zh" ? `${t.targetYear}年` : String(t.targetYear);
  if (t.comparator !== null && t.threshold !== null) {
    const unit = unitLabel(t.unit, lang === "en" ? "en" : "zh");
    const sep = t.unit === "%" ? "" : " ";
    lines.push(`${comparatorSymbol(t.comparator)} ${formatNumber(t.threshold)}${sep}${unit} · ${year}`);
  } else {
    lines.push(`${tr(lang, { zh: "定性目标", en: "qualitative" })} · ${year}`);
  }
  return lines;
}

/** The matrix for every target in `results` (rows in catalogue order) and every scenario. */
export function riskMatrix(results: ScenarioResult[], opts: RiskMatrixOptions = {}): TopLevelSpec {
  const lang = opts.lang ?? DEFAULT_LANG;
  if (results.length === 0) throw new Error("riskMatrix: no scenario results");

  // Rows: targets in the order first met; the key is the id, the label is looked up.
  const rowIds: string[] = [];
  const rowLabel: Record<string, string> = {};
  for (const r of results) {
    for (const t of r.targets) {
      if (rowLabel[t.id] !== undefined) continue;
      rowIds.push(t.id);
      rowLabel[t.id] = rowLines(t, lang).join("\n");
    }
  }
  // Columns: scenarios keyed by id, labelled by name (two lines with "both").
  const columns = results.map((r) => r.scenario.id);
  const dup = columns.find((id, i) => columns.indexOf(id) !== i);
  if (dup !== undefined) throw new Error(`riskMatrix: scenario "${dup}" appears twice`);
  const colLabel: Record<string, string> = {};
  for (const r of results) {
    const name = trLines(lang, { zh: r.scenario.nameZh, en: r.scenario.nameEn });
    colLabel[r.scenario.id] = Array.isArray(name) ? name.join("\n") : name;
  }

  const cells = results.flatMap((r) =>
    r.targets.map((t) => {
      const p = t.pMet !== null && Number.isFinite(t.pMet) && t.status !== "not_assessed" ? t.pMet : null;
      return {
        target: t.id,
        scenario: r.scenario.id,
        pMet: p,
        status: t.status,
        label: [`${STATUS_STYLE[t.status].mark} ${statusLabel(t.status, lang)}`, p === null ? "" : formatPercent(p)]
          .filter((s) => s !== "")
          .join("\n"),
        ink: STATUS_STYLE[t.status].ink,
      };
    }),
  );

  const lines = rowLabel[rowIds[0]]?.split("\n").length ?? 2;
  const cellWidth = opts.cellWidth ?? (lang === "both" ? 150 : 120);
  const rowHeight = Math.max(44, 15 * lines + 10);
  // A label is "line1\nline2…": looked up by key and split into an array, which Vega stacks as lines.
  const lookup = (labels: Record<string, string>) =>
    `split(${JSON.stringify(labels)}[datum.value] || datum.value, '\\n')`;
  const x = {
    field: "scenario",
    type: "nominal" as const,
    sort: columns,
    scale: { paddingInner: 0.04 },
    axis: {
      title: null,
      orient: "top" as const,
      labelAngle: 0,
      labelExpr: lookup(colLabel),
      labelLimit: cellWidth,
      labelLineHeight: 15,
      labelFontSize: 12,
      labelFontWeight: "bold" as const,
      labelBaseline: "bottom" as const,
      domain: false,
      ticks: false,
      // Vega stacks the lines of a multi-line label downwards from the baseline: lift the first
      // line by the height of the others so the last one clears the cells.
      labelPadding: 6 + 15 * (Math.max(...Object.values(colLabel).map((l) => l.split("\n").length)) - 1),
    },
  };
  const labelExpr = lookup(rowLabel);
  const y = {
    field: "target",
    type: "nominal" as const,
    sort: rowIds,
    scale: { paddingInner: 0.06 },
    axis: {
      title: null,
      labelExpr,
      labelLimit: 0,
      labelLineHeight: 14,
      // Lines stack downwards from the middle: centre the block on the row instead.
      labelOffset: (-(lines - 1) * 14) / 2,
      domain: false,
      ticks: false,
      labelPadding: 8,
      labelFontSize: 11,
    },
  };
  const statuses = ALL_STATUSES.filter((st) => cells.some((c) => c.status === st));
  const layers: Layer[] = [
    {
      mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: {
          field: "status",
          type: "nominal",
          scale: { domain: statuses, range: statuses.map((st) => STATUS_STYLE[st].fill) },
          legend: {
            title: tr(lang, WORDS.status),
            direction: "horizontal",
            orient: "bottom",
            labelExpr: `${JSON.stringify(Object.fromEntries(statuses.map((st) => [st, `${STATUS_STYLE[st].mark} ${statusLabel(st, lang)}`])))}[datum.value]`,
          },
        },
      },
    },
    {
      mark: { type: "text", lineBreak: "\n", fontSize: 11, lineHeight: 14, baseline: "middle" },
      encoding: { x, y, text: { field: "label" }, color: { field: "ink", type: "nominal", scale: null } },
    },
  ] as Layer[];

  const heading = trLines(lang, { zh: "目标达成风险矩阵", en: "Target risk matrix" });
  const note = tr(lang, {
    zh: "单元格：状态与达成概率（目标年份满足目标的模拟路径占比）",
    en: "cells: status and P(met), the share of simulated paths meeting the target in the target year",
  });
  return frame({
    description: `Risk matrix: ${rowIds.length} targets × ${results.length} scenarios, coloured by status`,
    title: chartTitle(heading, provenanceOf(results), lang, [note]),
    data: { values: cells },
    width: { step: cellWidth },
    height: { step: rowHeight },
    layer: layers,
  } as TopLevelSpec);
}
