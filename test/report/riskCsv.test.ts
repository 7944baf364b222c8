/**
 * risk.csv (src/report/riskCsv.ts): its columns in order with their bilingual headers, one row per
 * scenario × target with each figure in its own column, RFC 4180 quoting, formula neutralising,
 * and the byte order mark of the file.
 */
import { describe, expect, it } from "vitest";
import type { ScenarioResult, TargetAssessment } from "../../src/assess/types.js";
import { commitmentSentence, notAssessedText, reasonText } from "../../src/report/messages.js";
import {
  csvCell,
  neutraliseFormula,
  RISK_COLUMNS,
  riskCsv,
  riskCsvFile,
  riskRows,
  UTF8_BOM,
} from "../../src/report/riskCsv.js";
import { baselineResult, results } from "../charts/fixture.js";

/** The rows of riskCsv as objects keyed by column (no field of the fixture holds a comma or a quote but these). */
function parse(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split("\n");
  const keys = header.split(",");
  return lines.map((l) => {
    const cells = [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, keys.length);
    return Object.fromEntries(keys.map((k, i) => [k, cells[i].replace(/^"|"$/g, "").replace(/""/g, '"')]));
  });
}

const commitment: TargetAssessment = {
  ...baselineResult.targets[0],
  id: "sme_fund",
  nameZh: "中小企业发展基金",
  nameEn: "SME development fund",
  status: "commitment_adopted",
  pMet: null,
  reason: null,
  nature: "commitment",
  commitment: {
    adopted: true,
    pMetByProjection: 0.2,
    cost: { indicator: "sme_fund", unit: "万元", year: 2015, mean: 150, median: 145, p90: 300 },
    dependents: [],
  },
};

describe("the columns of risk.csv and results.xlsx", () => {
  it("are these, in this order, each with a Chinese and an English header", () => {
    expect(RISK_COLUMNS.map((c) => [c.key, c.zh, c.en])).toEqual([
      ["scenario", "情景", "Scenario"],
      ["target", "目标编号", "Target id"],
      ["name_zh", "目标名称", "Name (Chinese)"],
      ["name_en", "英文名称", "Name (English)"],
      ["status", "状态", "Status"],
      ["p_met", "达成概率", "P(met)"],
      ["median", "预测中位数", "Projected median"],
      ["p10", "P10", "P10"],
      ["p90", "P90", "P90"],
      ["comparator", "比较符", "Comparator"],
      ["threshold", "目标值", "Threshold"],
      ["unit", "单位", "Unit"],
      ["target_year", "目标年份", "Target year"],
      ["base_year", "基年", "Base year"],
      ["base_value", "基年值", "Base-year value"],
      ["cagr_ratio", "增速比", "Growth ratio"],
      ["cagr_category", "增速比类别", "Growth-ratio category"],
      ["progress_share", "进展比例", "Share of required change"],
      ["share_category", "进展类别", "Progress category"],
      ["responsible", "责任单位", "Responsible units"],
      ["reason_zh", "原因（中文）", "Reason (Chinese)"],
      ["reason_en", "原因（英文）", "Reason (English)"],
      ["nature", "性质", "Nature"],
      ["commitment_cost_median", "承诺兑现成本（中位数）", "Commitment cost (median)"],
      ["commitment_cost_unit", "成本单位", "Cost unit"],
      ["illustrative", "示意数据", "Illustrative"],
    ]);
  });
});

describe("riskCsv", () => {
  it("writes one row per scenario × target, each value in its own column", () => {
    const rows = parse(riskCsv(results));
    expect(rows.map((r) => `${r.scenario}/${r.target}`)).toEqual(
      results.flatMap((r) => r.targets.map((t) => `${r.scenario.id}/${t.id}`)),
    );
    // The baseline's R&D intensity (fixture: median 2.42, sd 0.26, ≥ 2.5 in 2015, base 2.12 in 2012):
    // P10 = 2.42 − 1.2816 × 0.26 = 2.087, P90 = 2.42 + 1.2816 × 0.26 = 2.753, P(met) = 1 − Φ(0.08 / 0.26) = 0.379.
    const rd = rows.find((r) => r.scenario === "baseline" && r.target === "rd_intensity")!;
    expect(rd).toMatchObject({
      name_zh: "研发投入占地区生产总值的比重",
      name_en: "R&D expenditure as a share of GDP",
      status: "at_risk",
      p_met: "0.379",
      median: "2.42",
      p10: "2.087",
      p90: "2.753",
      comparator: ">=",
      threshold: "2.5",
      unit: "%",
      target_year: "2015",
      base_year: "2012",
      base_value: "2.12",
      nature: "forecast",
      commitment_cost_median: "",
      commitment_cost_unit: "",
      illustrative: "true",
      responsible: "",
    });
    const t = baselineResult.targets[0];
    expect(rd.cagr_ratio).toBe(String(t.cagrRatio));
    expect(rd.cagr_category).toBe(t.cagrCategory);
    expect(rd.progress_share).toBe(String(t.progressShare));
    expect(rd.share_category).toBe(t.shareCategory);
    expect(rd.reason_zh).toBe(reasonText(t, "zh"));
    expect(rd.reason_en).toBe(reasonText(t, "en"));
    expect(rd.reason_zh).toMatch(/^需年均增长 /);
    // A qualitative target: no figures, and the reason it was not assessed.
    const q = rows.find((r) => r.scenario === "baseline" && r.target === "environmental_quality")!;
    expect(q).toMatchObject({ status: "not_assessed", p_met: "", median: "", p10: "", p90: "", threshold: "" });
    expect(q.reason_zh).toBe("定性目标，规划未给出数值");
    expect(q.reason_en).toBe("qualitative goal: the plan states no number");
    expect(q.responsible).toBe("环保局");
  });

  it("a commitment: its decision sentence as the reason, and the median cost with its unit", () => {
    const r: ScenarioResult = { ...baselineResult, targets: [commitment] };
    const [row] = parse(riskCsv([r]));
    expect(row.reason_zh).toBe(commitmentSentence(commitment, r, "zh"));
    expect(row.reason_en).toBe(commitmentSentence(commitment, r, "en"));
    expect(row.reason_en).toMatch(/^A decision, adopted by this scenario/);
    expect(row.commitment_cost_median).toBe("145");
    expect(row.commitment_cost_unit).toBe("万元");
    expect(row.nature).toBe("commitment");
    expect(notAssessedText(commitment, "en")).toBeNull();
    // A commitment the model cannot cost: empty cost cells.
    const uncosted = { ...commitment, commitment: { ...commitment.commitment!, cost: null } };
    const [u] = parse(riskCsv([{ ...r, targets: [uncosted] }]));
    expect(u.commitment_cost_median).toBe("");
    expect(u.commitment_cost_unit).toBe("");
  });

  it("ends with a newline; the file alone starts with the byte order mark", () => {
    const csv = riskCsv(results);
    expect(csv.endsWith("\n")).toBe(true);
    expect(csv.endsWith("\n\n")).toBe(false);
    expect(csv.split("\n")).toHaveLength(results.reduce((n, r) => n + r.targets.length, 0) + 2);
    expect(UTF8_BOM).toBe("\uFEFF");
    expect(riskCsvFile(results)).toBe(`\uFEFF${csv}`);
    expect(riskRows(results)[0]).toHaveLength(RISK_COLUMNS.length);
  });
});

describe("csvCell", () => {
  it("writes empty cells for null, undefined and non-finite numbers, numbers to 6 significant digits", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("");
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe("");
    expect(csvCell(0.1 + 0.2)).toBe("0.3");
    expect(csvCell(1234.56789)).toBe("1234.57");
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(true)).toBe("true");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
    expect(csvCell("plain 研发")).toBe("plain 研发");
  });
});

describe("neutraliseFormula", () => {
  it("prefixes an apostrophe to text starting with =, +, -, @, a tab or a carriage return, only at the start", () => {
    for (const s of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ["a=b", "1+1", "x-y", "me@example.org", "", "'=x"]) expect(neutraliseFormula(s)).toBe(s);
    expect(csvCell("=1")).toBe("'=1");
    expect(csvCell("\rx")).toBe('"\'\rx"');
  });
});
