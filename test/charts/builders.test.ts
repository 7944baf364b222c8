import { describe, expect, it } from "vitest";
import { fanChart } from "../../src/charts/fanChart.js";
import { growthGap, targetGrowth } from "../../src/charts/growthGap.js";
import { formatNumber, formatPercent, statusLabel, targetLabel, unitTitle } from "../../src/charts/labels.js";
import { riskMatrix } from "../../src/charts/riskMatrix.js";
import { scenarioComparison, scenarioComparisonPanels } from "../../src/charts/scenarioComparison.js";
import { STATUS_STYLE } from "../../src/charts/statusStyle.js";
import { tornado } from "../../src/charts/tornado.js";
import { acceleratedResult, baselineResult, results, tornadoInput } from "./fixture.js";
import { INDICATORS } from "./helpers.js";

/** All `data.values` rows anywhere in a spec. */
function rowsOf(spec: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      const data = o.data as { values?: Record<string, unknown>[] } | undefined;
      if (data?.values) out.push(...data.values);
      for (const [k, v] of Object.entries(o)) if (k !== "data") walk(v);
    }
  };
  walk(spec);
  return out;
}

describe("labels", () => {
  it("status names in Chinese, English and both", () => {
    expect(statusLabel("already_met", "both")).toBe("已达成 Already met");
    expect(statusLabel("on_track", "both")).toBe("按计划 On track");
    expect(statusLabel("at_risk", "zh")).toBe("有风险");
    expect(statusLabel("off_track", "en")).toBe("Off track");
    expect(statusLabel("not_assessed", "both")).toBe("未评估 Not assessed");
  });

  it("numbers, percentages and target labels", () => {
    expect(formatNumber(2.5)).toBe("2.5");
    expect(formatNumber(2512.3)).toBe("2,512");
    expect(formatNumber(0.4812)).toBe("0.481");
    expect(formatPercent(0.423)).toBe("42%");
    expect(formatPercent(0.999)).toBe(">99%"); // not exactly 1: never shown as 100% nor as a plain 99%
    expect(formatPercent(0.001)).toBe("<1%");
    expect(targetLabel({ comparator: ">=", threshold: 2.5, unit: "%" }, "both")).toBe("目标 Target ≥ 2.5%");
    expect(targetLabel({ comparator: "<=", threshold: 0.5, unit: "吨标准煤/万元" }, "en")).toBe(
      "Target ≤ 0.5 tce per 10,000 yuan",
    );
    expect(unitTitle("件/万人", "zh")).toBe("单位：件/万人");
  });
});

describe("fanChart", () => {
  const spec = fanChart(baselineResult, "rd_intensity", { lang: "both" });
  const text = JSON.stringify(spec);
  const rows = rowsOf(spec);

  it("has 50/80/90% bands, says 90% (not 95%), and starts the fan at the last observation", () => {
    expect(text).toContain("90% 区间 interval (P5–P95)");
    expect(text).toContain("80% 区间 interval (P10–P90)");
    expect(text).toContain("50% 区间 interval (P25–P75)");
    expect(text).not.toContain("95%");
    const outer = rows.filter((r) => r.band === "90% 区间 interval (P5–P95)");
    expect(outer[0]).toMatchObject({ year: 2012, lo: 2.12, hi: 2.12 });
    const s2015 = baselineResult.series.find((s) => s.indicator === "rd_intensity" && s.year === 2015)!;
    expect(outer.at(-1)).toMatchObject({ year: 2015, lo: s2015.p5, hi: s2015.p95 });
  });

  it("draws history, the median, the base year and the labelled target", () => {
    expect(rows.filter((r) => r.series === "观测值 Observed")).toHaveLength(5);
    expect(rows.filter((r) => r.series === "预测中位数 Projected median").map((r) => r.year)).toEqual([
      2012, 2013, 2014, 2015,
    ]);
    expect(rows).toContainEqual(expect.objectContaining({ year: 2012, label: "基年 Base year 2012" }));
    expect(rows).toContainEqual(expect.objectContaining({ year: 2015, threshold: 2.5, label: "目标 Target ≥ 2.5%" }));
    expect(text).toContain("单位 Unit: %");
  });

  it("labels a lower-is-better target with ≤, in the chosen language", () => {
    const zh = JSON.stringify(fanChart(baselineResult, "energy_intensity", { lang: "zh" }));
    expect(zh).toContain("目标 ≤ 0.5 吨标准煤/万元");
    expect(zh).toContain("观测值");
    expect(zh).not.toContain("Observed");
    const en = JSON.stringify(fanChart(baselineResult, "energy_intensity", { lang: "en" }));
    expect(en).toContain("Target ≤ 0.5 tce per 10,000 yuan");
    expect(en).not.toContain("观测值");
  });

  it("draws values observed after the base year (retrospective runs) as their own series", () => {
    const retro = {
      ...baselineResult,
      actuals: [{ indicator: "rd_intensity", year: 2014, value: 2.3, source: "统计公报" }],
    };
    const rows2 = rowsOf(fanChart(retro, "rd_intensity", { lang: "both" }));
    expect(rows2).toContainEqual({ year: 2014, value: 2.3, series: "基年后实际值 Actual after base year" });
    expect(JSON.stringify(fanChart(baselineResult, "rd_intensity"))).not.toContain("Actual after base year");
  });

  it("refuses an unknown indicator or target", () => {
    expect(() => fanChart(baselineResult, "no_such_indicator")).toThrow(/no history or projection/);
    expect(() => fanChart(baselineResult, "rd_intensity", { targetId: "energy_intensity" })).toThrow(
      /no quantitative target/,
    );
  });
});

describe("scenarioComparison", () => {
  it("one median line and 80% band per scenario", () => {
    const spec = scenarioComparison(results, "rd_intensity", { lang: "en" });
    const rows = rowsOf(spec).filter((r) => "mid" in r);
    expect(new Set(rows.map((r) => r.scenario))).toEqual(new Set(["Baseline", "Higher R&D spending"]));
    const acc2015 = acceleratedResult.series.find((s) => s.indicator === "rd_intensity" && s.year === 2015)!;
    expect(rows).toContainEqual({
      scenario: "Higher R&D spending",
      year: 2015,
      lo: acc2015.p10,
      mid: acc2015.p50,
      hi: acc2015.p90,
    });
  });

  it("small multiples: a panel per indicator, each with its own y scale", () => {
    const spec = scenarioComparisonPanels(results, INDICATORS, { lang: "zh" }) as unknown as {
      concat: { title: { text: string } }[];
      resolve: { scale: { y: string } };
    };
    expect(spec.concat).toHaveLength(4);
    expect(spec.concat.map((p) => p.title.text)).toContain("单位GDP能耗");
    expect(spec.resolve.scale.y).toBe("independent");
  });

  it("rejects the same scenario twice", () => {
    expect(() => scenarioComparison([baselineResult, baselineResult], "rd_intensity")).toThrow(/twice/);
  });
});

describe("riskMatrix", () => {
  const spec = riskMatrix(results, { lang: "both" });
  const cells = (spec as unknown as { data: { values: Record<string, unknown>[] } }).data.values;

  it("a cell per target and scenario, labelled with status and P(met)", () => {
    expect(cells).toHaveLength(2 * 5);
    const rd = cells.find((c) => c.target === "rd_intensity" && c.scenario === "baseline")!;
    expect(rd.label).toBe(`▲ 有风险 At risk\n${formatPercent(rd.pMet as number)}`);
    const met = cells.find((c) => c.target === "national_hightech_enterprises" && c.scenario === "baseline")!;
    expect(met.status).toBe("already_met");
    expect(String(met.label)).toMatch(/^✓ 已达成 Already met/);
  });

  it("a qualitative target is a 'not assessed' cell without a probability", () => {
    const q = cells.filter((c) => c.target === "environmental_quality");
    expect(q).toHaveLength(2);
    for (const c of q) expect(c).toMatchObject({ pMet: null, label: "· 未评估 Not assessed" });
  });

  it("colours cells by status (the one palette), with text that contrasts with the fill", () => {
    const off = cells.find((c) => c.status === "off_track")!;
    const risk = cells.find((c) => c.status === "at_risk")!;
    expect(off.ink).toBe(STATUS_STYLE.off_track.ink);
    expect(risk.ink).toBe(STATUS_STYLE.at_risk.ink);
    expect(JSON.stringify(spec)).not.toContain('"scheme"');
  });
});

describe("growthGap", () => {
  it("required vs projected growth in %/year, lower-is-better targets included, qualitative left out", () => {
    const spec = growthGap(baselineResult, { lang: "en" });
    const rows = rowsOf(spec).filter((r) => "required" in r);
    const energy = rows.find((r) => String(r.target).startsWith("Energy consumption"))!;
    const g = targetGrowth(baselineResult.targets.find((t) => t.id === "energy_intensity")!)!;
    expect(energy.required).toBeCloseTo(g.required * 100, 1);
    expect(energy.required as number).toBeLessThan(0);
    expect(energy.target).toContain("(≤)");
    expect(rows.some((r) => String(r.target).startsWith("Environmental"))).toBe(false);
    expect(JSON.stringify(spec)).toContain("Annual growth (%/year)");
  });
});

describe("tornado", () => {
  it("sorts parameters by swing, largest first", () => {
    const spec = tornado(tornadoInput, { lang: "both", provenance: baselineResult }) as unknown as {
      layer: { encoding?: { y?: { sort?: string[] } } }[];
    };
    expect(spec.layer[0].encoding?.y?.sort).toEqual([
      "研发经费增速 R&D spending growth",
      "GDP增速 GDP growth",
      "财政科技支出 Fiscal S&T spending",
      "企业研发占比 Business share of R&D",
    ]);
    expect(JSON.stringify(spec)).toContain("9%/年 → 2.15");
  });

  it("rejects non-finite outputs", () => {
    expect(() =>
      tornado({ ...tornadoInput, bars: [{ parameter: "x", low: NaN, high: 1 }] }, { provenance: baselineResult }),
    ).toThrow(/non-finite/);
  });
});
