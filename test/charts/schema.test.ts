import { describe, expect, it } from "vitest";
import { ILLUSTRATIVE_TEXT, VEGA_LITE_SCHEMA } from "../../src/charts/frame.js";
import { results } from "./fixture.js";
import { allSpecs, LANGS, vegaLiteValidator } from "./helpers.js";

describe("every spec validates against the Vega-Lite schema in node_modules/vega-lite", () => {
  const validate = vegaLiteValidator();
  for (const lang of LANGS) {
    for (const { name, spec } of allSpecs(lang)) {
      it(`${name} [${lang}]`, () => {
        // What is saved as .vl.json is what must validate.
        const json = JSON.parse(JSON.stringify(spec));
        const ok = validate(json);
        const errors = (validate.errors ?? [])
          .slice(0, 8)
          .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
        expect(errors, errors.join("\n")).toEqual([]);
        expect(ok).toBe(true);
        expect(json.$schema).toBe(VEGA_LITE_SCHEMA);
      });
    }
  }
});

describe("every chart names its data source and flags illustrative data on the chart itself", () => {
  for (const lang of LANGS) {
    it(`illustrative results [${lang}]`, () => {
      for (const { name, spec } of allSpecs(lang)) {
        const title = spec.title as { text: unknown; subtitle: string[] };
        expect(title.subtitle, name).toContain(`【${ILLUSTRATIVE_TEXT}】`);
        // The data's source column, as a publication cites it — not a file path.
        expect(
          title.subtitle.some((l) => l.includes("海州区统计年鉴 (illustrative)")),
          name,
        ).toBe(true);
        expect(JSON.stringify(title.subtitle), name).not.toContain("data/baseline/");
      }
    });
  }

  it("official results carry the source but no illustrative warning", () => {
    const official = results.map((r) => ({
      ...r,
      illustrative: false,
      dataSource: "data/official.csv",
      history: r.history.map((h) => ({ ...h, source: "海州区统计局 2013 统计年鉴" })),
    }));
    for (const { name, spec } of allSpecs("both", official)) {
      const text = JSON.stringify(spec.title);
      expect(text, name).not.toContain("示意数据");
      expect(text, name).toContain("海州区统计局 2013 统计年鉴");
    }
  });
});

describe("builders are pure", () => {
  it("same input gives the same JSON, and the input is not modified", () => {
    const before = JSON.stringify(results);
    const a = JSON.stringify(allSpecs("both"));
    const b = JSON.stringify(allSpecs("both"));
    expect(a).toBe(b);
    expect(JSON.stringify(results)).toBe(before);
  });
});
