/**
 * Row schemas (zod v4) for the three input tables, and `parseRow`, which turns the first zod
 * issue of a row into an InputError naming file, line, column and fix.
 *
 * Every cell arrives as text (see table.ts). Each field schema parses its text and, when it
 * cannot, adds a custom issue whose message is the problem and whose `params.fix` is the fix.
 * Rules that involve several columns run only once every field parsed (`when` below).
 */
import { z } from "zod";
import { didYouMeanSuffix } from "./didYouMean.js";
import { InputError } from "./errors.js";
import type { ColumnSpec, TableRow } from "./table.js";
import type { Comparator, TargetKind, TargetNature } from "./types.js";
import { findUnit } from "./units.js";

// ---------------------------------------------------------------------------------------------
// Constants

export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
/** The comparators a target may use. */
export const COMPARATORS = [">=", ">", "<=", "<"] as const satisfies readonly Comparator[];
/** The kinds of target (share, count, rate, level, …) a catalogue may state. */
export const TARGET_KINDS = [
  "level",
  "share",
  "rate_per_10k",
  "count",
  "cumulative_count",
  "flow_per_year",
  "relative_to_base",
  "qualitative",
] as const satisfies readonly TargetKind[];
/** Compile-time check that TARGET_KINDS lists every TargetKind. */
type _AllKinds = Exclude<TargetKind, (typeof TARGET_KINDS)[number]> extends never ? true : never;
const _allKinds: _AllKinds = true;
void _allKinds;

/** The natures of a target: forecast (default for an empty cell or no column) or commitment. */
export const TARGET_NATURES = ["forecast", "commitment"] as const satisfies readonly TargetNature[];

/** Look-alikes of comparators seen in documents (full-width, math symbols, reversed). */
const COMPARATOR_LOOKALIKES: Readonly<Record<string, Comparator>> = {
  "≥": ">=",
  "≧": ">=",
  "=>": ">=",
  "＞＝": ">=",
  "》=": ">=",
  "≤": "<=",
  "≦": "<=",
  "=<": "<=",
  "＜＝": "<=",
  "《=": "<=",
  "＞": ">",
  "》": ">",
  "＜": "<",
  "《": "<",
};

/** Calendar years targetcast accepts anywhere: data, catalogues, scenarios and --base-year. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2200;
/** The unit of relative_to_base targets: the value is a multiplier. */
export const MULTIPLIER_UNIT = "倍";

/** The required and optional columns of a target catalogue. */
export const CATALOGUE_COLUMNS: ColumnSpec = {
  required: ["id", "indicator", "name_zh", "name_en", "target_year", "comparator", "value", "unit", "kind"],
  optional: ["section", "base_year", "responsible", "note", "nature"],
};
/** The required and optional columns of a baseline table. */
export const BASELINE_COLUMNS: ColumnSpec = {
  required: ["indicator", "year", "value", "unit", "source"],
  optional: ["note"],
};
/** The required and optional columns of an indicator dictionary. */
export const DICTIONARY_COLUMNS: ColumnSpec = {
  required: ["id", "name_zh", "name_en", "unit"],
  optional: ["min", "max", "note"],
};

export const NUMBER_FIX = "write a plain decimal number such as 12.5 (no thousands separators or units)";
const ID_FIX = "use lowercase letters a-z, digits and underscores, starting with a letter, e.g. rd_intensity";

// ---------------------------------------------------------------------------------------------
// Field schemas: text in, typed value out.

type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, input: string, problem: string, fix: string): never {
  ctx.addIssue({ code: "custom", message: problem, input, params: { fix } });
  return z.NEVER;
}

const show = (s: string): string => JSON.stringify(s);

/** Parse a plain decimal number; undefined when the text is not one. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Free text; `required` refuses empty cells. */
export function textCell(required: boolean, what: string) {
  return z.string().transform((s, ctx) => {
    const t = s.trim();
    if (required && t === "") return fail(ctx, s, `the ${what} is empty`, `write the ${what} in this cell`);
    return t;
  });
}

/** An identifier such as rd_intensity. */
export function idCell(what: string) {
  return z.string().transform((s, ctx) => {
    const t = s.trim();
    if (t === "") return fail(ctx, s, `the ${what} is empty`, `write the ${what}: ${ID_FIX}`);
    if (!ID_PATTERN.test(t)) {
      const suggestion = t
        .toLowerCase()
        .replace(/[^a-z0-9_]+/g, "_")
        .replace(/^[^a-z]+/, "");
      return fail(
        ctx,
        s,
        `${show(t)} is not a valid ${what}`,
        ID_PATTERN.test(suggestion) ? `${ID_FIX} (for example ${suggestion})` : ID_FIX,
      );
    }
    return t;
  });
}

/** A finite decimal number; with `optional`, an empty cell gives null. */
export function decimalCell(opts: { optional: true }): z.ZodType<number | null, string>;
export function decimalCell(opts?: { optional?: false }): z.ZodType<number, string>;
export function decimalCell(opts: { optional?: boolean } = {}): z.ZodType<number | null, string> {
  return z.string().transform((s, ctx) => {
    const t = s.trim();
    if (t === "") {
      if (opts.optional) return null;
      return fail(ctx, s, "the cell is empty but a number is needed", NUMBER_FIX);
    }
    const v = parseDecimal(t);
    if (v === undefined) return fail(ctx, s, `${show(t)} is not a number`, NUMBER_FIX);
    return v;
  });
}

/** A whole year within [min, max]; with `optional`, an empty cell gives null. */
export function yearCell(min: number, max: number, opts: { optional: true }): z.ZodType<number | null, string>;
export function yearCell(min: number, max: number, opts?: { optional?: false }): z.ZodType<number, string>;
export function yearCell(
  min: number,
  max: number,
  opts: { optional?: boolean } = {},
): z.ZodType<number | null, string> {
  const fix = `write the year as four digits between ${min} and ${max}, e.g. 2015`;
  return z.string().transform((s, ctx) => {
    const t = s.trim();
    if (t === "") {
      if (opts.optional) return null;
      return fail(ctx, s, "the year is empty", fix);
    }
    const v = parseDecimal(t);
    if (v === undefined || !Number.isInteger(v)) return fail(ctx, s, `${show(t)} is not a year`, fix);
    if (v < min || v > max) return fail(ctx, s, `the year ${v} is outside ${min}–${max}`, fix);
    return v;
  });
}

/** One of a fixed list of words; with `optional`, an empty cell gives null. */
export function choiceCell<const T extends readonly string[]>(
  values: T,
  what: string,
  opts: { optional: true; hints?: Readonly<Record<string, T[number]>> },
): z.ZodType<T[number] | null, string>;
export function choiceCell<const T extends readonly string[]>(
  values: T,
  what: string,
  opts?: { optional?: false; hints?: Readonly<Record<string, T[number]>> },
): z.ZodType<T[number], string>;
export function choiceCell<const T extends readonly string[]>(
  values: T,
  what: string,
  opts: { optional?: boolean; hints?: Readonly<Record<string, T[number]>> } = {},
): z.ZodType<T[number] | null, string> {
  return z.string().transform((s, ctx): T[number] | null => {
    const t = s.trim();
    if (t === "") {
      if (opts.optional) return null;
      return fail(ctx, s, `the ${what} is empty`, `write one of: ${values.join(", ")}`);
    }
    if (!(values as readonly string[]).includes(t)) {
      const hint = opts.hints?.[t];
      const suffix = hint !== undefined ? ` (did you mean "${hint}"?)` : didYouMeanSuffix(t, values);
      return fail(ctx, s, `${show(t)} is not a ${what}${suffix}`, `write one of: ${values.join(", ")}`);
    }
    return t as T[number];
  });
}

/**
 * A unit: free text as the plan writes it (万元, "billion USD", papers). The indicator dictionary
 * declares each indicator's unit and the loaders check that the files agree; the project's list of
 * known units (units.ts) only adds conversions, bounds and English labels. With `optional`, an
 * empty cell gives "".
 */
export function unitCell(opts: { optional?: boolean } = {}) {
  return z.string().transform((s, ctx) => {
    const t = s.trim();
    if (t === "") {
      if (opts.optional) return "";
      return fail(ctx, s, "the unit is empty", UNIT_FIX);
    }
    if (t.length > MAX_UNIT_LENGTH || hasControlCharacter(t))
      return fail(
        ctx,
        s,
        `${show(t.slice(0, 40))}${t.length > 40 ? "…" : ""} is not a unit (${t.length > MAX_UNIT_LENGTH ? `longer than ${MAX_UNIT_LENGTH} characters` : "it contains control characters"})`,
        UNIT_FIX,
      );
    return t;
  });
}

const hasControlCharacter = (t: string) => [...t].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Longest unit text accepted (characters); longer cells are a shifted column, not a unit. */
const MAX_UNIT_LENGTH = 40;
const UNIT_FIX = "write the unit as the plan writes it, e.g. 万元, %, 件/万人 or billion USD";

const onlyWhenFieldsParsed = { when: (p: { issues: readonly unknown[] }) => p.issues.length === 0 };

function add(ctx: Ctx, column: string, problem: string, fix: string): void {
  ctx.addIssue({ code: "custom", message: problem, path: [column], params: { fix } });
}

/** Value must respect the unit's physical bounds (no negative counts, no share over 100). */
function checkUnitBounds(ctx: Ctx, unit: string, value: number | null, column = "value"): void {
  const u = findUnit(unit);
  if (!u || value === null) return;
  if (u.nonNegative && value < 0) {
    add(
      ctx,
      column,
      `${value} is negative, but a value in ${unit} cannot be`,
      "write a value of zero or more (check the sign and the unit)",
    );
  }
  if (u.max !== undefined && value > u.max) {
    add(
      ctx,
      column,
      `${value} is over ${u.max}, the largest possible value in ${unit}`,
      `write a value of at most ${u.max} (a share is written in percent, 0–100)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Target catalogue

/** The zod schema of one catalogue row (cell texts in, typed values out). */
export const catalogueRowSchema = z
  .object({
    id: idCell("target id"),
    indicator: idCell("indicator id"),
    name_zh: textCell(true, "Chinese name"),
    name_en: textCell(true, "English name"),
    section: textCell(false, "section"),
    target_year: yearCell(YEAR_MIN, YEAR_MAX),
    comparator: choiceCell(COMPARATORS, "comparator", { optional: true, hints: COMPARATOR_LOOKALIKES }),
    value: decimalCell({ optional: true }),
    unit: unitCell({ optional: true }),
    kind: choiceCell(TARGET_KINDS, "target kind"),
    nature: choiceCell(TARGET_NATURES, "target nature", { optional: true }).transform((v) => v ?? "forecast"),
    base_year: yearCell(YEAR_MIN, YEAR_MAX, { optional: true }),
    responsible: textCell(false, "responsible units"),
    note: textCell(false, "note"),
  })
  .superRefine((row, ctx) => {
    if (row.kind === "qualitative") {
      const why = "a qualitative target has no number to assess";
      if (row.comparator !== null)
        add(
          ctx,
          "comparator",
          `the target is qualitative but has the comparator ${show(row.comparator)}`,
          `leave comparator empty (${why}), or give the row a numeric kind`,
        );
      if (row.value !== null)
        add(
          ctx,
          "value",
          `the target is qualitative but has the value ${row.value}`,
          `leave value empty (${why}), or give the row a numeric kind`,
        );
      if (row.unit !== "")
        add(
          ctx,
          "unit",
          `the target is qualitative but has the unit ${show(row.unit)}`,
          `leave unit empty (${why}), or give the row a numeric kind`,
        );
    } else {
      if (row.comparator === null)
        add(
          ctx,
          "comparator",
          `the comparator is empty but the target kind is ${row.kind}`,
          `write one of ${COMPARATORS.join(", ")}, or set kind to qualitative if the plan gives no number`,
        );
      if (row.value === null)
        add(
          ctx,
          "value",
          `the value is empty but the target kind is ${row.kind}`,
          `write the target number, e.g. 2.5, or set kind to qualitative if the plan gives no number`,
        );
      if (row.unit === "") add(ctx, "unit", `the unit is empty but the target kind is ${row.kind}`, UNIT_FIX);
    }
    if (row.kind === "relative_to_base") {
      if (row.base_year === null) {
        add(
          ctx,
          "base_year",
          "the target is relative_to_base but base_year is empty",
          "write the year whose value the target multiplies, e.g. 2013",
        );
      } else if (row.base_year >= row.target_year) {
        add(
          ctx,
          "base_year",
          `base_year ${row.base_year} is not before target_year ${row.target_year}`,
          "write a base year earlier than the target year",
        );
      }
      if (row.unit !== "" && row.unit !== MULTIPLIER_UNIT) {
        add(
          ctx,
          "unit",
          `a relative_to_base target is a multiplier, but its unit is ${show(row.unit)}`,
          `write the unit ${MULTIPLIER_UNIT} (the value is how many times the base-year value)`,
        );
      }
      if (row.value !== null && row.value <= 0)
        add(
          ctx,
          "value",
          `the multiplier ${row.value} is not positive`,
          "write a multiplier above zero, e.g. 2 for doubling",
        );
    } else if (row.base_year !== null) {
      add(
        ctx,
        "base_year",
        `base_year is ${row.base_year} but the target kind is ${row.kind}`,
        "leave base_year empty unless kind is relative_to_base",
      );
    }
    if (row.kind === "share" && row.unit !== "" && row.unit !== "%") {
      add(
        ctx,
        "unit",
        `a share target has the unit ${show(row.unit)}`,
        "write the unit % (a share is a percentage), or choose another kind such as level",
      );
    }
    if (row.kind !== "relative_to_base") checkUnitBounds(ctx, row.unit, row.value);
  }, onlyWhenFieldsParsed);

/** One checked catalogue row. */
export type CatalogueRow = z.output<typeof catalogueRowSchema>;

// ---------------------------------------------------------------------------------------------
// Indicator dictionary

/** The zod schema of one dictionary row. */
export const dictionaryRowSchema = z
  .object({
    id: idCell("indicator id"),
    name_zh: textCell(true, "Chinese name"),
    name_en: textCell(true, "English name"),
    unit: unitCell({ optional: true }),
    min: decimalCell({ optional: true }),
    max: decimalCell({ optional: true }),
    note: textCell(false, "note"),
  })
  .superRefine((row, ctx) => {
    if (row.min !== null && row.max !== null && row.min > row.max) {
      add(ctx, "max", `max ${row.max} is below min ${row.min}`, "swap the two bounds or correct one of them");
    }
  }, onlyWhenFieldsParsed);

/** One checked dictionary row. */
export type DictionaryRow = z.output<typeof dictionaryRowSchema>;

// ---------------------------------------------------------------------------------------------
// Baseline (long form)

/** The zod schema of one baseline row. */
export const baselineRowSchema = z.object({
  indicator: idCell("indicator id"),
  year: yearCell(YEAR_MIN, YEAR_MAX),
  value: decimalCell(),
  unit: unitCell(),
  source: textCell(true, "source"),
  note: textCell(false, "note"),
});

/** One checked baseline row. */
export type BaselineRow = z.output<typeof baselineRowSchema>;

// ---------------------------------------------------------------------------------------------
// Row → typed value or InputError

/**
 * Parse one table row with `schema`. On failure, throws an InputError for the first issue
 * (issues come in column order, then cross-column rules), naming the row's place and column.
 * For workbook cells that held a date, a formula without a stored result or an error value,
 * the problem and fix say so.
 */
export function parseRow<S extends z.ZodType<unknown, Record<string, string>>>(schema: S, row: TableRow): z.output<S> {
  const result = schema.safeParse(row.cells);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0];
  const column = typeof issue.path[0] === "string" ? issue.path[0] : undefined;
  let problem = issue.message;
  let fix: string =
    issue.code === "custom" && typeof issue.params?.fix === "string"
      ? issue.params.fix
      : "correct the value in this cell";
  const kind = column !== undefined ? row.kinds?.[column] : undefined;
  const text = column !== undefined ? row.cells[column] : "";
  if (kind === "date") {
    problem = `the cell holds a date (${text}), not what this column needs (${problem})`;
    fix = "format the cell as Number or Text instead of Date, then type the value again";
  } else if (kind === "formula-no-result") {
    problem = `the cell holds a formula whose result was never stored (${problem})`;
    fix =
      "open the workbook in Excel and save it again so formula results are stored, or paste the values instead of formulas";
  } else if (kind === "error") {
    problem = `the cell's formula gives the error ${text}`;
    fix = "correct the formula, or type the value directly";
  }
  throw new InputError({
    file: row.place.file,
    line: row.place.line,
    ...(row.place.sheet !== undefined ? { sheet: row.place.sheet } : {}),
    ...(column !== undefined ? { column } : {}),
    problem,
    fix,
  });
}
