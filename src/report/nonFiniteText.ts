/**
 * Where a non-finite projection came from (src/assess/nonFiniteOrigin.ts), in words, in Chinese or
 * English; assumption names are bilingual labels, with the internal id and the drawn value.
 */
import type { NonFiniteOrigin, OriginAssumption } from "../assess/nonFiniteOrigin.js";

// Words, not "NaN"/"Infinity": those never reach an output (test/hostile/cases.ts checks the files for them).
const shown = (v: number) =>
  Number.isNaN(v)
    ? "not a number"
    : Number.isFinite(v)
      ? String(+v.toPrecision(4))
      : `${v > 0 ? "+" : "−"}∞ (overflow)`;

/** "GDP: growth rate / 地区生产总值：年增速 (gdp.growth = 0.1 on that path)", comma-separated. */
const listAssumptions = (list: OriginAssumption[]) =>
  list.map((a) => `${a.label.en} / ${a.label.zh} (${a.id} = ${shown(a.value)} on that path)`).join(", ");

/** "地区生产总值：年增速（该路径上 gdp.growth = 0.1）", joined by 、. */
const listAssumptionsZh = (list: OriginAssumption[]) =>
  list.map((a) => `${a.label.zh}（该路径上 ${a.id} = ${shownZh(a.value)}）`).join("、");

const shownZh = (v: number) =>
  Number.isNaN(v) ? "非数值" : Number.isFinite(v) ? String(+v.toPrecision(4)) : `${v > 0 ? "+" : "−"}∞（溢出）`;

/**
 * The origin in one clause, e.g. "first on path 3: gdp (growth) is +∞ (overflow) in 2015, from the
 * assumption GDP: growth rate / 地区生产总值：年增速 (gdp.growth = 3.1e+299 on that path)". For a node
 * without assumptions (a ratio), its inputs and the assumptions behind those that are zero or
 * negative (a denominator that reached 0), or behind all of them when none is.
 */
export function describeOrigin(o: NonFiniteOrigin, lang: "zh" | "en" = "en"): string {
  if (lang === "zh") return describeOriginZh(o);
  const head = `first on path ${o.path + 1}: ${o.indicator} (${o.mechanism}) is ${shown(o.value)} in ${o.year}`;
  if (o.assumptions.length)
    return `${head}, from the assumption${o.assumptions.length > 1 ? "s" : ""} ${listAssumptions(o.assumptions)}`;
  const inputs = o.inputs.map((i) => `${i.indicator} = ${shown(i.value)}`).join(", ");
  const degenerate = o.inputs.filter((i) => i.value <= 0);
  const behind = (degenerate.length ? degenerate : o.inputs).flatMap((i) => i.assumptions);
  return `${head}, computed from ${inputs || "no input"} in that year (no assumption of its own${behind.length ? `; behind ${(degenerate.length ? degenerate : o.inputs).map((i) => i.indicator).join(", ")}: ${listAssumptions(behind)}` : ""})`;
}

function describeOriginZh(o: NonFiniteOrigin): string {
  const head = `首次出现在第 ${o.path + 1} 条路径：${o.indicator}（${o.mechanism}）在 ${o.year} 年为${shownZh(o.value)}`;
  if (o.assumptions.length) return `${head}，来自假设 ${listAssumptionsZh(o.assumptions)}`;
  const inputs = o.inputs.map((i) => `${i.indicator} = ${shownZh(i.value)}`).join("、");
  const degenerate = o.inputs.filter((i) => i.value <= 0);
  const behind = (degenerate.length ? degenerate : o.inputs).flatMap((i) => i.assumptions);
  return `${head}，由当年的 ${inputs || "（无输入）"} 算出（本身没有假设${behind.length ? `；其背后的假设：${listAssumptionsZh(behind)}` : ""}）`;
}
