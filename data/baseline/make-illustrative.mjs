// Writes data/baseline/haizhou.csv: ILLUSTRATIVE baseline figures for 2009–2013.
// No published Haizhou series for these years was found (and the district was merged with
// Xinpu in 2014), so these numbers are constructed to be plausible and internally consistent,
// never official statistics. Ratios are computed here from their parts so they agree exactly.
// Run: node data/baseline/make-illustrative.mjs
import { writeFileSync, renameSync } from "node:fs";

const YEARS = [2009, 2010, 2011, 2012, 2013];
const SOURCE = "ILLUSTRATIVE - constructed for targetcast, not an official statistic (see data/README.md)";
const rows = [];
const round = (v, d) => Number(v.toFixed(d));
const put = (indicator, unit, values, note = "", digits = 2) =>
  values.forEach((v, i) => v !== null && rows.push([indicator, YEARS[i], round(v, digits), unit, SOURCE, note]));
const grow = (v0, g, d = 2) => YEARS.map((_, i) => round(v0 * (1 + g) ** i, d));

// Economy and population
const gdp = grow(330, 0.12, 1); // 亿元, current prices
const deflator = [100, 104.5, 109.6, 112.8, 115.5]; // GDP deflator index, 2009 = 100
const gdpReal = gdp.map((v, i) => round((100 * v) / deflator[i], 2)); // 亿元 at 2009 prices
const capital = grow(880, 0.095, 1); // 亿元 at 2009 prices, perpetual-inventory capital stock
const employment = grow(36.0, 0.011, 2); // 万人
const labour = grow(37.8, 0.011, 2); // 万人
const population = [64.2, 64.8, 65.5, 66.2, 66.9]; // 万人
put("gdp", "亿元", gdp, "current prices", 1);
put("gdp_deflator", "指数", deflator, "2009 = 100", 1);
put("gdp_real", "亿元", gdpReal, "2009 prices = 100 × gdp / gdp_deflator");
put("capital_stock", "亿元", capital, "2009 prices", 1);
put("employment", "万人", employment);
put("labour_force", "万人", labour);
put("population", "万人", population, "resident population", 1);

// Public finance (万元)
const budget = grow(250000, 0.15, 0);
const fiscalSt = budget.map((b, i) => round(b * [0.016, 0.017, 0.018, 0.02, 0.021][i], 0));
put("general_budget_expenditure", "万元", budget, "district general budget expenditure", 0);
put("fiscal_st_spending", "万元", fiscalSt, "district fiscal S&T expenditure", 0);
put("fiscal_st_share", "%", fiscalSt.map((f, i) => (100 * f) / budget[i]), "= 100 × fiscal_st_spending / general_budget_expenditure", 3);
put("sme_development_fund", "万元", [200, 200, 250, 300, 300], "", 0);

// R&D
const rd = gdp.map((g, i) => round(g * [0.016, 0.0172, 0.0183, 0.0195, 0.0205][i], 3)); // 亿元
put("rd_expenditure", "亿元", rd, "", 3);
put("rd_intensity", "%", rd.map((r, i) => (100 * r) / gdp[i]), "= 100 × rd_expenditure / gdp", 3);
const rdPersonnel = labour.map((l, i) => round(l * [70, 75, 80, 86, 92][i], 0)); // 人年
put("rd_personnel", "人年", rdPersonnel, "full-time equivalent", 0);
put("rd_personnel_per_10k_labour", "人年/万人劳动力", rdPersonnel.map((p, i) => p / labour[i]), "= rd_personnel / labour_force", 2);

// Invention patents: stock in force by perpetual inventory with lapse rate 0.15
const grants = [25, 35, 50, 65, 80]; // 件 per year
const stock = [];
grants.forEach((g, i) => stock.push(i === 0 ? 100 : round(0.85 * stock[i - 1] + g, 0)));
put("invention_patent_grants", "件", grants, "invention patents granted in the year", 0);
put("invention_patents_in_force", "件", stock, "2010+ = round(0.85 × previous + grants)", 0);
put("invention_patents_per_10k_pop", "件/万人", stock.map((s, i) => s / population[i]), "= invention_patents_in_force / population", 3);

// Industry
const industry = grow(600, 0.136, 1); // 亿元
const hightech = industry.map((v, i) => round(v * [0.38, 0.4, 0.425, 0.445, 0.465][i], 1));
put("above_scale_industrial_output", "亿元", industry, "", 1);
put("hightech_output", "亿元", hightech, "", 1);
put("hightech_output_share", "%", hightech.map((h, i) => (100 * h) / industry[i]), "= 100 × hightech_output / above_scale_industrial_output", 3);
const firms = [128, 134, 139, 145, 150];
const hte = [6, 8, 10, 13, 16];
put("above_scale_industrial_enterprises", "家", firms, "", 0);
put("national_hightech_enterprises", "家", hte, "", 0);
put("hightech_enterprise_share", "%", hte.map((h, i) => (100 * h) / firms[i]), "= 100 × national_hightech_enterprises / above_scale_industrial_enterprises", 3);

// S&T progress contribution, Solow residual over a 3-year window, alpha = 0.35 (see src/model/solow.ts)
const cagr = (a, b, n) => (b / a) ** (1 / n) - 1;
const contribution = YEARS.map((_, i) => {
  if (i < 3) return null;
  const y = cagr(gdpReal[i - 3], gdpReal[i], 3);
  const k = cagr(capital[i - 3], capital[i], 3);
  const l = cagr(employment[i - 3], employment[i], 3);
  return (100 * (y - 0.35 * k - 0.65 * l)) / y;
});
put("st_progress_contribution", "%", contribution, "Solow residual share of real GDP growth over the 3 years to this year, alpha = 0.35", 2);

// Energy: intensity on real GDP (tce per 10,000 yuan at 2009 prices)
const intensity = [0.68, 0.65, 0.62, 0.59, 0.565];
const energy = gdpReal.map((g, i) => round(g * intensity[i], 2)); // 万吨标准煤
put("energy_consumption", "万吨标准煤", energy, "", 2);
put("energy_intensity", "吨标准煤/万元", energy.map((e, i) => e / gdpReal[i]), "= energy_consumption / gdp_real (2009 prices)", 4);

// Other targeted indicators (shares in %, counts, levels)
put("science_literacy_rate", "%", [4.2, 4.8, 5.3, 5.9, 6.4]);
put("modern_education_index", "%", [70, 73, 76, 78, 80], "composite score", 1);
put("informatization_index", "%", [68, 71.4, 73.9, 77.3, 80], "composite score", 1);
put("incubator_area", "万平方米", [12, 18, 25, 32, 38], "", 1);
put("incubated_firms", "家", [50, 68, 85, 105, 122], "", 0);
put("national_incubators", "家", [0, 0, 0, 0, 0], "", 0);
put("hightech_firms_with_rd_institution", "%", [62, 70, 78, 84, 88], "", 1);
put("provincial_rd_institutions", "家", [14, 19, 25, 31, 37], "cumulative", 0);
put("national_rd_institutions", "家", [0, 0, 1, 1, 1], "", 0);
put("district_university_partners", "家", [1, 1, 2, 3, 4], "", 0);
put("university_institutes_attracted", "家", [0, 1, 1, 2, 3], "", 0);
put("university_enterprise_alliances", "个", [8, 12, 16, 20, 24], "", 0);
put("iur_innovation_bases", "个", [0, 0, 0, 1, 1], "", 0);
put("rd_management_pilot_firms", "家", [0, 0, 0, 0, 1], "", 0);
put("firms_using_it_share", "%", [42, 46, 50, 53, 56], "", 1);
put("firms_ecommerce_share", "%", [18, 22.5, 25.8, 30.4, 34], "", 1);
put("strategic_emerging_va_share", "%", [8.5, 9.6, 10.8, 11.7, 12.6], "", 1);
put("first_set_equipment_firms", "家", [0, 0, 1, 1, 1], "", 0);
put("provincial_service_clusters", "个", [0, 0, 0, 1, 1], "", 0);
put("producer_services_share", "%", [34, 35.2, 36.5, 37.6, 38.5], "", 1);
put("agri_demo_bases", "家", [0, 0, 0, 0, 0], "", 0);
put("agri_labour_productivity", "万元/人·年", [2.9, 3.3, 3.7, 4.0, 4.3], "current prices", 2);
put("efficient_facility_agri_share", "%", [11, 12.7, 13.8, 15.7, 17], "", 1);
put("agri_waste_utilisation", "%", [72, 76, 80, 83, 86], "", 1);
put("innovative_pilot_towns", "家", [0, 0, 1, 1, 2], "", 0);
put("tech_firms_cultivated", "家", [30, 45, 60, 75, 88], "cumulative since 2009", 0);
put("talent_per_10k_labour", "人/万人劳动力", [1650, 1790, 1910, 2070, 2200], "", 0);
put("high_level_talent_recruited", "人", [15, 18, 24, 29, 33], "recruited in the year", 0);
put("urban_sewage_treatment_rate", "%", [68, 72, 76, 79, 82], "", 1);
put("national_science_communities", "个", [0, 0, 1, 1, 2], "cumulative", 0);

const esc = (s) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
const text = ["indicator,year,value,unit,source,note", ...rows.map((r) => r.map(esc).join(","))].join("\n") + "\n";
const out = new URL("./haizhou.csv", import.meta.url);
writeFileSync(out.pathname + ".tmp", text);
renameSync(out.pathname + ".tmp", out.pathname);
console.log(`wrote ${rows.length} rows to ${out.pathname}`);
