/**
 * Where a non-finite projection came from (src/assess/nonFiniteOrigin.ts), on hand-built
 * simulations: three indicators a, b (each growing by its own assumption) and c = a / b (no
 * assumption of its own), plus d, which c does not read. Values are laid out [year * paths + path].
 */
import { describe, expect, it } from "vitest";
import { nonFiniteOrigin } from "../../src/assess/nonFiniteOrigin.js";
import { notAssessedText } from "../../src/report/messages.js";
import { describeOrigin } from "../../src/report/nonFiniteText.js";
import { nameBook } from "../../src/scenario/assumptionLabel.js";
import type { Simulation } from "../../src/simulate/monteCarlo.js";

const names = nameBook([
  { id: "a", nameZh: "甲", nameEn: "Alpha" },
  { id: "b", nameZh: "乙", nameEn: "Beta" },
]);
const PATHS = 2;
const YEARS = [2014, 2015, 2016];

function sim(values: Record<"a" | "b" | "c" | "d", number[]>, order = [0, 1, 2, 3]): Simulation {
  const node = (indicator: string, mechanism: string, params: string[], paramOffset: number, reads: number[]) => ({
    indicator,
    mechanism,
    reads,
    paramOffset,
    params: params.map((name) => ({ name })),
  });
  return {
    paths: PATHS,
    seed: 1,
    years: YEARS,
    values: [values.a, values.b, values.c, values.d].map((v) => Float64Array.from(v)),
    // a.growth on paths 0, 1; b.growth on paths 0, 1; d.growth on paths 0, 1.
    draws: Float64Array.from([0.1, 0.2, 0.05, -1, 7, 8]),
    plan: {
      indicators: ["a", "b", "c", "d"],
      order,
      nodes: [
        node("a", "growth", ["a.growth"], 0, [0]),
        node("b", "growth", ["b.growth"], 1, [1]),
        node("c", "ratio", [], 2, [0, 1]),
        node("d", "growth", ["d.growth"], 2, [3]),
      ],
    },
  } as unknown as Simulation;
}

// Per indicator: [2014 p0, 2014 p1, 2015 p0, 2015 p1, 2016 p0, 2016 p1].
const finite = { a: [1, 1, 2, 2, 3, 3], b: [1, 1, 1, 1, 1, 1], c: [1, 1, 2, 2, 3, 3], d: [5, 5, 5, 5, 5, 5] };

describe("nonFiniteOrigin", () => {
  it("finds a break in the first projected year", () => {
    const s = sim({ ...finite, a: [1, Number.NaN, 2, 2, 3, 3], c: [1, Number.NaN, 2, 2, 3, 3] });
    expect(nonFiniteOrigin(s, "c", 2014, names)).toMatchObject({ path: 1, indicator: "a", year: 2014 });
  });

  it("is null when every path is finite in the year asked (or the indicator or year is not simulated)", () => {
    const s = sim({ ...finite, c: [1, 1, 2, 2, 3, Number.NaN] });
    expect(nonFiniteOrigin(s, "c", 2015, names)).toBeNull();
    expect(nonFiniteOrigin(s, "zz", 2016, names)).toBeNull();
    expect(nonFiniteOrigin(s, "c", 2030, names)).toBeNull();
    // Every path finite in the last projected year too.
    expect(nonFiniteOrigin(sim(finite), "c", 2016, names)).toBeNull();
    expect(nonFiniteOrigin(sim(finite), "a", 2014, names)).toBeNull();
  });

  it("a ratio over a denominator that fell to 0: the ratio in the year it broke, its inputs and the assumption behind the 0", () => {
    // Path 1 only: b falls to 0 in 2015 (b.growth drawn −1), so c = a / b is NaN from 2015 on.
    const s = sim({ ...finite, b: [1, 1, 1, 0, 1, 0], c: [1, 1, 2, Number.NaN, 3, Number.NaN] });
    const o = nonFiniteOrigin(s, "c", 2016, names)!;
    expect(o).toMatchObject({ path: 1, indicator: "c", mechanism: "ratio", year: 2015, assumptions: [] });
    expect(o.value).toBeNaN();
    expect(o.inputs.map((i) => [i.indicator, i.value])).toEqual([
      ["a", 2],
      ["b", 0],
    ]);
    expect(o.inputs[1].assumptions).toEqual([
      { id: "b.growth", label: { zh: "乙：年增速", en: "Beta: growth rate" }, value: -1 },
    ]);
    const text = describeOrigin(o);
    expect(text).toContain("first on path 2: c (ratio) is not a number in 2015");
    expect(text).toContain("computed from a = 2, b = 0");
    // Only the input that is zero is blamed, with the value drawn on that path.
    expect(text).toContain("behind b: Beta: growth rate / 乙：年增速 (b.growth = -1 on that path)");
    expect(text).not.toContain("a.growth");
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it("a level that overflowed: the first node in year order, with its assumption's drawn value", () => {
    // Path 0: a overflows in 2015 and c follows; path 1 stays finite.
    const s = sim({
      ...finite,
      a: [1, 1, Number.POSITIVE_INFINITY, 2, Number.POSITIVE_INFINITY, 3],
      c: [1, 1, Number.POSITIVE_INFINITY, 2, Number.POSITIVE_INFINITY, 3],
    });
    const o = nonFiniteOrigin(s, "c", 2016, names)!;
    expect(o).toMatchObject({ path: 0, indicator: "a", year: 2015, value: Number.POSITIVE_INFINITY });
    expect(o.assumptions).toEqual([
      { id: "a.growth", label: { zh: "甲：年增速", en: "Alpha: growth rate" }, value: 0.1 },
    ]);
    expect(describeOrigin(o)).toBe(
      "first on path 1: a (growth) is +∞ (overflow) in 2015, from the assumption Alpha: growth rate / 甲：年增速 (a.growth = 0.1 on that path)",
    );
  });

  it("an earlier year wins over the evaluation order, and the order decides within a year", () => {
    const both = { ...finite, c: [1, 1, Number.NaN, 1, Number.NaN, 1] };
    // b broke in 2014, a only in 2015: b, although a is evaluated first.
    const early = sim({ ...both, a: [1, 1, Number.NaN, 1, Number.NaN, 1], b: [Number.NaN, 1, Number.NaN, 1, 1, 1] });
    expect(nonFiniteOrigin(early, "c", 2016, names)).toMatchObject({ indicator: "b", year: 2014 });
    // Both broke in 2015: the one evaluated first.
    const same = { ...both, a: [1, 1, Number.NaN, 1, Number.NaN, 1], b: [1, 1, -Infinity, 1, 1, 1] };
    expect(nonFiniteOrigin(sim(same), "c", 2016, names)).toMatchObject({ indicator: "a", year: 2015 });
    const o = nonFiniteOrigin(sim(same, [1, 0, 2, 3]), "c", 2016, names)!;
    expect(o).toMatchObject({ indicator: "b", year: 2015, value: -Infinity });
    expect(describeOrigin(o)).toContain("b (growth) is −∞ (overflow) in 2015");
  });

  it("ignores indicators the target does not read, however early they broke", () => {
    const s = sim({
      ...finite,
      d: [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
      c: [1, 1, 2, Number.NaN, 3, Number.NaN],
    });
    const o = nonFiniteOrigin(s, "c", 2016, names)!;
    expect(o).toMatchObject({ path: 1, indicator: "c", year: 2015 });
    // No input is zero or negative: the assumptions behind every input are listed.
    expect(describeOrigin(o)).toContain(
      "behind a, b: Alpha: growth rate / 甲：年增速 (a.growth = 0.2 on that path), Beta: growth rate / 乙：年增速 (b.growth = -1 on that path)",
    );
  });

  it("a node with two assumptions lists both; one without inputs or assumptions says so", () => {
    const s = sim({ ...finite, a: [1, 1, 2, 2, Number.NaN, 3] });
    s.plan.nodes[0].params.push({ name: "b.growth" } as never);
    const o = nonFiniteOrigin(s, "a", 2016, names)!;
    expect(describeOrigin(o)).toMatch(/from the assumptions Alpha: growth rate .*, Beta: growth rate /);
    // Path 0's draws of the node's first and second parameter slots.
    expect(o.assumptions.map((a) => [a.id, a.value])).toEqual([
      ["a.growth", 0.1],
      ["b.growth", 0.05],
    ]);
    s.plan.nodes[0].params.length = 0;
    // a reads only its own past: that is not an input.
    expect(describeOrigin(nonFiniteOrigin(s, "a", 2016, names)!)).toBe(
      "first on path 1: a (growth) is not a number in 2016, computed from no input in that year (no assumption of its own)",
    );
  });
});

describe("a real run: GDP of 0 in the base year", () => {
  it("R&D intensity names the ratio, the year it broke, GDP = 0 and the GDP assumption", async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { runScenario } = await import("../../src/assess/runScenario.js");
    const { loadInputs } = await import("../../src/project/inputs.js");
    const { loadScenario } = await import("../../src/scenario/load.js");
    const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-origin-"));
    try {
      const data = path.join(tmp, "zero-gdp.csv");
      const lines = readFileSync("data/baseline/haizhou.csv", "utf8").split("\n");
      writeFileSync(data, lines.map((l) => l.replace(/^gdp,2013,[^,]+,/, "gdp,2013,0,")).join("\n"));
      const inputs = await loadInputs({
        data,
        targets: "data/targets/haizhou-2015.csv",
        indicators: "data/indicators.csv",
      });
      const { scenario } = await loadScenario("scenarios/baseline.yaml");
      const { result } = runScenario({ ...inputs, scenario, scenarioFile: "scenarios/baseline.yaml", paths: 50 });
      const why = notAssessedText(result.targets.find((t) => t.indicator === "rd_intensity")!, "en")!;
      expect(why).toContain("50 of 50 paths give no finite value of rd_intensity in 2015");
      expect(why).toMatch(
        /first on path 1: rd_intensity \(ratio\) is not a number in 2014, computed from rd_expenditure = [\d.]+, gdp = 0 in that year/,
      );
      expect(why).toMatch(/behind gdp: .* \/ 地区生产总值：年增速 \(gdp\.growth = 0\.\d+ on that path\)/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
