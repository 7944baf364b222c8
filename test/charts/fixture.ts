/**
 * Two hand-built ScenarioResults for chart and briefing tests, shaped like a run on the
 * Haizhou 2015 catalogue (data/targets/haizhou-2015.csv) with base year 2012:
 *
 * - rd_intensity (%, ≥ 2.5): at risk in the baseline, on track when R&D spending is raised;
 * - invention_patents_per_10k_pop (件/万人, ≥ 6): off track / at risk;
 * - energy_intensity (吨标准煤/万元, ≤ 0.5): lower is better;
 * - national_hightech_enterprises (家, ≥ 35): already met in the base year;
 * - environmental_quality: qualitative, not assessed.
 *
 * Projections are normal around a straight-line median with a spread growing like √h;
 * P(met) and the quantiles come from that same normal, so the numbers agree with each other.
 * All figures are illustrative.
 */
import { statusFromProbability } from "../../src/assess/status.js";
import type { Assumption, ScenarioResult, Status, TargetAssessment } from "../../src/assess/types.js";
import type { SeriesSummary } from "../../src/simulate/types.js";

const BASE_YEAR = 2012;
const TARGET_YEAR = 2015;
const Z = { p5: -1.6449, p10: -1.2816, p25: -0.6745, p50: 0, p75: 0.6745, p90: 1.2816, p95: 1.6449 };

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

interface IndicatorSpec {
  id: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  history: [number, number][];
}

const INDICATORS: IndicatorSpec[] = [
  {
    id: "rd_intensity",
    nameZh: "研发投入占地区生产总值的比重",
    nameEn: "R&D expenditure as a share of GDP",
    unit: "%",
    history: [
      [2008, 1.62],
      [2009, 1.75],
      [2010, 1.86],
      [2011, 2.01],
      [2012, 2.12],
    ],
  },
  {
    id: "invention_patents_per_10k_pop",
    nameZh: "万人发明专利拥有量",
    nameEn: "Invention patents in force per 10000 population",
    unit: "件/万人",
    history: [
      [2008, 1.2],
      [2009, 1.6],
      [2010, 2.3],
      [2011, 3.1],
      [2012, 3.9],
    ],
  },
  {
    id: "energy_intensity",
    nameZh: "单位GDP能耗",
    nameEn: "Energy consumption per unit of GDP",
    unit: "吨标准煤/万元",
    history: [
      [2008, 0.68],
      [2009, 0.655],
      [2010, 0.62],
      [2011, 0.592],
      [2012, 0.566],
    ],
  },
  {
    id: "national_hightech_enterprises",
    nameZh: "国家高新技术企业数",
    nameEn: "National high-tech enterprises",
    unit: "家",
    history: [
      [2008, 18],
      [2009, 22],
      [2010, 27],
      [2011, 31],
      [2012, 36],
    ],
  },
];

interface TargetSpec {
  id: string;
  indicator: string;
  nameZh: string;
  nameEn: string;
  kind: TargetAssessment["kind"];
  unit: string;
  comparator: ">=" | "<=";
  value: number;
  responsible: string;
}

const TARGETS: TargetSpec[] = [
  {
    id: "rd_intensity",
    indicator: "rd_intensity",
    nameZh: "研发投入占地区生产总值的比重",
    nameEn: "R&D expenditure as a share of GDP",
    kind: "share",
    unit: "%",
    comparator: ">=",
    value: 2.5,
    responsible: "",
  },
  {
    id: "invention_patents_per_10k_pop",
    indicator: "invention_patents_per_10k_pop",
    nameZh: "万人发明专利拥有量",
    nameEn: "Invention patents in force per 10000 population",
    kind: "rate_per_10k",
    unit: "件/万人",
    comparator: ">=",
    value: 6,
    responsible: "科技局、中小企业局、财政局、文体旅局、司法局、工商分局、质监分局,各镇街、开发区",
  },
  {
    id: "energy_intensity",
    indicator: "energy_intensity",
    nameZh: "单位GDP能耗",
    nameEn: "Energy consumption per unit of GDP",
    kind: "level",
    unit: "吨标准煤/万元",
    comparator: "<=",
    value: 0.5,
    responsible: "环保局、经发局、中小企业局、住建局、农水局、科技局,各镇街、开发区",
  },
  {
    id: "national_hightech_enterprises",
    indicator: "national_hightech_enterprises",
    nameZh: "国家高新技术企业数",
    nameEn: "National high-tech enterprises",
    kind: "count",
    unit: "家",
    comparator: ">=",
    value: 35,
    responsible: "",
  },
];

/** Projected median and spread (sd) in the target year, and the top driver, per scenario and indicator. */
type Projection = Record<string, { median: number; sd: number; driver: { parameter: string; rho: number } }>;

function series(ind: IndicatorSpec, p: Projection[string]): SeriesSummary[] {
  const base = ind.history[ind.history.length - 1][1];
  const out: SeriesSummary[] = [];
  for (let year = BASE_YEAR + 1; year <= TARGET_YEAR; year++) {
    const h = (year - BASE_YEAR) / (TARGET_YEAR - BASE_YEAR);
    const mid = base + (p.median - base) * h;
    const sd = p.sd * Math.sqrt(h);
    const q = (z: number) => Math.round((mid + z * sd) * 10000) / 10000;
    out.push({
      indicator: ind.id,
      year,
      mean: q(0),
      p5: q(Z.p5),
      p10: q(Z.p10),
      p25: q(Z.p25),
      p50: q(Z.p50),
      p75: q(Z.p75),
      p90: q(Z.p90),
      p95: q(Z.p95),
    });
  }
  return out;
}

function assess(t: TargetSpec, p: Projection[string], driverZh: string): TargetAssessment {
  const ind = INDICATORS.find((i) => i.id === t.indicator)!;
  const base = ind.history[ind.history.length - 1][1];
  const first = ind.history[0];
  const years = TARGET_YEAR - BASE_YEAR;
  const higher = t.comparator === ">=";
  const z = (t.value - p.median) / p.sd;
  const pMet = higher ? 1 - phi(z) : phi(z);
  const alreadyMet = higher ? base >= t.value : base <= t.value;
  const status: Status = statusFromProbability(pMet, alreadyMet);
  const required = Math.pow(t.value / base, 1 / years) - 1;
  const projected = Math.pow(p.median / base, 1 / years) - 1;
  const observedCagr = Math.pow(base / first[1], 1 / (BASE_YEAR - first[0])) - 1;
  const ratio = required === 0 ? null : observedCagr / required;
  const share = (base - first[1]) / (t.value - first[1]);
  const p10 = p.median + Z.p10 * p.sd;
  const p90 = p.median + Z.p90 * p.sd;
  const risky = status === "at_risk" || status === "off_track";
  return {
    id: t.id,
    indicator: t.indicator,
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    kind: t.kind,
    unit: t.unit,
    responsible: t.responsible,
    targetYear: TARGET_YEAR,
    comparator: t.comparator,
    value: t.value,
    threshold: t.value,
    status,
    pMet: Math.round(pMet * 1000) / 1000,
    pMetStandardError: Math.sqrt((pMet * (1 - pMet)) / 5000),
    borderline: false,
    median: p.median,
    p10: Math.round(p10 * 1000) / 1000,
    p90: Math.round(p90 * 1000) / 1000,
    gap: Math.round((p.median - t.value) * 1000) / 1000,
    baseYear: BASE_YEAR,
    baseValue: base,
    cagrRatio: alreadyMet || ratio === null ? null : Math.round(ratio * 100) / 100,
    cagrCategory: alreadyMet ? "achieved" : ratio !== null && ratio >= 0.95 ? "substantial" : "moderate",
    progressShare: alreadyMet ? null : Math.round(share * 100) / 100,
    shareCategory: alreadyMet ? "achieved" : share >= 0.75 ? "on_track" : "fair_progress",
    reason: risky
      ? {
          basis: "growth" as const,
          requiredGrowth: required,
          projectedGrowth: projected,
          requiredChangePerYear: (t.value - base) / years,
          projectedChangePerYear: (p.median - base) / years,
          topDriver: { ...p.driver, label: { zh: driverZh, en: p.driver.parameter } },
        }
      : null,
    notAssessed: null,
    nature: "forecast",
    commitment: null,
  };
}

const QUALITATIVE: TargetAssessment = {
  id: "environmental_quality",
  indicator: "environmental_quality",
  nameZh: "环境质量达省定小康标准",
  nameEn: "Environmental quality meets the provincial moderately-prosperous standard",
  kind: "qualitative",
  unit: "",
  responsible: "环保局",
  targetYear: TARGET_YEAR,
  comparator: null,
  value: null,
  threshold: null,
  status: "not_assessed",
  pMet: null,
  pMetStandardError: null,
  borderline: false,
  median: null,
  p10: null,
  p90: null,
  gap: null,
  baseYear: null,
  baseValue: null,
  cagrRatio: null,
  cagrCategory: "not_assessed",
  progressShare: null,
  shareCategory: "not_assessed",
  reason: null,
  notAssessed: { code: "qualitative" },
  nature: "forecast",
  commitment: null,
};

const DRIVER_ZH: Record<string, string> = {
  "rd_spending.growth": "研发经费年增速",
  "gdp.growth": "地区生产总值增速",
  "patent_grants.rate": "发明专利授权率",
  "energy.efficiency_gain": "能效提升幅度",
  "hightech.entry_rate": "高企新认定速度",
};

function build(
  id: string,
  nameZh: string,
  nameEn: string,
  description: string,
  projection: Projection,
  assumptions: Pick<Assumption, "indicator" | "mechanism" | "summary">[],
): ScenarioResult {
  const targets = [
    ...TARGETS.map((t) =>
      assess(t, projection[t.indicator], DRIVER_ZH[projection[t.indicator].driver.parameter] ?? ""),
    ),
    QUALITATIVE,
  ];
  return {
    scenario: {
      file: `scenarios/${id}.yaml`,
      id,
      nameZh,
      nameEn,
      description: { zh: description, en: description },
      baseYear: BASE_YEAR,
      horizon: TARGET_YEAR,
      // A plain summary (the fixture's `summary` strings stand for the model's English lines).
      assumptions: assumptions.map((a) => ({
        ...a,
        template: { zh: "示例假设", en: "an example assumption" },
        terms: {},
        forecastWarnings: [],
      })),
      trendByDefault: [],
    },
    paths: 5000,
    seed: 20150101,
    illustrative: true,
    dataSource: "data/baseline/haizhou.csv (illustrative)",
    indicators: INDICATORS.map(({ id, nameZh, nameEn, unit }) => ({ id, nameZh, nameEn, unit })),
    history: INDICATORS.flatMap((ind) =>
      ind.history.map(([year, value]) => ({ indicator: ind.id, year, value, source: "海州区统计年鉴 (illustrative)" })),
    ),
    // A prospective run: nothing observed after the base year yet.
    actuals: [],
    series: INDICATORS.flatMap((ind) => series(ind, projection[ind.id])),
    targets,
    joint: independentJoint(targets.flatMap((t) => (t.pMet === null ? [] : [t.pMet]))),
  };
}

/** The fixture's joint view: the number met if targets were independent (Poisson-binomial). */
function independentJoint(p: number[]): ScenarioResult["joint"] {
  let exactly = [1];
  for (const q of p) exactly = [...exactly, 0].map((v, k) => v * (1 - q) + (k > 0 ? exactly[k - 1] * q : 0));
  const atLeast = exactly.map((_, k) => exactly.slice(k).reduce((a, b) => a + b, 0));
  const expectedMet = p.reduce((a, b) => a + b, 0);
  const variance = p.reduce((a, q) => a + q * (1 - q), 0);
  return { targets: p.length, expectedMet, expectedMetStandardError: Math.sqrt(variance / 5000), exactly, atLeast };
}

export const baselineResult: ScenarioResult = build(
  "baseline",
  "基准情景",
  "Baseline",
  "Trends of 2008–2012 continue.",
  {
    rd_intensity: { median: 2.42, sd: 0.26, driver: { parameter: "rd_spending.growth", rho: 0.81 } },
    invention_patents_per_10k_pop: { median: 5.4, sd: 0.75, driver: { parameter: "patent_grants.rate", rho: 0.74 } },
    energy_intensity: { median: 0.508, sd: 0.035, driver: { parameter: "energy.efficiency_gain", rho: -0.69 } },
    national_hightech_enterprises: { median: 47, sd: 5, driver: { parameter: "hightech.entry_rate", rho: 0.88 } },
  },
  [
    {
      indicator: "rd_intensity",
      mechanism: "ratio",
      summary: "研发经费 / 地区生产总值；R&D spending grows 12%/yr (sd 3 pts), GDP 9.5%/yr (sd 1.5 pts)",
    },
    {
      indicator: "invention_patents_per_10k_pop",
      mechanism: "stock_flow",
      summary: "stock + grants − expiries; grants grow 18%/yr (sd 5 pts)",
    },
    { indicator: "energy_intensity", mechanism: "trend", summary: "log-linear trend 2008–2012, −3.8%/yr" },
    {
      indicator: "national_hightech_enterprises",
      mechanism: "trend",
      summary: "linear trend 2008–2012, +4.5 firms/yr",
    },
  ],
);

export const acceleratedResult: ScenarioResult = build(
  "accelerated",
  "加大研发投入",
  "Higher R&D spending",
  "District R&D spending grows 18% a year from 2013.",
  {
    rd_intensity: { median: 2.61, sd: 0.22, driver: { parameter: "gdp.growth", rho: -0.58 } },
    invention_patents_per_10k_pop: { median: 6.05, sd: 0.8, driver: { parameter: "patent_grants.rate", rho: 0.77 } },
    energy_intensity: { median: 0.482, sd: 0.03, driver: { parameter: "energy.efficiency_gain", rho: -0.72 } },
    national_hightech_enterprises: { median: 52, sd: 6, driver: { parameter: "hightech.entry_rate", rho: 0.86 } },
  },
  [
    {
      indicator: "rd_intensity",
      mechanism: "ratio",
      summary: "研发经费 / 地区生产总值；R&D spending grows 18%/yr (sd 3 pts), GDP 9.5%/yr (sd 1.5 pts)",
    },
    {
      indicator: "invention_patents_per_10k_pop",
      mechanism: "stock_flow",
      summary: "stock + grants − expiries; grants grow 22%/yr (sd 5 pts)",
    },
    { indicator: "energy_intensity", mechanism: "trend", summary: "log-linear trend 2008–2012, −4.5%/yr" },
    {
      indicator: "national_hightech_enterprises",
      mechanism: "trend",
      summary: "linear trend 2008–2012, +5.5 firms/yr",
    },
  ],
);

export const results: ScenarioResult[] = [baselineResult, acceleratedResult];

/** A sensitivity (tornado) input: 2015 R&D intensity under ± one-sd changes of each assumption. */
export const tornadoInput = {
  output: "2015年研发投入强度 R&D intensity in 2015",
  baseline: 2.42,
  bars: [
    { parameter: "GDP增速 GDP growth", low: 2.55, high: 2.3, lowLabel: "8.0%/年", highLabel: "11.0%/年" },
    { parameter: "研发经费增速 R&D spending growth", low: 2.15, high: 2.71, lowLabel: "9%/年", highLabel: "15%/年" },
    { parameter: "企业研发占比 Business share of R&D", low: 2.36, high: 2.47 },
    { parameter: "财政科技支出 Fiscal S&T spending", low: 2.33, high: 2.52, lowLabel: "2.5%", highLabel: "3.5%" },
  ],
};
