/**
 * `brief --lang zh --pptx [--pdf]`: a Chinese briefing that opens with the summary, a deck of
 * 3 slides plus one per headline target, and (with Chromium) an A4 PDF of at most 12 pages; no
 * internal id (`a_b.c` style) anywhere in the Chinese text a reader sees.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { HAVE_CHROMIUM } from "../charts/helpers.js";
import { cliAsync } from "./cliAsync.js";
import { visibleText } from "./visibleText.js";

const tmp = mkdtempSync(path.join(tmpdir(), "targetcast-deck-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Tokens that look like internal ids: lower-case words joined by "_" (and "." parts). */
const ID_LIKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z][a-z0-9_]*)*\b/g;

describe("brief --lang zh --pptx", () => {
  it("writes a briefing with the summary and a deck of 3 + headline slides; no internal ids in the Chinese text", async () => {
    const out = path.join(tmp, "zh");
    const args = ["brief", "--lang", "zh", "--pptx", "--no-png", "--paths", "500", "--out", out];
    if (HAVE_CHROMIUM) args.push("--pdf");
    const r = await cliAsync(args);
    expect(r.status, r.stderr).toBe(0);

    const html = readFileSync(path.join(out, "briefing.html"), "utf8");
    expect(html).toContain('<section id="summary">');
    const headline = html.slice(
      html.indexOf('<ol class="headline">'),
      html.indexOf("</ol>", html.indexOf('<ol class="headline">')),
    );
    const n = (headline.match(/<li>/g) ?? []).length;
    expect(n).toBeGreaterThan(0);

    const zip = await JSZip.loadAsync(readFileSync(path.join(out, "briefing.pptx")));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(3 + n);
    const deckText = (
      await Promise.all(
        slides.map(async (f) =>
          [...(await zip.file(f)!.async("string")).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]),
        ),
      )
    )
      .flat()
      .join(" ");
    expect(deckText).toContain("各情景目标状态");

    const text = visibleText(html);
    expect(text).toContain("最需关注的重点目标");
    expect(text.match(ID_LIKE) ?? [], "id-like tokens in the zh briefing").toEqual([]);
    expect(deckText.match(ID_LIKE) ?? [], "id-like tokens in the zh deck").toEqual([]);
    expect(`${r.stdout}${r.stderr}`.match(ID_LIKE) ?? [], "id-like tokens on the terminal").toEqual([]);

    if (HAVE_CHROMIUM) {
      const pdf = readFileSync(path.join(out, "briefing.pdf"));
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      expect(pages).toBeGreaterThan(1);
      expect(pages).toBeLessThanOrEqual(12);
    }
  }, 360_000);

  it("refuses an allocation file that is not an allocation result, naming the file and the field", async () => {
    const bad = path.join(tmp, "allocation.json");
    writeFileSync(bad, JSON.stringify({ scenario: "x", budget: -1 }));
    const r = await cliAsync(["brief", "--allocation", bad, "--no-png", "--out", path.join(tmp, "b")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain("budget");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
