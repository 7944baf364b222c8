/**
 * Loader of forecast-benchmark files: yearly series split into what a forecaster sees (`train`) and
 * what happened next (`test`), in the long form of `../shared/data/forecast-benchmarks/`:
 *
 *   series, type, split, year, value      (type optional: a free label such as MICRO1)
 *
 * CSV (UTF-8 or GB18030) or .xlsx. Checks, each an InputError naming the file, the line and the fix:
 * split is train or test; year an integer; value a finite number; no year twice in one series;
 * every test year after every train year of its series; each series has at least one train and
 * one test value; years consecutive within each split (the forecasts are h = 1, 2, … years ahead).
 */
import { InputError } from "./errors.js";
import { readTable } from "./table.js";

/** One series of a forecast benchmark file: its training and test years. */
export interface BenchmarkSeries {
  series: string;
  type: string;
  trainYears: number[];
  train: number[];
  testYears: number[];
  test: number[];
}

const COLUMNS = { required: ["series", "split", "year", "value"], optional: ["type"] } as const;

/** Reads a benchmark file of yearly series with known outcomes (`series, type, split, year, value`). */
export async function loadBenchmark(path: string): Promise<BenchmarkSeries[]> {
  const table = await readTable(path, { columns: COLUMNS });
  const bySeries = new Map<
    string,
    { type: string; rows: { split: "train" | "test"; year: number; value: number; line: number }[] }
  >();
  for (const row of table.rows) {
    const at = (column: string) => ({ ...row.place, column });
    const name = row.cells.series;
    if (name === "")
      throw new InputError({
        ...at("series"),
        problem: "the series name is empty",
        fix: "give every row the name of its series",
      });
    const split = row.cells.split;
    if (split !== "train" && split !== "test") {
      throw new InputError({
        ...at("split"),
        problem: `split is "${split}"`,
        fix: 'write "train" (what the forecaster sees) or "test" (what happened next)',
      });
    }
    const year = Number(row.cells.year);
    if (row.cells.year === "" || !Number.isInteger(year)) {
      throw new InputError({
        ...at("year"),
        problem: `year "${row.cells.year}" is not a whole number`,
        fix: "write the calendar year, e.g. 2015",
      });
    }
    const value = Number(row.cells.value);
    if (row.cells.value === "" || !Number.isFinite(value)) {
      throw new InputError({
        ...at("value"),
        problem: `value "${row.cells.value}" is not a number`,
        fix: "write a plain number (no units, no thousands separators); leave out years without data",
      });
    }
    let entry = bySeries.get(name);
    if (!entry) {
      entry = { type: row.cells.type ?? "", rows: [] };
      bySeries.set(name, entry);
    }
    const twice = entry.rows.find((r) => r.year === year);
    if (twice) {
      throw new InputError({
        ...at("year"),
        problem: `series "${name}" has year ${year} twice (also on line ${twice.line})`,
        fix: "keep one row per series and year",
      });
    }
    entry.rows.push({ split, year, value, line: row.place.line });
  }
  if (bySeries.size === 0)
    throw new InputError({
      file: path,
      problem: "the file has a header but no rows",
      fix: "add one row per series, split and year",
    });

  const out: BenchmarkSeries[] = [];
  for (const [series, { type, rows }] of bySeries) {
    const train = rows.filter((r) => r.split === "train").sort((a, b) => a.year - b.year);
    const test = rows.filter((r) => r.split === "test").sort((a, b) => a.year - b.year);
    const first = rows[0].line;
    if (train.length === 0 || test.length === 0) {
      throw new InputError({
        file: path,
        line: first,
        column: "split",
        problem: `series "${series}" has no ${train.length === 0 ? "train" : "test"} rows`,
        fix: "give every series its history (split train) and the values that followed (split test)",
      });
    }
    const lastTrain = train[train.length - 1];
    const early = test.find((r) => r.year <= lastTrain.year);
    if (early) {
      throw new InputError({
        file: path,
        line: early.line,
        column: "year",
        problem: `series "${series}": test year ${early.year} is not after the last train year ${lastTrain.year}`,
        fix: "mark as test only the years after the history",
      });
    }
    for (const part of [train, [lastTrain, ...test]]) {
      for (let i = 1; i < part.length; i++) {
        if (part[i].year !== part[i - 1].year + 1) {
          throw new InputError({
            file: path,
            line: part[i].line,
            column: "year",
            problem: `series "${series}" jumps from ${part[i - 1].year} to ${part[i].year}`,
            fix: "give every year between the first and the last, or split the series in two",
          });
        }
      }
    }
    out.push({
      series,
      type,
      trainYears: train.map((r) => r.year),
      train: train.map((r) => r.value),
      testYears: test.map((r) => r.year),
      test: test.map((r) => r.value),
    });
  }
  return out;
}
