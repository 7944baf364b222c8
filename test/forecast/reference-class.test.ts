/** reference-class.ts and reference-class-build.ts: scales, cells, interpolation, JSON form, the shipped table. */
import { describe, expect, it } from "vitest";
import { combinedForecast } from "../../src/forecast/combination.js";
import {
  cellIndex,
  type ReferenceClassTable,
  scaledErrorCdf,
  scaledErrorQuantile,
  seriesNoise,
  tableFromJson,
  tableToJson,
  yearlyChangeScale,
} from "../../src/forecast/reference-class.js";
import {
  buildReferenceClass,
  equalSeriesQuantiles,
  PROBABILITY_GRID,
  scaledErrors,
} from "../../src/forecast/reference-class-build.js";
import { REFERENCE_CLASS } from "../../src/forecast/reference-class-table.js";

/**
 * A hand-made table: 2 length cells (≤ 5, more), 2 noise cells (≤ 1, more), 2 horizons, grid 0.1 / 0.5 / 0.9.
 * Every cell has its own numbers so a wrong cell shows.
 */
function tinyTable(): ReferenceClassTable {
  return {
    source: "hand-made",
    method: "test",
    probabilities: [0.1, 0.5, 0.9],
    lengthEdges: [5, Infinity],
    noiseEdges: [1, Infinity],
    maxHorizon: 2,
    quantiles: [
      [
        [
          [-1, 0, 1],
          [-2, 0, 2],
        ],
        [
          [-3, 0, 3],
          [-4, 0, 4],
        ],
      ],
      [
        [
          [-5, 1, 5],
          [-6, 1, 6],
        ],
        [
          [-7, -1, 7],
          [-8, -1, 8],
        ],
      ],
    ],
    counts: [
      [
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
      ],
    ],
  };
}

describe("seriesNoise and yearlyChangeScale", () => {
  it("ρ = sd(Δz) / mean|Δz| (hand-computed)", () => {
    // d = 1, 2, 1: sd = √(1/3), mean |d| = 4/3
    expect(seriesNoise([0, 1, 3, 4])).toBeCloseTo(Math.sqrt(1 / 3) / (4 / 3), 14);
    // d = 2, −2: mean 0, sd = √8, mean |d| = 2 → √2 (a pure zig-zag)
    expect(seriesNoise([0, 2, 0])).toBeCloseTo(Math.SQRT2, 14);
    // a steady trend has no noise
    expect(seriesNoise([1, 3, 5, 7])).toBeCloseTo(0, 14);
  });
  it("is 0 when it cannot be computed (flat, or fewer than two changes)", () => {
    expect(seriesNoise([5, 5, 5, 5])).toBe(0);
    expect(seriesNoise([1, 2])).toBe(0);
  });
  it("s = mean |Δz| (hand-computed), 0 for one point", () => {
    expect(yearlyChangeScale([1, 3, 2])).toBe(1.5);
    expect(yearlyChangeScale([4, 1, 1, 3])).toBeCloseTo(5 / 3, 14);
    expect(yearlyChangeScale([7])).toBe(0);
  });
});

describe("cellIndex", () => {
  const edges = [5, 6, 10, 20, Infinity];
  it("gives the first edge ≥ x (edges inclusive)", () => {
    expect(cellIndex(edges, 3)).toBe(0);
    expect(cellIndex(edges, 5)).toBe(0);
    expect(cellIndex(edges, 6)).toBe(1);
    expect(cellIndex(edges, 7)).toBe(2);
    expect(cellIndex(edges, 20)).toBe(3);
    expect(cellIndex(edges, 21)).toBe(4);
    expect(cellIndex(edges, 1e9)).toBe(4);
  });
  it("gives the last cell above every finite edge", () => {
    expect(cellIndex([1, 2], 3)).toBe(1);
  });
});

describe("scaledErrorQuantile on a hand-made table", () => {
  const t = tinyTable();
  it("interpolates linearly in p inside the grid", () => {
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 0.5)).toBe(0);
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 0.3)).toBeCloseTo(-0.5, 14);
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 0.8)).toBeCloseTo(0.75, 14);
    expect(scaledErrorQuantile(t, 4, 0.5, 2, 0.7)).toBeCloseTo(1, 14);
  });
  it("picks the cell of the length, the noise and the horizon", () => {
    expect(scaledErrorQuantile(t, 5, 1, 1, 0.9)).toBe(1);
    expect(scaledErrorQuantile(t, 5, 1.01, 1, 0.9)).toBe(3);
    expect(scaledErrorQuantile(t, 6, 0.2, 1, 0.9)).toBe(5);
    expect(scaledErrorQuantile(t, 30, 2, 1, 0.1)).toBe(-7);
    expect(scaledErrorQuantile(t, 30, 2, 2, 0.9)).toBe(8);
    // the (6, 0.2) cell has a median of 1: a biased cell
    expect(scaledErrorQuantile(t, 6, 0.2, 1, 0.3)).toBeCloseTo(-2, 14);
  });
  it("holds the end values outside the grid", () => {
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 0.01)).toBe(-1);
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 0.1)).toBe(-1);
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 0.99)).toBe(1);
    expect(scaledErrorQuantile(t, 4, 0.5, 1, 1 - 1e-12)).toBe(1);
  });
  it("beyond maxHorizon scales the last horizon by √(h / maxHorizon)", () => {
    expect(scaledErrorQuantile(t, 4, 0.5, 3, 0.9)).toBeCloseTo(2 * Math.sqrt(3 / 2), 14);
    expect(scaledErrorQuantile(t, 4, 0.5, 8, 0.1)).toBeCloseTo(-4, 14);
  });
});

describe("scaledErrorCdf on a hand-made table", () => {
  const t = tinyTable();
  it("inverts the quantile between grid points", () => {
    expect(scaledErrorCdf(t, 4, 0.5, 1, -0.5)).toBeCloseTo(0.3, 14);
    expect(scaledErrorCdf(t, 4, 0.5, 1, 0.75)).toBeCloseTo(0.8, 14);
    expect(scaledErrorCdf(t, 4, 0.5, 1, 0)).toBeCloseTo(0.5, 14);
    expect(scaledErrorCdf(t, 30, 2, 2, 4.5)).toBeCloseTo(0.5 + 0.4 * (5.5 / 9), 14);
  });
  it("is clamped to the grid's end probabilities", () => {
    expect(scaledErrorCdf(t, 4, 0.5, 1, -100)).toBe(0.1);
    expect(scaledErrorCdf(t, 4, 0.5, 1, 100)).toBe(0.9);
  });
  it("beyond maxHorizon undoes the √(h / maxHorizon) stretch", () => {
    expect(scaledErrorCdf(t, 4, 0.5, 8, 2)).toBeCloseTo(0.7, 14);
  });
  it("is the inverse of scaledErrorQuantile on the shipped table, across cells and horizons", () => {
    for (const [n, noise] of [
      [4, 0.5],
      [6, 1.0],
      [8, 1.5],
      [15, 0.2],
      [30, 3],
    ]) {
      for (const h of [1, 3, 10, 12]) {
        for (const p of [0.01, 0.03, 0.1, 0.37, 0.5, 0.8, 0.91, 0.99]) {
          const q = scaledErrorQuantile(REFERENCE_CLASS, n, noise, h, p);
          expect(scaledErrorCdf(REFERENCE_CLASS, n, noise, h, q)).toBeCloseTo(p, 9);
        }
      }
    }
  });
});

describe("the shipped table", () => {
  const t = REFERENCE_CLASS;
  it("has the documented shape: grid, length cells ≤ 5, 6, 8, 12, 20, 30, more; 5 noise cells; 10 horizons", () => {
    expect(t.probabilities).toEqual(PROBABILITY_GRID);
    expect(t.lengthEdges).toEqual([5, 6, 8, 12, 20, 30, Infinity]);
    expect(t.noiseEdges).toHaveLength(5);
    expect(t.noiseEdges[4]).toBe(Infinity);
    for (let i = 1; i < 4; i++) expect(t.noiseEdges[i - 1]).toBeLessThan(t.noiseEdges[i]);
    expect(t.maxHorizon).toBe(10);
    expect(t.source).toMatch(/M-competition/);
  });
  it("has increasing quantiles in every cell and intervals that never narrow with h", () => {
    const mid = t.probabilities.indexOf(0.5);
    for (const byNoise of t.quantiles) {
      for (const byH of byNoise) {
        for (let h = 0; h < byH.length; h++) {
          const row = byH[h];
          for (let i = 1; i < row.length; i++) expect(row[i]).toBeGreaterThanOrEqual(row[i - 1]);
          expect(row[0]).toBeLessThan(0);
          expect(row[row.length - 1]).toBeGreaterThan(0);
          if (h === 0) continue;
          for (let i = 0; i < row.length; i++) {
            if (i > mid) expect(row[i]).toBeGreaterThanOrEqual(byH[h - 1][i]);
            if (i < mid) expect(row[i]).toBeLessThanOrEqual(byH[h - 1][i]);
          }
        }
      }
    }
  });
  it("is centred: every cell's median error is 0 (the class gives the spread, not a shift)", () => {
    const mid = t.probabilities.indexOf(0.5);
    for (const byNoise of t.quantiles) for (const byH of byNoise) for (const row of byH) expect(row[mid]).toBe(0);
  });
  it("round-trips through tableToJson, JSON text and tableFromJson", () => {
    expect(tableFromJson(tableToJson(t))).toEqual(t);
    const text = JSON.stringify(tableToJson(t));
    expect(text).not.toContain("Infinity");
    expect(tableFromJson(JSON.parse(text))).toEqual(t);
  });
  it("writes infinite edges as null in JSON", () => {
    const json = tableToJson(t) as { lengthEdges: (number | null)[]; noiseEdges: (number | null)[] };
    expect(json.lengthEdges).toEqual([5, 6, 8, 12, 20, 30, null]);
    expect(json.noiseEdges[4]).toBeNull();
  });
  it("holds the end values outside its grid (0.5% and 99.5%)", () => {
    const row = t.quantiles[2][1][0];
    expect(scaledErrorQuantile(t, 8, (t.noiseEdges[0] + t.noiseEdges[1]) / 2, 1, 0.001)).toBe(row[0]);
    expect(scaledErrorQuantile(t, 8, (t.noiseEdges[0] + t.noiseEdges[1]) / 2, 1, 0.9999)).toBe(row[row.length - 1]);
    expect(scaledErrorCdf(t, 8, 1, 1, -1e9)).toBe(0.005);
    expect(scaledErrorCdf(t, 8, 1, 1, 1e9)).toBe(0.995);
  });
});

describe("tableFromJson rejects malformed tables", () => {
  const good = () => JSON.parse(JSON.stringify(tableToJson(tinyTable()))) as Record<string, unknown>;
  it("accepts the hand-made table and restores its infinite edges", () => {
    const t = tableFromJson(good());
    expect(t.lengthEdges).toEqual([5, Infinity]);
    expect(t.noiseEdges).toEqual([1, Infinity]);
    expect(t.quantiles).toEqual(tinyTable().quantiles);
  });
  const cases: [string, (j: Record<string, unknown>) => unknown][] = [
    ["null", () => null],
    ["a string", () => "table"],
    ["no probabilities", (j) => ({ ...j, probabilities: undefined })],
    ["probabilities not increasing", (j) => ({ ...j, probabilities: [0.1, 0.9, 0.5] })],
    ["a probability of 1", (j) => ({ ...j, probabilities: [0.1, 0.5, 1] })],
    ["no lengthEdges", (j) => ({ ...j, lengthEdges: "5" })],
    ["a fractional maxHorizon", (j) => ({ ...j, maxHorizon: 1.5 })],
    ["maxHorizon 0", (j) => ({ ...j, maxHorizon: 0 })],
    ["one length cell too few", (j) => ({ ...j, lengthEdges: [5, 10, null] })],
    ["one noise cell too many", (j) => ({ ...j, noiseEdges: [null] })],
    ["a horizon missing", (j) => ({ ...j, maxHorizon: 3 })],
    [
      "decreasing quantiles",
      (j) => {
        const q = j.quantiles as number[][][][];
        q[1][0][1] = [-6, 7, 6];
        return j;
      },
    ],
    [
      "a row of the wrong length",
      (j) => {
        const q = j.quantiles as number[][][][];
        q[0][1][0] = [-3, 3];
        return j;
      },
    ],
    [
      "a non-number quantile",
      (j) => {
        const q = j.quantiles as unknown[][][][];
        q[0][0][0][1] = "0";
        return j;
      },
    ],
  ];
  for (const [what, mangle] of cases) {
    it(`rejects ${what}`, () => {
      expect(() => tableFromJson(mangle(good()))).toThrow(/not a reference-class table/);
    });
  }
});

describe("scaledErrors (the build step)", () => {
  it("gives one error per origin, window and horizon, e = (z_actual − ẑ) / s (6 training points)", () => {
    const train = [100, 108, 113, 125, 131, 140];
    const samples = scaledErrors(train);
    // origins k = 4 (window of 4, h = 1, 2) and k = 5 (window of 5, h = 1); windows of 6 and 5 only when shorter than k
    expect(samples.map((s) => [s.n, s.h])).toEqual([
      [4, 1],
      [4, 2],
      [5, 1],
    ]);
    const window = train.slice(0, 5);
    const z = window.map(Math.log);
    const s = yearlyChangeScale(z);
    const f = combinedForecast(window, 1, "exp").forecasts[0];
    expect(samples[2].e).toBeCloseTo((Math.log(140) - Math.log(f)) / s, 12);
    expect(samples[2].noise).toBeCloseTo(seriesNoise(z), 14);
  });

  it("adds the windows of the last 6 and 5 points at later origins", () => {
    const train = [10, 12, 11, 14, 15, 17, 16, 19];
    // h = 1 errors by origin: k = 4 (4), k = 5 (5), k = 6 (6 and the last 5), k = 7 (7, the last 6 and the last 5)
    expect(
      scaledErrors(train)
        .filter((s) => s.h === 1)
        .map((s) => s.n),
    ).toEqual([4, 5, 6, 5, 7, 6, 5]);
  });

  it("skips flat windows (no scale) and never uses values after the origin's horizon", () => {
    expect(scaledErrors([5, 5, 5, 5, 5, 5])).toEqual([]);
    expect(scaledErrors([1, 2, 3, 4]).length).toBe(0);
    expect(Math.max(...scaledErrors([1, 2, 4, 5, 7, 9, 10], 3).map((s) => s.h))).toBe(3);
  });

  it("buildReferenceClass refuses a class with too few one-year-ahead errors", () => {
    expect(() => buildReferenceClass([[1, 2, 4, 5, 7, 9, 10]], { source: "x" })).toThrow(
      /too few one-year-ahead errors/,
    );
  });
});

describe("equalSeriesQuantiles (each series weighs the same in a cell)", () => {
  it("gives a series with one error as much weight as a series with four: hand-computed median", () => {
    // series 0: four errors of 0 (weight ¼ each), series 1: one error of 10 (weight 1); total 2.
    // Positions: 1/16, 3/16, 5/16, 7/16 for the zeros, (1 + ½) / 2 = 3/4 for the 10;
    // the median lies (1/2 − 7/16) / (3/4 − 7/16) = 1/5 of the way from 0 to 10 → 2 (unweighted: 0).
    const errors = [0, 0, 0, 0].map((e) => ({ series: 0, e })).concat([{ series: 1, e: 10 }]);
    const row = equalSeriesQuantiles(errors);
    expect(row[PROBABILITY_GRID.indexOf(0.5)]).toBeCloseTo(2, 12);
    expect(row[0]).toBe(0);
    expect(row[row.length - 1]).toBe(10);
  });
  it("does not depend on the order of the errors", () => {
    const errors = [3, -1, 4, 1, -5, 9, 2, -6].map((e, i) => ({ series: i % 3, e }));
    expect(equalSeriesQuantiles([...errors].reverse())).toEqual(equalSeriesQuantiles(errors));
  });
});

describe("yearlyChangeScale: the window of the last five changes", () => {
  it("one change is its own scale", () => {
    expect(yearlyChangeScale([1, 3])).toBe(2);
  });
  it("uses only the last five changes when they move (hand-computed: 5 × 1, not (10 + 5 × 1) / 6)", () => {
    expect(yearlyChangeScale([0, 10, 11, 12, 13, 14, 15])).toBe(1);
  });
  it("falls back to every change when the last five are flat (hand-computed: |8 − 2| / 6)", () => {
    expect(yearlyChangeScale([2, 8, 8, 8, 8, 8, 8])).toBe(1);
    expect(yearlyChangeScale([2, 8, 8, 8, 8, 8, 8, 8])).toBeCloseTo(6 / 7, 14);
    expect(yearlyChangeScale([5, 5, 5])).toBe(0);
  });
});

describe("scaledErrorCdf across a flat stretch of tied quantiles", () => {
  /** One cell whose quantiles at 0.4 and 0.6 are both 0: P(e ≤ 0) is at least 0.6. */
  const tied = (): ReferenceClassTable => ({
    source: "tied",
    method: "test",
    probabilities: [0.1, 0.4, 0.6, 0.9],
    lengthEdges: [Infinity],
    noiseEdges: [Infinity],
    maxHorizon: 1,
    quantiles: [[[[-1, 0, 0, 1]]]],
    counts: [[[1]]],
  });
  it("gives the upper probability of the stretch at the tied value, and interpolates on either side", () => {
    const t = tied();
    expect(scaledErrorCdf(t, 5, 0.5, 1, 0)).toBeCloseTo(0.6, 14);
    expect(scaledErrorCdf(t, 5, 0.5, 1, -0.5)).toBeCloseTo(0.25, 14);
    expect(scaledErrorCdf(t, 5, 0.5, 1, 0.5)).toBeCloseTo(0.75, 14);
  });
  it("is accepted by tableFromJson (ties are allowed, a decrease is not)", () => {
    const json = JSON.parse(JSON.stringify(tableToJson(tied())));
    expect(tableFromJson(json).quantiles).toEqual([[[[-1, 0, 0, 1]]]]);
  });
});

describe("tableFromJson rejects malformed edges, grids and horizons", () => {
  const good = () => JSON.parse(JSON.stringify(tableToJson(tinyTable()))) as Record<string, unknown>;
  const cases: [string, (j: Record<string, unknown>) => unknown][] = [
    ["lengthEdges missing", (j) => ({ ...j, lengthEdges: undefined })],
    ["an edge written as text", (j) => ({ ...j, lengthEdges: ["5", null] })],
    ["decreasing noise edges", (j) => ({ ...j, noiseEdges: [1, 0.5, null], quantiles: [] })],
    ["equal length edges", (j) => ({ ...j, lengthEdges: [5, 5, null] })],
    ["a one-point probability grid", (j) => ({ ...j, probabilities: [0.5] })],
    ["a probability written as text", (j) => ({ ...j, probabilities: ["0.1", 0.5, 0.9] })],
    ["a probability of 0", (j) => ({ ...j, probabilities: [0, 0.5, 0.9] })],
    ["two equal probabilities", (j) => ({ ...j, probabilities: [0.1, 0.1, 0.9] })],
    [
      "maxHorizon 0 with no horizons in any cell",
      (j) => ({
        ...j,
        maxHorizon: 0,
        quantiles: [
          [[], []],
          [[], []],
        ],
      }),
    ],
  ];
  for (const [what, mangle] of cases) {
    it(`rejects ${what}`, () => {
      expect(() => tableFromJson(mangle(good()))).toThrow(/not a reference-class table/);
    });
  }
  it("rejects noise edges that decrease even when the cells match their number", () => {
    const j = good();
    j.noiseEdges = [2, 1, null];
    const q = j.quantiles as number[][][][];
    j.quantiles = q.map((byNoise) => [...byNoise, byNoise[1]]);
    expect(() => tableFromJson(j)).toThrow(/not a reference-class table/);
    j.noiseEdges = [1, 2, null];
    expect(tableFromJson(j).noiseEdges).toEqual([1, 2, Infinity]);
  });
});
