/**
 * The bundled target catalogue against the plan it transcribes
 * (../shared/seeds/000_bc2950c2cc6e4526.txt). The rows sampled below are checked everywhere; the
 * check of every row against the seed text uses the copy vendored in test/fixtures/shared/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTargets } from "../../src/data/loadTargets.js";

const SEED = "test/fixtures/shared/000_bc2950c2cc6e4526.txt"; // vendored from ../shared/seeds/
const CATALOGUE = "data/targets/haizhou-2015.csv";

describe("the Haizhou 2015 target catalogue", () => {
  it("has 43 rows: 41 quantitative targets and 2 qualitative goals (see data/README.md for the count)", async () => {
    const cat = await loadTargets(CATALOGUE);
    expect(cat.targets).toHaveLength(43);
    expect(cat.targets.filter((t) => t.kind !== "qualitative")).toHaveLength(41);
    expect(
      cat.targets
        .filter((t) => t.kind === "qualitative")
        .map((t) => t.id)
        .sort(),
    ).toEqual(["environmental_quality", "provincial_acceptance"]);
    // Main goals (二): 9 numbers; tasks: 32.
    expect(cat.targets.filter((t) => t.kind !== "qualitative" && t.section.startsWith("二")).length).toBe(9);
  });

  it("a sample of rows says what the plan says", async () => {
    const cat = await loadTargets(CATALOGUE);
    const t = (id: string) => cat.targets.find((x) => x.id === id)!;
    const expectRow = (id: string, comparator: string, value: number, unit: string) => {
      expect([t(id).comparator, t(id).value, t(id).unit, t(id).targetYear], id).toEqual([
        comparator,
        value,
        unit,
        2015,
      ]);
    };
    expectRow("rd_intensity", ">=", 2.5, "%"); // 研发投入占地区生产总值的比重达2.5%
    expectRow("invention_patents_per_10k_pop", ">=", 6, "件/万人"); // 万人发明专利拥有量达6件
    expectRow("hightech_output_share", ">=", 51, "%"); // 高新技术产业产值占…比重达51%
    expectRow("national_hightech_enterprises", ">=", 35, "家"); // 国家高新技术企业达35家以上
    expectRow("fiscal_st_share", ">=", 3, "%"); // 区财政科技支出占…比重达到3%
    expectRow("energy_intensity", "<=", 0.5, "吨标准煤/万元"); // 单位GDP能耗0.5吨煤/万元 (at most)
    expectRow("science_literacy_rate", ">", 7, "%"); // 居民科学素质达标率超过7%
    expectRow("sme_development_fund", ">=", 500, "万元"); // 中小企业发展专项资金500万元
    const doubling = t("national_hightech_enterprises_doubling");
    expect([doubling.kind, doubling.value, doubling.baseYear, doubling.indicator]).toEqual([
      "relative_to_base",
      2,
      2013,
      "national_hightech_enterprises",
    ]);
    // One row for an indicator stated twice, citing both places.
    expect(t("invention_patents_per_10k_pop").section).toBe("二; 三(四)14");
    expect(t("rd_personnel_per_10k_labour").section).toBe("二; 三(四)16");
    expect(cat.targets.filter((x) => x.indicator === "invention_patents_per_10k_pop")).toHaveLength(1);
  });

  it("every number and every responsible-units list appears in the plan's text", async () => {
    const seed = readFileSync(SEED, "utf8");
    const cat = await loadTargets(CATALOGUE);
    for (const x of cat.targets) {
      if (x.value !== null)
        expect(seed, `${x.id}: value ${x.value}`).toContain(x.kind === "relative_to_base" ? "翻一番" : String(x.value));
      if (x.responsible) expect(seed, `${x.id}: responsible units`).toContain(`(责任单位:${x.responsible})`);
      if (x.section.startsWith("三")) {
        const task = x.section.match(/\)(\d+)/)![1];
        expect(seed, `${x.id}: task ${task}`).toMatch(new RegExp(`\\n${task}\\.`));
      }
    }
  });
});
