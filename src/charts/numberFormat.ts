/**
 * Numbers for people, in one place for the terminal, the charts, the briefing and the deck, so a
 * figure reads the same wherever it is shown.
 *
 * - `formatNumber`: about three significant figures, grouped thousands (2512.3 → "2,512").
 * - `formatPercent`: a probability 0–1 as a percentage; never "100%" unless it is exactly 1, never
 *   "0%" unless it is exactly 0 (">99%", "<1%").
 * - `percentDecimals`: values in % get one decimal, or as many as the target is written with
 *   (a target of 2.5% → 1, of 0.05% → 2).
 * - Chinese conventions when the language is Chinese (`lang` "zh"): 万 and 亿 — a count of
 *   12,000 is "1.2万", 12,345 万元 is "1.23 亿元", 2.5e8 元 is "2.5 亿元". Rounding is decided on
 *   the figure as shown, so 9,999.5 becomes "1万", not "10,000".
 */
import { unitEn } from "../data/units.js";

/** The language of labels: Chinese, English or both (bilingual). */
export type Lang = "zh" | "en" | "both";

/** Decimals formatNumber shows for a value of this size. */
function digitsFor(abs: number): number {
  return abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
}

/** The value formatNumber would show, as a number (2512.3 → 2512, 0.48123 → 0.481). */
function shown(value: number): number {
  const d = digitsFor(Math.abs(value));
  const r = Number(value.toFixed(d));
  // A value that rounds up into the next size class (99.96 → 100) is shown with that class's digits.
  return Number(value.toFixed(digitsFor(Math.abs(r))));
}

/**
 * A number for people to read: about three significant figures, grouped thousands,
 * no trailing zeros. 2.5 → "2.5", 0.4812 → "0.481", 2512.3 → "2,512".
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = digitsFor(Math.abs(value));
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * A probability 0–1 as a percentage with `decimals` decimals (default 0): 0.423 → "42%".
 * A value that is not exactly 1 never shows as 100% (">99%", with one decimal ">99.9%"), nor one
 * that is not exactly 0 as 0% ("<1%", "<0.1%"). 0.995 → ">99%"; 0.005 → "1%"; 0.004 → "<1%".
 */
export function formatPercent(p: number, decimals = 0): string {
  const text = (p * 100).toFixed(decimals);
  const step = 10 ** -decimals;
  if (p < 1 && Number(text) >= 100) return `>${(100 - step).toFixed(decimals)}%`;
  if (p > 0 && Number(text) <= 0) return `<${step.toFixed(decimals)}%`;
  return `${text}%`;
}

/** A growth rate (fraction a year) as a percentage with one decimal, without its sign: 0.104 → "10.4%". */
export function formatGrowth(g: number): string {
  return `${(Math.abs(g) * 100).toFixed(1)}%`;
}

/**
 * Decimals for a value in %: one, or as many as the target is written with.
 * percentDecimals(2.5) → 1, percentDecimals(0.05) → 2, percentDecimals(35) → 1.
 */
export function percentDecimals(threshold: number | null | undefined): number {
  if (threshold === null || threshold === undefined || !Number.isFinite(threshold)) return 1;
  const written = String(+threshold.toPrecision(6));
  const dot = written.indexOf(".");
  return Math.max(1, dot < 0 ? 0 : written.length - dot - 1);
}

/** A plain number (a count, a score) with 万 / 亿 in Chinese: 12,000 → "1.2万", 1e8 → "1亿". */
export function formatCount(value: number, lang: Lang): string {
  if (lang !== "zh" || !Number.isFinite(value)) return formatNumber(value);
  const abs = Math.abs(shown(value));
  if (abs >= 1e8 || Math.abs(shown(value / 1e4)) >= 1e4) return `${formatNumber(value / 1e8)}亿`;
  if (abs >= 1e4) return `${formatNumber(value / 1e4)}万`;
  return formatNumber(value);
}

/**
 * A figure in a column whose header or neighbour gives the unit: "%" values with
 * percentDecimals(threshold), plain values with 万 / 亿 in Chinese (amounts in 万… or 元 keep their
 * unit's scale, since the unit is written beside them), else formatNumber.
 */
export function formatFigure(value: number | null, unit: string, lang: Lang, threshold?: number | null): string {
  if (value === null || !Number.isFinite(value)) return "–";
  if (unit === "%") return value.toFixed(percentDecimals(threshold));
  return unit.startsWith("万") || unit === "元" ? formatNumber(value) : formatCount(value, lang);
}

/**
 * A value with its unit, as the language writes it. "%" values get percentDecimals(threshold);
 * in Chinese, amounts in 万… move to 亿… from 10,000 万 ("1.23 亿元"), amounts in 元 to 万元 / 亿元,
 * and other values take 万 / 亿 (formatCount). English: grouped figures and the English unit.
 */
export function formatValue(value: number, unit: string, lang: Lang, threshold?: number | null): string {
  if (!Number.isFinite(value)) return "–";
  if (unit === "%") return `${formatFigure(value, unit, lang, threshold)}%`;
  if (lang === "en") {
    const u = unitEn(unit);
    return u ? `${formatNumber(value)} ${u}` : formatNumber(value);
  }
  if (lang === "zh" && unit.startsWith("万") && Math.abs(shown(value)) >= 1e4)
    return `${formatNumber(value / 1e4)} 亿${unit.slice(1)}`;
  if (lang === "zh" && unit === "元") {
    if (Math.abs(shown(value)) >= 1e8 || Math.abs(shown(value / 1e4)) >= 1e4)
      return `${formatNumber(value / 1e8)} 亿元`;
    if (Math.abs(shown(value)) >= 1e4) return `${formatNumber(value / 1e4)} 万元`;
  }
  const n = formatFigure(value, unit, lang);
  return unit ? `${n} ${unit}` : n;
}

/**
 * An amount of money with its unit. Chinese: 万 and 亿 — 2000 万元 → "2,000 万元", 25000 万元 → "2.5 亿元".
 * English: amounts in 万元 as million yuan (1 万元 = 0.01 million yuan) — "20 million yuan".
 * "both" gives "2,000 万元（20 million yuan）".
 */
export function formatAmount(value: number, unit: string, lang: Lang): string {
  const zh = formatValue(value, unit, "zh");
  const en = unit === "万元" ? `${formatNumber(value / 100)} million yuan` : formatValue(value, unit, "en");
  return lang === "zh" ? zh : lang === "en" ? en : `${zh}（${en}）`;
}
