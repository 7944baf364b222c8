/**
 * The briefing's first screen (src/report/summary.ts), built in memory from the chart fixture:
 * worst-first ordering, the headline targets, the status pills, the counts per scenario, what an
 * extra budget buys, borderline statuses, commitments and the data caveat.
 */
import { describe, expect, it } from "vitest";
import type { ScenarioResult, Status, TargetAssessment } from "../../src/assess/types.js";
import type { AllocationSummary } from "../../src/report/allocationSummary.js";
import {
  badge,
  badgeCss,
  byRisk,
  HEADLINE_COUNT,
  headlineTargets,
  SEVERITY,
  summarySection,
} from "../../src/report/summary.js";
import { baselineResult, results } from "../charts/fixture.js";

const opts = { title: { zh: "简报", en: "Briefing" }, stamp: "2024-05-06 08:30 UTC" };
const t0 = baselineResult.targets[0];
const make = (id: string, status: Status, pMet: number | null, extra: Partial<TargetAssessment> = {}) =>
  ({ ...t0, id, nameZh: `目标${id}`, nameEn: `Target ${id}`, status, pMet, ...extra }) as TargetAssessment;
const withTargets = (targets: TargetAssessment[], extra: Partial<ScenarioResult> = {}): ScenarioResult => ({
  ...baselineResult,
  targets,
  ...extra,
});
/** The part of the section between two markers. */
const between = (html: string, from: string, to: string) => {
  const i = html.indexOf(from);
  return i < 0 ? "" : html.slice(i, html.indexOf(to, i));
};
const headlineNames = (html: string) =>
  between(html, '<ol class="headline">', "</ol>")
    .split("<li>")
    .slice(1)
    .map((li) => li.match(/<strong>([^<]+)<\/strong>/)?.[1]);

describe("byRisk", () => {
  it("orders by severity (off track, at risk, on track, already met, not assessed, commitments), then P(met)", () => {
    expect(SEVERITY).toEqual({
      off_track: 0,
      at_risk: 1,
      on_track: 2,
      already_met: 3,
      not_assessed: 4,
      commitment_not_adopted: 5,
      commitment_adopted: 6,
    });
    const list = [
      make("a", "commitment_adopted", null),
      make("b", "not_assessed", null),
      make("c", "already_met", 0.99),
      make("d", "at_risk", 0.6),
      make("e", "on_track", 0.8),
      make("f", "off_track", 0.3),
      make("g", "at_risk", 0.4),
      make("h", "commitment_not_adopted", null),
      make("i", "at_risk", null),
      make("j", "off_track", 0.1),
    ];
    // A missing P(met) sorts after every probability within its status.
    expect(byRisk(list).map((t) => t.id)).toEqual(["j", "f", "g", "d", "i", "e", "c", "b", "h", "a"]);
    // The input is not reordered.
    expect(list.map((t) => t.id).join("")).toBe("abcdefghij");
  });

  it("keeps catalogue order for equal status and P(met)", () => {
    const list = [make("x", "at_risk", 0.5), make("y", "at_risk", 0.5), make("z", "at_risk", 0.5)];
    expect(byRisk(list).map((t) => t.id)).toEqual(["x", "y", "z"]);
  });
});

describe("headlineTargets", () => {
  it("takes the first scenario's off-track and at-risk targets, lowest P(met) first, at most five", () => {
    expect(HEADLINE_COUNT).toBe(5);
    expect(headlineTargets(results).map((t) => t.id)).toEqual([
      "invention_patents_per_10k_pop",
      "rd_intensity",
      "energy_intensity",
    ]);
    const many = withTargets([
      ...Array.from({ length: 7 }, (_, i) => make(`r${i}`, "at_risk", 0.3 + i / 100)),
      make("on", "on_track", 0.9),
      make("met", "already_met", 1),
    ]);
    expect(headlineTargets([many]).map((t) => t.id)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
    expect(headlineTargets([many], 2).map((t) => t.id)).toEqual(["r0", "r1"]);
    expect(headlineTargets([withTargets([make("on", "on_track", 0.9)])])).toEqual([]);
  });
});

describe("badge and badgeCss", () => {
  it("a pill: the status class, its mark and (unless short) its word, escaped", () => {
    expect(badge("at_risk", "zh")).toBe('<span class="badge at_risk">▲ 有风险</span>');
    expect(badge("off_track", "en")).toBe('<span class="badge off_track">✗ Off track</span>');
    expect(badge("on_track", "both")).toBe('<span class="badge on_track">● 按计划 On track</span>');
    expect(badge("already_met", "zh", true)).toBe('<span class="badge already_met">✓</span>');
  });

  it("one rule per status from the palette: fill as background and border, ink as text", () => {
    const css = badgeCss().split("\n");
    expect(css).toHaveLength(7);
    expect(css[0]).toBe(".badge.already_met { background: #bdbdbd; color: #1a1a1a; border-color: #bdbdbd; }");
    expect(css).toContain(".badge.off_track { background: #a8321d; color: #ffffff; border-color: #a8321d; }");
    expect(css).toContain(
      ".badge.commitment_not_adopted { background: #dce6f2; color: #1a1a1a; border-color: #dce6f2; }",
    );
  });
});

describe("summarySection", () => {
  it("opens with the title, the time it was made and the scenario the headline targets are taken from", () => {
    const zh = summarySection(results, { ...opts, lang: "zh" });
    expect(zh.startsWith('<section id="summary">\n<h1>简报</h1>\n')).toBe(true);
    expect(zh).toContain('<p class="meta">生成时间：2024-05-06 08:30 UTC · 重点目标按 基准情景</p>');
    const en = summarySection(results, { ...opts, lang: "en" });
    expect(en).toContain('<p class="meta">Generated: 2024-05-06 08:30 UTC · headline targets in Baseline</p>');
    expect(en).toContain("<h2>Targets by status and scenario (count)</h2>");
    expect(en).toContain("<h2>Headline targets most at risk</h2>");
    expect(en.endsWith("</section>")).toBe(true);
  });

  it("counts targets per status and scenario, in the order met, on track, at risk, off track, not assessed", () => {
    const html = summarySection(results, { ...opts, lang: "en" });
    const counts = between(html, '<table class="counts">', "</table>");
    const head = between(counts, "<thead>", "</thead>");
    expect([...head.matchAll(/class="badge (\w+)"/g)].map((m) => m[1])).toEqual([
      "already_met",
      "on_track",
      "at_risk",
      "off_track",
      "not_assessed",
    ]);
    expect(head).toContain("<th>Scenario</th>");
    const rowOf = (name: string) =>
      [...between(counts, `<th scope="row">${name}`, "</tr>").matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) =>
        Number(m[1]),
      );
    // Baseline: met 1, on track 0, at risk 2 (R&D, energy), off track 1 (patents), not assessed 1.
    expect(rowOf("Baseline")).toEqual([1, 0, 2, 1, 1]);
    // Higher R&D spending: R&D and energy on track, patents at risk.
    expect(rowOf("Higher R&amp;D spending")).toEqual([1, 2, 1, 0, 1]);
  });

  it("in both languages, the Chinese word then the English one on a second line; one line when they are equal", () => {
    const html = summarySection(results, { ...opts, lang: "both" });
    expect(html).toContain('<th scope="row">基准情景<span class="small" lang="en">Baseline</span></th>');
    expect(html).toContain('有风险<span class="small" lang="en">At risk</span></th>');
    const same = withTargets(baselineResult.targets, {
      scenario: { ...baselineResult.scenario, nameZh: "S1", nameEn: "S1" },
    });
    expect(summarySection([same], { ...opts, lang: "both" })).toContain('<th scope="row">S1</th>');
    expect(summarySection(results, { ...opts, lang: "zh" })).toContain('<th scope="row">基准情景</th>');
  });

  it("headline targets with P(met), the other scenarios' P(met) and the reason as a sentence", () => {
    const html = summarySection(results, { ...opts, lang: "en" });
    expect(headlineNames(html)).toEqual([
      "Invention patents in force per 10000 population",
      "R&amp;D expenditure as a share of GDP",
      "Energy consumption per unit of GDP",
    ]);
    const first = between(html, '<ol class="headline"><li>', "</li>");
    expect(first).toContain('<span class="badge off_track">✗</span>');
    expect(first).toContain("— P(met) <strong>21%</strong>");
    expect(first).toContain('<span class="muted">(other scenarios 53%)</span>');
    // A sentence: capitalised, without the driver, with its full stop.
    expect(first).toContain(
      '<span class="why">Needs to grow 15.4% a year; in the scenario&#39;s median it grows 11.5% a year.</span>',
    );
    expect(first).not.toContain('lang="en"');
    const both = summarySection(results, { ...opts, lang: "both" });
    const firstBoth = between(both, '<ol class="headline"><li>', "</li>");
    expect(firstBoth).toContain('<span class="why">需年均增长 15.4%，本情景中位数年均增长 11.5%。</span>');
    expect(firstBoth).toContain('<span class="why" lang="en">Needs to grow 15.4% a year;');
    // With one scenario there is no range; with no risky target, a sentence says so.
    expect(summarySection([baselineResult], { ...opts, lang: "en" })).not.toContain("other scenarios");
    const calm = withTargets([make("on", "on_track", 0.9)]);
    expect(summarySection([calm], { ...opts, lang: "en" })).toContain(
      '<ol class="headline"><li>No target is at risk or off track.</li></ol>',
    );
    expect(summarySection([calm], { ...opts, lang: "zh" })).toContain("<li>没有有风险或偏离的目标。</li>");
  });

  it("leaves out of the range a scenario where the target has no P(met) or is missing", () => {
    const other = withTargets([{ ...t0, pMet: null }], { scenario: { ...baselineResult.scenario, id: "o" } });
    const missing = withTargets([], { scenario: { ...baselineResult.scenario, id: "m" } });
    const html = summarySection([baselineResult, other, missing], { ...opts, lang: "en" });
    expect(html).not.toContain("other scenarios");
    const a = withTargets([{ ...t0, pMet: 0.52 }]);
    const b = withTargets([{ ...t0, pMet: 0.07 }]);
    const three = summarySection([baselineResult, a, b], { ...opts, lang: "zh" });
    expect(three).toContain('<span class="muted">(其他情景 52% / 7%)</span>');
  });

  it("a headline target without P(met) or reason: a dash and no why", () => {
    const r = withTargets([make("q", "at_risk", null, { reason: null })]);
    const li = between(summarySection([r], { ...opts, lang: "en" }), '<ol class="headline"><li>', "</li>");
    expect(li).toContain("P(met) <strong>–</strong>");
    expect(li).not.toContain('class="why"');
  });

  const allocation: AllocationSummary = {
    scenario: "scenarios/baseline.yaml",
    budget: 25_000,
    unit: "万元",
    programmes: [
      { id: "a", nameZh: "孵化器", nameEn: "Incubators" },
      { id: "b", nameZh: "人才", nameEn: "Talent" },
      { id: "c", nameZh: "平台", nameEn: "Platforms" },
    ],
    best: { split: { a: 10_000, b: 15_000, c: 0 }, expectedMet: 20.31, pMet: {} },
    equalSplit: { split: { a: 8_000, b: 8_000, c: 9_000 }, expectedMet: 19.9, pMet: {} },
  };

  it("what an extra budget buys: the best split, largest first, without empty shares; its gain over an equal split", () => {
    const zh = summarySection(results, { ...opts, lang: "zh", allocation });
    expect(zh).toContain("<h2>新增预算能换来什么</h2>");
    expect(zh).toContain("<p>每年新增 2.5 亿元 的最佳分配：人才 1.5 亿元、孵化器 1 亿元。</p>");
    expect(zh).toContain("<p>预期达成目标 20.3 个，平均分配为 19.9 个（+0.4）。</p>");
    const en = summarySection(results, { ...opts, lang: "en", allocation });
    expect(en).toContain("<h2>What an extra budget buys</h2>");
    // English sentences take English punctuation (they used to end in 、 and 。).
    expect(en).toContain(
      "<p>Best split of an extra 250 million yuan a year: Talent 150 million yuan, Incubators 100 million yuan.</p>",
    );
    expect(en).toContain("<p>Expected targets met: 20.3, against 19.9 with an equal split (+0.4).</p>");
    // A loss is shown with its minus sign, no plus; a programme not in the list by its id; nothing given: a dash.
    const worse = {
      ...allocation,
      best: { split: { z: 100 }, expectedMet: 19.5, pMet: {} },
    };
    const w = summarySection(results, { ...opts, lang: "zh", allocation: worse });
    expect(w).toContain("（-0.4）");
    expect(w).toContain("的最佳分配：z 100 万元。");
    const none = { ...allocation, best: { split: { a: 0 }, expectedMet: 19.9, pMet: {} } };
    const n = summarySection(results, { ...opts, lang: "zh", allocation: none });
    expect(n).toContain("的最佳分配：–。");
    expect(n).toContain("（+0.0）");
    expect(summarySection(results, { ...opts, lang: "zh" })).not.toContain("新增预算");
  });

  it("borderline statuses: how many, and the first two by name", () => {
    const mark = (r: ScenarioResult, n: number): ScenarioResult =>
      withTargets(r.targets.map((t, i) => (i < n ? { ...t, borderline: true } : t)));
    expect(summarySection(results, { ...opts, lang: "en" })).not.toContain("Borderline");
    const one = summarySection([mark(baselineResult, 1)], { ...opts, lang: "en" });
    expect(one).toContain(
      "<p><b>Borderline statuses</b>: P(met) of 1 target is close to a status threshold; the status may change with simulation error: R&amp;D expenditure as a share of GDP</p>",
    );
    const two = summarySection([mark(baselineResult, 2)], { ...opts, lang: "en" });
    expect(two).toContain("P(met) of 2 targets is close to a status threshold;");
    expect(two).toContain(
      ": R&amp;D expenditure as a share of GDP, Invention patents in force per 10000 population</p>",
    );
    const four = summarySection([mark(baselineResult, 4)], { ...opts, lang: "zh" });
    expect(four).toContain(
      "<p><b>临界状态</b>：4 个目标的达成概率接近状态分界，状态可能随模拟误差改变：研发投入占地区生产总值的比重、万人发明专利拥有量 等（另 2 个见风险表）</p>",
    );
    const en4 = summarySection([mark(baselineResult, 3)], { ...opts, lang: "en" });
    expect(en4).toContain("Invention patents in force per 10000 population and 1 more (see the risk table)</p>");
  });

  it("commitments of the first scenario: the pill and the median cost when there is one", () => {
    const c = (id: string, adopted: boolean, median: number | null) =>
      make(id, adopted ? "commitment_adopted" : "commitment_not_adopted", null, {
        nature: "commitment",
        reason: null,
        commitment: {
          adopted,
          pMetByProjection: 0.2,
          cost:
            median === null
              ? null
              : { indicator: "x", unit: "万元", year: 2015, mean: median, median, p90: median + 100 },
          dependents: [],
        },
      });
    const r = withTargets([c("1", true, 145), c("2", false, 0), c("3", false, null)]);
    const zh = summarySection([r], { ...opts, lang: "zh" });
    expect(zh).toContain(
      '<p><b>承诺事项</b>：目标1 <span class="badge commitment_adopted">◆ 承诺：已采纳</span> 需增 145 万元；目标2 <span class="badge commitment_not_adopted">◇ 承诺：未采纳</span>；目标3 <span class="badge commitment_not_adopted">◇ 承诺：未采纳</span></p>',
    );
    const en = summarySection([r], { ...opts, lang: "en" });
    expect(en).toContain("<p><b>Commitments</b>: Target 1 ");
    expect(en).toContain("Commitment: adopted</span> needs 1.45 million yuan; Target 2 ");
  });

  it("the caveat: the illustrative warning only for illustrative data, then the data's sources", () => {
    const html = summarySection(results, { ...opts, lang: "en" });
    expect(html).toContain(
      '<div class="block caveat warning" role="note"><strong>示意数据，非官方统计 Illustrative data, not official statistics</strong><br>The baseline figures are illustrative, for demonstrating the method only; do not cite them as official statistics.<br>Data source: 海州区统计年鉴 (illustrative)</div>',
    );
    const official = withTargets(baselineResult.targets, {
      illustrative: false,
      history: [],
      dataSource: "data/official.csv",
    });
    expect(summarySection([official], { ...opts, lang: "zh" })).toContain(
      '<div class="block caveat" role="note">数据来源：data/official.csv</div>',
    );
    // One illustrative scenario is enough for the warning.
    expect(summarySection([official, baselineResult], { ...opts, lang: "zh" })).toContain(
      'class="block caveat warning"',
    );
  });

  it("escapes text taken from results", () => {
    const r = withTargets([make("x", "at_risk", 0.2, { nameEn: "<b>&</b>" })]);
    const html = summarySection([r], { ...opts, lang: "en" });
    expect(html).toContain("<strong>&lt;b&gt;&amp;&lt;/b&gt;</strong>");
    expect(html).not.toContain("<b>&</b>");
  });
});

describe("summarySection: exact pieces", () => {
  it("the counts table: short pills in the header, one row per scenario, cells side by side", () => {
    const html = summarySection([baselineResult], { ...opts, lang: "en" });
    expect(html).toContain(
      '<thead><tr><th>Scenario</th><th class="num"><span class="badge already_met">✓</span> Already met</th><th class="num"><span class="badge on_track">●</span> On track</th>',
    );
    expect(html).toContain(
      '<tbody><tr><th scope="row">Baseline</th><td class="num">1</td><td class="num">0</td><td class="num">2</td><td class="num">1</td><td class="num">1</td></tr></tbody>',
    );
    const two = summarySection(results, { ...opts, lang: "en" });
    expect(two).toContain('</tr><tr><th scope="row">Higher R&amp;D spending</th>');
  });

  it("one headline item: pill, name, P(met), the reason; items side by side", () => {
    const html = summarySection([baselineResult], { ...opts, lang: "en" });
    expect(html).toContain(
      '<li><span class="badge off_track">✗</span> <strong>Invention patents in force per 10000 population</strong> — P(met) <strong>21%</strong><span class="why">Needs to grow 15.4% a year; in the scenario&#39;s median it grows 11.5% a year.</span></li><li>',
    );
    const bare = withTargets([make("q", "at_risk", null, { reason: null })]);
    expect(summarySection([bare], { ...opts, lang: "en" })).toContain(
      '<ol class="headline"><li><span class="badge at_risk">▲</span> <strong>Target q</strong> — P(met) <strong>–</strong></li></ol>',
    );
  });

  it("no block: the caveat right after the counts; blocks one per line", () => {
    const official = withTargets(baselineResult.targets, { illustrative: false, history: [], dataSource: "d.csv" });
    expect(summarySection([official], { ...opts, lang: "en" })).toContain(
      '</tbody></table>\n\n<div class="block caveat" role="note">Data source: d.csv</div>',
    );
    const allocation: AllocationSummary = {
      scenario: "s.yaml",
      budget: 100,
      unit: "万元",
      programmes: [{ id: "a", nameZh: "甲", nameEn: "A" }],
      best: { split: { a: 100 }, expectedMet: 2, pMet: {} },
      equalSplit: { split: { a: 100 }, expectedMet: 2, pMet: {} },
    };
    const marked = withTargets(baselineResult.targets.map((t, i) => (i === 0 ? { ...t, borderline: true } : t)));
    const html = summarySection([marked], { ...opts, lang: "en", allocation });
    expect(html).toContain('(+0.0).</p></div>\n<div class="block"><p><b>Borderline statuses</b>');
  });

  it("the Chinese headings and the illustrative caveat in Chinese", () => {
    const zh = summarySection(results, { ...opts, lang: "zh" });
    expect(zh).toContain("<h2>各情景目标状态（个）</h2>");
    expect(zh).toContain("<h2>最需关注的重点目标</h2>");
    expect(zh).toContain(
      "<strong>示意数据，非官方统计 Illustrative data, not official statistics</strong><br>基线数据为示意数据，仅用于演示方法，不得作为官方统计引用。<br>数据来源：海州区统计年鉴 (illustrative)</div>",
    );
  });
});
