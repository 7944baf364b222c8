/**
 * The machine-readable results of a run (`--format json`, out/results.json): one object per
 * scenario with at least { scenario, paths, seed, targets: [{ id, status, pMet, median, p10,
 * p90, value, comparator, cagrRatio, progressShare }], series: [{ indicator, year, mean,
 * p5 … p95 }] } — the fields downstream tools rely on — plus provenance and assumptions.
 */
import type { ScenarioResult } from "../assess/types.js";
import { assumptionSummary } from "./assumptionText.js";
import { notAssessedText, reasonText } from "./messages.js";

/** One scenario's result as results.json holds it. */
export function toResultsJson(r: ScenarioResult) {
  return {
    scenario: r.scenario.id,
    name: { zh: r.scenario.nameZh, en: r.scenario.nameEn },
    file: r.scenario.file,
    description: r.scenario.description,
    baseYear: r.scenario.baseYear,
    horizon: r.scenario.horizon,
    paths: r.paths,
    seed: r.seed,
    illustrative: r.illustrative,
    dataSource: r.dataSource,
    // Each node's assumption: the model's English line, and its plain summary in each language.
    assumptions: r.scenario.assumptions.map((a) => ({
      indicator: a.indicator,
      mechanism: a.mechanism,
      summary: a.summary,
      summaryZh: assumptionSummary(a, r, "zh"),
      summaryEn: assumptionSummary(a, r, "en"),
      forecastWarnings: a.forecastWarnings,
    })),
    trendByDefault: r.scenario.trendByDefault,
    // The reasons as codes and numbers (assessment) and as sentences (src/report/messages.ts).
    targets: r.targets.map((t) => ({
      ...t,
      reason: t.reason ? { ...t.reason, textZh: reasonText(t, "zh"), textEn: reasonText(t, "en") } : null,
      notAssessedBecause: notAssessedText(t, "en"),
      notAssessedBecauseZh: notAssessedText(t, "zh"),
    })),
    // The joint view: number of targets met together, path by path (src/assess/joint.ts).
    targetsAssessed: r.joint.targets,
    expectedMet: r.joint.expectedMet,
    expectedMetStandardError: r.joint.expectedMetStandardError,
    exactlyMet: r.joint.exactly,
    atLeast: r.joint.atLeast,
    series: r.series,
  };
}

/** How a run was made: enough to tell whether two results.json files can be compared. */
export interface RunManifest {
  version: string;
  /** Worker threads asked for ("auto": one per core for big runs); results do not depend on it. */
  threads: number | "auto";
  /** Every input file with the SHA-256 of its bytes. */
  inputs: { file: string; sha256: string }[];
}

/** The whole results.json document: every scenario, when it was generated, and the run's manifest. */
export function resultsDocument(results: ScenarioResult[], generatedAt: Date, manifest?: RunManifest) {
  return {
    generatedAt: generatedAt.toISOString(),
    tool: "targetcast",
    ...(manifest
      ? {
          manifest: {
            ...manifest,
            runs: results.map((r) => ({ scenario: r.scenario.file, paths: r.paths, seed: r.seed })),
          },
        }
      : {}),
    scenarios: results.map(toResultsJson),
  };
}
