/**
 * The notebook display helpers (src/notebook/display.ts): a chart is one output carrying the Vega-Lite
 * spec and its SVG picture; a table is an HTML table. The executed notebooks are checked in
 * test/notebooks/notebooks.test.ts; here the bundles themselves and the way they reach the kernel.
 */

/**
 * The notebook display helpers (src/notebook/display.ts): a chart is one output carrying the Vega-Lite
 * spec and its SVG picture; a table is an HTML table. The executed notebooks are checked in
 * test/notebooks/notebooks.test.ts; here the bundles themselves and the way they reach the kernel.
 */
import Module, { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { chartConfig } from "../../src/charts/theme.js";
import {
  chartBundle,
  type MimeBundle,
  showChart,
  showTable,
  tableHtml,
  VEGA_LITE_MIME,
} from "../../src/notebook/display.js";

const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  config: chartConfig,
  title: { text: ["研发投入强度", "R&D intensity"] },
  data: { values: [{ year: 2013, value: 1.9 }] },
  mark: "point",
  encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value", type: "quantitative" } },
  description: undefined,
};

describe("chartBundle", () => {
  it("holds the Vega-Lite spec (as JSON), its SVG rendering and the title as plain text", async () => {
    const b = await chartBundle(spec);
    expect(Object.keys(b).sort()).toEqual([VEGA_LITE_MIME, "image/svg+xml", "text/plain"].sort());
    expect(VEGA_LITE_MIME).toBe("application/vnd.vegalite.v5+json");
    // JSON: keys holding undefined are gone, everything else is the spec.
    expect(b[VEGA_LITE_MIME]).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(b[VEGA_LITE_MIME]).not.toHaveProperty("description");
    expect((b[VEGA_LITE_MIME] as typeof spec).title).toEqual(spec.title);
    const svg = String(b["image/svg+xml"]);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("研发投入强度");
    expect(b["text/plain"]).toBe("研发投入强度 R&D intensity");
  });
});

describe("tableHtml", () => {
  it("renders rows as an HTML table: headers, numbers right-aligned to 4 significant digits, – for missing, escaped text", () => {
    const html = tableHtml(
      [
        { name: "x<y", value: 1.234567 },
        { name: "z", value: null },
      ],
      { headers: { value: "值 Value (%)" }, caption: "表 Table" },
    );
    expect(html).toContain('<caption style="text-align:left;font-weight:bold">表 Table</caption>');
    expect(html).toContain('<th style="text-align:left">name</th><th style="text-align:left">值 Value (%)</th>');
    expect(html).toContain('<td style="text-align:left">x&lt;y</td><td style="text-align:right">1.235</td>');
    expect(html).toContain('<td style="text-align:left">z</td><td style="text-align:left">–</td>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it("takes a DataFrame's columns and rows, picks and orders columns, refuses an unknown one", () => {
    const frame = { columns: ["a", "b"], values: [[1, 2.5]] };
    expect(tableHtml(frame, { columns: ["b", "a"] })).toContain(
      '<td style="text-align:right">2.5</td><td style="text-align:right">1</td>',
    );
    expect(() => tableHtml(frame, { columns: ["c"] })).toThrow('showTable: no column "c" (columns: a, b)');
  });

  it("shows at most maxRows rows and says how many more there are", () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ i }));
    const html = tableHtml(rows, { maxRows: 2 });
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain("… 3 more rows (5 in all)");
  });
});

describe("showChart / showTable", () => {
  const cache = createRequire(import.meta.url).cache;
  const fake = "/nowhere/node_modules/tslab/dist/jupyter.js";
  afterEach(() => {
    delete cache[fake];
  });

  it("outside a tslab kernel they refuse, saying where they work", async () => {
    await expect(showChart(spec)).rejects.toThrow(/tslab kernel; none is running here/);
    expect(() => showTable([{ a: 1 }])).toThrow(/tslab kernel/);
  });

  it("send one output per call through the kernel's display writer, with every MIME type of the bundle", async () => {
    const sent: { data: MimeBundle; update: boolean }[] = [];
    const mod = new Module(fake);
    mod.exports = {
      lastWriteDisplayData: (content: { data: MimeBundle }, update: boolean) =>
        sent.push({ data: content.data, update }),
    };
    cache[fake] = mod;
    await showChart(spec);
    showTable([{ a: 1 }]);
    expect(sent).toHaveLength(2);
    expect(Object.keys(sent[0].data)).toEqual(expect.arrayContaining([VEGA_LITE_MIME, "image/svg+xml"]));
    expect(sent[0].update).toBe(false);
    expect(Object.keys(sent[1].data)).toEqual(["text/html"]);
    expect(String(sent[1].data["text/html"])).toContain("<table");
  });
});
