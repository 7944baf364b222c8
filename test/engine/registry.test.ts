import { describe, expect, it } from "vitest";
import { MECHANISM_NAMES, MECHANISMS } from "../../src/model/registry.js";
import { IndicatorSpec, KNOWN_KEYS } from "../../src/scenario/schema.js";

describe("mechanism registry: the scenario schema is read from it", () => {
  it("every registered mechanism is a key of an indicator entry, and nothing else is a mechanism", () => {
    const keys = Object.keys(IndicatorSpec.shape);
    for (const m of MECHANISM_NAMES) expect(keys).toContain(m);
    expect(keys.filter((k) => !(k in MECHANISMS)).sort()).toEqual(["bounds", "note", "volatility"]);
  });

  it("the hints list each object mechanism's own fields", () => {
    expect([...KNOWN_KEYS.count].sort()).toEqual(["additions", "dispersion", "distribution"]);
    expect([...KNOWN_KEYS.solow].sort()).toEqual(["alpha", "capital", "labour", "output", "window"]);
    expect(KNOWN_KEYS.indicator).toEqual([...MECHANISM_NAMES, "volatility", "bounds", "note"]);
  });

  it("volatility is accepted exactly where the mechanism's definition says so", () => {
    const entry: Record<string, unknown> = {
      growth: 0.05,
      trend: "auto",
      count: { additions: 2 },
      leveraged: { own_growth: 0.05, driver: "x", multiplier: 1 },
      elastic: { driver: "x", elasticity: 0.5 },
      inventory: { flow: "x", depreciation: 0.1 },
      ratio: { numerator: "a", denominator: "b" },
      solow: { output: "y", capital: "k", labour: "l", alpha: 0.35 },
    };
    for (const m of MECHANISM_NAMES) {
      const ok = IndicatorSpec.safeParse({ [m]: entry[m], volatility: 0.02 }).success;
      expect([m, ok]).toEqual([m, MECHANISMS[m].volatility]);
      expect(IndicatorSpec.safeParse({ [m]: entry[m] }).success).toBe(true);
    }
    expect(MECHANISM_NAMES.filter((m) => MECHANISMS[m].volatility)).toEqual(["growth", "leveraged", "elastic"]);
  });

  it("each definition documents its equation, units and source", () => {
    for (const m of MECHANISM_NAMES) {
      const { doc, name } = MECHANISMS[m];
      expect(name).toBe(m);
      expect(doc.equation).toMatch(/=/);
      expect(doc.units.length).toBeGreaterThan(5);
      expect(doc.source.length).toBeGreaterThan(5);
    }
  });
});
