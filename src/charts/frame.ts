/**
 * What every chart carries around its marks: the schema URL, the shared theme, a title and a
 * subtitle naming the data source — and, when any figure is illustrative, the words
 * "示意数据，非官方统计 Illustrative data, not official statistics" on the chart itself.
 *
 * The illustrative warning is always written in both languages, whatever `lang` is: it must
 * survive a chart being forwarded to a reader of the other language.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ScenarioResult } from "../assess/types.js";
import { colon, type Lang, tr, WORDS } from "./labels.js";
import { chartConfig } from "./theme.js";

/** The schema every spec names; matches the vega-lite@5 package installed. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** Where the numbers on a chart come from. */
export interface Provenance {
  /** The data's source column, e.g. "某区统计年鉴 2013" (the data file when no source is named). */
  dataSource: string;
  /** True when any figure is illustrative rather than an official statistic. */
  illustrative: boolean;
}

/**
 * The data's own `source` column, as a publication cites it (e.g. "某区统计年鉴 2013"), each once,
 * for one indicator when given; at most `max` named, then "…". Empty when no observation has one.
 */
export function publicationSources(results: ScenarioResult | ScenarioResult[], indicator?: string, max = 3): string {
  const list = Array.isArray(results) ? results : [results];
  const all = [
    ...new Set(
      list.flatMap((r) =>
        r.history
          .filter((h) => indicator === undefined || h.indicator === indicator)
          .map((h) => h.source?.trim() ?? ""),
      ),
    ),
  ].filter((s) => s !== "");
  return all.length > max ? `${all.slice(0, max).join("; ")}; …` : all.join("; ");
}

/**
 * The provenance of one or several results (of one indicator when given): the data's source
 * column in publication style, or — when no observation names a source — the data file; illustrative
 * if any result is.
 */
export function provenanceOf(results: ScenarioResult | ScenarioResult[], indicator?: string): Provenance {
  const list = Array.isArray(results) ? results : [results];
  const files = [...new Set(list.map((r) => r.dataSource).filter((s) => s.trim() !== ""))];
  const cited = publicationSources(list, indicator);
  return {
    dataSource: cited || (files.length ? files.join("; ") : "?"),
    illustrative: list.some((r) => r.illustrative),
  };
}

/** The bilingual warning, exactly as planners expect to read it. */
export const ILLUSTRATIVE_TEXT = `${WORDS.illustrative.zh} ${WORDS.illustrative.en}`;

/** Subtitle lines: the illustrative warning (if any), the data source, then any extra lines. */
export function provenanceLines(p: Provenance, lang: Lang, extra: string[] = []): string[] {
  const lines: string[] = [];
  if (p.illustrative) lines.push(`【${ILLUSTRATIVE_TEXT}】`);
  lines.push(`${tr(lang, WORDS.source)}${colon(lang)}${p.dataSource}`);
  return [...lines, ...extra];
}

type Title = Exclude<TopLevelSpec["title"], string | string[] | undefined>;

/** A title block: the heading (one or two lines) with provenance as the subtitle. */
export function chartTitle(text: string | string[], p: Provenance, lang: Lang, extra: string[] = []): Title {
  return { text, subtitle: provenanceLines(p, lang, extra) };
}

/** Attach the schema and theme. Builders call this last; the result is plain JSON. */
export function frame(spec: TopLevelSpec): TopLevelSpec {
  return { $schema: VEGA_LITE_SCHEMA, ...spec, config: chartConfig } as TopLevelSpec;
}

/** One layer of a layered spec (a unit or a nested layer). */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>["layer"][number];

/** A spec that can sit inside a concat (no $schema, no config). */
export type SubSpec = Extract<TopLevelSpec, { concat: unknown }>["concat"][number];
