/**
 * targetcast's public API, layer by layer:
 * data → scenario → model/simulate → assess → charts/report.
 * The CLI (src/cli/) and the notebooks use only what is exported here.
 */
export * from "./data/index.js";

export { loadScenario, type LoadedScenario } from "./scenario/load.js";
export { Scenario, IndicatorSpec, MECHANISM_NAMES, TREND_MODELS, type MechanismName } from "./scenario/schema.js";
export { Param, Distribution, centralValue, describeParam, draw } from "./scenario/param.js";
export { mergeScenario } from "./scenario/merge.js";

export { buildPlan, type Plan, type PlanInput } from "./simulate/plan.js";
export { simulate, project, pathValues, summariseSimulation, type Simulation, type SimulateOptions } from "./simulate/monteCarlo.js";
export { pathRng, type Rng } from "./stats/rng.js";
export { planToJson } from "./simulate/planJson.js";
export { quantileSorted, summarise } from "./stats/quantiles.js";
export { QUANTILE_LEVELS, type SeriesSummary } from "./simulate/types.js";
export { MECHANISM_COMPILERS } from "./model/registry.js";
export { levelGrowth, solowContribution } from "./model/solow.js";

export { runScenario, trendOnlyScenario, isIllustrativeSource, type RunInput } from "./assess/runScenario.js";
export { assessTargets, type AssessInput } from "./assess/assess.js";
export { cagr } from "./stats/cagr.js";
export { growthRatio } from "./assess/openSdg.js";
export { progressShare } from "./assess/progressShare.js";
export { statusFromProbability, DEFAULT_THRESHOLDS, type StatusThresholds } from "./assess/status.js";
export { spearman } from "./stats/spearman.js";
export type * from "./assess/types.js";

export * from "./forecast/index.js";

export { riskTable, scenarioMatrix } from "./report/riskTable.js";
export { riskCsv } from "./report/riskCsv.js";
export { resultsDocument, toResultsJson } from "./report/resultsJson.js";
export { renderTable, displayWidth } from "./report/textTable.js";
export { writeFileAtomic } from "./report/atomicWrite.js";

export * from "./charts/index.js";
export { buildBriefing, type Briefing, type BriefingOptions } from "./report/briefing.js";
export { writeBriefing } from "./report/writeBriefing.js";

export { allocateBudget, type AllocateInput, type AllocateResult } from "./allocate/runAllocation.js";
export { makeEvaluator, prepareTargets, type Evaluator, type AllocationScore } from "./allocate/evaluate.js";
export { optimiseAllocation } from "./allocate/optimise.js";
export { tornado as tornadoAnalysis, oneWaySweep, type Tornado } from "./allocate/sensitivity.js";
export { saturatingResponse } from "./model/programmeResponse.js";

/** Finding the default inputs (targetcast.config.json) and the bundled scenarios. */
export { loadInputs, loadDefaults, bundledScenarios, type Inputs } from "./project/inputs.js";
