/**
 * The checks of a scenario's `correlations:` block as written, before any plan is built, so each
 * refusal names the entry (and so the file and line: src/scenario/load.ts). Two kinds of pairs:
 * parameters drawn once per path (`gdp.growth`) and yearly shocks (`gdp.shock`, the ε_t of an
 * indicator's `volatility`); each kind forms its own correlation matrix R (1 on the diagonal, ρ of
 * each pair both above and below it, so R is symmetric by construction, 0 where no pair is given).
 * Refused: a name paired with itself, a parameter paired with a shock (one draw per path against
 * one per year), a pair given twice, and a set of pairs that cannot hold together (R not positive
 * definite: its Cholesky factor does not exist, stats/copula.ts); then the entry named is one
 * whose removal makes the rest consistent, when there is one. |ρ| < 1 is the schema's.
 * Whether a name exists in the scenario is checked when the plan is built (src/simulate/plan.ts).
 */
import { isShockName } from "../model/types.js";
import { choleskyLower } from "../stats/copula.js";

/** One entry of `correlations:`. */
export interface CorrelationEntry {
  between: readonly [string, string];
  rho: number;
}

/** A refused entry: its index, the field to point at, what is wrong and the fix. */
export interface CorrelationIssue {
  at: number;
  field: "between" | "rho";
  problem: string;
  fix: string;
}

/** The first problem of a correlations block as written, or null when it is consistent. */
export function correlationIssue(correlations: readonly CorrelationEntry[]): CorrelationIssue | null {
  const seen = new Map<string, number>();
  const byKind = { parameter: [] as number[], shock: [] as number[] };
  for (let at = 0; at < correlations.length; at++) {
    const c = correlations[at];
    const [a, b] = c.between;
    if (a === b)
      return {
        at,
        field: "between",
        problem: `${a} is paired with itself`,
        fix: "name two different parameters (or two different shocks)",
      };
    if (isShockName(a) !== isShockName(b)) {
      const [shock, param] = isShockName(a) ? [a, b] : [b, a];
      return {
        at,
        field: "between",
        problem: `${shock} is a yearly shock (drawn every year) and ${param} a parameter (drawn once per path); they cannot be correlated`,
        fix: "pair a shock with another shock (both named <indicator>.shock) or a parameter with another parameter",
      };
    }
    const key = [a, b].sort().join("\u0000");
    const before = seen.get(key);
    if (before !== undefined)
      return {
        at,
        field: "between",
        problem: `${a} and ${b} are already correlated in correlations[${before}]`,
        fix: "give each pair once",
      };
    seen.set(key, at);
    (isShockName(a) ? byKind.shock : byKind.parameter).push(at);
  }
  for (const [kind, members] of Object.entries(byKind)) {
    const pairs = members.map((at) => correlations[at]);
    if (members.length === 0 || positiveDefinite(pairs)) continue;
    // Name the entry whose removal makes the rest consistent, if one does (the likeliest typo).
    const culprit = members.find((_, i) => positiveDefinite(pairs.filter((_, j) => j !== i)));
    const listed = pairs.map((p) => `${p.between[0]}–${p.between[1]} ${p.rho}`).join(", ");
    return {
      at: culprit ?? members[members.length - 1],
      field: "rho",
      problem: `the ${kind} correlations (${listed}) cannot hold together: the correlation matrix is not positive definite`,
      fix:
        culprit === undefined
          ? "lower the largest |rho| of these pairs, or remove a pair whose sign contradicts the others"
          : `this entry is the one to change: without it the others hold together (lower its |rho| or change its sign)`,
    };
  }
  return null;
}

/** Whether the correlation matrix of these pairs (over the names they mention) is positive definite. */
function positiveDefinite(pairs: readonly CorrelationEntry[]): boolean {
  const names = [...new Set(pairs.flatMap((p) => p.between))];
  const R: number[][] = names.map((_, i) => names.map((_, j) => (i === j ? 1 : 0)));
  for (const { between, rho } of pairs) {
    const [i, j] = [names.indexOf(between[0]), names.indexOf(between[1])];
    R[i][j] = R[j][i] = rho;
  }
  return choleskyLower(R) !== null;
}
