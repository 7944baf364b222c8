/**
 * What every budget question starts from: the scenario with a fixed extra amount a year (whatever
 * its own budget says), the programmes' floors and caps, the compiled plan and the targets scored.
 * Shared by the best split (runAllocation.ts) and the goal seek (goalSeek.ts).
 */
import { InputError } from "../data/errors.js";
import type { Baseline, IndicatorDef, TargetCatalogue } from "../data/types.js";
import type { Scenario } from "../scenario/schema.js";
import { buildPlan, type Plan } from "../simulate/plan.js";
import { type Bounds, programmeBounds } from "./constraints.js";
import { type PreparedTarget, prepareTargets } from "./evaluate.js";

export interface BudgetQuestion {
  scenario: Scenario;
  scenarioFile: string;
  baseline: Baseline;
  catalogue: TargetCatalogue;
  dictionary?: Map<string, IndicatorDef>;
  /** Priority weights by target id (default 1 each). */
  weights?: Map<string, number>;
}

export interface BudgetSetup {
  scenario: Scenario;
  bounds: Bounds;
  plan: Plan;
  targets: PreparedTarget[];
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
  return { scenario, bounds, plan, targets };
}
