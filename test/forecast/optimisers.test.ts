import { describe, expect, it } from "vitest";
import { compassSearch } from "../../src/forecast/compass-search.js";
import { nelderMead } from "../../src/forecast/nelder-mead.js";

describe("box-constrained minimisers", () => {
  it("Nelder–Mead finds an interior minimum", () => {
    const r = nelderMead(([x, y]) => (x - 0.3) ** 2 + 2 * (y - 0.7) ** 2, [0.9, 0.1], [0, 0], [1, 1]);
    expect(r.x[0]).toBeCloseTo(0.3, 6);
    expect(r.x[1]).toBeCloseTo(0.7, 6);
  });
  it("Nelder–Mead stays in the box and reaches a minimum on a bound", () => {
    const r = nelderMead(([x]) => (x - 1.5) ** 2, [0.2], [0], [1]);
    expect(r.x[0]).toBe(1);
  });
  it("compass search polishes a minimum on one bound with the other coordinate interior", () => {
    const r = compassSearch(([x, y]) => (x - 0.2) ** 2 + y, [0.9, 0.5], [0, 0], [1, 1]);
    expect(r.x[0]).toBeCloseTo(0.2, 9);
    expect(r.x[1]).toBe(0);
  });
  it("are deterministic", () => {
    const f = ([x, y]: number[]) => Math.sin(5 * x) + (y - 0.4) ** 2;
    expect(nelderMead(f, [0.5, 0.5], [0, 0], [1, 1])).toEqual(nelderMead(f, [0.5, 0.5], [0, 0], [1, 1]));
  });
});
