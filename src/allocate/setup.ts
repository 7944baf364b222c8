/**
 * What every budget question starts from: the scenario with a fixed extra amount a year (whatever
 * its own budget says), the programmes' floors and caps, the compiled plan and the targets scored.
 * Shared by the best split (runAllocation.ts) and the goal seek (goalSeek.ts).
 */
import { DEFAULT_THRESHOLDS } from "../assess/status.js";
import { InputError } from "../data/errors.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { Scenario } from "../scenario/schema.js";
import { buildPlan, type Plan } from "../simulate/plan.js";
import { type BudgetPath, budgetPath, budgetProfile } from "./budgetPath.js";
import { type Bounds, programmeBounds } from "./constraints.js";
import { type EvaluatorOptions, type PreparedTarget, prepareCommitments, prepareTargets } from "./evaluate.js";

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
}

export interface BudgetSetup {
  scenario: Scenario;
  bounds: Bounds;
  plan: Plan;
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
  const plan = buildPlan({
    scenario,
    scenarioFile: input.scenarioFile,
    baseline: input.baseline,
    catalogue: input.catalogue,
    dictionary: input.dictionary,
  });
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
  return { scenario, bounds, plan, targets, constraints, path, commitmentsOutsideBudget: adopted.outsideBudget };
}
