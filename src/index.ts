/**
 * targetcast's public API, layer by layer:
 * data → scenario → model/simulate → assess → charts/report.
 * The CLI (src/cli/) and the notebooks use only what is exported here.
 */

export { type AllocationScore, type Evaluator, makeEvaluator, prepareTargets } from "./allocate/evaluate.js";
export { EXPECTED_GOAL, type Goal, type GoalAnswer, type GoalSeekInput, goalSeek } from "./allocate/goalSeek.js";
export { optimiseAllocation } from "./allocate/optimise.js";
export { type AllocateInput, type AllocateResult, allocateBudget } from "./allocate/runAllocation.js";
export { oneWaySweep, type Tornado, tornado as tornadoAnalysis } from "./allocate/sensitivity.js";
export { type AssessInput, assessTargets } from "./assess/assess.js";
export { growthRatio } from "./assess/openSdg.js";
export { progressShare } from "./assess/progressShare.js";
export { isIllustrativeSource, type RunInput, runScenario, trendOnlyScenario } from "./assess/runScenario.js";
export { DEFAULT_THRESHOLDS, type StatusThresholds, statusFromProbability } from "./assess/status.js";
export type * from "./assess/types.js";
export * from "./charts/index.js";
export * from "./data/index.js";
export * from "./forecast/index.js";
export { saturatingResponse } from "./model/programmeResponse.js";
export { MECHANISM_COMPILERS } from "./model/registry.js";
export { levelGrowth, solowContribution } from "./model/solow.js";
/** Finding the default inputs (targetcast.config.json) and the bundled scenarios. */
export { bundledScenarios, type Inputs, loadDefaults, loadInputs } from "./project/inputs.js";
export { allocationText, goalText } from "./report/allocationText.js";
export { writeFileAtomic } from "./report/atomicWrite.js";
export { type Briefing, type BriefingOptions, buildBriefing } from "./report/briefing.js";
export { resultsDocument, toResultsJson } from "./report/resultsJson.js";
export { riskCsv } from "./report/riskCsv.js";
export { riskTable, scenarioMatrix } from "./report/riskTable.js";
export { displayWidth, renderTable } from "./report/textTable.js";
export { writeBriefing } from "./report/writeBriefing.js";
export { type LoadedScenario, loadScenario } from "./scenario/load.js";
export { mergeScenario } from "./scenario/merge.js";
export { centralValue, Distribution, describeParam, draw, Param } from "./scenario/param.js";
export { IndicatorSpec, MECHANISM_NAMES, type MechanismName, Scenario, TREND_MODELS } from "./scenario/schema.js";
export {
  pathValues,
  project,
  type SimulateOptions,
  type Simulation,
  simulate,
  summariseSimulation,
} from "./simulate/monteCarlo.js";
export { buildPlan, type Plan, type PlanInput } from "./simulate/plan.js";
export { planToJson } from "./simulate/planJson.js";
export { QUANTILE_LEVELS, type SeriesSummary } from "./simulate/types.js";
export { cagr } from "./stats/cagr.js";
export { quantileSorted, summarise } from "./stats/quantiles.js";
export { pathRng, type Rng } from "./stats/rng.js";
export { spearman } from "./stats/spearman.js";
