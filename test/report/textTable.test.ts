/**
 * Terminal tables that stay aligned with Chinese text (src/report/textTable.ts): display widths by
 * Unicode UAX #11 (East Asian wide and full-width characters take two columns, combining marks and
 * the zero-width space none), cutting with "…", padding, and the rendered table itself.
 */
import { describe, expect, it } from "vitest";
import { displayWidth, pad, renderTable, truncate } from "../../src/report/textTable.js";

const ch = (c: number) => String.fromCodePoint(c);

/** The wide ranges of textTable.ts, from UAX #11 (first and last code point of each). */
const WIDE: [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0x33ff], // kana, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms
  [0xffe0, 0xffe6], // full-width signs
  [0x20000, 0x3fffd], // planes 2 and 3
];

describe("displayWidth", () => {
  it("counts ASCII one column each and Chinese two", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("研发")).toBe(4);
    expect(displayWidth("R&D 研发投入")).toBe(12);
    expect(displayWidth("（％）")).toBe(6);
  });

  it("counts both ends of every wide range as two columns, and the code points just outside as one", () => {
    for (const [lo, hi] of WIDE) {
      expect(displayWidth(ch(lo)), lo.toString(16)).toBe(2);
      expect(displayWidth(ch(hi)), hi.toString(16)).toBe(2);
      // Ranges that touch the next one (0x33ff | 0x3400, 0x9fff | 0xa000) have no narrow neighbour there.
      if (!WIDE.some(([l]) => l === hi + 1)) expect(displayWidth(ch(hi + 1)), (hi + 1).toString(16)).toBe(1);
      if (!WIDE.some(([, h]) => h === lo - 1)) expect(displayWidth(ch(lo - 1)), (lo - 1).toString(16)).toBe(1);
    }
    // Between the ranges: Latin-1, Greek, box drawing, the Yijing hexagrams, a private-use character, Linear B.
    for (const c of [0xe9, 0x3b1, 0x2500, 0x4dc0, 0xe000, 0x10000]) expect(displayWidth(ch(c))).toBe(1);
  });

  it("gives combining marks (U+0300–U+036F), NUL and the zero-width space no column", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth(`a${ch(0x300)}${ch(0x36f)}`)).toBe(1);
    expect(displayWidth(ch(0x2ff))).toBe(1);
    expect(displayWidth(ch(0x370))).toBe(1);
    expect(displayWidth("a\u0000b")).toBe(2);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(displayWidth("\u200a\u200c")).toBe(2);
  });
});

describe("truncate", () => {
  it("leaves text that fits, including text exactly as wide as the limit", () => {
    expect(truncate("abcd", 4)).toBe("abcd");
    expect(truncate("研发", 4)).toBe("研发");
    expect(truncate("", 0)).toBe("");
  });

  it("cuts longer text to at most the width, the last column being …", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcde", 4)).toBe("abc…");
    // Chinese takes two columns: 研发 (4) + … (1) = 5; at 4 only 研 fits before the mark.
    expect(truncate("研发投入", 5)).toBe("研发…");
    expect(truncate("研发投入", 4)).toBe("研…");
    expect(truncate("ab研发", 4)).toBe("ab…");
    expect(displayWidth(truncate("研发投入占地区生产总值的比重", 9))).toBeLessThanOrEqual(9);
  });
});

describe("pad", () => {
  it("fills to the display width on the right (default) or on the left", () => {
    expect(pad("研", 4)).toBe("研  ");
    expect(pad("研", 4, "left")).toBe("研  ");
    expect(pad("研", 4, "right")).toBe("  研");
    expect(pad("ab", 2)).toBe("ab");
    // Wider than the column: no fill, nothing cut.
    expect(pad("abc", 1, "right")).toBe("abc");
  });
});

describe("renderTable", () => {
  it("aligns columns two spaces apart under a rule as wide as each column, cutting cells at their maximum", () => {
    const out = renderTable(
      [{ header: "名称" }, { header: "值", align: "right" }, { header: "备注", max: 4 }],
      [
        ["研发投入", "1", "ok"],
        ["ab", "22", "abcdef"],
      ],
    );
    expect(out.split("\n")).toEqual([
      "名称      值  备注",
      "────────  ──  ────",
      "研发投入   1  ok",
      "ab        22  abc…",
    ]);
  });

  it("gives a short row empty cells and trims the spaces at the end of a line", () => {
    const out = renderTable([{ header: "a" }, { header: "bb" }], [["x"], ["yyy", "z"]]);
    expect(out.split("\n")).toEqual(["a    bb", "───  ──", "x", "yyy  z"]);
  });
});
