/**
 * The folders of src/ are layers that depend only on the layers before them (README, "How it works"):
 *
 *   stats → data → forecast → scenario → model → simulate → assess → allocate → charts → report → project → notebook → cli
 *
 * src/index.ts (the public API) may import any layer except cli. The test reads every import and
 * export-from of every file (static and dynamic `import("…")`), fails on an edge against that order,
 * and fails on any cycle between files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LAYERS = [
  "stats",
  "data",
  "forecast",
  "model",
  "scenario",
  "simulate",
  "assess",
  "allocate",
  "charts",
  "report",
  "project",
  "notebook",
  "cli",
];
const SRC = path.resolve(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Relative imports of a file, resolved to .ts paths. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const specs = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2]);
  return specs.map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, ".ts"));
}

const layerOf = (file: string) => {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? "(index)" : rel[0];
};

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe("layer order of src/", () => {
  it("knows every folder of src/", () => {
    const folders = new Set(files.map(layerOf));
    folders.delete("(index)");
    expect([...folders].filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it("has no import against the order", () => {
    const against: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file);
      for (const target of imports) {
        const to = layerOf(target);
        const ok = from === "(index)" ? to !== "cli" : LAYERS.indexOf(to) <= LAYERS.indexOf(from);
        if (!ok) against.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)} (${from} → ${to})`);
      }
    }
    expect(against).toEqual([]);
  });

  it("stats/ imports nothing of the project outside itself", () => {
    for (const [file, imports] of graph)
      if (layerOf(file) === "stats")
        for (const t of imports) expect(layerOf(t), path.relative(SRC, file)).toBe("stats");
  });

  it("has no cycle between files", () => {
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) {
        cycles.push([...stack.slice(stack.indexOf(f)), f].map((x) => path.relative(SRC, x)).join(" → "));
        return;
      }
      state.set(f, 1);
      for (const t of graph.get(f) ?? []) visit(t, [...stack, f]);
      state.set(f, 2);
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it("the checker sees violations (a hand-made graph)", () => {
    const fake = path.join(SRC, "stats", "x.ts");
    expect(importsOf(fake, 'import { a } from "../model/y.js";\nconst m = await import("../cli/z.js");')).toEqual([
      path.join(SRC, "model", "y.ts"),
      path.join(SRC, "cli", "z.ts"),
    ]);
    expect(LAYERS.indexOf(layerOf(path.join(SRC, "model", "y.ts")))).toBeGreaterThan(LAYERS.indexOf(layerOf(fake)));
  });
});
