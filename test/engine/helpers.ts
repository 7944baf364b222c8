/**
 * In-memory baselines, catalogues and scenarios for engine tests: no files are read.
 */
import { expect } from "vitest";
import { buildSeries } from "../../src/data/loadBaseline.js";
import type { Baseline, Comparator, Observation, Target, TargetCatalogue } from "../../src/data/types.js";
import { Scenario } from "../../src/scenario/schema.js";
import { pathValues, type Simulation } from "../../src/simulate/monteCarlo.js";
import { buildPlan, type Plan } from "../../src/simulate/plan.js";

/** One indicator's history: unit and { year: value }. */
export type History = Record<string, { unit: string; values: Record<number, number> }>;

export function makeBaseline(history: History): Baseline {
  const observations: Observation[] = [];
  let line = 2;
  for (const [indicator, { unit, values }] of Object.entries(history)) {
    for (const [year, value] of Object.entries(values)) {
      observations.push({
        indicator,
        year: Number(year),
        value,
        unit,
        source: "test",
        note: "",
        place: { file: "mem.csv", line: line++ },
      });
    }
  }
  return { file: "mem.csv", observations, series: buildSeries(observations), warnings: [], warningCodes: [] };
}

export function target(
  id: string,
  indicator: string,
  targetYear: number,
  comparator: Comparator,
  value: number,
  unit = "",
): Target {
  return {
    id,
    indicator,
    nameZh: id,
    nameEn: id,
    section: "",
    targetYear,
    comparator,
    value,
    unit,
    kind: "level",
    nature: "forecast",
    baseYear: null,
    responsible: "",
    note: "",
    place: { file: "mem-targets.csv", line: 2 },
  };
}

export function catalogue(...targets: Target[]): TargetCatalogue {
  return { file: "mem-targets.csv", targets };
}

/** A scenario with the required header filled in. */
export function scenario(
  base_year: number,
  horizon: number,
  indicators: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Scenario {
  return Scenario.parse({
    name: { zh: "测试", en: "test" },
    description: "test scenario",
    base_year,
    horizon,
    indicators,
    ...extra,
  });
}

export function plan(s: Scenario, baseline: Baseline, cat: TargetCatalogue = catalogue()): Plan {
  return buildPlan({ scenario: s, scenarioFile: "mem.yaml", baseline, catalogue: cat });
}

/** The single deterministic value of an indicator in a year. */
export function valueAt(sim: Simulation, indicator: string, year: number): number {
  const v = pathValues(sim, indicator, year);
  if (!v) throw new Error(`no ${indicator} in ${year}`);
  expect(v.length).toBe(sim.paths);
  return v[0];
}

/** |actual − expected| ≤ rel · |expected| (exact when expected is 0). */
export function expectClose(actual: number, expected: number, rel = 1e-12): void {
  expect(Number.isFinite(actual), `${actual} is not finite`).toBe(true);
  const tol = rel * Math.abs(expected);
  if (Math.abs(actual - expected) > tol) {
    expect.fail(`expected ${actual} to be within ${rel} (relative) of ${expected}; difference ${actual - expected}`);
  }
}
