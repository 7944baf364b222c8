/**
 * A hand-built comparison of the chart fixture's two scenarios (test/charts/fixture.ts), for the
 * compare text: every field is set by hand, so each printed figure can be read off here.
 */
import type { RunsComparison } from "../../src/assess/compareRuns.js";
import type { Comparison, ComparisonResult } from "../../src/assess/compareScenarios.js";
import { acceleratedResult, baselineResult } from "../charts/fixture.js";

export const comparison: Comparison = {
  base: "baseline",
  other: "accelerated",
  otherName: { zh: acceleratedResult.scenario.nameZh, en: acceleratedResult.scenario.nameEn },
  assumptions: [
    { key: "rd_intensity", base: { x: 1 }, other: { x: 2 }, baseSummary: null, otherSummary: null },
    { key: "gdp", base: null, other: { growth: 0.1 }, baseSummary: null, otherSummary: null },
    { key: "budget", base: 0, other: 500, baseSummary: null, otherSummary: null },
    {
      key: "adopts",
      base: ["national_hightech_enterprises"],
      other: ["energy_intensity", "fund_x"],
      baseSummary: null,
      otherSummary: null,
    },
  ],
  settings: [{ key: "paths", base: 1000, other: 2000 }],
  expectedMet: { base: 1.99, other: 2.5, change: 0.51, standardError: 0.03 },
  changed: [
    {
      id: "rd_intensity",
      nameZh: "研发投入占地区生产总值的比重",
      nameEn: "R&D expenditure as a share of GDP",
      statusBase: "at_risk",
      statusOther: "on_track",
      pMetBase: 0.379,
      pMetOther: 0.69,
      change: 0.311,
      standardError: 0.012,
      distinguishable: true,
      medianBase: 2.42,
      medianOther: 2.61,
      movedBy: [
        { key: "rd_intensity", change: 0.3 },
        { key: "gdp", change: -0.02 },
      ],
    },
    {
      id: "energy_intensity",
      nameZh: "单位GDP能耗",
      nameEn: "Energy consumption per unit of GDP",
      statusBase: "at_risk",
      statusOther: "at_risk",
      pMetBase: 0.41,
      pMetOther: 0.5,
      change: 0.09,
      standardError: 0.02,
      distinguishable: true,
      medianBase: null,
      medianOther: 0.49,
      movedBy: [],
    },
  ],
  commitments: [
    {
      id: "fund",
      nameZh: "科技基金",
      nameEn: "S&T fund",
      statusBase: "commitment_not_adopted",
      statusOther: "commitment_adopted",
      dependents: ["rd_intensity", "not_a_target"],
    },
  ],
  unchanged: [
    {
      id: "invention_patents_per_10k_pop",
      nameZh: "万人发明专利拥有量",
      nameEn: "Invention patents in force per 10000 population",
      statusBase: "off_track",
      statusOther: "off_track",
      pMetBase: 0.021,
      pMetOther: 0.03,
      change: 0.009,
      standardError: 0.004,
      distinguishable: false,
      medianBase: 5.4,
      medianOther: 5.5,
      reason: "out_of_reach",
    },
  ],
  effects: [
    {
      key: "rd_intensity",
      reaches: ["rd_intensity"],
      moves: [
        { target: "rd_intensity", change: 0.3, standardError: 0.01 },
        { target: "gone", change: -0.05, standardError: 0.02 },
      ],
      reason: null,
      firstYearChanged: 2013,
      reached: [
        {
          target: "rd_intensity",
          targetYear: 2015,
          medianBase: 2.42,
          medianSwapped: 2.6,
          pMetBase: 0.379,
          pMetSwapped: 0.68,
        },
      ],
    },
    { key: "gdp", reaches: [], moves: [], reason: "same_by_target_year", firstYearChanged: 2014, reached: [] },
  ],
};

export const comparisonResult: ComparisonResult = {
  paths: 2000,
  seed: 42,
  results: [baselineResult, acceleratedResult],
  comparisons: [comparison],
};

export const runsComparison: RunsComparison = {
  before: { file: "a/results.json", generatedAt: "2024-05-01" },
  after: { file: "b/results.json", generatedAt: null },
  commonRandomNumbers: false,
  inputsChanged: [
    { file: "data/x.csv", before: "aa", after: "bb" },
    { file: "data/new.csv", before: null, after: "cc" },
    { file: "data/old.csv", before: "dd", after: null },
  ],
  comparisons: [
    {
      scenario: "baseline",
      name: { zh: "基准情景", en: "Baseline" },
      settings: [{ key: "seed", before: "1", after: null }],
      assumptions: [
        {
          indicator: "gdp",
          before: { mechanism: "growth", summary: "5%" },
          after: { mechanism: "growth", summary: "6%" },
        },
        { indicator: "rd", before: null, after: { mechanism: "trend", summary: "linear" } },
      ],
      adopts: { before: [], after: [{ id: "fund", nameZh: "科技基金", nameEn: "S&T fund" }] },
      expectedMet: { before: 2, after: 1.75, change: -0.25, standardError: 0.1 },
      unchangedCount: 3,
      changed: [
        {
          id: "rd",
          nameZh: "研发",
          nameEn: "R&D",
          statusBefore: "at_risk",
          statusAfter: "on_track",
          statusChanged: true,
          pMetBefore: 0.4,
          pMetAfter: 0.7,
          change: 0.3,
          standardError: 0.02,
          distinguishable: true,
          medianBefore: 2,
          medianAfter: 2.5,
          unit: "%",
        },
        {
          id: "q",
          nameZh: "质量",
          nameEn: "Quality",
          statusBefore: "future_code",
          statusAfter: "future_code",
          statusChanged: false,
          pMetBefore: null,
          pMetAfter: 0.5,
          change: null,
          standardError: null,
          distinguishable: false,
          medianBefore: null,
          medianAfter: null,
          unit: "",
        },
        {
          id: "p",
          nameZh: "专利",
          nameEn: "Patents",
          statusBefore: "off_track",
          statusAfter: "off_track",
          statusChanged: false,
          pMetBefore: 0.1,
          pMetAfter: 0.12,
          change: 0.02,
          standardError: 0.015,
          distinguishable: false,
          medianBefore: 5,
          medianAfter: 5.1,
          unit: "件",
        },
      ],
      onlyBefore: ["t_old"],
      onlyAfter: ["t_new", "t_new2"],
    },
  ],
  scenariosOnlyBefore: ["s_old"],
  scenariosOnlyAfter: ["s_new"],
} as unknown as RunsComparison;
