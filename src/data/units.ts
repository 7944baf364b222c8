/**
 * Units targetcast knows something about, written as the plan writes them (Chinese), with an
 * English label, physical bounds and, where a quantity is money or people, its size in base units
 * so mechanisms can combine 万元 with 亿元 correctly. Units are free text (declared in the indicator
 * dictionary and checked between files); a unit not listed here is used as written, without a
 * conversion, bounds (beyond the dictionary's min/max) or an English label.
 */
export interface UnitDef {
  zh: string;
  en: string;
  /** Dimension, for conversions: amounts of the same dimension convert by `factor`. */
  dimension: "money" | "people" | "count" | "percent" | "ratio" | "area" | "energy" | "other";
  /** Size of one unit in the dimension's base (yuan, persons, m², tce). */
  factor: number;
  /** Can a value in this unit be negative? */
  nonNegative: boolean;
  /** Largest possible value (100 for shares in %). */
  max?: number;
}

const UNITS: UnitDef[] = [
  { zh: "%", en: "%", dimension: "percent", factor: 1, nonNegative: true, max: 100 },
  { zh: "亿元", en: "100 million yuan", dimension: "money", factor: 1e8, nonNegative: true },
  { zh: "万元", en: "10,000 yuan", dimension: "money", factor: 1e4, nonNegative: true },
  { zh: "万人", en: "10,000 persons", dimension: "people", factor: 1e4, nonNegative: true },
  { zh: "人", en: "persons", dimension: "people", factor: 1, nonNegative: true },
  { zh: "人年", en: "person-years", dimension: "people", factor: 1, nonNegative: true },
  { zh: "家", en: "units (organisations)", dimension: "count", factor: 1, nonNegative: true },
  { zh: "个", en: "units", dimension: "count", factor: 1, nonNegative: true },
  { zh: "件", en: "patents", dimension: "count", factor: 1, nonNegative: true },
  { zh: "倍", en: "times (multiplier)", dimension: "ratio", factor: 1, nonNegative: true },
  { zh: "件/万人", en: "per 10,000 population", dimension: "ratio", factor: 1, nonNegative: true },
  {
    zh: "人年/万人劳动力",
    en: "person-years per 10,000 labour force",
    dimension: "ratio",
    factor: 1,
    nonNegative: true,
  },
  { zh: "人/万人劳动力", en: "persons per 10,000 labour force", dimension: "ratio", factor: 1, nonNegative: true },
  { zh: "万平方米", en: "10,000 m²", dimension: "area", factor: 1e4, nonNegative: true },
  { zh: "万吨标准煤", en: "10,000 tce", dimension: "energy", factor: 1e4, nonNegative: true },
  { zh: "吨标准煤/万元", en: "tce per 10,000 yuan", dimension: "ratio", factor: 1, nonNegative: true },
  { zh: "万元/人·年", en: "10,000 yuan per worker per year", dimension: "ratio", factor: 1, nonNegative: true },
  { zh: "指数", en: "index", dimension: "other", factor: 1, nonNegative: true },
];

const BY_NAME = new Map(UNITS.map((u) => [u.zh, u]));

/** The unit of this name (or alias), if targetcast knows it. */
export function findUnit(name: string): UnitDef | undefined {
  return BY_NAME.get(name.trim());
}

/** The names of every unit targetcast knows. */
export function knownUnitNames(): string[] {
  return UNITS.map((u) => u.zh);
}

/** English label for a unit, or the unit itself when it is not registered. */
export function unitEn(name: string): string {
  return findUnit(name)?.en ?? name;
}

/**
 * Factor that turns a value in `from` into `to` (same dimension), e.g. 万元 → 亿元 = 1e-4.
 * Same text: 1. Throws when the dimensions differ or a unit has no known conversion: a mechanism wired to the wrong series should fail loudly.
 */
export function conversionFactor(from: string, to: string): number {
  if (from.trim() === to.trim()) return 1;
  const a = findUnit(from);
  const b = findUnit(to);
  if (!a || !b)
    throw new Error(
      `no conversion is known from "${from}" to "${to}" (conversions exist between ${knownUnitNames().join(", ")}); measure both in the same unit`,
    );
  if (a.dimension !== b.dimension) {
    throw new Error(`cannot convert ${from} (${a.dimension}) to ${to} (${b.dimension})`);
  }
  return a.factor / b.factor;
}
