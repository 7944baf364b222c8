/**
 * No confident answer from a broken number: a ratio over a zero denominator is no value (NaN), and
 * a target whose projection is not finite on some paths is not assessed, with the reason — instead
 * of R&D intensity "on track, 100%" because GDP was 0.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScenario } from "../../src/assess/runScenario.js";
import { loadInputs } from "../../src/project/inputs.js";
import { notAssessedText } from "../../src/report/messages.js";
import { loadScenario } from "../../src/scenario/load.js";

const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-nonfinite-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("non-finite projections", () => {
  it("GDP of 0 in the base year: R&D intensity is not assessed, and says why", async () => {
    const lines = readFileSync("data/baseline/haizhou.csv", "utf8").split("\n");
    const edited = lines.map((l) => (l.startsWith("gdp,2013,") ? l.replace(/^gdp,2013,[^,]+,/, "gdp,2013,0,") : l));
    expect(edited.filter((l, i) => l !== lines[i])).toHaveLength(1);
    const data = path.join(tmp, "zero-gdp.csv");
    writeFileSync(data, edited.join("\n"));
    const inputs = await loadInputs({
      data,
      targets: "data/targets/haizhou-2015.csv",
      indicators: "data/indicators.csv",
    });
    const { scenario } = await loadScenario("scenarios/baseline.yaml");
    const { result } = runScenario({ ...inputs, scenario, scenarioFile: "scenarios/baseline.yaml", paths: 300 });
    const rd = result.targets.find((t) => t.indicator === "rd_intensity")!;
    expect(rd.status).toBe("not_assessed");
    expect(rd.pMet).toBeNull();
    expect(rd.notAssessed).toMatchObject({
      code: "non_finite",
      indicator: "rd_intensity",
      targetYear: 2015,
      brokenPaths: 300,
      paths: 300,
      origin: { indicator: "rd_intensity", mechanism: "ratio", path: 0 },
    });
    expect(notAssessedText(rd, "en")).toMatch(/300 of 300 paths give no finite value of rd_intensity in 2015/);
    expect(notAssessedText(rd, "zh")).toMatch(
      /300 条路径中有 300 条在 2015 年给不出“研发投入占地区生产总值的比重”的有限值/,
    );
    // Targets that do not depend on GDP are still assessed.
    expect(result.targets.find((t) => t.indicator === "national_hightech_enterprises")!.status).not.toBe(
      "not_assessed",
    );
  });
});

describe("the most influential assumption", () => {
  it("is always a parameter of the target's own node or of a node it reads (directly or not)", async () => {
    const inputs = await loadInputs({});
    const { scenario } = await loadScenario("scenarios/accelerated-investment.yaml");
    const { result, simulation } = runScenario({
      ...inputs,
      scenario,
      scenarioFile: "scenarios/accelerated-investment.yaml",
      paths: 400,
    });
    const plan = simulation.plan;
    const upstream = (indicator: string) => {
      const seen = new Set<number>();
      const stack = [plan.indicators.indexOf(indicator)];
      while (stack.length) {
        const s = stack.pop()!;
        if (s < 0 || seen.has(s)) continue;
        seen.add(s);
        stack.push(...(plan.nodes[s]?.reads ?? []));
      }
      return new Set([...seen].flatMap((s) => (plan.nodes[s] ? plan.nodes[s].params.map((p) => p.name) : [])));
    };
    const withDriver = result.targets.filter((t) => t.reason?.topDriver);
    expect(withDriver.length).toBeGreaterThan(3);
    for (const t of withDriver)
      expect(
        upstream(t.indicator).has(t.reason!.topDriver!.parameter),
        `${t.id}: ${t.reason!.topDriver!.parameter}`,
      ).toBe(true);
  });
});
