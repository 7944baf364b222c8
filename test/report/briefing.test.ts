import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ScenarioResult } from "../../src/assess/types.js";
import { buildBriefing, escapeHtml, scopeSvgIds } from "../../src/report/briefing.js";
import { writeBriefing } from "../../src/report/writeBriefing.js";
import { baselineResult, results } from "../charts/fixture.js";
import { decodePng, HAVE_CJK_FONT, inkStats, NO_FONT_REASON, vegaLiteValidator } from "../charts/helpers.js";

const generatedAt = new Date("2024-05-06T08:30:00Z");

describe("buildBriefing", async () => {
  const briefing = await buildBriefing(results, { lang: "both", generatedAt });
  const { html, charts } = briefing;

  it("is one self-contained page: no script, no external fetch", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
  });

  it("has the title, the date, the provenance and the illustrative warning up front", () => {
    expect(html).toContain("区域创新目标情景简报 Regional innovation targets: scenario briefing");
    expect(html).toContain("2024-05-06 08:30 UTC");
    const header = html.slice(0, html.indexOf("</header>"));
    expect(header).toContain('class="warning"');
    expect(header).toContain("示意数据，非官方统计 Illustrative data, not official statistics");
    expect(header).toContain("data/baseline/haizhou.csv (illustrative)");
    expect(html).toContain('id="provenance"');
    expect(html).toContain("scenarios/baseline.yaml");
    expect(html).toContain("20150101");
    expect(html).toContain("海州区统计年鉴 (illustrative)");
  });

  it("lists the targets at risk per scenario with status, P(met), median vs target, units, responsible units and reasons", () => {
    const base = html.slice(html.indexOf('id="scenario-baseline"'), html.indexOf('id="scenario-accelerated"'));
    expect(base).toContain("有风险 At risk");
    expect(base).toContain("偏离 Off track");
    expect(base).toContain("≥ 6 件/万人");
    expect(base).toContain("5.4 件/万人");
    expect(base).toContain("≤ 0.5 吨标准煤/万元");
    expect(base).toContain("科技局、中小企业局、财政局");
    const rd = baselineResult.targets.find((t) => t.id === "rd_intensity")!;
    expect(base).toContain(escapeHtml(rd.reason!.textZh));
    expect(base).toContain(escapeHtml(rd.reason!.textEn));
    // Already met and not assessed targets are not "at risk".
    const riskTable = base.slice(
      base.indexOf('<table class="risk">'),
      base.indexOf("</table>", base.indexOf('<table class="risk">')),
    );
    expect(riskTable.split('<th scope="row">').length - 1).toBe(3);
    expect(riskTable.includes("国家高新技术企业数")).toBe(false);
    expect(riskTable.includes("环境质量达省定小康标准")).toBe(false);
    expect(base).toContain("环境质量达省定小康标准");
    expect(base).toContain("qualitative goal: no number in the plan");
  });

  it("shows the risk matrix, a fan chart per target not on track, and each scenario's assumptions", () => {
    const names = charts.map((c) => c.name);
    expect(names).toContain("risk-matrix");
    const notOnTrack = results.flatMap((r) =>
      r.targets
        .filter((t) => t.status === "at_risk" || t.status === "off_track")
        .map((t) => `fan-${r.scenario.id}-${t.id}`),
    );
    expect(notOnTrack.length).toBeGreaterThanOrEqual(3);
    for (const n of notOnTrack) expect(names).toContain(n);
    expect(names.filter((n) => n.startsWith("fan-"))).toHaveLength(notOnTrack.length);
    expect(new Set(names).size).toBe(names.length);
    expect((html.match(/<svg\b/g) ?? []).length).toBe(charts.length);
    expect(html).toContain("R&amp;D spending grows 18%/yr");
    expect(html).toContain("<code>stock_flow</code>");
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
    expect(zh).toContain("有风险的目标");
    expect(zh).not.toContain("Targets at risk");
    expect(zh).toContain("示意数据，非官方统计 Illustrative data, not official statistics");
    const en = (await buildBriefing(results, { lang: "en", generatedAt })).html;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Targets at risk");
    expect(en).not.toContain("有风险的目标");
    expect(en).toContain("5.4 per 10,000 population");
  });

  it("escapes all text taken from results", async () => {
    const evil: ScenarioResult = {
      ...baselineResult,
      dataSource: `x.csv"><script>alert(1)</script>`,
      scenario: { ...baselineResult.scenario, nameEn: "<b>bold</b> & co", description: "<img src=x onerror=alert(1)>" },
      targets: baselineResult.targets.map((t) =>
        t.id === "rd_intensity"
          ? {
              ...t,
              nameZh: "研发<script>alert(2)</script>",
              responsible: `科技局 & "财政局" <i>`,
              reason: { ...t.reason!, textZh: "<svg onload=alert(3)>" },
            }
          : t,
      ),
    };
    const { html: page } = await buildBriefing([evil], { lang: "both", generatedAt });
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
      ...briefing.charts.flatMap((c) => [`${c.name}.svg`, `${c.name}.vl.json`]),
    ].sort();
    expect(listed).toEqual(expected);
    expect(files[0]).toBe(path.join(dir, "new-sub-dir", "briefing.html"));
    expect(readFileSync(files[0], "utf8")).toBe(briefing.html);
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
