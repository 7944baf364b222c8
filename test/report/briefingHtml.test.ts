/**
 * The briefing page's assembly (briefing.ts), piece by piece, with the chart renderer replaced by a
 * small fixed SVG: what is tested here is the HTML around the charts (sections, tables, captions,
 * names, escaping, languages), not Vega's drawing, which test/report/briefing.test.ts and the chart
 * tests check on real renderings. Each page is built inside the test that reads it.
 */
import { describe, expect, it, vi } from "vitest";

const render = vi.hoisted(() => ({ fail: null as null | ((spec: unknown) => boolean) }));
vi.mock("../../src/charts/render.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/charts/render.js")>()),
  toSvg: async (spec: unknown) => {
    if (render.fail?.(spec)) throw new Error("no <data> for this chart");
    return '<svg id="root"><clipPath id="c1"/><g clip-path="url(#c1)"/><use href="#c1"/><use xlink:href="#c1"/></svg>';
  },
}));

import type { ScenarioResult } from "../../src/assess/types.js";
import { fanChart } from "../../src/charts/fanChart.js";
import { growthGap } from "../../src/charts/growthGap.js";
import { riskMatrix } from "../../src/charts/riskMatrix.js";
import { scenarioComparisonPanels } from "../../src/charts/scenarioComparison.js";
import { buildBriefing, formatTimestamp, safeName, scopeSvgIds } from "../../src/report/briefing.js";
import { acceleratedResult, baselineResult, results } from "../charts/fixture.js";

const generatedAt = new Date("2024-05-06T08:30:00Z");

/** The text between `start` and the next `end` after it. */
function between(html: string, start: string, end: string): string {
  const i = html.indexOf(start);
  expect(i, start).toBeGreaterThanOrEqual(0);
  return html.slice(i, html.indexOf(end, i + start.length));
}

describe("briefing helpers", () => {
  it("formatTimestamp: minutes in UTC; refuses an invalid date", () => {
    expect(formatTimestamp(generatedAt)).toBe("2024-05-06 08:30 UTC");
    expect(formatTimestamp(new Date("2024-12-31T23:59:59.999Z"))).toBe("2024-12-31 23:59 UTC");
    expect(() => formatTimestamp(new Date("nope"))).toThrow("buildBriefing: generatedAt is not a valid Date");
    expect(() => formatTimestamp("2024-05-06" as unknown as Date)).toThrow("generatedAt is not a valid Date");
  });

  it("safeName keeps letters, digits, - and _, joins other runs into one _, trims _ at both ends", () => {
    expect(safeName("fan-baseline-rd_intensity")).toBe("fan-baseline-rd_intensity");
    expect(safeName("a b/c..d")).toBe("a_b_c_d");
    expect(safeName("__x__")).toBe("x");
    expect(safeName(" 情景 x ")).toBe("x");
    expect(safeName("情景")).toBe("chart");
    expect(safeName("")).toBe("chart");
  });

  it("scopeSvgIds prefixes ids, url(#…) and both kinds of href, and nothing else", () => {
    expect(
      scopeSvgIds('<svg id="a"><g clip-path="url(#b)"/><use href="#c"/><use xlink:href="#d"/><a href="x"/></svg>', "p"),
    ).toBe('<svg id="p-a"><g clip-path="url(#p-b)"/><use href="#p-c"/><use xlink:href="#p-d"/><a href="x"/></svg>');
  });
});

describe("buildBriefing: the page around the charts", () => {
  it("refuses no results and an invalid date", async () => {
    await expect(buildBriefing([], { generatedAt })).rejects.toThrow("buildBriefing: no scenario results");
    await expect(buildBriefing(results, { generatedAt: new Date(Number.NaN) })).rejects.toThrow("not a valid Date");
  });

  it("names its charts uniquely, in page order, and inlines each with scoped ids and its caption", async () => {
    const b = await buildBriefing(results, { lang: "both", generatedAt, appendix: true });
    expect(b.charts.map((c) => c.name)).toEqual([
      "risk-matrix",
      "scenario-comparison",
      "fan-baseline-invention_patents_per_10k_pop",
      "fan-baseline-rd_intensity",
      "fan-baseline-energy_intensity",
      // The appendix draws the same fans again: the second of a name gets "-2".
      "fan-baseline-invention_patents_per_10k_pop-2",
      "fan-baseline-rd_intensity-2",
      "fan-baseline-energy_intensity-2",
      "growth-gap-baseline",
      "fan-accelerated-invention_patents_per_10k_pop",
      "growth-gap-accelerated",
    ]);
    for (const c of b.charts) {
      expect(c.svg.startsWith('<svg id="root">')).toBe(true); // the file keeps the unscoped SVG
      expect(b.html).toContain(`<figure id="fig-${c.name}"><svg id="${c.name}-root"><clipPath id="${c.name}-c1"/>`);
      expect(c.spec).toBeTypeOf("object");
    }
    expect(b.html).toContain(
      '<figure id="fig-fan-baseline-rd_intensity"><svg id="fan-baseline-rd_intensity-root"><clipPath id="fan-baseline-rd_intensity-c1"/><g clip-path="url(#fan-baseline-rd_intensity-c1)"/><use href="#fan-baseline-rd_intensity-c1"/><use xlink:href="#fan-baseline-rd_intensity-c1"/></svg><figcaption>研发投入占地区生产总值的比重 R&amp;D expenditure as a share of GDP — 有风险 At risk, 达成概率 P(met) 38%</figcaption></figure>',
    );
    // Without the appendix: only the overview and the headline fans.
    const short = await buildBriefing(results, { lang: "both", generatedAt });
    expect(short.charts.map((c) => c.name)).toEqual(b.charts.slice(0, 5).map((c) => c.name));
    expect(short.html).not.toContain('id="appendix"');
  });

  it("a chart that cannot be drawn becomes a note with the reason, and the page is still built", async () => {
    render.fail = (spec) => JSON.stringify(spec).includes("growth");
    try {
      const b = await buildBriefing([baselineResult], { lang: "both", generatedAt, appendix: true });
      expect(b.charts.map((c) => c.name)).not.toContain("growth-gap-baseline");
      expect(b.html).toContain('<p class="note">图表无法生成 Chart not available: no &lt;data&gt; for this chart</p>');
      const zh = await buildBriefing([baselineResult], { lang: "zh", generatedAt, appendix: true });
      expect(zh.html).toContain('<p class="note">图表无法生成：no &lt;data&gt; for this chart</p>');
    } finally {
      render.fail = null;
    }
  });

  it("one scenario: no comparison chart; with two, the comparison of the indicators whose status differs", async () => {
    const one = await buildBriefing([baselineResult], { lang: "en", generatedAt });
    expect(one.charts.map((c) => c.name)).toEqual([
      "risk-matrix",
      "fan-baseline-invention_patents_per_10k_pop",
      "fan-baseline-rd_intensity",
      "fan-baseline-energy_intensity",
    ]);
    // The same scenario twice: no status differs, so no comparison either.
    const twice = await buildBriefing([baselineResult, { ...baselineResult }], { lang: "en", generatedAt });
    expect(twice.charts.map((c) => c.name)).not.toContain("scenario-comparison");
    const two = await buildBriefing(results, { lang: "en", generatedAt });
    const spec = JSON.stringify(two.charts.find((c) => c.name === "scenario-comparison")!.spec);
    // Statuses differ for R&D intensity (at risk → on track), patents (off track → at risk) and
    // energy (at risk → on track); high-tech firms are already met in both.
    for (const id of ["rd_intensity", "invention_patents_per_10k_pop", "energy_intensity"]) expect(spec).toContain(id);
    expect(spec).not.toContain("national_hightech_enterprises");
  });

  it("the table of contents lists every section in order, with its id and heading", async () => {
    const { html } = await buildBriefing(results, { lang: "both", generatedAt, appendix: true });
    const toc = between(html, '<nav id="toc">', "</nav>");
    expect([...toc.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["not-on-track", "未按计划推进的目标 Targets not on track"],
      ["risk-matrix-section", "风险矩阵与情景对比 Risk matrix and scenarios"],
      ["headline", "重点目标（基准情景） Headline targets (Baseline)"],
      ["scenarios", "情景说明 Scenarios"],
      ["not-assessed", "未评估的目标 Targets not assessed"],
      ["provenance", "数据来源与方法说明 Provenance"],
      ["appendix", "附录：各情景全部目标与图表 Appendix: every target and chart by scenario"],
    ]);
    expect(toc.startsWith('<nav id="toc"><h2>目录 Contents</h2><ol>')).toBe(true);
    for (const id of ["not-on-track", "risk-matrix-section", "headline", "scenarios", "not-assessed", "provenance"])
      expect(html).toContain(`<section id="${id}"><h2>`);
    // The summary comes first, then the contents, then the detail.
    expect(html.indexOf('<section id="summary">')).toBeLessThan(html.indexOf('<nav id="toc">'));
    expect(html.indexOf('<nav id="toc">')).toBeLessThan(html.indexOf('<section id="not-on-track">'));
  });

  it("the page's language, title and generator; the print CSS", async () => {
    const en = await buildBriefing(results, {
      lang: "en",
      generatedAt,
      title: { zh: "简报 <1>", en: "Brief <1> & co" },
    });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain("<title>Brief &lt;1&gt; &amp; co</title>");
    expect(en.html).toContain('<meta name="generator" content="targetcast">');
    const zh = await buildBriefing(results, { lang: "zh", generatedAt });
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain("<title>区域创新目标情景简报</title>");
    const both = await buildBriefing(results, { generatedAt }); // the default language
    expect(both.html).toContain('<html lang="zh-CN">');
    expect(both.html).toContain("<title>区域创新目标情景简报 Regional innovation targets: scenario briefing</title>");
    expect(both.html).toContain("@page { size: A4; margin: 12mm 11mm; }");
    expect(both.html).toContain(".badge.off_track {");
  });

  it("targets not on track in any scenario: one row each, riskiest first, status and P(met) per scenario", async () => {
    const { html } = await buildBriefing(results, { lang: "both", generatedAt });
    const table = between(html, '<table class="risk not-on-track">', "</table>");
    expect(between(table, "<thead>", "</thead>")).toBe(
      '<thead><tr><th class="target">目标 Target</th><th class="num scen">基准情景</th><th class="num scen">加大研发投入</th><th class="median">预测中位数 Projected median</th><th>原因 Reason</th></tr>',
    );
    const rows = table.split('<tr><th scope="row">').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(
      '万人发明专利拥有量 Invention patents in force per 10000 population<span class="year">2015 · 目标 Target ≥ 6 件/万人</span></th><td class="num"><span class="badge off_track">✗</span> 21%</td><td class="num"><span class="badge at_risk">▲</span> 53%</td><td class="vs">5.4 件/万人</td><td class="reason"><p>需年均增长 15.4%，本情景中位数年均增长 11.5%。</p><p lang="en">Needs to grow 15.4% a year; in the scenario&#39;s median it grows 11.5% a year.</p></td></tr>\n',
    );
    expect(rows[1]).toContain("研发投入占地区生产总值的比重");
    expect(rows[1]).toContain('<td class="vs">2.4%</td>');
    expect(rows[2]).toContain("目标 Target ≤ 0.5 吨标准煤/万元");
    expect(rows[2]).toContain('<span class="badge on_track">●</span> 73%');
    expect(html).toContain(
      '<p class="meta">每格为状态符号与达成概率；中位数与原因按基准情景。 Each cell: status mark and P(met); median and reason in Baseline.</p>',
    );
  });

  it("a target missing from a scenario leaves its cell empty; no target at risk gives a note instead of the table", async () => {
    const fewer: ScenarioResult = {
      ...acceleratedResult,
      targets: acceleratedResult.targets.filter((t) => t.id !== "rd_intensity"),
    };
    const { html } = await buildBriefing([baselineResult, fewer], { lang: "en", generatedAt });
    const rd = between(between(html, '<table class="risk not-on-track">', "</table>"), "R&amp;D expenditure", "</tr>");
    expect(rd).toContain('<td class="num"><span class="badge at_risk">▲</span> 38%</td><td></td>');
    const calm: ScenarioResult = {
      ...baselineResult,
      targets: baselineResult.targets.filter((t) => t.status !== "off_track" && t.status !== "at_risk"),
    };
    const page = await buildBriefing([calm], { lang: "en", generatedAt, appendix: true });
    expect(page.html).toContain('<p class="note">No target is at risk or off track in any scenario.</p>');
    expect(page.html).not.toContain('<section id="headline">');
    expect(page.html).toContain('<p class="note">No target is at risk or off track in this scenario.</p>');
  });

  it("each scenario's block: name, description, base year, horizon, paths and status counts; changes against the first", async () => {
    const { html } = await buildBriefing(results, { lang: "both", generatedAt });
    const base = between(html, '<div class="scenario" id="scenario-baseline">', "</div>");
    expect(base).toContain("<h3>基准情景 Baseline</h3>\n<p>Trends of 2008–2012 continue.</p>");
    expect(base).toContain(
      '<p class="meta">基年 Base year 2012 · 展望至 horizon 2015 · 蒙特卡洛模拟路径数 Monte Carlo paths: 5,000 · <span class="badge already_met">✓</span> 1 <span class="badge on_track">●</span> 0 <span class="badge at_risk">▲</span> 2 <span class="badge off_track">✗</span> 1 <span class="badge not_assessed">·</span> 1</p>',
    );
    expect(base).toContain("参照情景：其余情景与之比较");
    const acc = between(html, '<div class="scenario" id="scenario-accelerated">', "</div>");
    expect(acc).toContain(
      '<span class="badge already_met">✓</span> 1 <span class="badge on_track">●</span> 2 <span class="badge at_risk">▲</span> 1 <span class="badge off_track">✗</span> 0',
    );
    // Every summary differs from the baseline's: all four assumptions are listed as changed.
    expect(acc).toContain("<p>与基准情景相比改变的假设 Assumptions changed from Baseline: </p>");
    expect(between(acc, '<table class="assumptions">', "</table>").match(/<tr><th scope="row">/g)).toHaveLength(4);
    // The same assumptions: a note.
    const same = await buildBriefing(
      [baselineResult, { ...baselineResult, scenario: { ...baselineResult.scenario, id: "copy" } }],
      {
        lang: "en",
        generatedAt,
      },
    );
    expect(between(same.html, 'id="scenario-copy"', "</div>")).toContain(
      '<p class="note">Same assumptions as the reference scenario.</p>',
    );
    // One assumption changed (its mechanism): only that row.
    const changed = {
      ...baselineResult,
      scenario: {
        ...baselineResult.scenario,
        id: "changed",
        assumptions: baselineResult.scenario.assumptions.map((a, i) => (i === 2 ? { ...a, mechanism: "ratio" } : a)),
      },
    };
    const one = await buildBriefing([baselineResult, changed], { lang: "en", generatedAt });
    const rows = between(between(one.html, 'id="scenario-changed"', "</div>"), "<tbody>", "</tbody>");
    expect(rows.match(/<tr>/g)).toHaveLength(1);
    expect(rows).toContain("Energy consumption per unit of GDP");
    // An assumption the reference does not have at all is listed too.
    const extra = {
      ...baselineResult,
      scenario: {
        ...baselineResult.scenario,
        id: "extra",
        assumptions: [
          ...baselineResult.scenario.assumptions,
          { ...baselineResult.scenario.assumptions[0], indicator: "gdp" },
        ],
      },
    };
    const more = await buildBriefing([baselineResult, extra], { lang: "en", generatedAt });
    expect(
      between(between(more.html, 'id="scenario-extra"', "</div>"), "<tbody>", "</tbody>").match(/<tr>/g),
    ).toHaveLength(1);
  });

  it("a description in both languages gives two paragraphs with 'both', one otherwise", async () => {
    const bi: ScenarioResult = {
      ...baselineResult,
      scenario: { ...baselineResult.scenario, description: { zh: "趋势延续。", en: "Trends continue." } },
    };
    const both = await buildBriefing([bi], { lang: "both", generatedAt });
    expect(both.html).toContain('<h3>基准情景 Baseline</h3>\n<p>趋势延续。</p><p lang="en">Trends continue.</p>');
    const en = await buildBriefing([bi], { lang: "en", generatedAt });
    expect(en.html).toContain("<h3>Baseline</h3>\n<p>Trends continue.</p>\n");
    const zh = await buildBriefing([bi], { lang: "zh", generatedAt });
    expect(zh.html).toContain("<h3>基准情景</h3>\n<p>趋势延续。</p>\n");
  });

  it("targets not assessed: name and reason, in the first scenario", async () => {
    const { html } = await buildBriefing(results, { lang: "both", generatedAt });
    expect(between(html, '<section id="not-assessed">', "</section>")).toBe(
      '<section id="not-assessed"><h2>未评估的目标 Targets not assessed</h2>\n<ul class="compact"><li>环境质量达省定小康标准 Environmental quality meets the provincial moderately-prosperous standard: <span class="muted">定性目标，规划未给出数值 / qualitative goal: the plan states no number</span></li></ul>\n',
    );
    const all = baselineResult.targets.filter((t) => t.status !== "not_assessed");
    const none = await buildBriefing([{ ...baselineResult, targets: all }], { lang: "en", generatedAt });
    expect(none.html).not.toContain('<section id="not-assessed">');
    expect(none.html).not.toContain('href="#not-assessed"');
  });

  it("provenance: one row per scenario, the illustrative warning, the sources, the timestamp", async () => {
    const { html } = await buildBriefing(results, { lang: "both", generatedAt });
    const prov = between(html, '<section id="provenance">', "</section>");
    expect(prov).toContain(
      '<p class="warning"><strong>示意数据，非官方统计 Illustrative data, not official statistics</strong></p>',
    );
    expect(prov).toContain(
      '<tr><th scope="row">基准情景 Baseline</th><td><code>scenarios/baseline.yaml</code></td><td>data/baseline/haizhou.csv (illustrative)</td><td><strong>是 yes</strong></td><td class="num">5,000</td><td class="num">20150101</td><td class="num">2012–2015</td></tr>',
    );
    expect(prov).toContain("<p>历史数据出处 Sources of observed values: 海州区统计年鉴 (illustrative)</p>");
    expect(prov).toContain('<p class="meta">由 targetcast 生成 Generated by targetcast · 2024-05-06 08:30 UTC</p>');
    expect(prov).not.toContain("Intervals of the trend forecasts from");
    // Official data: no warning, "no" in the column; the Chinese page drops the English suffix only.
    const official: ScenarioResult = {
      ...baselineResult,
      illustrative: false,
      dataSource: "data/x.csv (illustrative data, not official statistics)",
      history: [],
    };
    const zh = between(
      (await buildBriefing([official], { lang: "zh", generatedAt })).html,
      '<section id="provenance">',
      "</section>",
    );
    expect(zh).not.toContain('class="warning"');
    expect(zh).toContain("<td>data/x.csv</td><td>否</td>");
    expect(zh).not.toContain("历史数据出处");
    const en = between(
      (await buildBriefing([official], { lang: "en", generatedAt })).html,
      '<section id="provenance">',
      "</section>",
    );
    expect(en).toContain("<td>data/x.csv (illustrative data, not official statistics)</td><td>no</td>");
  });

  it("cites the reference class of the calibrated forecast when a trend node uses trend.auto", async () => {
    const auto: ScenarioResult = {
      ...baselineResult,
      scenario: {
        ...baselineResult.scenario,
        assumptions: baselineResult.scenario.assumptions.map((a, i) =>
          i === 2 ? { ...a, terms: { model: { code: "trend.auto" } } } : a,
        ) as ScenarioResult["scenario"]["assumptions"],
      },
    };
    const en = await buildBriefing([auto], { lang: "en", generatedAt });
    expect(between(en.html, '<section id="provenance">', "</section>")).toContain(
      "<p>Intervals of the trend forecasts from: ",
    );
    const other: ScenarioResult = {
      ...baselineResult,
      scenario: {
        ...baselineResult.scenario,
        assumptions: baselineResult.scenario.assumptions.map((a, i) =>
          i === 2 ? { ...a, terms: { model: { code: "trend.linear" } } } : a,
        ) as ScenarioResult["scenario"]["assumptions"],
      },
    };
    expect((await buildBriefing([other], { lang: "en", generatedAt })).html).not.toContain(
      "Intervals of the trend forecasts from",
    );
  });

  it("the appendix: each scenario's risk table (P10–P90, responsible units or 'not stated'), fans, growth gaps, assumptions", async () => {
    const { html } = await buildBriefing(results, { lang: "both", generatedAt, appendix: true });
    const base = between(html, '<section class="scenario" id="appendix-baseline">', "</section>");
    expect(base).toContain("<h3>情景 Scenario: 基准情景 Baseline</h3>");
    const rows = base.split("<tr>\n").slice(2); // after the header row
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(
      '<th scope="row">研发投入占地区生产总值的比重 R&amp;D expenditure as a share of GDP<span class="year">2015</span></th>\n<td><span class="badge at_risk">▲ 有风险 At risk</span></td>\n<td class="num">38%</td>\n<td class="vs"><strong>2.4%</strong><span class="small">目标 Target ≥ 2.5%</span><span class="small">P10–P90: 2.1–2.8</span></td>\n<td class="responsible"><span class="muted">未列明 not stated</span></td>\n<td class="reason"><p>需年均增长 5.6%，本情景中位数年均增长 4.5%；影响最大的假设：研发经费年增速。</p><p lang="en">Needs to grow 5.6% a year; in the scenario&#39;s median it grows 4.5% a year; most influential assumption: rd_spending.growth.</p></td>\n</tr>\n',
    );
    expect(rows[0]).toContain('<td class="responsible">科技局、');
    expect(rows[0]).toContain("P10–P90: 4.44–6.36");
    expect(base).toContain('<figure id="fig-growth-gap-baseline">');
    expect(base).toContain("<h4>情景假设 Assumptions</h4>");
    // Without P10/P90 the range is left out; without a median, "–".
    const t = baselineResult.targets.find((x) => x.id === "rd_intensity")!;
    const bare: ScenarioResult = { ...baselineResult, targets: [{ ...t, p10: null, median: null, pMet: null }] };
    const page = await buildBriefing([bare], { lang: "en", generatedAt, appendix: true });
    const row = between(page.html, '<section class="scenario" id="appendix-baseline">', "</section>");
    expect(row).not.toContain("P10–P90");
    expect(row).toContain('<td class="vs"><strong>–</strong><span class="small">Target ≥ 2.5%</span></td>');
    expect(row).toContain('<td class="num">–</td>');
  });

  it("the appendix's assumption table: rows that read the same are shown once with their count; none: 'trend only'", async () => {
    const twin = baselineResult.scenario.assumptions[0];
    const r: ScenarioResult = {
      ...baselineResult,
      scenario: { ...baselineResult.scenario, assumptions: [twin, { ...twin }, { ...twin }] },
    };
    const en = await buildBriefing([r], { lang: "en", generatedAt, appendix: true });
    const table = between(en.html, "<h4>Assumptions</h4>", "</table>");
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(1);
    expect(table).toContain(
      '<th scope="row">R&amp;D expenditure as a share of GDP (3)</th><td>ratio</td><td>an example assumption</td>',
    );
    const zh = await buildBriefing([r], { lang: "zh", generatedAt, appendix: true });
    expect(between(zh.html, "<h4>情景假设</h4>", "</table>")).toContain(
      '<th scope="row">研发投入占地区生产总值的比重（3 个）</th><td>比率</td><td>示例假设</td>',
    );
    const none: ScenarioResult = { ...baselineResult, scenario: { ...baselineResult.scenario, assumptions: [] } };
    const page = await buildBriefing([none], { lang: "en", generatedAt, appendix: true });
    expect(page.html).toContain('<h4>Assumptions</h4><p class="note">None (trend only)</p>');
    // No target with a growth path: no growth-gap chart.
    expect(page.charts.map((c) => c.name)).toContain("growth-gap-baseline");
    const flat: ScenarioResult = { ...none, targets: none.targets.filter((x) => x.status === "not_assessed") };
    expect(
      (await buildBriefing([flat], { lang: "en", generatedAt, appendix: true })).charts.map((c) => c.name),
    ).toEqual(["risk-matrix"]);
  });

  it("escapes text from results in names, ids and file names", async () => {
    const evil: ScenarioResult = {
      ...baselineResult,
      scenario: { ...baselineResult.scenario, id: "a<b>", file: "s/<x>.yaml", nameEn: "<i>x</i>" },
    };
    const { html } = await buildBriefing([evil], { lang: "en", generatedAt, appendix: true });
    expect(html).toContain('<div class="scenario" id="scenario-a_b">');
    expect(html).toContain('<section class="scenario" id="appendix-a_b">');
    expect(html).toContain("<code>s/&lt;x&gt;.yaml</code>");
    expect(html).toContain("&lt;i&gt;x&lt;/i&gt;");
    expect(html).not.toContain("<i>x</i>");
  });
});

describe("buildBriefing: the charts' specs, captions and headers in each language", () => {
  it("each chart is its builder's spec in the page's language; the comparison lists the most spread indicators first", async () => {
    const b = await buildBriefing(results, { lang: "en", generatedAt, appendix: true });
    const spec = (name: string) => b.charts.find((c) => c.name === name)!.spec;
    expect(spec("risk-matrix")).toEqual(riskMatrix(results, { lang: "en" }));
    // Spread of P(met) between the scenarios: energy 0.726 − 0.41 = 0.316, patents 0.525 − 0.212 = 0.313,
    // R&D 0.691 − 0.379 = 0.312; high-tech firms are already met in both (no status change).
    expect(spec("scenario-comparison")).toEqual(
      scenarioComparisonPanels(results, ["energy_intensity", "invention_patents_per_10k_pop", "rd_intensity"], {
        lang: "en",
      }),
    );
    expect(spec("fan-baseline-rd_intensity")).toEqual(
      fanChart(baselineResult, "rd_intensity", { lang: "en", targetId: "rd_intensity" }),
    );
    expect(spec("fan-accelerated-invention_patents_per_10k_pop")).toEqual(
      fanChart(acceleratedResult, "invention_patents_per_10k_pop", {
        lang: "en",
        targetId: "invention_patents_per_10k_pop",
      }),
    );
    expect(spec("growth-gap-accelerated")).toEqual(growthGap(acceleratedResult, { lang: "en" }));
  });

  it("an indicator's spread is its largest over its targets, and targets without P(met) are left out", async () => {
    // A second R&D target with a wider spread moves R&D to the front.
    const rd = baselineResult.targets.find((t) => t.id === "rd_intensity")!;
    const rdAcc = acceleratedResult.targets.find((t) => t.id === "rd_intensity")!;
    const base: ScenarioResult = {
      ...baselineResult,
      targets: [...baselineResult.targets, { ...rd, id: "rd2", pMet: 0.1 }],
    };
    const acc: ScenarioResult = {
      ...acceleratedResult,
      targets: [...acceleratedResult.targets, { ...rdAcc, id: "rd2", pMet: 0.9 }],
    };
    const b = await buildBriefing([base, acc], { lang: "en", generatedAt });
    const comparison = b.charts.find((c) => c.name === "scenario-comparison")!.spec;
    expect(comparison).toEqual(
      scenarioComparisonPanels([base, acc], ["rd_intensity", "energy_intensity", "invention_patents_per_10k_pop"], {
        lang: "en",
      }),
    );
  });

  it("captions and table headers in English and in Chinese", async () => {
    const captions = (html: string) => [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]);
    const en = (await buildBriefing(results, { lang: "en", generatedAt, appendix: true })).html;
    expect(captions(en)).toEqual([
      "Risk matrix: each cell is P(met); colour and mark give the status (✗ off track, ▲ at risk, ● on track, ✓ already met).",
      "Scenarios side by side: the indicators whose status differs between scenarios (median and 80% interval).",
      "Invention patents in force per 10000 population — Off track, P(met) 21%",
      "R&amp;D expenditure as a share of GDP — At risk, P(met) 38%",
      "Energy consumption per unit of GDP — At risk, P(met) 41%",
      "Invention patents in force per 10000 population — Off track, P(met) 21%",
      "R&amp;D expenditure as a share of GDP — At risk, P(met) 38%",
      "Energy consumption per unit of GDP — At risk, P(met) 41%",
      "The wider the gap between required and projected growth, the harder the target.",
      "Invention patents in force per 10000 population — At risk, P(met) 53%",
      "The wider the gap between required and projected growth, the harder the target.",
    ]);
    expect(en).toContain(
      '<table class="risk"><thead><tr>\n<th>Target</th><th>Status</th><th class="num">P(met)</th>\n<th>Projected median vs target</th><th>Responsible units</th><th>Reason</th>\n</tr></thead>',
    );
    expect(en).toContain(
      '<table class="assumptions"><thead><tr><th>Indicator</th><th>Mechanism</th><th>Assumptions</th></tr></thead>',
    );
    expect(en).toContain(
      '<table class="provenance"><thead><tr><th>Scenario</th><th>Scenario file</th><th>Data file</th><th>Illustrative</th><th class="num">Paths</th><th class="num">Seed</th><th class="num">Base year–horizon</th></tr></thead>',
    );
    expect(en).toContain(
      '<p>P(met) is the share of Monte Carlo paths meeting the target in the target year; projection intervals come from the simulated quantiles (P5, P10, P25, P50, P75, P90, P95), the widest drawn being the 90% interval.</p>\n<p class="meta">Generated by targetcast · 2024-05-06 08:30 UTC</p>',
    );
    expect(en).toContain('<th class="num scen">Baseline</th><th class="num scen">Higher R&amp;D spending</th>');
    expect(en).toContain('<p class="note">The reference scenario: the others are compared with it;');
    const zh = (await buildBriefing(results, { lang: "zh", generatedAt, appendix: true })).html;
    expect(captions(zh).slice(0, 3)).toEqual([
      "目标达成风险矩阵：每格为达成概率，颜色与符号表示状态（✗ 偏离、▲ 有风险、● 按计划、✓ 已达成）。",
      "各情景对比：状态因情景而异的指标（中位数与80%区间）。",
      "万人发明专利拥有量 — 偏离, 达成概率 21%",
    ]);
    expect(captions(zh)[8]).toBe("所需年均增速与预测年均增速之差越大，目标越难实现。");
    expect(zh).toContain(
      '<table class="risk"><thead><tr>\n<th>目标</th><th>状态</th><th class="num">达成概率</th>\n<th>预测中位数与目标</th><th>责任单位</th><th>原因</th>\n</tr></thead>',
    );
    expect(zh).toContain('<table class="assumptions"><thead><tr><th>指标</th><th>机制</th><th>假设</th></tr></thead>');
    expect(zh).toContain(
      '<table class="provenance"><thead><tr><th>情景</th><th>情景文件</th><th>数据文件</th><th>示意数据</th><th class="num">路径数</th><th class="num">随机种子</th><th class="num">基年–展望年</th></tr></thead>',
    );
    expect(zh).toContain(
      "<p>达成概率为目标年份满足目标的蒙特卡洛模拟路径占比；预测区间取自模拟分位数（P5、P10、P25、P50、P75、P90、P95），图中最宽为 90% 区间。</p>",
    );
    expect(zh).toContain("<p>历史数据出处：海州区统计年鉴 (illustrative)</p>");
    expect(zh).toContain('<p class="meta">基年 2012 · 展望至 2015 · 蒙特卡洛模拟路径数：5,000 ·');
    // "both": the scenario columns of the not-on-track table carry the Chinese names only.
    const both = (await buildBriefing(results, { lang: "both", generatedAt })).html;
    expect(both).toContain('<th class="num scen">基准情景</th><th class="num scen">加大研发投入</th>');
  });

  it("a not-assessed target without a reason, and a target without a threshold", async () => {
    const t = baselineResult.targets.find((x) => x.id === "rd_intensity")!;
    const noThreshold = { ...t, threshold: null };
    const r: ScenarioResult = { ...baselineResult, targets: [noThreshold] };
    const en = (await buildBriefing([r], { lang: "en", generatedAt, appendix: true })).html;
    expect(en).toContain('<span class="year">2015 · Target –</span>');
    expect(en).toContain('<span class="small">Target –</span>');
    const na = baselineResult.targets.find((x) => x.status === "not_assessed")!;
    const bare: ScenarioResult = { ...baselineResult, targets: [{ ...na, notAssessed: null }] };
    const page = (await buildBriefing([bare], { lang: "en", generatedAt })).html;
    expect(page).toContain(
      '<ul class="compact"><li>Environmental quality meets the provincial moderately-prosperous standard</li></ul>',
    );
  });

  it("the calibrated forecast's citation is in the page's language", async () => {
    const auto: ScenarioResult = {
      ...baselineResult,
      scenario: {
        ...baselineResult.scenario,
        assumptions: baselineResult.scenario.assumptions.map((a, i) =>
          i === 2 ? { ...a, terms: { model: { code: "trend.auto" } } } : a,
        ) as ScenarioResult["scenario"]["assumptions"],
      },
    };
    const zh = (await buildBriefing([auto], { lang: "zh", generatedAt })).html;
    const en = (await buildBriefing([auto], { lang: "en", generatedAt })).html;
    const cite = (html: string, head: string) => between(html, head, "</p>");
    expect(cite(zh, "<p>趋势外推的预测区间出处：")).not.toBe(
      cite(en, "<p>Intervals of the trend forecasts from: ").replace(
        "Intervals of the trend forecasts from: ",
        "趋势外推的预测区间出处：",
      ),
    );
    expect(cite(en, "<p>Intervals of the trend forecasts from: ").length).toBeGreaterThan(50);
    // Only one scenario needs to use it.
    const two = (await buildBriefing([baselineResult, auto], { lang: "en", generatedAt })).html;
    expect(two).toContain("<p>Intervals of the trend forecasts from: ");
  });
});
