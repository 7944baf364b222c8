/**
 * `targetcast allocate` in words and tables: what the budget buys (no extra budget, equal split,
 * best split), with its Monte Carlo error, for which targets, and what ties with the best.
 * Numbers come from src/allocate/runAllocation.ts; this file only words and formats them.
 */
import { EXPECTED_GOAL, type GoalAnswer } from "../allocate/goalSeek.js";
import type { AllocateResult } from "../allocate/runAllocation.js";
import { DEFAULT_LANG, formatPercent, type Lang, tr } from "../charts/labels.js";
import { renderTable } from "./textTable.js";

const money = (v: number) => v.toFixed(0);
const score = (v: number) => v.toFixed(2);
const signed = (v: number, digits = 2) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(digits)}`;
const pct = (p: number) => formatPercent(p, 1);
/** Goal-seek probabilities: two decimals, so a step of one path in 2,000 (0.05 points) shows. */
const pct2 = (p: number) => formatPercent(p, 2);
const pctPoints = (d: number) => `${d >= 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(1)}`;

/** The words of one line: Chinese, English, or (both) a short Chinese label before the English. */
interface Line {
  zh: string;
  en: string;
  /** The Chinese label that leads the English text in "both" (the whole Chinese text when absent). */
  label?: string;
  /** The whole line in "both", when it is not label + English. */
  both?: string;
}

function say(lang: Lang, l: Line): string {
  if (lang === "zh") return l.zh;
  if (lang === "en") return l.en;
  return l.both ?? `${l.label ?? l.zh} ${l.en}`;
}

/** A table header: "中文 English" in both, else one language. */
const head = (lang: Lang, zh: string, en: string) => tr(lang, { zh, en });

/** A programme or target name in the language asked for. */
const named = (lang: Lang, n: { nameZh: string; nameEn: string }) => tr(lang, { zh: n.nameZh, en: n.nameEn });

/** The objective's name in both languages, as the table and the summary print it. */
export function objectiveName(r: Pick<AllocateResult, "objective">, lang: Lang = DEFAULT_LANG): string {
  return r.objective === "weightedScore"
    ? say(lang, { label: "加权得分", zh: "加权得分（Σ 权重 × 达成概率）", en: "Weighted score (Σ weight × P(met))" })
    : say(lang, { label: "预期达成目标数", zh: "预期达成目标数（Σ 达成概率）", en: "Expected targets met (Σ P(met))" });
}

/** P(met) changes smaller than this (probability) are left out of the per-target table. */
const CHANGE_SHOWN = 0.005;

/** The terminal answer of `allocate --budget`: the cases compared, the gain with its error, per-target changes. */
export function allocationText(r: AllocateResult, lang: Lang = DEFAULT_LANG): string {
  const S = (l: Line) => say(lang, l);
  const H = (zh: string, en: string) => head(lang, zh, en);
  const lines = [
    S({
      label: "预算",
      zh: `在照常发展之上每年追加预算 ${r.budget} ${r.unit} — ${r.scenario}，${r.paths} 条模拟路径，随机种子 ${r.seed}，在同一组随机抽样上评估了 ${r.evaluations} 种分配`,
      en: `Budget ${r.budget} ${r.unit}/yr on top of business as usual — ${r.scenario}, ${r.paths} paths, seed ${r.seed}, ${r.evaluations} allocations evaluated on the same draws`,
    }),
    ...(r.budgetPath ? [pathLine(r.budgetPath, r.unit)] : []),
    "",
    renderTable(
      [
        { header: H("项目", "Programme"), max: 44 },
        { header: `${H("最优", "Best")} (${r.unit})`, align: "right" },
        { header: H("平均", "Equal"), align: "right" },
        { header: `${H("网格", "Grid")} /${r.gridSearch.steps}`, align: "right" },
        { header: `+100${r.unit} → Δ E[met]`, align: "right" },
      ],
      r.programmes.map((p) => [
        lang === "both" ? `${p.nameZh} ${p.nameEn}` : named(lang, p),
        money(r.best.split[p.id]),
        money(r.equalSplit.split[p.id]),
        money(r.gridSearch.split[p.id]),
        (r.marginal.find((m) => m.programme === p.id)?.expectedMet ?? 0).toFixed(3),
      ]),
    ),
    "",
    `${objectiveName(r, lang)}${lang === "zh" ? "：" : ":"}`,
    `  ${S({
      zh: `无追加预算 ${score(r.noBudget.score)} · 平均分配 ${score(r.equalSplit.score)} · 最优 ${score(r.best.score)}`,
      en: `No extra budget ${score(r.noBudget.score)} · Equal split ${score(r.equalSplit.score)} · Best ${score(r.best.score)}`,
      both: `无追加预算 No extra budget ${score(r.noBudget.score)} · 平均分配 Equal split ${score(r.equalSplit.score)} · 最优 Best ${score(r.best.score)}`,
    })}`,
    `  ${S({
      label: "最优比平均",
      zh: `最优比平均：${signed(r.gainOverEqualSplit, 3)} ± ${r.gainStandardError.toFixed(3)}（配对蒙特卡洛标准误）— ${
        r.gainDistinguishable ? "大于两倍标准误，差异可辨" : "不足两倍标准误，与平均分配无法区分"
      }`,
      en: `Best − equal: ${signed(r.gainOverEqualSplit, 3)} ± ${r.gainStandardError.toFixed(3)} (paired Monte Carlo SE) — ${
        r.gainDistinguishable
          ? "more than 2 SE: the best split is really better"
          : "within 2 SE: not distinguishable from the equal split"
      }`,
      both: `最优比平均 Best − equal: ${signed(r.gainOverEqualSplit, 3)} ± ${r.gainStandardError.toFixed(3)} (paired Monte Carlo SE) — ${
        r.gainDistinguishable
          ? "大于两倍标准误，差异可辨 more than 2 SE: the best split is really better"
          : "不足两倍标准误，与平均分配无法区分 within 2 SE: not distinguishable from the equal split"
      }`,
    })}`,
  ];
  if (r.objective === "weightedScore") {
    lines.push(
      `  ${S({
        label: "预期达成目标数",
        zh: `预期达成目标数（不加权）：无追加预算 ${score(r.noBudget.expectedMet)} · 平均 ${score(r.equalSplit.expectedMet)} · 最优 ${score(r.best.expectedMet)}`,
        en: `Expected targets met (unweighted): no extra budget ${score(r.noBudget.expectedMet)} · equal ${score(r.equalSplit.expectedMet)} · best ${score(r.best.expectedMet)}`,
      })}`,
    );
  }
  lines.push(
    `  ${S({
      label: "预算带来",
      zh: `预算带来预期达成目标数 ${signed(r.gain.overNoBudget)}（最优分配对比无追加预算）；${r.gridSearch.size} 种网格分配中最优 ${score(r.gridSearch.score)}`,
      en: `The budget buys ${signed(r.gain.overNoBudget)} expected targets met (best split vs none); grid best of ${r.gridSearch.size} ${score(r.gridSearch.score)}`,
    })}`,
  );
  if (r.runnersUp.length) {
    const tied = say(lang, { zh: "并列", en: "tied", label: "并列" });
    lines.push(
      `  ${S({ label: "次优", zh: "次优：", en: "Runners-up: " })}${r.runnersUp
        .map(
          (u) =>
            `${score(u.score)} (${signed(-u.gap, 3)} ± ${u.gapStandardError.toFixed(3)}${u.tied ? `, ${tied}` : ""})`,
        )
        .join(", ")}`,
    );
    if (r.runnersUp.some((u) => u.tied))
      lines.push(
        `  ${S({
          label: "并列",
          zh: "并列 = 与最优相差不足两倍配对标准误：数据无法区分其优劣，请依据其他因素选择",
          en: "tied = within 2 paired SE of the best: the data cannot rank them; choose on other grounds",
        })}`,
      );
  }
  lines.push(...commitmentLines(r, lang));
  const moved = r.perTarget
    .filter((t) => Math.max(Math.abs(t.changeOverEqual), Math.abs(t.changeOverNone)) >= CHANGE_SHOWN)
    .sort((a, b) => b.changeOverNone - a.changeOverNone);
  lines.push(
    "",
    S({
      label: "各目标达成概率",
      zh: `各目标达成概率（变化 ≥ ${CHANGE_SHOWN * 100} 个百分点；Δ 以百分点计）：`,
      en: `P(met) per target (changes ≥ ${CHANGE_SHOWN * 100} points; Δ in percentage points):`,
    }),
  );
  lines.push(
    moved.length
      ? renderTable(
          [
            { header: H("目标", "Target"), max: 34 },
            { header: H("无", "None"), align: "right" },
            { header: H("平均", "Equal"), align: "right" },
            { header: H("最优", "Best"), align: "right" },
            { header: lang === "zh" ? "Δ 对平均" : "Δ vs equal", align: "right" },
            { header: lang === "zh" ? "Δ 对无" : "Δ vs none", align: "right" },
          ],
          moved.map((t) => [
            lang === "both" ? `${t.nameZh} ${t.nameEn}` : named(lang, t),
            pct(t.none),
            pct(t.equal),
            pct(t.best),
            pctPoints(t.changeOverEqual),
            pctPoints(t.changeOverNone),
          ]),
        )
      : `  ${S({ zh: "无：此预算不改变任何目标的达成概率", en: "none: no target's P(met) moves with this budget", both: "none: no target's P(met) moves with this budget" })}`,
  );
  const losers = moved.filter((t) => t.changeOverEqual <= -CHANGE_SHOWN);
  if (losers.length)
    lines.push(
      `  ${S({
        label: "最优分配下降的目标",
        zh: "最优分配下降的目标（相对平均分配）：",
        en: "Lower under the best split than under the equal one: ",
      })}${losers.map((t) => `${lang === "both" ? `${t.nameZh} ${t.nameEn}` : named(lang, t)} (${pct(t.equal)} → ${pct(t.best)})`).join(lang === "zh" ? "；" : "; ")}`,
    );
  if (r.tornado) {
    const table = (bars: NonNullable<AllocateResult["tornado"]>["bars"]) =>
      bars.length
        ? renderTable(
            [
              { header: H("假设", "Assumption"), max: 60 },
              { header: "P10", align: "right" },
              { header: "P90", align: "right" },
              { header: H("摆幅", "Swing"), align: "right" },
            ],
            bars
              .slice(0, 10)
              .map((b) => [tr(lang, b.label), score(b.low), score(b.high), score(Math.abs(b.high - b.low))]),
          )
        : `  ${tr(lang, { zh: "无", en: "none" })}`;
    lines.push(
      "",
      S({
        label: "敏感性",
        zh: "敏感性（龙卷风图）— 每个假设取其 P10 / P90 时的预期达成目标数（其余假设照常抽样）：",
        en: "Tornado — expected targets met with each assumption at its P10 / P90 (the others drawn as usual):",
      }),
      "",
      S({
        label: "预算作用路径上的假设",
        zh: "预算作用路径上的假设（项目效果，以及项目和支出影响的指标）：",
        en: "On the budget's path (programme effects, and the indicators programmes and spending feed):",
      }),
      table(r.tornado.bars.filter((b) => b.budgetCanChange)),
      "",
      S({
        label: "预算无法改变的假设",
        zh: "预算无法改变的假设：预算改变不了它们所驱动的结果：",
        en: "Off the budget's path: the budget cannot change what these drive:",
      }),
      table(r.tornado.bars.filter((b) => !b.budgetCanChange)),
    );
  }
  return lines.join("\n") + "\n";
}

/** A budget that changes by year, in words: every year's amount, the held ones marked. */
function pathLine(p: { years: number[]; amounts: number[]; heldFrom?: number | null }, unit: string): string {
  const years = p.years.map(
    (y, k) => `${y}: ${money(p.amounts[k])}${p.heldFrom != null && y >= p.heldFrom ? " (held 沿用)" : ""}`,
  );
  return `  逐年预算 Budget by year (${unit}): ${years.join(" · ")} — the table's amounts are the peak year's; the split's shares are the same every year (caps hold in every year, floors in the peak year)`;
}

/** The adopted commitments as constraints of the allocation: P(met) none / equal / best and whether honoured. */
function commitmentLines(r: AllocateResult, lang: Lang): string[] {
  const S = (l: Line) => say(lang, l);
  const H = (zh: string, en: string) => head(lang, zh, en);
  const out: string[] = [];
  if (r.commitments.length) {
    const cut = pct(r.commitments[0].honourAt);
    out.push(
      "",
      S({
        label: "承诺（约束，不计入目标数）",
        zh: `已采纳的承诺（约束，不计入目标数）；达成概率 ≥ ${cut} 即为兑现：`,
        en: `Adopted commitments — constraints, not counted among the targets; honoured when P(met) ≥ ${cut}:`,
      }),
      renderTable(
        [
          { header: H("承诺", "Commitment"), max: 44 },
          { header: H("无", "None"), align: "right" },
          { header: H("平均", "Equal"), align: "right" },
          { header: H("最优", "Best"), align: "right" },
          { header: H("最优分配是否兑现", "Honoured by best") },
        ],
        r.commitments.map((c) => [
          named(lang, c),
          pct(c.none),
          pct(c.equal),
          pct(c.best),
          c.honoured.best ? `✓ ${H("兑现", "honoured")}` : `✗ ${H("未兑现", "not honoured")}`,
        ]),
      ),
    );
    if (!r.constraintsMet)
      out.push(
        `  ✗ ${S({
          label: "约束起作用",
          zh: `约束起作用：每年 ${r.budget} ${r.unit} 的任何分配都无法兑现全部已采纳的承诺；兑现它们需要更大的预算（可在采纳承诺后试 --goal），或这些项目之外的资金`,
          en: `Binding: no split of ${r.budget} ${r.unit}/yr found honours every adopted commitment; honouring them needs a larger budget (try --goal with the commitment adopted) or money from outside these programmes`,
        })}`,
      );
  }
  // Older allocation results carry the ids only.
  const outside =
    r.commitmentsOutsideBudgetNamed ?? r.commitmentsOutsideBudget.map((id) => ({ id, nameZh: id, nameEn: id }));
  if (outside.length)
    out.push(
      `  ${S({
        label: "预算无法影响的承诺",
        zh: `项目资金在模型中无法影响的已采纳承诺（任何分配都不改变其兑现与否）：${outside.map((c) => c.nameZh).join("、")}`,
        en: `Adopted commitments the programmes' money cannot move in the model (no split honours or breaks them): ${outside.map((c) => c.nameEn).join(", ")}`,
      })}`,
    );
  return out;
}

/** What the goal-seek text needs besides the answer: the run's settings and bilingual names. */
export interface GoalContext {
  file: string;
  paths: number;
  seed: number;
  /** Bilingual names of targets and programmes, by id. */
  names: Map<string, { zh: string; en: string }>;
  programmes: Record<string, { zh: string; en: string }>;
}

/** The goal seek's answer in words: the budget, its split, how sure, and what it costs per target. */
export function goalText(g: GoalAnswer, c: GoalContext, lang: Lang = DEFAULT_LANG): string {
  const S = (l: Line) => say(lang, l);
  const expected = g.target === EXPECTED_GOAL;
  const name = c.names.get(g.target);
  const what = expected
    ? S({ label: `预期达成目标数 ≥ ${g.p}`, zh: `预期达成目标数 ≥ ${g.p}`, en: `expected targets met ≥ ${g.p}` })
    : `${name ? (lang === "both" ? `${name.zh} ${name.en}` : tr(lang, name)) : g.target}${lang === "zh" ? "：达成概率" : ": P(met)"} ≥ ${pct2(g.p)}`;
  const targetsWord = tr(lang === "zh" ? "zh" : "en", { zh: "个目标", en: "targets" });
  const measure = (v: number, se: number) =>
    expected ? `${score(v)} ± ${se.toFixed(2)} ${targetsWord}` : `${pct2(v)} ± ${pct2(se)}`;
  const at = (v: number) => (expected ? score(v) : pct2(v));
  const lines = [
    S({
      label: "目标寻求",
      zh: `目标寻求 — ${what}（${c.file}，${c.paths} 条模拟路径，随机种子 ${c.seed}，评估了 ${g.evaluations} 种分配，预算步长 ${g.tolerance} ${g.unit}）`,
      en: `Goal seek — ${what} (${c.file}, ${c.paths} paths, seed ${c.seed}, ${g.evaluations} allocations evaluated, budget step ${g.tolerance} ${g.unit})`,
    }),
    "",
  ];
  const limitZh = `${money(g.searchLimit.budget)} ${g.unit}/年（${g.searchLimit.from === "caps" ? "各项目上限" : "--max-budget；有项目未设上限"}）`;
  const limit = `${money(g.searchLimit.budget)} ${g.unit}/yr (${g.searchLimit.from === "caps" ? "the programmes' caps" : "--max-budget; a programme has no cap"})`;
  if (!g.reachable) {
    lines.push(
      S({
        label: `✗ 在 ${limit} 以内无法达到`,
        zh: `✗ 在 ${limitZh} 以内无法达到：该处最优分配得到 ${measure(g.pMet, g.pMetStandardError)}（无追加预算：${at(g.pMetNoBudget)}）。`,
        en: `${lang === "en" ? "✗ " : ""}Not reachable within ${limit}: the best split there gives ${measure(g.pMet, g.pMetStandardError)} (no extra budget: ${at(g.pMetNoBudget)}).`,
      }),
      `  ${S({
        label: "",
        zh: "项目效果会饱和（E·B/(B+H)）：仅靠加钱达不到目标，目标所依赖的假设必须改变。",
        en: "The programmes' effects saturate (E·B/(B+H)): more money alone does not get there; the assumptions the target depends on must change.",
        both: "The programmes' effects saturate (E·B/(B+H)): more money alone does not get there; the assumptions the target depends on must change.",
      })}`,
    );
  } else {
    lines.push(
      S({
        label: "✓ 最小预算",
        zh: `✓ 最小预算：${money(g.budget!)} ${g.unit}/年${g.budgetPath ? "（峰值年份；按路径形状缩放）" : ""} → ${measure(g.pMet, g.pMetStandardError)}（蒙特卡洛标准误）；无追加预算：${at(g.pMetNoBudget)}`,
        en: `${lang === "en" ? "✓ " : ""}Smallest budget: ${money(g.budget!)} ${g.unit}/yr${g.budgetPath ? " (peak year; the path's shape scaled)" : ""} → ${measure(g.pMet, g.pMetStandardError)} (Monte Carlo SE); no extra budget: ${at(g.pMetNoBudget)}`,
      }),
    );
    if (g.budgetPath) lines.push(pathLine(g.budgetPath, g.unit));
    if (g.below) {
      const below = g.below.pMet < g.p;
      lines.push(
        `  ${S({
          label: "检验",
          zh: `检验：${money(g.below.budget)} ${g.unit}/年（少一个步长）得到 ${at(g.below.pMet)}${g.commitmentBinding ? " — 仍达到目标，但未兑现已采纳的承诺：决定这一预算的是承诺，而不是目标" : below ? "，低于目标" : " — 并未低于目标：搜索遇到非单调的一步，预算只能视为近似值"}`,
          en: `Check: ${money(g.below.budget)} ${g.unit}/yr (one step less) gives ${at(g.below.pMet)}${g.commitmentBinding ? " — the goal, but not an adopted commitment: the commitment, not the goal, sets this budget" : below ? ", below the goal" : " — NOT below the goal: the search met a non-monotone step; treat the budget as approximate"}`,
        })}`,
      );
    }
  }
  const splitHead = g.reachable
    ? S({ label: "分配", zh: "分配", en: "Split" })
    : S({ label: "上限处", zh: "上限处的分配", en: "Split at the limit" });
  lines.push(
    "",
    renderTable(
      [
        { header: head(lang, "项目", "Programme"), max: 44 },
        { header: `${splitHead} (${g.unit}/${lang === "zh" ? "年" : "yr"})`, align: "right" },
      ],
      Object.entries(g.split).map(([id, v]) => {
        const p = c.programmes[id];
        return [p ? (lang === "both" ? `${p.zh} ${p.en}` : tr(lang, p)) : id, money(v)];
      }),
    ),
    "",
    ...g.commitments.map((k) => {
      const name = c.names.get(k.id);
      return S({
        label: "承诺（约束）",
        zh: `已采纳的承诺（约束）${name?.zh ?? k.id}：达成概率 ${pct2(k.pMet)} — ${k.honoured ? "✓ 兑现" : "✗ 未兑现"}（需 ≥ ${pct2(k.honourAt)}）`,
        en: `Adopted commitment ${name?.en ?? k.id}: P(met) ${pct2(k.pMet)} — ${k.honoured ? "✓ honoured" : "✗ not honoured"} (needs ≥ ${pct2(k.honourAt)})`,
      });
    }),
    ...(g.commitmentsOutsideBudget.length
      ? [
          S({
            label: "预算无法影响的承诺",
            zh: `项目预算无法影响的已采纳承诺（不是搜索的约束）：${g.commitmentsOutsideBudget.map((id) => c.names.get(id)?.zh ?? id).join("、")}`,
            en: `Adopted commitments the programmes cannot move (not constraints of the search): ${g.commitmentsOutsideBudget.map((id) => c.names.get(id)?.en ?? id).join(", ")}`,
          }),
        ]
      : []),
    S({
      label: "预期达成目标数",
      zh: `此分配下的预期达成目标数：${score(g.expectedMet)}（无追加预算 ${score(g.expectedMetNoBudget)}）`,
      en: `Expected targets met at this split: ${score(g.expectedMet)} (no extra budget ${score(g.expectedMetNoBudget)})`,
    }),
    g.costPerExtraTargetMet === null
      ? S({
          label: "每多达成一个目标的成本",
          zh: "每多达成一个目标的成本：–（没有多达成的目标）",
          en: "Cost per extra target met: – (no target gained)",
        })
      : S({
          label: "每多达成一个目标的成本",
          zh: `每多达成一个目标的成本：${money(g.costPerExtraTargetMet)} ${g.unit}/年（预算 ÷ 多达成的预期目标数）`,
          en: `Cost per extra target met: ${money(g.costPerExtraTargetMet)} ${g.unit}/yr (budget ÷ extra expected targets met)`,
        }),
  );
  return lines.join("\n") + "\n";
}
