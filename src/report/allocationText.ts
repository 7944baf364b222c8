/**
 * `targetcast allocate` in words and tables: what the budget buys (no extra budget, equal split,
 * best split), with its Monte Carlo error, for which targets, and what ties with the best.
 * Numbers come from src/allocate/runAllocation.ts; this file only words and formats them.
 */
import { EXPECTED_GOAL, type GoalAnswer } from "../allocate/goalSeek.js";
import type { AllocateResult } from "../allocate/runAllocation.js";
import { renderTable } from "./textTable.js";

const money = (v: number) => v.toFixed(0);
const score = (v: number) => v.toFixed(2);
const signed = (v: number, digits = 2) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(digits)}`;
const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
/** Goal-seek probabilities: two decimals, so a step of one path in 2,000 (0.05 points) shows. */
const pct2 = (p: number) => `${(p * 100).toFixed(2)}%`;
const pctPoints = (d: number) => `${d >= 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(1)}`;

/** The objective's name in both languages, as the table and the summary print it. */
export function objectiveName(r: Pick<AllocateResult, "objective">): string {
  return r.objective === "weightedScore"
    ? "加权得分 Weighted score (Σ weight × P(met))"
    : "预期达成目标数 Expected targets met (Σ P(met))";
}

/** P(met) changes smaller than this (probability) are left out of the per-target table. */
const CHANGE_SHOWN = 0.005;

/** The terminal answer of `allocate --budget`: the cases compared, the gain with its error, per-target changes (bilingual). */
export function allocationText(r: AllocateResult): string {
  const lines = [
    `预算 Budget ${r.budget} ${r.unit}/yr on top of business as usual — ${r.scenario}, ${r.paths} paths, seed ${r.seed}, ${r.evaluations} allocations evaluated on the same draws`,
    ...(r.budgetPath ? [pathLine(r.budgetPath, r.unit)] : []),
    "",
    renderTable(
      [
        { header: "项目 Programme", max: 44 },
        { header: `最优 Best (${r.unit})`, align: "right" },
        { header: "平均 Equal", align: "right" },
        { header: `网格 Grid /${r.gridSearch.steps}`, align: "right" },
        { header: `+100${r.unit} → Δ E[met]`, align: "right" },
      ],
      r.programmes.map((p) => [
        `${p.nameZh} ${p.nameEn}`,
        money(r.best.split[p.id]),
        money(r.equalSplit.split[p.id]),
        money(r.gridSearch.split[p.id]),
        (r.marginal.find((m) => m.programme === p.id)?.expectedMet ?? 0).toFixed(3),
      ]),
    ),
    "",
    `${objectiveName(r)}:`,
    `  无追加预算 No extra budget ${score(r.noBudget.score)} · 平均分配 Equal split ${score(r.equalSplit.score)} · 最优 Best ${score(r.best.score)}`,
    `  最优比平均 Best − equal: ${signed(r.gainOverEqualSplit, 3)} ± ${r.gainStandardError.toFixed(3)} (paired Monte Carlo SE) — ${
      r.gainDistinguishable
        ? "大于两倍标准误，差异可辨 more than 2 SE: the best split is really better"
        : "不足两倍标准误，与平均分配无法区分 within 2 SE: not distinguishable from the equal split"
    }`,
  ];
  if (r.objective === "weightedScore") {
    lines.push(
      `  预期达成目标数 Expected targets met (unweighted): no extra budget ${score(r.noBudget.expectedMet)} · equal ${score(r.equalSplit.expectedMet)} · best ${score(r.best.expectedMet)}`,
    );
  }
  lines.push(
    `  预算带来 The budget buys ${signed(r.gain.overNoBudget)} expected targets met (best split vs none); grid best of ${r.gridSearch.size} ${score(r.gridSearch.score)}`,
  );
  if (r.runnersUp.length) {
    lines.push(
      `  次优 Runners-up: ${r.runnersUp
        .map(
          (u) =>
            `${score(u.score)} (${signed(-u.gap, 3)} ± ${u.gapStandardError.toFixed(3)}${u.tied ? ", 并列 tied" : ""})`,
        )
        .join(", ")}`,
    );
    if (r.runnersUp.some((u) => u.tied))
      lines.push("  并列 tied = within 2 paired SE of the best: the data cannot rank them; choose on other grounds");
  }
  lines.push(...commitmentLines(r));
  const moved = r.perTarget
    .filter((t) => Math.max(Math.abs(t.changeOverEqual), Math.abs(t.changeOverNone)) >= CHANGE_SHOWN)
    .sort((a, b) => b.changeOverNone - a.changeOverNone);
  lines.push("", `各目标达成概率 P(met) per target (changes ≥ ${CHANGE_SHOWN * 100} points; Δ in percentage points):`);
  lines.push(
    moved.length
      ? renderTable(
          [
            { header: "目标 Target", max: 34 },
            { header: "无 None", align: "right" },
            { header: "平均 Equal", align: "right" },
            { header: "最优 Best", align: "right" },
            { header: "Δ vs equal", align: "right" },
            { header: "Δ vs none", align: "right" },
          ],
          moved.map((t) => [
            `${t.nameZh} ${t.nameEn}`,
            pct(t.none),
            pct(t.equal),
            pct(t.best),
            pctPoints(t.changeOverEqual),
            pctPoints(t.changeOverNone),
          ]),
        )
      : "  none: no target's P(met) moves with this budget",
  );
  const losers = moved.filter((t) => t.changeOverEqual <= -CHANGE_SHOWN);
  if (losers.length)
    lines.push(
      `  最优分配下降的目标 Lower under the best split than under the equal one: ${losers.map((t) => `${t.nameZh} ${t.nameEn} (${pct(t.equal)} → ${pct(t.best)})`).join("; ")}`,
    );
  if (r.tornado) {
    const table = (bars: NonNullable<AllocateResult["tornado"]>["bars"]) =>
      bars.length
        ? renderTable(
            [
              { header: "假设 Assumption", max: 60 },
              { header: "P10", align: "right" },
              { header: "P90", align: "right" },
              { header: "摆幅 Swing", align: "right" },
            ],
            bars
              .slice(0, 10)
              .map((b) => [
                `${b.label.zh} ${b.label.en}`,
                score(b.low),
                score(b.high),
                score(Math.abs(b.high - b.low)),
              ]),
          )
        : "  none";
    lines.push(
      "",
      "敏感性 Tornado — expected targets met with each assumption at its P10 / P90 (the others drawn as usual):",
      "",
      "预算作用路径上的假设 On the budget's path (programme effects, and the indicators programmes and spending feed):",
      table(r.tornado.bars.filter((b) => b.budgetCanChange)),
      "",
      "预算无法改变的假设 Off the budget's path: the budget cannot change what these drive:",
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
function commitmentLines(r: AllocateResult): string[] {
  const out: string[] = [];
  const names = (ids: string[]) => ids.join(", ");
  if (r.commitments.length) {
    const cut = pct(r.commitments[0].honourAt);
    out.push(
      "",
      `承诺（约束，不计入目标数）Adopted commitments — constraints, not counted among the targets; honoured when P(met) ≥ ${cut}:`,
      renderTable(
        [
          { header: "承诺 Commitment", max: 44 },
          { header: "无 None", align: "right" },
          { header: "平均 Equal", align: "right" },
          { header: "最优 Best", align: "right" },
          { header: "最优分配是否兑现 Honoured by best" },
        ],
        r.commitments.map((c) => [
          `${c.nameZh} ${c.nameEn}`,
          pct(c.none),
          pct(c.equal),
          pct(c.best),
          c.honoured.best ? "✓ 兑现 honoured" : "✗ 未兑现 not honoured",
        ]),
      ),
    );
    if (!r.constraintsMet)
      out.push(
        `  ✗ 约束起作用 Binding: no split of ${r.budget} ${r.unit}/yr found honours every adopted commitment; honouring them needs a larger budget (try --goal with the commitment adopted) or money from outside these programmes`,
      );
  }
  if (r.commitmentsOutsideBudget.length)
    out.push(
      `  预算无法影响的承诺 Adopted commitments the programmes' money cannot move in the model (no split honours or breaks them): ${names(r.commitmentsOutsideBudget)}`,
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
export function goalText(g: GoalAnswer, c: GoalContext): string {
  const expected = g.target === EXPECTED_GOAL;
  const name = c.names.get(g.target);
  const what = expected
    ? `预期达成目标数 ≥ ${g.p} expected targets met ≥ ${g.p}`
    : `${name ? `${name.zh} ${name.en}` : g.target}: P(met) ≥ ${pct2(g.p)}`;
  const measure = (v: number, se: number) =>
    expected ? `${score(v)} ± ${se.toFixed(2)} targets` : `${pct2(v)} ± ${pct2(se)}`;
  const lines = [
    `目标寻求 Goal seek — ${what} (${c.file}, ${c.paths} paths, seed ${c.seed}, ${g.evaluations} allocations evaluated, budget step ${g.tolerance} ${g.unit})`,
    "",
  ];
  const limit = `${money(g.searchLimit.budget)} ${g.unit}/yr (${g.searchLimit.from === "caps" ? "the programmes' caps" : "--max-budget; a programme has no cap"})`;
  if (!g.reachable) {
    lines.push(
      `✗ 在 ${limit} 以内无法达到 Not reachable within ${limit}: the best split there gives ${measure(g.pMet, g.pMetStandardError)} (no extra budget: ${expected ? score(g.pMetNoBudget) : pct2(g.pMetNoBudget)}).`,
      "  The programmes' effects saturate (E·B/(B+H)): more money alone does not get there; the assumptions the target depends on must change.",
    );
  } else {
    lines.push(
      `✓ 最小预算 Smallest budget: ${money(g.budget!)} ${g.unit}/yr${g.budgetPath ? " (peak year; the path's shape scaled)" : ""} → ${measure(g.pMet, g.pMetStandardError)} (Monte Carlo SE); no extra budget: ${expected ? score(g.pMetNoBudget) : pct2(g.pMetNoBudget)}`,
    );
    if (g.budgetPath) lines.push(pathLine(g.budgetPath, g.unit));
    if (g.below)
      lines.push(
        `  检验 Check: ${money(g.below.budget)} ${g.unit}/yr (one step less) gives ${expected ? score(g.below.pMet) : pct2(g.below.pMet)}${
          g.commitmentBinding
            ? " — the goal, but not an adopted commitment: the commitment, not the goal, sets this budget"
            : g.below.pMet < g.p
              ? ", below the goal"
              : " — NOT below the goal: the search met a non-monotone step; treat the budget as approximate"
        }`,
      );
  }
  lines.push(
    "",
    renderTable(
      [
        { header: "项目 Programme", max: 44 },
        { header: `${g.reachable ? "分配 Split" : "上限处 Split at the limit"} (${g.unit}/yr)`, align: "right" },
      ],
      Object.entries(g.split).map(([id, v]) => {
        const p = c.programmes[id];
        return [p ? `${p.zh} ${p.en}` : id, money(v)];
      }),
    ),
    "",
    ...g.commitments.map(
      (k) =>
        `承诺（约束）Adopted commitment ${c.names.get(k.id)?.zh ?? k.id} ${c.names.get(k.id)?.en ?? ""}: P(met) ${pct2(k.pMet)} — ${k.honoured ? "✓ 兑现 honoured" : "✗ 未兑现 not honoured"} (needs ≥ ${pct2(k.honourAt)})`,
    ),
    ...(g.commitmentsOutsideBudget.length
      ? [
          `预算无法影响的承诺 Adopted commitments the programmes cannot move (not constraints of the search): ${g.commitmentsOutsideBudget.join(", ")}`,
        ]
      : []),
    `预期达成目标数 Expected targets met at this split: ${score(g.expectedMet)} (no extra budget ${score(g.expectedMetNoBudget)})`,
    g.costPerExtraTargetMet === null
      ? "每多达成一个目标的成本 Cost per extra target met: – (no target gained)"
      : `每多达成一个目标的成本 Cost per extra target met: ${money(g.costPerExtraTargetMet)} ${g.unit}/yr (budget ÷ extra expected targets met)`,
  );
  return lines.join("\n") + "\n";
}
