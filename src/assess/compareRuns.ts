/**
 * Two saved runs side by side (`targetcast compare last-quarter/results.json today/results.json`):
 * for each scenario in both, the settings and assumptions that differ where results.json records
 * them, the input files whose contents changed (new actuals), the statuses that changed, and the
 * change in P(met) and in the expected number of targets met with its Monte Carlo standard error.
 *
 * The runs are independent (two files, not one run on common random numbers), so the error of a
 * difference is SE = √(se₁² + se₂²), each se the run's own √(p(1 − p)/paths). When both runs used the
 * same seed, paths and inputs their draws are shared and this SE overstates the noise (conservative).
 * results.json records what each scenario assumed, not which assumption moves which target: that
 * needs the scenario files (compare A.yaml B.yaml swaps each assumption in alone).
 * Codes and numbers only; the words are in src/report/compareText.ts.
 */
import { z } from "zod";
import { InputError } from "../data/errors.js";
import { distinguishable } from "../stats/monteCarloError.js";

/** The fields of a results.json this comparison reads (src/report/resultsJson.ts writes them). */
const target = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  status: z.string(),
  pMet: z.number().nullable(),
  pMetStandardError: z.number().nullable().optional(),
  median: z.number().nullable(),
  unit: z.string().optional(),
  nature: z.enum(["forecast", "commitment"]).optional(),
});
const scenario = z.object({
  scenario: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  file: z.string(),
  baseYear: z.number(),
  horizon: z.number(),
  paths: z.number(),
  seed: z.number(),
  dataSource: z.string().optional(),
  assumptions: z.array(z.object({ indicator: z.string(), mechanism: z.string(), summary: z.string() })),
  trendByDefault: z.array(z.string()).optional(),
  targets: z.array(target),
  expectedMet: z.number().optional(),
  expectedMetStandardError: z.number().optional(),
});
const resultsFile = z.object({
  generatedAt: z.string().optional(),
  tool: z.literal("targetcast"),
  manifest: z.object({ inputs: z.array(z.object({ file: z.string(), sha256: z.string() })) }).optional(),
  scenarios: z.array(scenario).min(1),
});

/** One results.json as read for a comparison. */
export type SavedRun = z.infer<typeof resultsFile> & { file: string };
type SavedScenario = z.infer<typeof scenario>;
type SavedTarget = z.infer<typeof target>;

const FIX = "give a results.json written by `targetcast run --out DIR` (or `npm start`)";

/** Parses the text of a results.json; `file` names it in errors. */
export function parseSavedRun(text: string, file: string): SavedRun {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file, problem: `this is not JSON (${(e as Error).message})`, fix: FIX });
  }
  const parsed = resultsFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({
      file,
      problem: `not a targetcast results.json: field "${issue.path.join(".") || "(top level)"}": ${issue.message}`,
      fix: FIX,
    });
  }
  return { ...parsed.data, file };
}

/** A run setting that differs (paths, seed, base year, horizon, data source). */
export interface SettingDifference {
  key: "paths" | "seed" | "baseYear" | "horizon" | "dataSource" | "file";
  before: string | number | null;
  after: string | number | null;
}

/** An indicator whose recorded assumption differs: mechanism and one-line summary in each run (null: not in it). */
export interface RecordedAssumptionDifference {
  indicator: string;
  before: { mechanism: string; summary: string } | null;
  after: { mechanism: string; summary: string } | null;
}

/** One target in both runs: statuses, P(met) with the independent-runs SE of the change, and medians. */
export interface RunTargetDifference {
  id: string;
  nameZh: string;
  nameEn: string;
  statusBefore: string;
  statusAfter: string;
  statusChanged: boolean;
  pMetBefore: number | null;
  pMetAfter: number | null;
  /** after − before (probability), and √(se₁² + se₂²); null when either run has no P(met) (commitments, unassessed). */
  change: number | null;
  standardError: number | null;
  /** |change| > 2 SE. */
  distinguishable: boolean;
  medianBefore: number | null;
  medianAfter: number | null;
  unit: string;
}

/** A commitment a run adopts, with its names. */
export interface AdoptedCommitment {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** One scenario present in both runs. */
export interface RunComparison {
  scenario: string;
  name: { zh: string; en: string };
  settings: SettingDifference[];
  assumptions: RecordedAssumptionDifference[];
  /**
   * The commitments adopted in each run (targets whose status is commitment_adopted), sorted, when
   * they differ (null when the same): a commitment whose status changed did so because of this.
   */
  adopts: { before: AdoptedCommitment[]; after: AdoptedCommitment[] } | null;
  /** Expected forecast targets met before and after, the change and √(se₁² + se₂²); null when a file lacks them. */
  expectedMet: { before: number; after: number; change: number; standardError: number } | null;
  /** Targets whose status changed or whose P(met) moved beyond 2 SE. */
  changed: RunTargetDifference[];
  /** How many targets are in both runs and did not change. */
  unchangedCount: number;
  /** Target ids in only one of the runs. */
  onlyBefore: string[];
  onlyAfter: string[];
}

/** The comparison of two saved runs. */
export interface RunsComparison {
  before: { file: string; generatedAt: string | null };
  after: { file: string; generatedAt: string | null };
  /** Always false: two files are independent runs, so SEs add in quadrature. */
  commonRandomNumbers: false;
  /** Input files (by name) whose SHA-256 differs between the runs' manifests, or that only one run read. */
  inputsChanged: { file: string; before: string | null; after: string | null }[];
  comparisons: RunComparison[];
  /** Scenario ids in only one run (not compared). */
  scenariosOnlyBefore: string[];
  scenariosOnlyAfter: string[];
}

const quadrature = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null ? null : Math.sqrt(a * a + b * b);

function compareTarget(b: SavedTarget, a: SavedTarget): RunTargetDifference {
  const change = b.pMet !== null && a.pMet !== null ? a.pMet - b.pMet : null;
  const standardError = change === null ? null : quadrature(b.pMetStandardError, a.pMetStandardError);
  return {
    id: b.id,
    nameZh: b.nameZh,
    nameEn: b.nameEn,
    statusBefore: b.status,
    statusAfter: a.status,
    statusChanged: b.status !== a.status,
    pMetBefore: b.pMet,
    pMetAfter: a.pMet,
    change,
    standardError,
    distinguishable: change !== null && standardError !== null && distinguishable(change, standardError),
    medianBefore: b.median,
    medianAfter: a.median,
    unit: b.unit ?? "",
  };
}

function compareScenario(b: SavedScenario, a: SavedScenario): RunComparison {
  const settings: SettingDifference[] = (["file", "paths", "seed", "baseYear", "horizon", "dataSource"] as const)
    .filter((k) => (b[k] ?? null) !== (a[k] ?? null))
    .map((k) => ({ key: k, before: b[k] ?? null, after: a[k] ?? null }));
  const beforeA = new Map(b.assumptions.map((x) => [x.indicator, x]));
  const afterA = new Map(a.assumptions.map((x) => [x.indicator, x]));
  const assumptions = [...new Set([...beforeA.keys(), ...afterA.keys()])]
    .map((indicator) => {
      const x = beforeA.get(indicator);
      const y = afterA.get(indicator);
      return {
        indicator,
        before: x ? { mechanism: x.mechanism, summary: x.summary } : null,
        after: y ? { mechanism: y.mechanism, summary: y.summary } : null,
      };
    })
    .filter((d) => d.before?.mechanism !== d.after?.mechanism || d.before?.summary !== d.after?.summary);
  const adoptedIn = (r: SavedScenario): AdoptedCommitment[] =>
    r.targets
      .filter((t) => t.status === "commitment_adopted")
      .map((t) => ({ id: t.id, nameZh: t.nameZh, nameEn: t.nameEn }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
  const adopts = { before: adoptedIn(b), after: adoptedIn(a) };
  const ids = (list: AdoptedCommitment[]) => list.map((t) => t.id).join();
  const afterT = new Map(a.targets.map((t) => [t.id, t]));
  const both = b.targets.filter((t) => afterT.has(t.id)).map((t) => compareTarget(t, afterT.get(t.id)!));
  const changed = both.filter((d) => d.statusChanged || d.distinguishable);
  const se = quadrature(b.expectedMetStandardError, a.expectedMetStandardError);
  return {
    scenario: a.scenario,
    name: a.name,
    settings,
    assumptions,
    adopts: ids(adopts.before) === ids(adopts.after) ? null : adopts,
    expectedMet:
      b.expectedMet !== undefined && a.expectedMet !== undefined && se !== null
        ? { before: b.expectedMet, after: a.expectedMet, change: a.expectedMet - b.expectedMet, standardError: se }
        : null,
    changed,
    unchangedCount: both.length - changed.length,
    onlyBefore: b.targets.filter((t) => !afterT.has(t.id)).map((t) => t.id),
    onlyAfter: a.targets.filter((t) => !b.targets.some((x) => x.id === t.id)).map((t) => t.id),
  };
}

/**
 * Compares two saved runs scenario by scenario (see the file comment). Scenarios pair by id; two
 * files of one scenario each pair whatever their ids (a renamed scenario file).
 */
export function compareRuns(before: SavedRun, after: SavedRun): RunsComparison {
  const single = before.scenarios.length === 1 && after.scenarios.length === 1;
  const pairs: [SavedScenario, SavedScenario][] = single
    ? [[before.scenarios[0], after.scenarios[0]]]
    : before.scenarios.flatMap((b) => {
        const a = after.scenarios.find((x) => x.scenario === b.scenario);
        return a ? [[b, a] as [SavedScenario, SavedScenario]] : [];
      });
  const paired = new Set(pairs.flatMap(([b, a]) => [`b:${b.scenario}`, `a:${a.scenario}`]));
  const hashes = (r: SavedRun) => new Map((r.manifest?.inputs ?? []).map((i) => [i.file, i.sha256]));
  const hb = hashes(before);
  const ha = hashes(after);
  const inputsChanged =
    before.manifest && after.manifest
      ? [...new Set([...hb.keys(), ...ha.keys()])]
          .filter((f) => hb.get(f) !== ha.get(f))
          .map((file) => ({ file, before: hb.get(file) ?? null, after: ha.get(file) ?? null }))
      : [];
  return {
    before: { file: before.file, generatedAt: before.generatedAt ?? null },
    after: { file: after.file, generatedAt: after.generatedAt ?? null },
    commonRandomNumbers: false,
    inputsChanged,
    comparisons: pairs.map(([b, a]) => compareScenario(b, a)),
    scenariosOnlyBefore: before.scenarios.filter((s) => !paired.has(`b:${s.scenario}`)).map((s) => s.scenario),
    scenariosOnlyAfter: after.scenarios.filter((s) => !paired.has(`a:${s.scenario}`)).map((s) => s.scenario),
  };
}
