/**
 * Audit of every Chinese output on the bundled data (issue 15, "Chinese first, everywhere"):
 * `brief --lang zh --pptx --appendix`, `run`, `forecast`, `targets`, `compare` and `allocate`
 * with `--lang zh`. What a reader sees — terminal text (stdout and stderr), the briefing's visible
 * text, the deck's slide text and the charts' SVG text — holds no internal id (`a_b.c` or
 * `snake_case`) and no English sentence (heuristic: a run of 4 or more ASCII words).
 *
 * Allowed, each on purpose: the `id` column of `targets` (it is the id column), file paths, the
 * bilingual illustrative-data warning (written in both languages whatever --lang is, so no reader
 * can miss it; src/charts/frame.ts) and the data's own `source` column quoted as it is (provenance).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ILLUSTRATIVE_TEXT } from "../../src/charts/frame.js";
import { parseCsvRecords } from "../../src/data/csv.js";
import { tempDir } from "../region/helpers.js";
import { cliAsync as cli } from "./cliAsync.js";
import { visibleText } from "./visibleText.js";

/** An internal id: lower-case words joined by "_", with or without "." parts. */
const SNAKE_ID = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z][a-z0-9_-]*)*\b/;
/** An English sentence: 4 or more ASCII words in a row (separated by spaces, commas, semicolons or colons). */
const ENGLISH_RUN = /\b[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*){3,}\b/;

/** English headings and words of ours that would show alone, too short to be a sentence (data such as paths may be English). */
const ENGLISH_HEADING =
  /\b(Target|Status|Why at risk|Not assessed|Expected targets met|Assumption|Programme|Runners-up|Targets met together|moves no target|Median|Unit|Responsible)\b/;

/** The data's own `source` column (quoted as it is, by design). */
const DATA_SOURCES = (() => {
  const file = "data/baseline/haizhou.csv";
  const [header, ...rows] = parseCsvRecords(readFileSync(file, "utf8"), file);
  const col = header.fields.indexOf("source");
  return [...new Set(rows.map((r) => r.fields[col]))].filter(Boolean);
})();

/** File paths (data/baseline/haizhou.csv, scenarios/baseline.yaml, /tmp/…/briefing.html). */
const PATH = /(?:[\w.-]*\/)+[\w.-]+\.(?:csv|yaml|yml|xlsx|json|html|pptx|pdf|png|svg|otf|txt|md)\b/g;

/** The text under audit: the deliberate exceptions taken out. */
function audited(text: string): string {
  let t = text.split(ILLUSTRATIVE_TEXT).join(" ");
  for (const s of DATA_SOURCES) t = t.split(s).join(" ");
  return t.replace(PATH, " ");
}

/** The first hit of a pattern with some context, or null. */
function firstHit(text: string, pattern: RegExp): string | null {
  const m = pattern.exec(text);
  return m ? `«${m[0]}» in …${text.slice(Math.max(0, m.index - 50), m.index + m[0].length + 50)}…` : null;
}

function expectChinese(what: string, text: string): void {
  const t = audited(text);
  expect(firstHit(t, SNAKE_ID), `${what}: an internal id`).toBeNull();
  expect(firstHit(t, ENGLISH_RUN), `${what}: an English sentence`).toBeNull();
  expect(t, `${what}: some Chinese`).toMatch(/[\u4e00-\u9fff]/);
}

describe("the audit's patterns", () => {
  it("catch the issue's example, snake_case ids and English sentences; spare names, units, years and notation", () => {
    expect("影响最大的假设：national_hightech_enterprises.count.additions（ρ = 0.38）").toMatch(SNAKE_ID);
    expect("无法预测“x”：rd_intensity").toMatch(SNAKE_ID);
    expect("no mechanism in the scenario").toMatch(ENGLISH_RUN);
    expect("combined trend (median of drift, theta, drift for holt)").toMatch(ENGLISH_RUN);
    for (const ok of ["ETS(M,N,N) · AICc 39.2", "N(10%, 标准差 1.5%)", "Tri(0.5, 1, 2)", "R&D 2.5%", "P(≥ 14) 98%"]) {
      expect(ok).not.toMatch(SNAKE_ID);
      expect(ok).not.toMatch(ENGLISH_RUN);
    }
    expect(audited(`【${ILLUSTRATIVE_TEXT}】数据：data/baseline/haizhou.csv`)).not.toMatch(ENGLISH_RUN);
  });
});

describe("--lang zh on the bundled data: no internal id, no English sentence", () => {
  it("brief --lang zh --pptx --appendix: terminal, briefing, deck and every chart", async () => {
    const out = tempDir("zh-audit-brief");
    const r = await cli(["brief", "--lang", "zh", "--pptx", "--appendix", "--no-png", "--paths", "200", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expectChinese("brief terminal", `${r.stdout}\n${r.stderr}\n中文`);
    expectChinese("briefing.html", visibleText(readFileSync(path.join(out, "briefing.html"), "utf8")));
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, "briefing.pptx")));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThan(3);
    for (const f of slides) {
      const text = [...(await zip.file(f)!.async("string")).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
      expectChinese(`briefing.pptx ${f}`, visibleText(text.join("\n")));
    }
    const charts = readdirSync(out).filter((f) => f.endsWith(".svg"));
    expect(charts.length).toBeGreaterThan(10);
    for (const f of charts) expectChinese(f, visibleText(readFileSync(path.join(out, f), "utf8")));
  }, 300_000);

  const runs: Record<string, string[]> = {
    run: ["run", "--lang", "zh", "--paths", "200", "--out", tempDir("zh-audit-run"), "--quiet"],
    forecast: ["forecast", "--indicator", "rd_expenditure", "--lang", "zh"],
    "compare (scenario files)": [
      "compare",
      "scenarios/baseline.yaml",
      "scenarios/patent-pipeline-stress.yaml",
      "scenarios/fiscal-squeeze.yaml",
      "--paths",
      "200",
      "--lang",
      "zh",
      "--out",
      tempDir("zh-audit-compare"),
    ],
    allocate: [
      "allocate",
      "--budget",
      "3000",
      "--paths",
      "200",
      "--grid",
      "2",
      "--sensitivity",
      "--lang",
      "zh",
      "--out",
      tempDir("zh-audit-allocate"),
      "--quiet",
    ],
  };
  for (const [name, args] of Object.entries(runs)) {
    it(`${name} --lang zh`, async () => {
      const r = await cli(args);
      expect(r.status, r.stderr).toBe(0);
      expectChinese(`${name} stdout`, r.stdout);
      expect(firstHit(audited(r.stdout), ENGLISH_HEADING), `${name} stdout: an English heading`).toBeNull();
      expectChinese(`${name} stderr`, `${r.stderr}\n中文`);
    }, 300_000);
  }

  it("targets --lang zh: ids only in its id column", async () => {
    const r = await cli(["targets", "--lang", "zh"]);
    expect(r.status, r.stderr).toBe(0);
    const [header, , ...rows] = r.stdout.trimEnd().split("\n");
    expect(header.split(/\s{2,}/)[0]).toBe("编号");
    // The first column is the id column: take it out of each row, then nothing id-like is left.
    expectChinese("targets", [header, ...rows.map((l) => l.replace(/^\S+\s+/, ""))].join("\n"));
    expect(rows[0]).toMatch(SNAKE_ID);
  }, 120_000);
});
