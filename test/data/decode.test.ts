import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/csv.js";
import { decodeBytes } from "../../src/data/decode.js";
import { InputError } from "../../src/data/errors.js";
import { fixture } from "./helpers.js";

const text = "indicator,name\nrd,研发投入\n";

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(s, "utf16le");
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

describe("decodeBytes", () => {
  it("reads UTF-8 without and with a BOM, dropping the BOM", () => {
    expect(decodeBytes(Buffer.from(text, "utf8"), "a.csv")).toEqual({ text, encoding: "utf-8" });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(decodeBytes(withBom, "a.csv")).toEqual({ text, encoding: "utf-8-bom" });
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    expect(decodeBytes(utf16(text, false), "a.csv")).toEqual({ text, encoding: "utf-16le" });
    expect(decodeBytes(utf16(text, true), "a.csv")).toEqual({ text, encoding: "utf-16be" });
  });

  it("falls back to GB18030 for bytes that are not UTF-8 and records it", () => {
    // "研发投入" in GB18030/GBK, written out byte by byte.
    const gbk = Buffer.from([0xd1, 0xd0, 0xb7, 0xa2, 0xcd, 0xb6, 0xc8, 0xeb]);
    expect(decodeBytes(gbk, "a.csv")).toEqual({ text: "研发投入", encoding: "gb18030" });
  });

  it("gives the same parsed rows for the GB18030 and the UTF-8-with-BOM fixture", () => {
    const u = decodeBytes(readFileSync(fixture("baseline-utf8-bom.csv")), "u.csv");
    const g = decodeBytes(readFileSync(fixture("baseline-gb18030.csv")), "g.csv");
    expect(u.encoding).toBe("utf-8-bom");
    expect(g.encoding).toBe("gb18030");
    expect(g.text).toBe(u.text);
    const ur = parseCsv(u.text, "u.csv");
    const gr = parseCsv(g.text, "g.csv");
    expect(gr.rows).toEqual(ur.rows);
    expect(gr.rows[0].fields[4]).toBe("海州区统计年鉴2012");
    expect(gr.rows.at(-1)!.fields[4]).toBe("海州区国民经济和社会发展统计公报");
  });

  it("refuses bytes that are neither UTF-8 nor GB18030, naming the line", () => {
    const bytes = Buffer.concat([Buffer.from("a,b\n1,2\n", "utf8"), Buffer.from([0x31, 0x2c, 0xff, 0x0a])]);
    let err: unknown;
    try {
      decodeBytes(bytes, "data/x.csv");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).line).toBe(3);
    expect((err as InputError).message).toMatch(/^data\/x\.csv:3: .*Fix: .*UTF-8/);
  });

  it("refuses a UTF-8 BOM followed by invalid bytes, an Excel file renamed to .csv and NUL bytes", () => {
    expect(() => decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]), "x.csv")).toThrow(InputError);
    expect(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "x.csv")).toThrow(/\.xlsx/);
    expect(() => decodeBytes(Buffer.from("a\u0000b", "utf8"), "x.csv")).toThrow(/NUL/);
  });
});
