/** reference-class-build.ts: a whole class built from 40 made-up series — cells, counts, pooling, centring, widening. */
import { describe, expect, it } from "vitest";
import { cellIndex } from "../../src/forecast/reference-class.js";
import {
  buildReferenceClass,
  equalSeriesQuantiles,
  PROBABILITY_GRID,
  scaledErrors,
} from "../../src/forecast/reference-class-build.js";
import { quantileSorted } from "../../src/stats/quantiles.js";

/** 40 positive yearly series of 12 points: growth 0–8% a year with noise of different sizes (a fixed LCG, no Math.random). */
function madeUpSeries(): number[][] {
  let state = 12345;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: 40 }, (_, s) => {
    const growth = 0.002 * s;
    const noise = 0.01 + 0.004 * (s % 10);
    let z = Math.log(100 + s);
    return Array.from({ length: 12 }, () => {
      z += growth + noise * (uniform() - 0.5) * 3.4;
      return Math.exp(z);
    });
  });
}

const LENGTH_EDGES = [5, 6, 8, 12, 20, 30, Infinity];
const MID = PROBABILITY_GRID.indexOf(0.5);

describe("buildReferenceClass on 40 made-up series of 12 points", () => {
  it("has the documented cells, counts and noise edges, centred rows that never narrow, pooled and widened cells", () => {
    const series = madeUpSeries();
    const t = buildReferenceClass(series, { source: "made-up test series" });
    const samples = series.flatMap((y, i) => scaledErrors(y).map((s) => ({ ...s, series: i })));

    // Shape and provenance
    expect(t.source).toBe("made-up test series");
    expect(t.probabilities).toEqual(PROBABILITY_GRID);
    expect(t.lengthEdges).toEqual(LENGTH_EDGES);
    expect(t.maxHorizon).toBe(10);
    expect(t.quantiles).toHaveLength(7);
    for (const byNoise of t.quantiles) {
      expect(byNoise).toHaveLength(5);
      for (const byH of byNoise) {
        expect(byH).toHaveLength(10);
        for (const row of byH) expect(row).toHaveLength(PROBABILITY_GRID.length);
      }
    }
    expect(t.method).toContain(`; ${samples.length} errors;`);
    expect(t.method).toContain("cells by training length (≤ 5, 6, 8, 12, 20, 30, more)");

    // Noise edges: the pooled quintiles of ρ over every error
    const noises = samples.map((s) => s.noise).sort((a, b) => a - b);
    expect(t.noiseEdges).toEqual([0.2, 0.4, 0.6, 0.8].map((p) => quantileSorted(noises, p)).concat(Infinity));

    // Counts: every error in the cell of its length, noise and horizon
    const counts = t.quantiles.map((byNoise) => byNoise.map((byH) => byH.map(() => 0)));
    for (const s of samples) counts[cellIndex(LENGTH_EDGES, s.n)][cellIndex(t.noiseEdges, s.noise)][s.h - 1]++;
    expect(t.counts).toEqual(counts);

    // Every row is centred on 0, increasing in p, and never narrower than the horizon before
    for (const byNoise of t.quantiles)
      for (const byH of byNoise)
        byH.forEach((row, h) => {
          expect(row[MID]).toBe(0);
          for (let i = 1; i < row.length; i++) expect(row[i]).toBeGreaterThanOrEqual(row[i - 1]);
          if (h > 0)
            for (let i = 0; i < row.length; i++) {
              if (i > MID) expect(row[i]).toBeGreaterThanOrEqual(byH[h - 1][i]);
              if (i < MID) expect(row[i]).toBeLessThanOrEqual(byH[h - 1][i]);
            }
        });

    // Length ≤ 5, h = 1: too few errors in each noise cell, so every noise cell holds the pooled quantiles
    const short1 = samples.filter((s) => s.n <= 5 && s.h === 1);
    expect(short1.length).toBe(40 * 8); // origins 4, 5 and the last 5 at origins 6 … 11
    const pooled = equalSeriesQuantiles(short1);
    const centred = pooled.map((q) => q - pooled[MID]);
    for (let r = 0; r < 5; r++) {
      t.quantiles[0][r][0].forEach((q, i) => expect(q).toBeCloseTo(centred[i], 12));
    }

    // Length ≤ 5, h = 5: 160 errors even pooled, so the h = 4 row widened by √(5/4)
    expect(samples.filter((s) => s.n <= 5 && s.h === 5).length).toBe(160);
    expect(samples.filter((s) => s.n <= 5 && s.h === 4).length).toBe(200);
    const row4 = t.quantiles[0][0][3];
    t.quantiles[0][0][4].forEach((q, i) => expect(q).toBeCloseTo(row4[i] * Math.sqrt(5 / 4), 12));
    expect(t.quantiles[0][0][4][0]).toBeLessThan(row4[0]);

    // Length 9–12 (cell 4), h = 1: 120 errors, too few, so pooled with the next shorter cell (7–8): 200
    expect(samples.filter((s) => s.n > 8 && s.n <= 12 && s.h === 1).length).toBe(120);
    const from7 = samples.filter((s) => s.n > 6 && s.n <= 12 && s.h === 1);
    expect(from7.length).toBe(200);
    const q12 = equalSeriesQuantiles(from7);
    t.quantiles[3][2][0].forEach((q, i) => expect(q).toBeCloseTo(q12[i] - q12[MID], 12));
  });
});
