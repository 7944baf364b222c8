/** The briefing summary names the commitments of the first scenario: adopted or not, and the median cost of honouring it. */
import { describe, expect, it } from "vitest";
import type { ScenarioResult, TargetAssessment } from "../../src/assess/types.js";
import { summarySection } from "../../src/report/summary.js";
import { baselineResult } from "../charts/fixture.js";

const fund: TargetAssessment = {
  ...baselineResult.targets[0],
  id: "sme_fund",
  nameZh: "中小企业发展基金",
  nameEn: "SME development fund",
  status: "commitment_adopted",
  pMet: null,
  pMetStandardError: null,
  reason: null,
  nature: "commitment",
  commitment: {
    adopted: true,
    pMetByProjection: 0.2,
    cost: { indicator: "sme_fund", unit: "万元", year: 2015, mean: 150, median: 145, p90: 300 },
    dependents: [],
  },
};
const withFund: ScenarioResult = { ...baselineResult, targets: [...baselineResult.targets, fund] };
const opts = { title: { zh: "简报", en: "Briefing" }, stamp: "2024-05-06" };

describe("summary: commitments", () => {
  it("lists each commitment with its status and the median cost of honouring it", () => {
    const zh = summarySection([withFund], { ...opts, lang: "zh" });
    expect(zh).toContain("承诺事项");
    expect(zh).toMatch(
      /中小企业发展基金 <span class="badge commitment_adopted">[^<]*承诺：已采纳<\/span> 需增 145 万元/,
    );
    const en = summarySection([withFund], { ...opts, lang: "en" });
    expect(en).toMatch(
      /SME development fund <span class="badge commitment_adopted">[^<]*Commitment: adopted<\/span> needs 1\.45 million yuan/,
    );
  });
  it("has no commitments line without commitments", () => {
    expect(summarySection([baselineResult], { ...opts, lang: "zh" })).not.toContain("承诺事项");
  });
});
