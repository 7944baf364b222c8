/**
 * A scenario's `description` and an assumption's or correlation's `note` accept one string (shown
 * for both languages) or `{ zh, en }`; anything else is refused at its line with the fix.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/data/errors.js";
import { bundledScenarios } from "../../src/project/inputs.js";
import { bilingualText } from "../../src/scenario/bilingualText.js";
import { loadScenario } from "../../src/scenario/load.js";

const dir = mkdtempSync(join(tmpdir(), "tc-bilingual-"));
function scenarioFile(name: string, description: string, extra = ""): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `name: { zh: 测试, en: Test }\n${description}\nbase_year: 2013\nhorizon: 2015\nindicators:\n  gdp: { growth: 0.1, note: ${extra || "plain note"} }\n`,
  );
  return file;
}

describe("bilingual scenario text", () => {
  it("a plain string stands for both languages; { zh, en } keeps each", () => {
    expect(bilingualText("same")).toEqual({ zh: "same", en: "same" });
    expect(bilingualText({ zh: "名义增速", en: "nominal growth" })).toEqual({ zh: "名义增速", en: "nominal growth" });
  });

  it("a scenario file may give description and note either way", async () => {
    const plain = await loadScenario(scenarioFile("plain.yaml", "description: one text"));
    expect(plain.scenario.description).toBe("one text");
    const both = await loadScenario(
      scenarioFile("both.yaml", "description:\n  zh: 中文说明\n  en: English text", "{ zh: 名义, en: nominal }"),
    );
    expect(both.scenario.description).toEqual({ zh: "中文说明", en: "English text" });
    expect(both.scenario.indicators.gdp.note).toEqual({ zh: "名义", en: "nominal" });
  });

  it("a description with only one language, or an unknown key, is refused at its line", async () => {
    for (const [name, text] of [
      ["zh-only.yaml", "description:\n  zh: 只有中文"],
      ["fr.yaml", "description:\n  zh: 中文\n  en: English\n  fr: Français"],
    ]) {
      const file = scenarioFile(name, text);
      const err = await loadScenario(file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(InputError);
      expect((err as InputError).message).toContain("description");
      expect((err as InputError).line, name).toBeGreaterThan(1);
      expect((err as InputError).fix, name).toMatch(/"?zh"?/);
    }
  });

  it("every bundled scenario has a Chinese description different from its English one", async () => {
    for (const file of await bundledScenarios()) {
      const { scenario } = await loadScenario(file);
      const d = bilingualText(scenario.description);
      expect(d.zh.match(/[\u4e00-\u9fff]/g)?.length ?? 0, file).toBeGreaterThan(60);
      expect(d.en, file).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
