/**
 * Loader of a peer's forecasts to score beside targetcast's (`targetcast evaluate --peer FILE`):
 *
 *   method, series, h, mean, lo80, hi80, lo90, hi90
 *
 * one row per method, series and horizon h (1 = the first test year). Checks, each an InputError
 * naming the file, line and column: h a whole number ≥ 1; every number finite; lo90 ≤ lo80 ≤ hi80 ≤ hi90;
 * no (method, series, h) twice.
 */
import { InputError } from "./errors.js";
import { readTable } from "./table.js";

/** One forecast of a peer method, for comparison in `targetcast evaluate --peer`. */
export interface PeerForecastRow {
  method: string;
  series: string;
  h: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo90: number;
  hi90: number;
}

const NUMBERS = ["mean", "lo80", "hi80", "lo90", "hi90"] as const;

/** Reads a peer's forecasts file for `targetcast evaluate --peer`. */
export async function loadPeerForecasts(path: string): Promise<PeerForecastRow[]> {
  const table = await readTable(path, { columns: { required: ["method", "series", "h", ...NUMBERS] } });
  const seen = new Map<string, number>();
  const out: PeerForecastRow[] = [];
  for (const row of table.rows) {
    const at = (column: string) => ({ ...row.place, column });
    const { method, series } = row.cells;
    if (method === "")
      throw new InputError({
        ...at("method"),
        problem: "the method name is empty",
        fix: "name the method that made the forecast, e.g. ets",
      });
    if (series === "")
      throw new InputError({
        ...at("series"),
        problem: "the series name is empty",
        fix: "write the series name as in the benchmark file",
      });
    const h = Number(row.cells.h);
    if (!Number.isInteger(h) || h < 1)
      throw new InputError({
        ...at("h"),
        problem: `h "${row.cells.h}" is not a whole number ≥ 1`,
        fix: "write the horizon: 1 for the first test year, 2 for the second, …",
      });
    const v = {} as Record<(typeof NUMBERS)[number], number>;
    for (const k of NUMBERS) {
      const x = Number(row.cells[k]);
      if (row.cells[k] === "" || !Number.isFinite(x))
        throw new InputError({
          ...at(k),
          problem: `${k} "${row.cells[k]}" is not a number`,
          fix: "write a plain number (no units, no thousands separators)",
        });
      v[k] = x;
    }
    if (!(v.lo90 <= v.lo80 && v.lo80 <= v.hi80 && v.hi80 <= v.hi90)) {
      throw new InputError({
        ...at("lo80"),
        problem: `the intervals are not nested (lo90 ${v.lo90}, lo80 ${v.lo80}, hi80 ${v.hi80}, hi90 ${v.hi90})`,
        fix: "give lo90 ≤ lo80 ≤ hi80 ≤ hi90",
      });
    }
    const key = JSON.stringify([method, series, h]);
    const twice = seen.get(key);
    if (twice !== undefined)
      throw new InputError({
        ...at("h"),
        problem: `${method} has two forecasts for series "${series}", h = ${h} (also line ${twice})`,
        fix: "keep one row per method, series and h",
      });
    seen.set(key, row.place.line);
    out.push({ method, series, h, ...v });
  }
  return out;
}
