/**
 * `targetcast compare` in words: the assumptions that differ side by side, the expected number
 * of targets met, the targets that changed (with the paired Monte Carlo error) and what moved
 * them, and for every changed assumption that moves nothing, why. Numbers and reason codes come
 * from src/assess/compareScenarios.ts.
 */

import type { RunsComparison } from "../assess/compareRuns.js";
import type { CommitmentDifference, Comparison, ComparisonResult, NoEffectReason } from "../assess/compareScenarios.js";
import { FAR_FROM_THRESHOLD } from "../assess/compareScenarios.js";
import type { ScenarioResult, Status } from "../assess/types.js";
import {
  type Bi,
  DEFAULT_LANG,
  formatNumber,
  formatPercent,
  type Lang,
  STATUS_WORDS,
  statusLabel,
  tr,
} from "../charts/labels.js";
import { type BilingualName, nameBook } from "../scenario/assumptionLabel.js";
import { assumptionSummary } from "./assumptionText.js";
import { renderTable } from "./textTable.js";

const pct = (p: number) => formatPercent(p, 1);
const pp = (d: number) => `${d >= 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(1)}`;
const num = (v: number | null) => (v === null ? "–" : formatNumber(v));

/** The bilingual name of a compared assumption: an indicator's spec, or the budget / programmes. */
export function assumptionKeyName(key: string, r: ScenarioResult): BilingualName {
  if (key === "budget") return { zh: "追加预算", en: "Extra budget" };
  if (key === "programmes") return { zh: "项目设置", en: "Programmes" };
  if (key === "adopts") return { zh: "采纳的承诺", en: "Commitments adopted" };
  return nameBook(r.indicators).indicator(key) ?? { zh: key, en: key };
}

const far = `${FAR_FROM_THRESHOLD * 100}%`;
const REASON: Record<NoEffectReason, (year: string) => BilingualName> = {
  no_target_depends: () => ({
    zh: "没有任何目标依赖该指标",
    en: "no target is computed from this indicator",
  }),
  same_by_target_year: (y) => ({
    zh: `相关目标在目标年的取值在每条路径上都完全相同（该假设自 ${y} 年起才改变本指标，影响经滞后在目标年之后才显现）`,
    en: `the targets it feeds have exactly the same values in their target year on every path (it changes its own indicator from ${y}; a lag puts the effect after the target year)`,
  }),
  out_of_reach: () => ({
    zh: `相关目标取值变化，但两种情况下达成概率均低于 ${far}：目标本就遥不可及`,
    en: `the targets' values move, but P(met) is below ${far} either way: the target is out of reach regardless`,
  }),
  secure: () => ({
    zh: `相关目标取值变化，但两种情况下达成概率均高于 ${100 - FAR_FROM_THRESHOLD * 100}%`,
    en: `the targets' values move, but P(met) stays above ${100 - FAR_FROM_THRESHOLD * 100}% either way`,
  }),
  within_noise: () => ({
    zh: "达成概率的变化小于两倍配对蒙特卡洛标准误",
    en: "P(met) moves by less than 2 paired Monte Carlo standard errors",
  }),
  decision_only: () => ({
    zh: "承诺是区级决策，采纳与否不改变预测：每个预测目标在每条路径上的取值都相同",
    en: "a commitment is a decision of the district; adopting it does not change the projection (every forecast target has the same values on every path)",
  }),
};

const COMMITMENT_STATUS: Record<CommitmentDifference["statusBase"], BilingualName> = {
  commitment_adopted: { zh: "已采纳", en: "adopted" },
  commitment_not_adopted: { zh: "未采纳", en: "not adopted" },
};

/** The commitments a scenario adopts (`adopts`, a list of ids), by their names. */
function adoptedText(ids: unknown, base: ScenarioResult, lang: Lang): string {
  const list = Array.isArray(ids) ? (ids as string[]) : [];
  if (!list.length) return lang === "en" ? "none" : lang === "zh" ? "无" : "无 none";
  return list
    .map((id) => {
      const t = base.targets.find((x) => x.id === id);
      if (!t) return id;
      return lang === "both" ? `${t.nameZh} ${t.nameEn}` : tr(lang, { zh: t.nameZh, en: t.nameEn });
    })
    .join(lang === "zh" ? "；" : "; ");
}

/** Why a commitment's status changed: the scenarios differ in whether they adopt it. */
function commitmentChangeText(c: CommitmentDifference, other: ScenarioResult): BilingualName {
  const adopts = c.statusOther === "commitment_adopted";
  return {
    zh: `${COMMITMENT_STATUS[c.statusBase].zh} → ${COMMITMENT_STATUS[c.statusOther].zh}：状态因承诺的采纳而改变（「${other.scenario.nameZh}」${adopts ? "采纳" : "未采纳"}该承诺，adopts 不同）；预测不变`,
    en: `${COMMITMENT_STATUS[c.statusBase].en} → ${COMMITMENT_STATUS[c.statusOther].en}: the status changed because ${other.scenario.nameEn} ${adopts ? "adopts" : "does not adopt"} this commitment (adopts differs); the projection is the same`,
  };
}

export function reasonText(reason: NoEffectReason, firstYearChanged: number | null): BilingualName {
  return REASON[reason](firstYearChanged === null ? "–" : String(firstYearChanged));
}

function comparisonText(
  c: Comparison,
  base: ScenarioResult,
  other: ScenarioResult,
  r: ComparisonResult,
  lang: Lang,
): string {
  /** One phrase in the language asked for; "both" gives "中文 English" as before. */
  const T = (b: Bi) => (lang === "both" ? `${b.zh} ${b.en}` : tr(lang, b));
  /** A heading: the Chinese label before the English sentence in "both". */
  const H = (zh: string, en: string, zhFull = zh) => (lang === "zh" ? zhFull : lang === "en" ? en : `${zh} ${en}`);
  const name = (k: string) => T(assumptionKeyName(k, base));
  const targetTitle = (t: { nameZh: string; nameEn: string }) => T({ zh: t.nameZh, en: t.nameEn });
  const trendByDefault = T({ zh: "（默认趋势外推）", en: "(trend by default)" });
  /** A scenario's assumption for an indicator in words (Chinese first in "both"); null when it has none. */
  const summaryIn = (s: ScenarioResult, key: string) => {
    const a = s.scenario.assumptions.find((x) => x.indicator === key);
    return a ? assumptionSummary(a, s, lang === "en" ? "en" : "zh") : null;
  };
  const lines = [
    lang === "zh"
      ? `情景对比 ${base.scenario.nameZh} → ${other.scenario.nameZh}（${r.paths} 条模拟路径，随机种子 ${r.seed}，共同随机数）`
      : lang === "en"
        ? `Comparison ${base.scenario.nameEn} → ${other.scenario.nameEn}  (${r.paths} paths, seed ${r.seed}, common random numbers)`
        : `情景对比 ${base.scenario.nameZh} → ${other.scenario.nameZh} / ${base.scenario.nameEn} → ${other.scenario.nameEn}  (${r.paths} paths, seed ${r.seed}, common random numbers)`,
    base.illustrative
      ? `⚠ ${H("示意数据，非官方统计 —", "Illustrative data, not official statistics", "示意数据，非官方统计")}`
      : "",
    "",
    H("不同的假设", "Assumptions that differ:", "不同的假设："),
    c.assumptions.length
      ? renderTable(
          [
            { header: T({ zh: "假设", en: "Assumption" }), max: 40 },
            {
              header:
                lang === "both" ? base.scenario.id : tr(lang, { zh: base.scenario.nameZh, en: base.scenario.nameEn }),
              max: 60,
            },
            {
              header:
                lang === "both"
                  ? other.scenario.id
                  : tr(lang, { zh: other.scenario.nameZh, en: other.scenario.nameEn }),
              max: 60,
            },
          ],
          c.assumptions.map((a) =>
            a.key === "adopts"
              ? [name(a.key), adoptedText(a.base, base, lang), adoptedText(a.other, base, lang)]
              : [
                  name(a.key),
                  summaryIn(base, a.key) ?? (a.base === null ? trendByDefault : JSON.stringify(a.base)),
                  summaryIn(other, a.key) ?? (a.other === null ? trendByDefault : JSON.stringify(a.other)),
                ],
          ),
        )
      : `  ${T({ zh: "无", en: "none" })}`,
  ];
  const adopts = c.assumptions.find((a) => a.key === "adopts");
  if (adopts) {
    // The table cuts long names: say in full which commitments only one scenario adopts.
    const only = (a: unknown, b: unknown) => (a as string[]).filter((id) => !(b as string[]).includes(id));
    for (const [ids, s] of [
      [only(adopts.base, adopts.other), base],
      [only(adopts.other, adopts.base), other],
    ] as const)
      if (ids.length)
        lines.push(
          `  ${H(`只在「${s.scenario.nameZh}」中采纳：`, `Adopted only in ${s.scenario.nameEn}:`)}${lang === "zh" ? "" : " "}${adoptedText(ids, base, lang)}`,
        );
  }
  for (const s of c.settings)
    lines.push(
      `  ${s.key}: ${JSON.stringify(s.base)} → ${JSON.stringify(s.other)} (${tr(lang === "zh" ? "zh" : "en", { zh: "两次运行的设置不同：无法逐一归因", en: "runs differ in their settings: no one-at-a-time attribution" })})`,
    );
  const e = c.expectedMet;
  lines.push(
    "",
    `${H("预期达成目标数", "Expected targets met:", "预期达成目标数：")}${lang === "zh" ? "" : " "}${e.base.toFixed(2)} → ${e.other.toFixed(2)} (${e.change >= 0 ? "+" : "−"}${Math.abs(e.change).toFixed(2)} ± ${e.standardError.toFixed(2)}, ${tr(lang === "zh" ? "zh" : "en", { zh: "配对蒙特卡洛标准误", en: "paired Monte Carlo SE" })})`,
    "",
    H(
      "变化的目标",
      "Targets whose status changed or whose P(met) moved beyond 2 paired SE:",
      "状态改变或达成概率变化超过两倍配对标准误的目标：",
    ),
  );
  lines.push(
    c.changed.length
      ? renderTable(
          [
            { header: T({ zh: "目标", en: "Target" }), max: 30 },
            { header: T({ zh: "状态", en: "Status" }), max: 36 },
            { header: lang === "zh" ? "达成概率" : "P(met)", align: "right" },
            { header: lang === "zh" ? "Δ ± 标准误（百分点）" : "Δ ± SE (points)", align: "right" },
            { header: T({ zh: "中位数", en: "Median" }), align: "right" },
            { header: T({ zh: "由何引起", en: "Moved by (alone)" }), max: 44 },
          ],
          c.changed.map((t) => [
            targetTitle(t),
            t.statusBase === t.statusOther
              ? statusLabel(t.statusBase, lang)
              : `${statusLabel(t.statusBase, lang)} → ${statusLabel(t.statusOther, lang)}`,
            `${pct(t.pMetBase)} → ${pct(t.pMetOther)}`,
            `${pp(t.change)} ± ${(t.standardError * 100).toFixed(1)}`,
            `${num(t.medianBase)} → ${num(t.medianOther)}`,
            t.movedBy.length
              ? t.movedBy.map((m) => `${name(m.key)} (${pp(m.change)})`).join("; ")
              : tr(lang === "zh" ? "zh" : "en", {
                  zh: "没有单独起作用的假设，只有共同作用",
                  en: "no single assumption alone; only together",
                }),
          ]),
        )
      : `  ${T({ zh: "无", en: "none" })}`,
  );
  if (c.commitments.length) {
    lines.push(
      "",
      H(
        "承诺（区级决策）",
        "Commitments (decisions of the district) whose status changed:",
        "状态改变的承诺（区级决策）：",
      ),
    );
    const targetOf = new Map(base.targets.map((t) => [t.id, t]));
    for (const k of c.commitments) {
      const dependents = k.dependents.flatMap((id) => targetOf.get(id) ?? []);
      lines.push(
        `  • ${targetTitle(k)}${lang === "zh" ? "：" : ":"}`,
        ...whyLines(commitmentChangeText(k, other), lang),
      );
      if (dependents.length)
        lines.push(
          ...whyLines(
            {
              zh: `依赖它的预测目标：${dependents.map((t) => t.nameZh).join("；")}`,
              en: `forecast targets that depend on it: ${dependents.map((t) => t.nameEn).join("; ")}`,
            },
            lang,
          ),
        );
    }
  }
  if (c.unchanged.length) {
    lines.push(
      "",
      H(
        "受影响但未变化的目标",
        "Targets computed from a changed assumption that did not change:",
        "由改变的假设计算、但未变化的目标：",
      ),
    );
    for (const t of c.unchanged) {
      const why = reasonText(t.reason, null);
      lines.push(
        lang === "zh"
          ? `  • ${t.nameZh}：达成概率 ${pct(t.pMetBase)} → ${pct(t.pMetOther)}（${pp(t.change)} ± ${(t.standardError * 100).toFixed(1)} 个百分点），中位数 ${num(t.medianBase)} → ${num(t.medianOther)}`
          : `  • ${targetTitle(t)}: P(met) ${pct(t.pMetBase)} → ${pct(t.pMetOther)} (${pp(t.change)} ± ${(t.standardError * 100).toFixed(1)} points), median ${num(t.medianBase)} → ${num(t.medianOther)}`,
        ...whyLines(why, lang),
      );
    }
  }
  lines.push(
    "",
    H(
      "每个假设单独换入时",
      "Each assumption swapped in alone (the rest as in the first scenario):",
      "每个假设单独换入时（其余同第一个情景）：",
    ),
  );
  const targetName = new Map(base.targets.map((t) => [t.id, targetTitle(t)]));
  const points = lang === "zh" ? "个百分点" : "points";
  for (const a of c.effects) {
    if (a.moves.length) {
      lines.push(
        `  • ${name(a.key)}${lang === "zh" ? "：改变" : ": moves"} ${a.moves.map((m) => `${targetName.get(m.target) ?? m.target} ${pp(m.change)} ± ${(m.standardError * 100).toFixed(1)} ${points}`).join(lang === "zh" ? "；" : "; ")}`,
      );
    } else {
      const why = reasonText(a.reason!, a.firstYearChanged);
      lines.push(
        `  • ${name(a.key)}${lang === "zh" ? "：" : ": "}${H("无可辨影响", "moves no target —", "无可辨影响 —")}`,
        ...whyLines(why, lang),
      );
    }
    for (const x of a.reached)
      lines.push(
        lang === "zh"
          ? `    ${targetName.get(x.target) ?? x.target}（${x.targetYear}）：中位数 ${num(x.medianBase)} → ${num(x.medianSwapped)}，达成概率 ${pct(x.pMetBase)} → ${pct(x.pMetSwapped)}`
          : `    ${targetName.get(x.target) ?? x.target} (${x.targetYear}): median ${num(x.medianBase)} → ${num(x.medianSwapped)}, P(met) ${pct(x.pMetBase)} → ${pct(x.pMetSwapped)}`,
      );
  }
  return lines.filter((l, i) => l !== "" || lines[i - 1] !== "").join("\n");
}

/** The "why" of an assumption that moves nothing: one line per language shown. */
function whyLines(why: BilingualName, lang: Lang): string[] {
  return lang === "zh" ? [`    ${why.zh}`] : lang === "en" ? [`    ${why.en}`] : [`    ${why.zh}`, `    ${why.en}`];
}

export function compareText(r: ComparisonResult, lang: Lang = DEFAULT_LANG): string {
  const base = r.results[0];
  return (
    r.comparisons
      .map((c, i) => comparisonText(c, base, r.results[i + 1], r, lang))
      .join("\n\n" + "═".repeat(80) + "\n\n") + "\n"
  );
}

/** The status code of a saved run as words (codes from another version are shown as they are). */
function savedStatus(code: string, lang: Lang): string {
  return code in STATUS_WORDS ? statusLabel(code as Status, lang) : code;
}

/** `compare before/results.json after/results.json` in words: what differs and what changed, with the SE of independent runs. */
export function compareRunsText(r: RunsComparison, lang: Lang = DEFAULT_LANG): string {
  const T = (b: Bi) => tr(lang, b);
  // Sentences: "both" gives the Chinese line, then the English one.
  const say = (b: Bi): string[] => (lang === "both" ? [b.zh, b.en] : [tr(lang, b)]);
  const when = (g: string | null) => (g ? ` (${g})` : "");
  const none = T({ zh: "无", en: "none" });
  const lines = [
    `${T({ zh: "两次运行对比", en: "Two saved runs" })}${lang === "zh" ? "：" : ": "}${r.before.file}${when(r.before.generatedAt)} → ${r.after.file}${when(r.after.generatedAt)}`,
    ...say({
      zh: "两次独立运行，非公共随机数：变化的标准误 = √(se₁² + se₂²)（若两次种子、路径和输入相同则偏保守）",
      en: "Independent runs, not common random numbers: the SE of a change is √(se₁² + se₂²) (conservative when both used the same seed, paths and inputs)",
    }).map((l) => `  ${l}`),
    ...say({
      zh: "results.json 只记录各情景的假设，不记录哪个假设推动了哪个目标；要归因，请对比情景文件 (compare A.yaml B.yaml)",
      en: "results.json records each scenario's assumptions, not which one moved which target: compare the scenario files (compare A.yaml B.yaml) to attribute",
    }).map((l) => `  ${l}`),
  ];
  if (r.inputsChanged.length)
    lines.push(
      "",
      `${T({ zh: "内容改变的输入文件（例如新的实际数据）：", en: "Input files whose contents changed (e.g. new actuals):" })}`,
      ...r.inputsChanged.map(
        (f) =>
          `  • ${f.file}${f.before === null ? ` (${T({ zh: "仅在第二次运行中", en: "only in the second run" })})` : f.after === null ? ` (${T({ zh: "仅在第一次运行中", en: "only in the first run" })})` : ""}`,
      ),
    );
  const notInRun = `(${T({ zh: "本次运行中没有", en: "not in this run" })})`;
  for (const c of r.comparisons) {
    lines.push("", "═".repeat(80), "", `${T({ zh: "情景", en: "Scenario" })} ${tr(lang, c.name)} (${c.scenario})`);
    for (const s of c.settings) lines.push(`  ${s.key}: ${s.before ?? "–"} → ${s.after ?? "–"}`);
    lines.push(
      "",
      T({ zh: "记录中不同的假设：", en: "Recorded assumptions that differ:" }),
      ...(c.assumptions.length
        ? [
            renderTable(
              [
                { header: T({ zh: "指标", en: "Indicator" }), max: 36 },
                { header: T({ zh: "之前", en: "Before" }), max: 56 },
                { header: T({ zh: "之后", en: "After" }), max: 56 },
              ],
              c.assumptions.map((a) => [
                a.indicator,
                a.before ? `${a.before.mechanism}: ${a.before.summary}` : notInRun,
                a.after ? `${a.after.mechanism}: ${a.after.summary}` : notInRun,
              ]),
            ),
          ]
        : c.adopts
          ? []
          : [`  ${none}`]),
    );
    if (c.adopts) {
      const names = (list: { nameZh: string; nameEn: string }[]) =>
        list.length
          ? list.map((t) => tr(lang, { zh: t.nameZh, en: t.nameEn })).join(lang === "en" ? "; " : "；")
          : none;
      lines.push(
        `  ${T({ zh: "采纳的承诺", en: "Commitments adopted" })}: ${names(c.adopts.before)} → ${names(c.adopts.after)} (${T(
          {
            zh: "这些承诺的状态因此改变；采纳与否不改变预测",
            en: "the statuses of these commitments changed because of it; adopting does not change the projection",
          },
        )})`,
      );
    }
    const e = c.expectedMet;
    if (e)
      lines.push(
        "",
        `${T({ zh: "预期达成目标数", en: "Expected targets met" })}: ${e.before.toFixed(2)} → ${e.after.toFixed(2)} (${e.change >= 0 ? "+" : "−"}${Math.abs(e.change).toFixed(2)} ± ${e.standardError.toFixed(2)}, ${T({ zh: "独立运行的标准误", en: "SE of independent runs" })})`,
      );
    lines.push(
      "",
      T({
        zh: `状态改变或达成概率变化超过两倍标准误的目标（其余 ${c.unchangedCount} 个未变）：`,
        en: `Targets whose status changed or whose P(met) moved beyond 2 SE (${c.unchangedCount} others unchanged):`,
      }),
      c.changed.length
        ? renderTable(
            [
              { header: T({ zh: "目标", en: "Target" }), max: 30 },
              { header: T({ zh: "状态", en: "Status" }), max: 40 },
              { header: lang === "zh" ? "达成概率" : "P(met)", align: "right" },
              { header: lang === "zh" ? "Δ ± 标准误（百分点）" : "Δ ± SE (points)", align: "right" },
              { header: T({ zh: "中位数", en: "Median" }), align: "right" },
            ],
            c.changed.map((t) => [
              tr(lang, { zh: t.nameZh, en: t.nameEn }),
              t.statusChanged
                ? `${savedStatus(t.statusBefore, lang)} → ${savedStatus(t.statusAfter, lang)}`
                : savedStatus(t.statusBefore, lang),
              t.pMetBefore === null || t.pMetAfter === null ? "–" : `${pct(t.pMetBefore)} → ${pct(t.pMetAfter)}`,
              t.change === null || t.standardError === null
                ? "–"
                : `${pp(t.change)} ± ${(t.standardError * 100).toFixed(1)}${t.distinguishable ? "" : ` (${T({ zh: "在两倍标准误内", en: "within 2 SE" })})`}`,
              `${num(t.medianBefore)} → ${num(t.medianAfter)}`,
            ]),
          )
        : `  ${none}`,
    );
    if (c.onlyBefore.length)
      lines.push(`  ${T({ zh: "只在之前", en: "Only in the first run" })}: ${c.onlyBefore.join(", ")}`);
    if (c.onlyAfter.length)
      lines.push(`  ${T({ zh: "只在之后", en: "Only in the second run" })}: ${c.onlyAfter.join(", ")}`);
  }
  if (r.scenariosOnlyBefore.length || r.scenariosOnlyAfter.length) {
    const first = T({ zh: "第一次", en: "first" });
    const second = T({ zh: "第二次", en: "second" });
    lines.push(
      "",
      `${T({ zh: "只在一次运行中的情景（未对比）", en: "Scenarios in one run only (not compared)" })}: ${[...r.scenariosOnlyBefore.map((s) => `${s} (${first})`), ...r.scenariosOnlyAfter.map((s) => `${s} (${second})`)].join(", ")}`,
    );
  }
  return lines.join("\n") + "\n";
}
