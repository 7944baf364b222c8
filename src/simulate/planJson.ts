/**
 * A plan as plain JSON: years, history, node order, each node's mechanism, parameter
 * distributions and constants. Lets an independent implementation (bench/reference/, NumPy)
 * run exactly the same model. ±Infinity bounds are written as null.
 */
import type { Plan } from "./plan.js";

/** A plan as plain JSON (for worker threads and inspection). */
export function planToJson(plan: Plan) {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    years: plan.years,
    baseIndex: plan.baseIndex,
    indicators: plan.indicators,
    order: plan.order,
    history: Array.from(plan.history, finite),
    nodes: plan.nodes.map((n) => ({
      indicator: n.indicator,
      mechanism: n.mechanism,
      firstStep: n.firstStep,
      paramOffset: n.paramOffset,
      constants: Object.fromEntries(
        Object.entries(n.constants).map(([k, v]) => [
          k,
          typeof v === "number" ? finite(v) : Array.isArray(v) ? v.map(finite) : v,
        ]),
      ),
    })),
    // Programme spending nodes read the budget: the scenario's own.
    allocation: plan.allocation
      ? {
          programmes: [...plan.allocation.programmes],
          amount: plan.allocation.amount,
          split: Array.from(plan.allocation.split),
          startYear: plan.allocation.startYear,
          unit: plan.allocation.unit,
        }
      : null,
    copula: plan.copula ? { members: plan.copula.members, lower: Array.from(plan.copula.lower) } : null,
    // Correlated yearly shocks: members are indicator slots.
    shockCopula: plan.shockCopula
      ? { members: plan.shockCopula.members, lower: Array.from(plan.shockCopula.lower) }
      : null,
    params: plan.params.map((p) => ({
      name: p.name,
      // A trend draws the uniform U of its quantile function (src/model/trend.ts).
      param: p.custom ? { dist: "uniform", min: 0, max: 1 } : p.param,
      min: p.min ?? null,
      max: p.max ?? null,
    })),
  };
}
