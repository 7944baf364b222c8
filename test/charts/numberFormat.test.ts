/**
 * The one number formatter of the terminal, the charts and the briefing (src/charts/numberFormat.ts):
 * hand-computed cases at the boundaries of 万 and 亿, of whole-percent probabilities and of the
 * decimals a % value takes from its target.
 */
import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatCount,
  formatFigure,
  formatNumber,
  formatPercent,
  formatValue,
  percentDecimals,
} from "../../src/charts/numberFormat.js";
import { pMetCell } from "../../src/report/jointText.js";

describe("formatPercent: a probability never shows as 100% or 0% unless it is exactly that", () => {
  it("rounds to whole percent in between", () => {
    expect(formatPercent(0.423)).toBe("42%");
    expect(formatPercent(0.994)).toBe("99%");
    expect(formatPercent(0.005)).toBe("1%"); // 0.5% rounds half up to 1%
    expect(formatPercent(0.5)).toBe("50%");
  });
  it("just below 1 is >99%, just above 0 is <1%; exactly 1 and 0 stay 100% and 0%", () => {
    expect(formatPercent(0.995)).toBe(">99%");
    expect(formatPercent(0.9999)).toBe(">99%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.004)).toBe("<1%");
    expect(formatPercent(0.0002)).toBe("<1%");
    expect(formatPercent(0)).toBe("0%");
  });
  it("with decimals, the same rule one step finer", () => {
    expect(formatPercent(0.2733, 1)).toBe("27.3%");
    expect(formatPercent(0.9996, 1)).toBe(">99.9%");
    expect(formatPercent(0.0004, 1)).toBe("<0.1%");
    expect(formatPercent(0.0015, 2)).toBe("0.15%");
    expect(formatPercent(0, 1)).toBe("0.0%");
  });
});

describe("percentDecimals: one decimal unless the target needs more", () => {
  it("2.5 → 1, 0.05 → 2, 35 → 1, 14.3 → 1, 0.125 → 3, none → 1", () => {
    expect(percentDecimals(2.5)).toBe(1);
    expect(percentDecimals(0.05)).toBe(2);
    expect(percentDecimals(35)).toBe(1);
    expect(percentDecimals(14.3)).toBe(1);
    expect(percentDecimals(0.125)).toBe(3);
    expect(percentDecimals(null)).toBe(1);
  });
  it("a % figure follows it: 2.3456 against 2.5 → 2.3; against 0.05 → 2.35", () => {
    expect(formatFigure(2.3456, "%", "zh", 2.5)).toBe("2.3");
    expect(formatFigure(2.3456, "%", "en", 0.05)).toBe("2.35");
    expect(formatValue(0.0449, "%", "zh", 0.05)).toBe("0.04%");
    expect(formatValue(35, "%", "en", 35)).toBe("35.0%");
  });
});

describe("万 and 亿 in Chinese", () => {
  it("counts: below 10,000 grouped; from 10,000 in 万; from 1e8 in 亿 — decided on the rounded figure", () => {
    expect(formatCount(9999, "zh")).toBe("9,999");
    expect(formatCount(9999.5, "zh")).toBe("1万"); // shown as 10,000 → 1万, never "10,000"
    expect(formatCount(1e4, "zh")).toBe("1万");
    expect(formatCount(12_000, "zh")).toBe("1.2万");
    expect(formatCount(12_345, "zh")).toBe("1.23万");
    expect(formatCount(99_995_000, "zh")).toBe("1亿"); // 9,999.5万 would show as 10,000万
    expect(formatCount(1e8, "zh")).toBe("1亿");
    expect(formatCount(-25_000, "zh")).toBe("-2.5万");
  });
  it("English and both keep grouped thousands", () => {
    expect(formatCount(12_345, "en")).toBe("12,345");
    expect(formatCount(12_345, "both")).toBe("12,345");
    expect(formatNumber(9999.5)).toBe("10,000");
  });
  it("amounts in 万元 move to 亿元 from 10,000 万元; amounts in 元 to 万元 and 亿元", () => {
    expect(formatValue(12_345, "万元", "zh")).toBe("1.23 亿元");
    expect(formatValue(9_999, "万元", "zh")).toBe("9,999 万元");
    expect(formatValue(9_999.5, "万元", "zh")).toBe("1 亿元");
    expect(formatValue(52, "万平方米", "zh")).toBe("52 万平方米");
    expect(formatValue(25_000, "元", "zh")).toBe("2.5 万元");
    expect(formatValue(2.5e8, "元", "zh")).toBe("2.5 亿元");
    expect(formatValue(12_000, "家", "zh")).toBe("1.2万 家");
    expect(formatValue(12_345, "万元", "en")).toBe("12,345 10,000 yuan");
  });
  it("in a column beside the unit, amounts keep the unit's scale; counts take 万", () => {
    expect(formatFigure(12_345, "万元", "zh")).toBe("12,345");
    expect(formatFigure(12_345, "家", "zh")).toBe("1.23万");
    expect(formatFigure(null, "家", "zh")).toBe("–");
  });
  it("formatAmount: 万元 in Chinese, million yuan in English, both together", () => {
    expect(formatAmount(2000, "万元", "zh")).toBe("2,000 万元");
    expect(formatAmount(25_000, "万元", "zh")).toBe("2.5 亿元");
    expect(formatAmount(2000, "万元", "en")).toBe("20 million yuan");
    expect(formatAmount(2000, "万元", "both")).toBe("2,000 万元（20 million yuan）");
  });
});

describe("the terminal uses the same rule as the charts", () => {
  it("a P(met) of 0.996 is >99% in the risk table, 0.003 is <1%", () => {
    expect(pMetCell({ pMet: 0.996, borderline: false })).toBe(">99%");
    expect(pMetCell({ pMet: 0.003, borderline: true })).toBe("<1% ≈");
    expect(pMetCell({ pMet: 1, borderline: false })).toBe("100%");
  });
});
