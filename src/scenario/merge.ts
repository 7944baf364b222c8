/**
 * How a scenario that `extends` another overrides it: a deep merge of mappings, in which
 * - a distribution (a mapping with `dist`) or a number replaces the parent's value whole;
 * - an indicator entry that names a different mechanism replaces the parent's entry whole
 *   (switching from `growth` to `trend` must not leave both behind);
 * - lists (a programme's effects) and a budget's split replace the parent's whole, and a
 *   budget's `amount` or `share_of` replaces the parent's choice of the two.
 */
import { MECHANISM_NAMES } from "./schema.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

function mechanismOf(entry: Obj): string | undefined {
  return MECHANISM_NAMES.find((m) => m in entry);
}

function deepMerge(parent: Obj, child: Obj): Obj {
  const out: Obj = { ...parent };
  for (const [k, v] of Object.entries(child)) {
    const p = out[k];
    out[k] = isObj(p) && isObj(v) && !("dist" in v) ? deepMerge(p, v) : v;
  }
  return out;
}

export function mergeScenario(parent: Obj, child: Obj): Obj {
  const out = deepMerge({ ...parent, indicators: {} }, { ...child, indicators: {} });
  const pi = isObj(parent.indicators) ? parent.indicators : {};
  const ci = isObj(child.indicators) ? child.indicators : {};
  const indicators: Obj = { ...pi };
  for (const [id, entry] of Object.entries(ci)) {
    const before = pi[id];
    const childMechanism = isObj(entry) ? mechanismOf(entry) : undefined;
    const keepsMechanism = isObj(before) && (childMechanism === undefined || childMechanism === mechanismOf(before));
    indicators[id] = keepsMechanism && isObj(entry) ? deepMerge(before, entry) : entry;
  }
  out.indicators = indicators;
  // A split is a whole: a variant's split replaces its parent's rather than mixing with it.
  if (isObj(child.budget) && isObj(child.budget.split) && isObj(out.budget))
    out.budget = { ...out.budget, split: child.budget.split };
  // `amount` and `share_of` are alternatives: the variant's choice replaces the parent's.
  if (isObj(child.budget) && isObj(out.budget)) {
    if ("share_of" in child.budget && !("amount" in child.budget)) delete out.budget.amount;
    if ("amount" in child.budget && !("share_of" in child.budget)) delete out.budget.share_of;
  }
  return out;
}
