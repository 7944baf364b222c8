/**
 * src/ must not know about the bundled example region: no Haizhou / Lianyungang names and no
 * Haizhou indicator ids hard-coded. The bundled example's default files are named in
 * targetcast.config.json at the project root, not in src/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../src/data/csv.js";
import { ROOT } from "./helpers.js";

const SRC = join(ROOT, "src");
const REGION_NAMES = /haizhou|海州|lianyungang|连云港/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const srcFiles = filesUnder(SRC).map((f) => ({
  rel: relative(ROOT, f).split("\\").join("/"),
  text: readFileSync(f, "utf8"),
}));

/** String literals (and template pieces) and identifiers used as names, i.e. everything but comments. */
function codeTokens(file: string, text: string): { kind: "string" | "name"; text: string; line: number }[] {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: { kind: "string" | "name"; text: string; line: number }[] = [];
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node) => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      out.push({ kind: "string", text: n.text, line: line(n) });
    } else if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) {
      out.push({ kind: "name", text: n.text, line: line(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Target ids and indicator ids of the bundled Haizhou catalogue. */
function haizhouIds(): string[] {
  const file = join(ROOT, "data", "targets", "haizhou-2015.csv");
  const [header, ...rows] = parseCsvRecords(readFileSync(file, "utf8"), file);
  const cols = ["id", "indicator"].map((c) => header.fields.indexOf(c));
  return [...new Set(rows.flatMap((r) => cols.map((c) => r.fields[c].trim())))].sort();
}

describe("no Haizhou identifiers in src/", () => {
  it("src/ has TypeScript files to check", () => {
    expect(srcFiles.filter((f) => f.rel.endsWith(".ts")).length).toBeGreaterThan(20);
  });

  it("no file under src/ names Haizhou or Lianyungang (comments included)", () => {
    const hits = srcFiles.flatMap((f) =>
      f.text.split("\n").flatMap((l, i) => (REGION_NAMES.test(l) ? [`${f.rel}:${i + 1}: ${l.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it("no code outside src/cli/ (string literals, identifiers) names Haizhou or Lianyungang", () => {
    const hits = srcFiles
      .filter((f) => f.rel.endsWith(".ts") && !f.rel.startsWith("src/cli/"))
      .flatMap((f) =>
        codeTokens(f.rel, f.text)
          .filter((t) => REGION_NAMES.test(t.text))
          .map((t) => `${f.rel}:${t.line}: ${t.text.slice(0, 80)}`),
      );
    expect(hits).toEqual([]);
  });

  it("no Haizhou target or indicator id is hard-coded in src/ as a string literal or a name (comments excluded)", () => {
    const ids = new Set(haizhouIds());
    expect(ids.size).toBeGreaterThan(30);
    expect(ids.has("rd_intensity")).toBe(true);
    const hits = srcFiles
      .filter((f) => f.rel.endsWith(".ts"))
      .flatMap((f) =>
        codeTokens(f.rel, f.text)
          .filter((t) => ids.has(t.text))
          .map((t) => `${f.rel}:${t.line}: ${t.kind} "${t.text}"`),
      );
    expect(hits).toEqual([]);
  });

  it("the bundled example's default files are named in targetcast.config.json", () => {
    const config = JSON.parse(readFileSync(join(ROOT, "targetcast.config.json"), "utf8")) as Record<string, string>;
    expect(config.data).toBe("data/baseline/haizhou.csv");
    expect(config.targets).toBe("data/targets/haizhou-2015.csv");
  });
});
