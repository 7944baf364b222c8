/**
 * A scenario's indicator ids checked against the inputs, before any work: an id the data, the
 * dictionary and the catalogue do not know is a typo unless the scenario computes it from others
 * (a ratio, an inventory, a Solow residual). The error names the scenario file, the line and the
 * closest known id ("did you mean").
 */
import { didYouMeanSuffix } from "../data/didYouMean.js";
import { InputError } from "../data/errors.js";
import type { LoadedScenario } from "../scenario/load.js";
import type { Inputs } from "./inputs.js";

/** Mechanisms that start from the indicator's own observed values. */
const NEEDS_HISTORY = ["growth", "trend", "count", "leveraged", "elastic"] as const;
/** Fields of a mechanism that name another indicator. */
const REFERENCES: Record<string, readonly string[]> = {
  leveraged: ["driver"],
  elastic: ["driver"],
  inventory: ["flow"],
  ratio: ["numerator", "denominator"],
  solow: ["output", "capital", "labour"],
};

/**
 * Throws an InputError for the first id under `adopts:` that is not a commitment of the catalogue:
 * an unknown id (with the closest commitment), or a forecast target (which cannot be adopted).
 */
export function checkScenarioAdopts(loaded: LoadedScenario, catalogue: Inputs["catalogue"]): void {
  const commitments = catalogue.targets.filter((t) => t.nature === "commitment").map((t) => t.id);
  loaded.scenario.adopts.forEach((id, i) => {
    const row = catalogue.targets.find((t) => t.id === id);
    if (row?.nature === "commitment") return;
    const list = commitments.length
      ? commitments.join(", ")
      : `none: no row of ${catalogue.file} has nature = commitment`;
    throw new InputError({
      ...loaded.locate(["adopts", i]),
      problem: row
        ? `adopts[${i}]: "${id}" is a forecast target of ${catalogue.file}, not a commitment (its nature column is not "commitment")`
        : `adopts[${i}]: no target "${id}" in ${catalogue.file}${didYouMeanSuffix(id, commitments)}`,
      fix: `list only commitments under adopts (commitments of the catalogue: ${list})`,
    });
  });
}

/** Throws an InputError for the first unknown indicator id of the scenario (see the file comment). */
export function checkScenarioIndicators(
  loaded: LoadedScenario,
  inputs: Pick<Inputs, "baseline" | "catalogue" | "dictionary">,
): void {
  checkScenarioAdopts(loaded, inputs.catalogue);
  const specs = (loaded.scenario.indicators ?? {}) as Record<string, Record<string, unknown>>;
  const observed = new Set(inputs.baseline.series.keys());
  const known = new Set([
    ...observed,
    ...(inputs.dictionary?.keys() ?? []),
    ...inputs.catalogue.targets.map((t) => t.indicator),
  ]);
  const defined = new Set([...known, ...Object.keys(specs)]);
  const refuse = (at: string[], id: string, problem: string, fix: string): never => {
    const candidates = [...known].filter((k) => k !== id);
    throw new InputError({
      ...loaded.locate(at),
      problem: `${at.join(".")}: ${problem}${didYouMeanSuffix(id, candidates)}`,
      fix,
    });
  };
  for (const [id, spec] of Object.entries(specs)) {
    const mechanism = NEEDS_HISTORY.find((m) => spec[m] !== undefined);
    if (mechanism && !observed.has(id) && !known.has(id))
      refuse(
        ["indicators", id],
        id,
        `unknown indicator "${id}": it is not in the data, the dictionary or the catalogue, so ${mechanism} has nothing to start from`,
        `use an indicator id of ${inputs.baseline.file}, or add "${id}" to the data`,
      );
    for (const [m, fields] of Object.entries(REFERENCES)) {
      const params = spec[m] as Record<string, unknown> | undefined;
      if (!params) continue;
      for (const field of fields) {
        const ref = params[field];
        if (typeof ref === "string" && !defined.has(ref))
          refuse(
            ["indicators", id, m, field],
            ref,
            `unknown indicator "${ref}"`,
            `name an indicator of ${inputs.baseline.file} or one this scenario defines`,
          );
      }
    }
  }
}
