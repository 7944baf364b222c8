/**
 * `--lang zh|en|both` on the commands that print words (src/cli/lang.ts), through the built CLI:
 * English holds no Chinese headings; both is the default; a wrong value is a usage error. (That the
 * Chinese text holds no internal id and no English heading or sentence: zhAudit.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { tempDir } from "../region/helpers.js";
import { cliAsync as cli } from "./cliAsync.js";

describe("--lang en and both", () => {
  it("run --lang en prints English headings, statuses and reasons, no Chinese heading", async () => {
    const r = await cli([
      "run",
      "scenarios/baseline.yaml",
      "--lang",
      "en",
      "--paths",
      "200",
      "--out",
      tempDir("lang-en"),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Why at risk:");
    expect(r.stdout).toContain("Off track");
    expect(r.stdout).toMatch(/R&D intensity|R&D expenditure/);
    for (const zh of ["为何有风险", "目标", "状态", "偏离", "影响最大的假设", "同时达成的目标数"])
      expect(r.stdout, zh).not.toContain(zh);
  }, 120_000);

  it("targets shows each target's nature, forecast or commitment, in the language asked for", async () => {
    const row = (out: string, id: string) => out.split("\n").find((l) => l.startsWith(`${id} `)) ?? "";
    const zh = await cli(["targets", "--lang", "zh"]);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain("性质");
    expect(row(zh.stdout, "fiscal_st_share")).toMatch(/承诺（决策）$/);
    expect(row(zh.stdout, "rd_intensity")).toMatch(/预测$/);
    expect(zh.stdout).toContain("承诺 2 项");
    const en = await cli(["targets", "--lang", "en"]);
    expect(row(en.stdout, "sme_development_fund")).toMatch(/commitment \(decision\)$/);
    expect(row(en.stdout, "rd_intensity")).toMatch(/forecast$/);
    expect(en.stdout).toContain("2 commitments");
    const json = JSON.parse((await cli(["targets", "--format", "json"])).stdout) as { id: string; nature: string }[];
    expect(json.filter((t) => t.nature === "commitment").map((t) => t.id)).toEqual([
      "sme_development_fund",
      "fiscal_st_share",
    ]);
  });

  it("the default is both, as before: Chinese then English headings", async () => {
    const r = await cli(["targets"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("名称 Name");
  });

  it("a wrong --lang is a usage error (exit 2) on every command that takes it; --help lists it", async () => {
    for (const command of ["run", "brief", "chart", "allocate", "compare", "targets", "forecast"]) {
      const bad = await cli([command, "--lang", "fr"]);
      expect(bad.status, command).toBe(2);
      expect(bad.stderr, command).toContain('--lang must be zh, en or both, not "fr"');
      expect((await cli([command, "--help"])).stdout, command).toMatch(/--lang L\s+zh \| en \| both/);
    }
  }, 120_000);

  it("forecast --lang zh labels its lines in Chinese", async () => {
    const r = await cli(["forecast", "--indicator", "rd_expenditure", "--lang", "zh"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("方法：");
    expect(r.stdout).toContain("中位数");
    expect(r.stdout).not.toContain("Method:");
  });
});
