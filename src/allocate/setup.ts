/**
 * What every budget question starts from: the scenario with a fixed extra amount a year (whatever
 * its own budget says), the programmes' floors and caps, the compiled plan and the targets scored.
 * Shared by the best split (runAllocation.ts) and the goal seek (goalSeek.ts).
 */
import { DEFAULT_THRESHOLDS } from "../assess/status.js";
import { InputError } from "../data/errors.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { Scenario } from "../scenario/schema.js";
import { buildPlan, type Plan, type PlanInput } from "../simulate/plan.js";
import { defaultThreads } from "../simulate/threads.js";
import { type BudgetPath, budgetPath, budgetProfile } from "./budgetPath.js";
import { type Bounds, programmeBounds } from "./constraints.js";
import {
  type Evaluator,
  type EvaluatorOptions,
  makeEvaluator,
  type PreparedTarget,
  prepareCommitments,
  prepareTargets,
} from "./evaluate.js";
import { makeThreadedEvaluator } from "./threadedEvaluator.js";

export interface BudgetQuestion {
  scenario: Scenario;
  scenarioFile: string;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Priority weights by target id (default 1 each). */
  weights?: Map<string, number>;
  /** A budget that changes year by year: one amount a year from the year after the base year (budgetPath.ts). */
  budgetPath?: readonly number[];
  /** Worker threads scoring each split (default: one per core for big runs, else 1; the same numbers for any count). */
  threads?: number;
}

export interface BudgetSetup {
  scenario: Scenario;
  bounds: Bounds;
  plan: Plan;
  /** What `plan` was built from (worker threads rebuild it). */
  planInput: PlanInput;
  targets: PreparedTarget[];
  /** The commitments the scenario adopts (constraints) and the P(met) at which one counts as honoured. */
  constraints: EvaluatorOptions;
  /** The budget path, checked and held to the horizon; null for one amount every year. */
  path: BudgetPath | null;
  /** Adopted commitments that programme spending cannot move in the plan: neither constraints nor scored. */
  commitmentsOutsideBudget: string[];
}

export function setUpBudgetQuestion(input: BudgetQuestion, amount: number): BudgetSetup {
  const scenario: Scenario = input.scenario.budget
    ? { ...input.scenario, budget: { ...input.scenario.budget, amount, share_of: undefined } }
    : input.scenario;
  if (!Object.keys(scenario.programmes).length) {
    throw new InputError({
      file: input.scenarioFile,
      problem: "the scenario defines no programmes",
      fix: "add a `programmes:` section (see scenarios/baseline.yaml)",
    });
  }
  const bounds = programmeBounds(scenario);
  const planInput: PlanInput = {
    scenario,
    scenarioFile: input.scenarioFile,
    baseline: input.baseline,
    catalogue: input.catalogue,
    dictionary: input.dictionary,
  };
  const plan = buildPlan(planInput);
  const targets = prepareTargets(plan, input.catalogue, input.baseline, input.weights);
  // An adopted commitment is a constraint: honoured by a split when it is likely met under it, P(met) at
  // or above the scenario's on-track cut-off (src/assess/status.ts).
  const adopted = prepareCommitments(plan, input.catalogue, input.baseline, scenario.adopts);
  const path = input.budgetPath ? budgetPath(input.budgetPath, plan, input.scenarioFile) : null;
  const constraints: EvaluatorOptions = {
    commitments: adopted.constraints,
    honourAt: scenario.assessment?.on_track ?? DEFAULT_THRESHOLDS.onTrack,
    ...(path ? { profile: budgetProfile(path, plan) } : {}),
  };
  return {
    scenario,
    bounds,
    plan,
    planInput,
    targets,
    constraints,
    path,
    commitmentsOutsideBudget: adopted.outsideBudget,
  };
}

/**
 * The evaluator of a budget question: over `threads` worker threads (default: one per core when
 * a run is big enough to pay for them, as for `run`), else in this thread. The same scores either way.
 */
export function openEvaluator(
  setup: Pick<BudgetSetup, "plan" | "planInput">,
  targets: PreparedTarget[],
  paths: number,
  seed: number,
  options: EvaluatorOptions,
  threads?: number,
): Evaluator {
  const n = Math.min(threads ?? defaultThreads(setup.plan, paths), paths);
  return n > 1
    ? makeThreadedEvaluator(setup.planInput, setup.plan, targets, paths, seed, n, options)
    : makeEvaluator(setup.plan, targets, paths, seed, options);
}
