import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../src/assess/types.js";
import { BRIEFING_FONT_FILES, BUNDLED_CJK_FAMILY, bundledCjkFontFiles } from "../../src/charts/bundledFont.js";
import { buildBriefing, scopeSvgIds } from "../../src/report/briefing.js";
import { writeBriefing } from "../../src/report/writeBriefing.js";
import { baselineResult, results } from "../charts/fixture.js";
import { decodePng, HAVE_CJK_FONT, inkStats, NO_FONT_REASON, vegaLiteValidator } from "../charts/helpers.js";

const generatedAt = new Date("2024-05-06T08:30:00Z");

describe("buildBriefing", async () => {
  const briefing = await buildBriefing(results, { lang: "both", generatedAt });
  const { html, charts } = briefing;

  it("is one self-contained page: no script, no external fetch; its one @font-face is the bundled font beside it", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import/i);
    // The only @font-face names the font file that writeBriefing copies into the same folder.
    const faces = [...html.matchAll(/@font-face\s*\{[^}]*\}/gi)].map((m) => m[0]);
    expect(faces).toHaveLength(1);
    expect(faces[0]).toContain(`font-family: "${BUNDLED_CJK_FAMILY}"`);
    expect([...faces[0].matchAll(/url\(\s*"([^"]*)"/g)].map((m) => m[1])).toEqual([BRIEFING_FONT_FILES.font]);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
  });

  it("has the title, the date, the provenance and the illustrative warning up front", () => {
    expect(html).toContain("区域创新目标情景简报 Regional innovation targets: scenario briefing");
    expect(html).toContain("2024-05-06 08:30 UTC");
    const summary = html.slice(0, html.indexOf('<nav id="toc">'));
    expect(summary).toContain('class="block caveat warning"');
    expect(summary).toContain("示意数据，非官方统计 Illustrative data, not official statistics");
    expect(html.slice(html.indexOf('id="provenance"'))).toContain("data/baseline/haizhou.csv (illustrative)");
    expect(html).toContain('id="provenance"');
    expect(html).toContain("scenarios/baseline.yaml");
    expect(html).toContain("20150101");
    expect(html).toContain("海州区统计年鉴 (illustrative)");
  });

  it("opens with the summary: status counts per scenario, headline targets with P(met) and a reason, the caveat", () => {
    expect(html.indexOf('<section id="summary">')).toBe(html.indexOf("<main>") + "<main>\n".length);
    const summary = html.slice(html.indexOf('<section id="summary">'), html.indexOf('<nav id="toc">'));
    // Counts: baseline has 1 already met, 0 on track, 2 at risk, 1 off track, 1 not assessed.
    const counts = summary.slice(summary.indexOf('<table class="counts">'));
    const baseRow = counts.slice(counts.indexOf("基准情景"), counts.indexOf("</tr>", counts.indexOf("基准情景")));
    expect([...baseRow.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]))).toEqual([1, 0, 2, 1, 1]);
    // Headline: the baseline's targets not on track, lowest P(met) first.
    const items = summary.slice(summary.indexOf('<ol class="headline">')).split("<li>").slice(1);
    expect(items.map((i) => i.match(/<strong>([^<]+)<\/strong>/)![1])).toEqual([
      "万人发明专利拥有量 Invention patents in force per 10000 population",
      "研发投入占地区生产总值的比重 R&amp;D expenditure as a share of GDP",
      "单位GDP能耗 Energy consumption per unit of GDP",
    ]);
    expect(items[0]).toContain("达成概率 P(met) <strong>21%</strong>");
    const rd = baselineResult.targets.find((t) => t.id === "rd_intensity")!;
    expect(items[1]).toContain(`需年均增长 ${(rd.reason!.requiredGrowth! * 100).toFixed(1)}%`);
    expect(summary).toContain("示意数据，非官方统计 Illustrative data, not official statistics");
    expect(summary).toContain("海州区统计年鉴 (illustrative)"); // the data's source column, not a file path
    expect(summary).not.toContain("What an extra budget buys"); // no allocation given
    expect(html).toContain('<nav id="toc">');
    for (const id of ["not-on-track", "risk-matrix-section", "headline", "scenarios", "provenance"])
      expect(html).toContain(`<a href="#${id}">`);
  });

  it("says what an extra budget buys when an allocation is given", async () => {
    const allocation = {
      scenario: "scenarios/baseline.yaml",
      budget: 25_000,
      unit: "万元",
      programmes: [
        { id: "a", nameZh: "孵化器", nameEn: "Incubators" },
        { id: "b", nameZh: "人才", nameEn: "Talent" },
      ],
      best: { split: { a: 15_000, b: 10_000 }, expectedMet: 20.31, pMet: {} },
      equalSplit: { split: { a: 12_500, b: 12_500 }, expectedMet: 19.9, pMet: {} },
    };
    const page = (await buildBriefing(results, { lang: "zh", generatedAt, allocation })).html;
    const summary = page.slice(0, page.indexOf('<nav id="toc">'));
    expect(summary).toContain("新增预算能换来什么");
    expect(summary).toContain("每年新增 2.5 亿元 的最佳分配：孵化器 1.5 亿元、人才 1 亿元");
    expect(summary).toContain("预期达成目标 20.3 个，平均分配为 19.9 个（+0.4）");
  });

  it("one table of the targets not on track in any scenario: a status mark and P(met) per scenario, median, reason", () => {
    const table = html.slice(
      html.indexOf('<section id="not-on-track">'),
      html.indexOf("</section>", html.indexOf('<section id="not-on-track">')),
    );
    const rows = table.split('<th scope="row">').slice(1);
    // rd_intensity, invention patents, energy intensity: not on track in the baseline; the rest never.
    expect(rows).toHaveLength(3);
    expect(table).not.toContain("国家高新技术企业数");
    const patents = rows.find((r) => r.startsWith("万人发明专利拥有量"))!;
    expect(patents).toContain("≥ 6 件/万人");
    expect(patents).toContain("5.4 件/万人");
    expect(patents.match(/<span class="badge (\w+)">/g)).toEqual([
      '<span class="badge off_track">',
      '<span class="badge at_risk">',
    ]);
    expect(table).toContain("≤ 0.5 吨标准煤/万元");
  });

  it("charts for every target only with the appendix; there, each scenario's full risk table", async () => {
    const names = charts.map((c) => c.name);
    expect(names).toContain("risk-matrix");
    expect(names.filter((n) => n.startsWith("fan-"))).toEqual([
      "fan-baseline-invention_patents_per_10k_pop",
      "fan-baseline-rd_intensity",
      "fan-baseline-energy_intensity",
    ]);
    expect(html).not.toContain('id="appendix"');
    const full = await buildBriefing(results, { lang: "both", generatedAt, appendix: true });
    const fans = full.charts.map((c) => c.name).filter((n) => n.startsWith("fan-"));
    const notOnTrack = results.flatMap((r) =>
      r.targets
        .filter((t) => t.status === "at_risk" || t.status === "off_track")
        .map((t) => `fan-${r.scenario.id}-${t.id}`),
    );
    for (const n of notOnTrack) expect(fans).toContain(n);
    expect(new Set(full.charts.map((c) => c.name)).size).toBe(full.charts.length);
    expect((full.html.match(/<svg\b/g) ?? []).length).toBe(full.charts.length);
    expect(full.html).toContain('id="appendix"');
    expect(full.html).toContain("科技局、中小企业局、财政局");
    // Each assumption in its mechanism's plain words: Chinese shown, English as its tooltip under "both".
    expect(full.html).toContain('<td title="an example assumption">示例假设</td>');
    expect(full.html).toContain("存量与流量 stock and flow"); // mechanisms in words, not codes
  });

  it("every chart spec validates and its inline SVG has scoped ids", () => {
    const validate = vegaLiteValidator();
    for (const c of charts) expect(validate(JSON.parse(JSON.stringify(c.spec))), c.name).toBe(true);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size, "duplicate ids in the page").toBe(ids.length);
    expect(ids.filter((id) => id.startsWith("risk-matrix-")).length).toBeGreaterThan(0);
  });

  it("Chinese-only and English-only pages", async () => {
    const zh = (await buildBriefing(results, { lang: "zh", generatedAt })).html;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("未按计划推进的目标");
    expect(zh).not.toContain("Targets not on track");
    expect(zh).toContain("示意数据，非官方统计 Illustrative data, not official statistics");
    const en = (await buildBriefing(results, { lang: "en", generatedAt })).html;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Targets not on track");
    expect(en).not.toContain("未按计划推进的目标");
    expect(en).toContain("5.4 per 10,000 population");
  });

  it("escapes all text taken from results", async () => {
    const evil: ScenarioResult = {
      ...baselineResult,
      dataSource: `x.csv"><script>alert(1)</script>`,
      scenario: {
        ...baselineResult.scenario,
        nameEn: "<b>bold</b> & co",
        description: { zh: "<img src=x onerror=alert(1)>", en: "<img src=x onerror=alert(4)>" },
      },
      targets: baselineResult.targets.map((t) =>
        t.id === "rd_intensity"
          ? {
              ...t,
              nameZh: "研发<script>alert(2)</script>",
              responsible: `科技局 & "财政局" <i>`,
              reason: {
                ...t.reason!,
                topDriver: {
                  parameter: "x.growth",
                  rho: 0.5,
                  label: { zh: "<svg onload=alert(3)>", en: "<svg onload=alert(5)>" },
                },
              },
            }
          : t,
      ),
    };
    const { html: page } = await buildBriefing([evil], { lang: "both", generatedAt, appendix: true });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<svg onload/i);
    expect(page).not.toContain("<b>bold</b>");
    expect(page).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; co");
    expect(page).toContain("科技局 &amp; &quot;财政局&quot; &lt;i&gt;");
  });

  it("rejects an invalid date and empty results", async () => {
    await expect(buildBriefing(results, { generatedAt: new Date("nope") })).rejects.toThrow(/generatedAt/);
    await expect(buildBriefing([], { generatedAt })).rejects.toThrow(/no scenario results/);
  });

  it("scopeSvgIds rewrites ids and references", () => {
    const svg = `<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>`;
    expect(scopeSvgIds(svg, "fig")).toBe(
      `<svg><defs><clipPath id="fig-clip1"><rect/></clipPath></defs><g clip-path="url(#fig-clip1)"><use href="#fig-clip1"/></g></svg>`,
    );
  });
});

describe("writeBriefing", async () => {
  const briefing = await buildBriefing(results, { lang: "both", generatedAt });
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tempDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), "targetcast-briefing-"));
    dirs.push(d);
    return d;
  };

  it("writes briefing.html, and per chart .svg and .vl.json; no temporary files left", async () => {
    const dir = tempDir();
    const { files, warnings } = await writeBriefing(path.join(dir, "new-sub-dir"), briefing, { png: false });
    expect(warnings).toEqual([]);
    const listed = readdirSync(path.join(dir, "new-sub-dir")).sort();
    const expected = [
      "briefing.html",
      BRIEFING_FONT_FILES.font,
      BRIEFING_FONT_FILES.license,
      ...briefing.charts.flatMap((c) => [`${c.name}.svg`, `${c.name}.vl.json`]),
    ].sort();
    expect(listed).toEqual(expected);
    expect(files[0]).toBe(path.join(dir, "new-sub-dir", "briefing.html"));
    expect(readFileSync(files[0], "utf8")).toBe(briefing.html);
    // The font travels with the folder, byte for byte the package's Regular face.
    const [regular] = bundledCjkFontFiles();
    expect(readFileSync(path.join(dir, "new-sub-dir", BRIEFING_FONT_FILES.font)).equals(readFileSync(regular))).toBe(
      true,
    );
    const spec = JSON.parse(readFileSync(path.join(dir, "new-sub-dir", "risk-matrix.vl.json"), "utf8"));
    expect(spec).toEqual(JSON.parse(JSON.stringify(briefing.charts.find((c) => c.name === "risk-matrix")!.spec)));
  });

  it.skipIf(!HAVE_CJK_FONT)(
    `with png: true also writes a non-blank PNG per chart (${HAVE_CJK_FONT ? "CJK font present" : NO_FONT_REASON})`,
    { timeout: 240_000 },
    async () => {
      const dir = tempDir();
      const { warnings } = await writeBriefing(dir, briefing, { png: true, scale: 1 });
      expect(warnings).toEqual([]);
      const listed = readdirSync(dir);
      expect(listed.filter((f) => f.endsWith(".tmp"))).toEqual([]);
      for (const c of briefing.charts) {
        expect(listed).toContain(`${c.name}.png`);
        const { inkShare } = inkStats(decodePng(readFileSync(path.join(dir, `${c.name}.png`))).pixels);
        expect(inkShare, c.name).toBeGreaterThan(0.02);
      }
    },
  );

  it("refuses chart names that are not file-safe", async () => {
    const bad = { ...briefing, charts: [{ ...briefing.charts[0], name: "../escape" }] };
    await expect(writeBriefing(tempDir(), bad, { png: false })).rejects.toThrow(/file-safe/);
  });
});
