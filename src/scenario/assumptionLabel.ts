/**
 * The bilingual name of an assumption (an uncertain parameter of the plan), for every place a
 * person reads it: the tornado, the "why" of a target at risk, allocation sensitivity and
 * scenario comparison. Internal ids look like "<indicator>.<mechanism field>" or
 * "<programme>.effect.<indicator>"; the label is "<indicator name>: <what the parameter is>".
 *
 * @example assumptionLabel("gdp.growth", names) // { zh: "地区生产总值：年增速", en: "Gross domestic product: growth rate" }
 */

import type { IndicatorDef, TargetCatalogue } from "../data/types.js";

/** A name in Chinese and English. */
export interface BilingualName {
  zh: string;
  en: string;
}

/** Where the names of indicators and programmes come from (dictionary, catalogue, scenario). */
export interface NameBook {
  indicator(id: string): BilingualName | undefined;
  programme(id: string): BilingualName | undefined;
}

/** What each mechanism field is, in both languages. */
const FIELDS: Record<string, BilingualName> = {
  growth: { zh: "年增速", en: "growth rate" },
  "bau.growth": { zh: "照常发展年增速", en: "business-as-usual growth rate" },
  trend: { zh: "趋势外推（分位）", en: "trend forecast (quantile drawn)" },
  "count.additions": { zh: "年新增数", en: "yearly additions" },
  "elastic.elasticity": { zh: "对驱动指标的弹性", en: "elasticity to its driver" },
  "leveraged.own_growth": { zh: "自身增速", en: "own growth" },
  "leveraged.multiplier": { zh: "财政科技投入杠杆倍数", en: "leverage on fiscal S&T spending" },
  "inventory.depreciation": { zh: "年失效率", en: "yearly lapse (depreciation) rate" },
  "solow.alpha": { zh: "资本份额 α", en: "capital share α" },
};

export function assumptionLabel(id: string, names: NameBook): BilingualName {
  const effect = /^([^.]+)\.effect\.(.+)$/.exec(id);
  if (effect) {
    const programme = names.programme(effect[1]) ?? { zh: effect[1], en: effect[1] };
    const indicator = names.indicator(effect[2]) ?? { zh: effect[2], en: effect[2] };
    return {
      zh: `${programme.zh}：对${indicator.zh}的最大效应`,
      en: `${programme.en}: maximum effect on ${indicator.en}`,
    };
  }
  const dot = id.indexOf(".");
  const indicatorId = dot < 0 ? id : id.slice(0, dot);
  const field = dot < 0 ? "" : id.slice(dot + 1);
  const indicator = names.indicator(indicatorId) ?? { zh: indicatorId, en: indicatorId };
  const what = FIELDS[field] ?? { zh: field, en: field.replace(/[._]/g, " ") };
  return field ? { zh: `${indicator.zh}：${what.zh}`, en: `${indicator.en}: ${what.en}` } : indicator;
}

/** A NameBook from lists of named things (e.g. a run's indicators and a scenario's programmes). */
export function nameBook(
  indicators: readonly { id: string; nameZh: string; nameEn: string }[],
  programmes: Record<string, { name: BilingualName }> = {},
): NameBook {
  const byId = new Map(indicators.map((i) => [i.id, { zh: i.nameZh, en: i.nameEn }]));
  return {
    indicator: (id) => byId.get(id),
    programme: (id) => programmes[id]?.name,
  };
}

/** Names of indicators (the dictionary first, then the catalogue) and of a scenario's programmes. */
export function labelNames(
  catalogue: TargetCatalogue,
  dictionary?: Map<string, IndicatorDef>,
  programmes: Record<string, { name: BilingualName }> = {},
): NameBook {
  const rows = [
    ...(dictionary ? [...dictionary.values()] : []),
    ...catalogue.targets
      .filter((t) => t.kind !== "relative_to_base")
      .map((t) => ({ id: t.indicator, nameZh: t.nameZh, nameEn: t.nameEn })),
  ];
  const first = new Map<string, { id: string; nameZh: string; nameEn: string }>();
  for (const r of rows) if (!first.has(r.id)) first.set(r.id, r);
  return nameBook([...first.values()], programmes);
}
