/**
 * The hostile corpus: inputs and command lines a careless or hostile user gives targetcast, each
 * with the exit code and the message fragments it must produce. Run by corpus.test.ts through the
 * compiled CLI. Fixtures live in test/fixtures/hostile/ (README.md there lists them).
 *
 * In `args`, `{tmp}` is a fresh temporary folder of the case (outputs go there) and `{fx}` is
 * test/fixtures/hostile. Every case that fails must fail with exit 1 or 2, a one-line message with
 * "Fix:", no stack trace, every input unchanged and the temporary folder exactly as `setup` left it.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface CaseRun {
  tmp: string;
  stdout: string;
  stderr: string;
}

export interface HostileCase {
  name: string;
  args: string[];
  exit: 0 | 1 | 2;
  /** Fragments stderr must contain (the file, the place, the fix). */
  stderr?: string[];
  /** Fragments stderr must not contain (e.g. the contents of a foreign file). */
  notStderr?: string[];
  /** Prepares {tmp} before the run (files in it count as inputs: they must not change on failure). */
  setup?: (tmp: string) => void;
  /** Run in {tmp} instead of the project folder. */
  cwdTmp?: boolean;
  /** Open this file as the command's standard output. */
  stdoutTo?: string;
  /** Further checks on a run. */
  check?: (r: CaseRun) => void;
  /** Skip when running as root (permissions do not bind root). */
  notAsRoot?: boolean;
}

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TARGETS = "data/targets/haizhou-2015.csv";
const DICT = "data/indicators.csv";
const FAST = ["--paths", "100", "--threads", "1"];
const OUT = ["--out", "{tmp}/out"];
const run = (...args: string[]) => ["run", ...args, ...FAST, ...OUT];
const withData = (data: string, ...rest: string[]) =>
  run("--data", data, "--targets", TARGETS, "--indicators", DICT, ...rest);
const scenario = (file: string, ...rest: string[]) => run(`{fx}/scenarios/${file}`, ...rest);

const json = (tmp: string, name = "results.json") =>
  JSON.parse(readFileSync(path.join(tmp, "out", name), "utf8")) as {
    scenarios: { targets: { id: string; status: string; pMet: number | null; median: number | null }[] }[];
  };
const target = (tmp: string, id: string) => {
  const t = json(tmp).scenarios[0].targets.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id} in results.json`);
  return t;
};
function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}
const noNonFinite = (r: CaseRun) => {
  for (const f of ["results.json", "risk.csv"]) {
    const text = readFileSync(path.join(r.tmp, "out", f), "utf8");
    expect(!/NaN|Infinity/.test(text), `${f} contains NaN or Infinity`);
  }
};

const shareWithin100 = (stdout: string) => {
  const forecasts = (JSON.parse(stdout) as { forecasts: { mean: number; lower: number; upper: number }[] }).forecasts;
  expect(forecasts.length === 7, `${forecasts.length} forecast years`);
  for (const f of forecasts)
    for (const v of [f.mean, f.lower, f.upper]) expect(v >= 0 && v <= 100, `a share forecast of ${v}%`);
};

export const CASES: HostileCase[] = [
  // 1. Confident wrong results.
  {
    name: "GDP of 0 in the base year: R&D intensity is not assessed, never on track",
    args: withData("{fx}/data/gdp-zero-base-year.csv", "scenarios/baseline.yaml"),
    exit: 0,
    check: (r) => {
      const t = target(r.tmp, "rd_intensity");
      expect(t.status === "not_assessed" && t.pMet === null, `rd_intensity is ${t.status}, P=${t.pMet}`);
      noNonFinite(r);
    },
  },
  {
    name: "a zero denominator (labour force 0): the per-labour-force targets are not assessed",
    args: withData("{fx}/data/labour-force-zero.csv", "scenarios/baseline.yaml"),
    exit: 0,
    check: (r) => {
      const t = target(r.tmp, "rd_personnel_per_10k_labour");
      expect(t.status === "not_assessed" && t.median === null, `status ${t.status}, median ${t.median}`);
      noNonFinite(r);
    },
  },
  {
    name: "a percent typed in Excel (2.5% stored as 0.025) is read as the percent shown",
    args: ["targets", "--targets", "{fx}/xlsx/percent-target.xlsx", "--format", "csv"],
    exit: 0,
    check: (r) => expect(/web_share,.*,>=,99,%,share/.test(r.stdout), `catalogue read as ${r.stdout}`),
  },
  {
    name: "a hidden first worksheet is skipped, and the sheet read is named",
    args: run(
      "--data",
      "{fx}/region/units-data.csv",
      "--targets",
      "{fx}/xlsx/hidden-first-sheet.xlsx",
      "--indicators",
      "{fx}/region/units-dictionary.csv",
    ),
    exit: 0,
    stderr: ['read worksheet "Targets"', "--sheet NAME"],
    check: (r) => expect(!r.stdout.includes("Wrong sheet"), "the hidden sheet was read"),
  },
  {
    name: "--sheet names the worksheet to read",
    args: [
      ...run(
        "--data",
        "{fx}/region/units-data.csv",
        "--targets",
        "{fx}/xlsx/hidden-first-sheet.xlsx",
        "--indicators",
        "{fx}/region/units-dictionary.csv",
      ),
      "--sheet",
      "Lookup",
    ],
    exit: 0,
    stderr: ['read worksheet "Lookup"'],
  },
  {
    name: "--sheet naming no worksheet of the workbook",
    args: [
      ...run("--data", "{fx}/region/units-data.csv", "--targets", "{fx}/xlsx/hidden-first-sheet.xlsx"),
      "--sheet",
      "Targts",
    ],
    exit: 1,
    stderr: ["hidden-first-sheet.xlsx", 'no worksheet named "Targts"', 'did you mean "Targets"?'],
  },
  {
    name: "forecast keeps a share at or below 100% (auto model)",
    args: [
      "forecast",
      "--indicator",
      "web_share",
      "--data",
      "{fx}/region/share-data.csv",
      "--horizon",
      "7",
      "--format",
      "json",
    ],
    exit: 0,
    check: (r) => shareWithin100(r.stdout),
  },
  {
    name: "forecast keeps a share at or below 100% (linear model), and says it capped it",
    args: [
      "forecast",
      "--indicator",
      "web_share",
      "--data",
      "{fx}/region/share-data.csv",
      "--horizon",
      "7",
      "--model",
      "linear",
      "--format",
      "json",
    ],
    exit: 0,
    check: (r) => {
      shareWithin100(r.stdout);
      expect(r.stdout.includes("capped"), "no note that the forecast was capped");
    },
  },
  {
    name: "growth: 1e308 is refused (it would put Infinity in every output)",
    args: scenario("growth-1e308.yaml"),
    exit: 1,
    stderr: ["growth-1e308.yaml:3", "indicators.gdp.growth", "1000% a year"],
  },
  {
    name: "a growth sd of 1e300 overflows on some paths: what it feeds is not assessed, naming indicator, year and assumption",
    args: scenario("growth-sd-1e300.yaml"),
    exit: 0,
    check: (r) => {
      const doc = JSON.parse(readFileSync(path.join(r.tmp, "out", "results.json"), "utf8")) as {
        scenarios: { targets: { id: string; status: string; notAssessedBecause: string | null }[] }[];
      };
      const broken = doc.scenarios[0].targets.filter((t) => /no finite value/.test(t.notAssessedBecause ?? ""));
      expect(broken.length > 0, "no target is reported as not finite");
      for (const t of broken) expect(t.status === "not_assessed", `${t.id} is ${t.status}`);
      // Where GDP itself overflowed: the indicator, the year and the scenario assumption, in both languages.
      const overflow = broken.find((t) => /gdp \(growth\) is \+∞ \(overflow\) in 2015/.test(t.notAssessedBecause!));
      expect(!!overflow, `no reason names gdp overflowing in 2015: ${broken.map((t) => t.notAssessedBecause)}`);
      expect(
        /gdp\.growth = [0-9.]+e\+\d+ on that path/.test(overflow!.notAssessedBecause!),
        "the drawn rate is not named",
      );
      expect(overflow!.notAssessedBecause!.includes("地区生产总值：年增速"), "the assumption has no Chinese label");
      noNonFinite(r);
    },
  },
  {
    name: "growth: .nan is refused with its line",
    args: scenario("growth-nan.yaml"),
    exit: 1,
    stderr: ["growth-nan.yaml:3", "indicators.gdp.growth"],
  },
  {
    name: "an infinite sd is refused with its line",
    args: scenario("growth-inf.yaml"),
    exit: 1,
    stderr: ["growth-inf.yaml:3", "indicators.gdp.growth"],
  },
  {
    name: "growth: 10 (meant as 10%) runs with a warning saying 1000% a year",
    args: scenario("growth-10.yaml"),
    exit: 0,
    stderr: ["growth-10.yaml:3", "1000% a year", "write 0.1"],
    check: noNonFinite,
  },
  {
    name: "a depreciation of 2 (200% a year, more likely meant as 2%) is refused, not clamped to 100%",
    args: scenario("depreciation-2.yaml"),
    exit: 1,
    stderr: [
      "depreciation-2.yaml",
      "indicators.invention_patents_in_force.inventory.depreciation",
      "2 lies outside the possible range 0–1",
      "0.15 for 15%",
    ],
  },
  {
    name: "a range of additions reaching below 0 is refused, not clamped",
    args: scenario("count-negative-additions.yaml"),
    exit: 1,
    stderr: ["count-negative-additions.yaml", "indicators.incubated_firms.count.additions", "-5–6", "at least 0"],
  },
  {
    name: "a negative programme effect is refused with the programme and the indicator",
    args: scenario("effect-negative.yaml"),
    exit: 1,
    stderr: ["effect-negative.yaml", "programmes.patents_ip", "invention_patent_grants", "-0.2", "at least 0"],
  },
  {
    name: "a scenario name written as one text serves both languages",
    args: scenario("name-plain-string.yaml"),
    exit: 0,
    check: (r) => expect(r.stdout.includes("高增长情景"), "the plain-text name is not shown"),
  },
  {
    name: "a baseline saved below a two-line title is refused with the line of its column names",
    args: withData("{fx}/data/title-rows.csv"),
    exit: 1,
    stderr: [
      "title-rows.csv:3",
      "the column names are on line 3",
      "海州区主要科技指标",
      "delete the lines above line 3",
    ],
  },
  {
    name: "evaluate: a benchmark file none of whose series can be scored is refused, not scored as dashes",
    args: ["evaluate", "{tmp}/two-points.csv"],
    setup: (tmp) =>
      writeFileSync(
        path.join(tmp, "two-points.csv"),
        "series,type,split,year,value\nA,x,train,2000,1\nA,x,train,2001,2\nA,x,test,2002,3\n",
      ),
    exit: 1,
    stderr: ["two-points.csv", "none of its 1 series could be scored", "A: series A has 2 points", "at least 3"],
  },
  {
    name: "allocate: a programme floor above its cap is refused",
    args: ["allocate", "{fx}/scenarios/floor-above-cap.yaml", "--budget", "2000", "--paths", "100", ...OUT],
    exit: 1,
    stderr: ["floor-above-cap.yaml:3", "programmes.talent.floor", "floor is above the cap", "lower the floor"],
  },
  {
    name: "a scenario saved in GB18030 keeps its Chinese names",
    args: run("test/fixtures/scenarios/gb18030.yaml"),
    exit: 0,
    check: (r) => expect(r.stdout.includes("基准情景") && !r.stdout.includes("\uFFFD"), "Chinese names garbled"),
  },

  // 2. Outputs that destroy inputs or system files.
  {
    name: "--data o/x/risk.csv --out o/x would overwrite the input",
    setup: (tmp) => {
      mkdirSync(path.join(tmp, "out"));
      copyFileSync(path.join(ROOT, "data/baseline/haizhou.csv"), path.join(tmp, "out/risk.csv"));
    },
    args: withData("{tmp}/out/risk.csv", "--force"),
    exit: 1,
    stderr: ["out/risk.csv", "this is an input of the command"],
  },
  {
    name: "schema --write /dev/stdout is a device",
    args: ["schema", "--write", "/dev/stdout"],
    exit: 1,
    stderr: ["/dev/stdout", "system folder"],
  },
  {
    name: "schema --write over a scenario needs --force",
    setup: (tmp) => copyFileSync(path.join(ROOT, "scenarios/baseline.yaml"), path.join(tmp, "baseline.yaml")),
    args: ["schema", "--write", "{tmp}/baseline.yaml"],
    exit: 1,
    stderr: ["baseline.yaml", "not written by targetcast", "--force"],
  },

  // 3. Ordinary faults.
  {
    name: "--out is an existing file",
    setup: (tmp) => writeFileSync(path.join(tmp, "out"), "notes\n"),
    args: run(),
    exit: 1,
    stderr: ["out", "where a folder for the outputs is expected"],
  },
  {
    name: "--out is under a file",
    setup: (tmp) => writeFileSync(path.join(tmp, "file"), "notes\n"),
    args: ["run", ...FAST, "--out", "{tmp}/file/sub"],
    exit: 1,
    stderr: ["file/sub", "is a file, so no folder can be made inside it"],
  },
  {
    name: "--out is not writable",
    notAsRoot: true,
    setup: (tmp) => {
      mkdirSync(path.join(tmp, "out"));
      chmodSync(path.join(tmp, "out"), 0o555);
    },
    args: run(),
    exit: 1,
    stderr: ["out", "not writable"],
  },
  {
    name: "standard output is a full disk (targets > /dev/full)",
    args: ["targets"],
    stdoutTo: "/dev/full",
    exit: 1,
    stderr: ["standard output", "ENOSPC", "Fix:"],
  },
  {
    name: "schema --write names a folder",
    args: ["schema", "--write", "{tmp}"],
    exit: 1,
    stderr: ["this is a folder, where a file is to be written"],
  },
  {
    name: '"scenarios" in the config names a missing folder',
    setup: (tmp) => {
      const config = JSON.parse(readFileSync(path.join(ROOT, "targetcast.config.json"), "utf8"));
      for (const k of ["data", "targets", "indicators"]) config[k] = path.join(ROOT, config[k]);
      config.scenarios = "no-such-folder";
      writeFileSync(path.join(tmp, "targetcast.config.json"), JSON.stringify(config));
    },
    cwdTmp: true,
    args: run(),
    exit: 1,
    stderr: ["targetcast.config.json", '"scenarios"', "no-such-folder", "Fix:"],
  },
  {
    name: "a config with a misspelt key is refused with the key, not read as no config",
    setup: (tmp) => writeFileSync(path.join(tmp, "targetcast.config.json"), '{ "data": "d.csv", "target": "t.csv" }'),
    cwdTmp: true,
    args: ["targets"],
    exit: 1,
    stderr: ["targetcast.config.json", 'unknown key "target" (did you mean "targets"?)', "Fix:"],
    notStderr: ["no targetcast.config.json"],
  },
  {
    name: "a config holding a number where a path belongs is refused",
    setup: (tmp) => writeFileSync(path.join(tmp, "targetcast.config.json"), '{ "data": 5 }'),
    cwdTmp: true,
    args: ["targets"],
    exit: 1,
    stderr: ["targetcast.config.json", '"data" is 5, not a path', "data/baseline.csv"],
  },
  {
    name: "--base-year after the last year of data",
    args: run("--data", "data/baseline/haizhou.csv", "--targets", TARGETS, "--base-year", "2100"),
    exit: 1,
    stderr: ["haizhou.csv", "--base-year 2100 is after the last year of data (2013)"],
  },
  {
    name: "--base-year outside 1900–2200",
    args: run("--data", "data/baseline/haizhou.csv", "--targets", TARGETS, "--base-year", "1800"),
    exit: 2,
    stderr: ["--base-year must be a whole number from 1900 to 2200"],
  },
  {
    name: "data from 1979–1983 (before 1990) runs trend-only",
    args: withData("{fx}/data/years-1979-1983.csv", "--trend-only"),
    exit: 0,
    check: noNonFinite,
  },
  {
    name: "a year before 1900 in the data",
    args: withData("{fx}/data/year-1899.csv"),
    exit: 1,
    stderr: ["year-1899.csv:2", 'column "year"', "outside 1900–2200"],
  },
  {
    name: "a YAML alias bomb",
    args: scenario("alias-bomb.yaml"),
    exit: 1,
    stderr: ["alias-bomb.yaml", "alias references"],
  },
  {
    name: "--out /proc/1/x",
    args: ["run", ...FAST, "--out", "/proc/1/x"],
    exit: 1,
    stderr: ["/proc/1/x", "system folder"],
  },

  // 5. Crashes and memory blow-ups.
  {
    name: "an xlsx zip bomb is refused from its central directory, with the numbers",
    args: ["targets", "--targets", "{fx}/xlsx/zip-bomb.xlsx"],
    exit: 1,
    stderr: ["zip-bomb.xlsx", "would inflate to 300 MB", "limit is 200 MB"],
  },
  {
    name: "1e6 paths × horizon 2100 is refused up front with the paths that fit",
    args: ["run", "{fx}/scenarios/huge-run.yaml", ...OUT],
    exit: 1,
    stderr: ["huge-run.yaml", "1,000,000 paths", "--paths"],
  },

  // 6. Errors that point the wrong way.
  {
    name: "the default files given explicitly without --indicators use the configured dictionary",
    args: run("--data", "data/baseline/haizhou.csv", "--targets", TARGETS),
    exit: 0,
    notStderr: ["has no observed values"],
  },
  {
    name: "free-text units declared in a dictionary run, with the units as written",
    args: run(
      "--data",
      "{fx}/region/units-data.csv",
      "--targets",
      "{fx}/region/units-targets.csv",
      "--indicators",
      "{fx}/region/units-dictionary.csv",
    ),
    exit: 0,
    check: (r) => expect(r.stdout.includes("billion USD") && r.stdout.includes("papers"), "units not shown"),
  },
  {
    name: "a unit that disagrees with the dictionary names both files, never src/",
    args: withData("{fx}/data/unit-off-dictionary.csv"),
    exit: 1,
    stderr: ["unit-off-dictionary.csv:2", 'column "unit"', '"billion yuan"', "亿元"],
    notStderr: ["src/"],
  },
  {
    name: "a catalogue unit that disagrees with the dictionary",
    args: run(
      "--data",
      "{fx}/region/units-data.csv",
      "--targets",
      "{fx}/region/units-targets-other-unit.csv",
      "--indicators",
      "{fx}/region/units-dictionary.csv",
    ),
    exit: 1,
    stderr: ["units-targets-other-unit.csv:3", 'column "unit"', '"articles"', '"papers"'],
    notStderr: ["src/"],
  },
  {
    name: "mixed units within one series",
    args: withData("{fx}/data/mixed-units.csv"),
    exit: 1,
    stderr: ["mixed-units.csv:3", 'column "unit"'],
  },
  {
    name: "mixed free-text units within one series, without a dictionary",
    args: run("--data", "{fx}/region/units-data-mixed.csv", "--targets", "{fx}/region/units-targets.csv"),
    exit: 1,
    stderr: ["units-data-mixed.csv:", "articles", "papers"],
  },
  {
    name: "a semicolon-separated CSV",
    args: withData("{fx}/data/semicolon.csv"),
    exit: 1,
    stderr: ["semicolon.csv:1", "separated by semicolons", "comma-separated"],
    notStderr: ["a comma inside a field"],
  },
  {
    name: "a tab-separated CSV",
    args: withData("{fx}/data/tab.csv"),
    exit: 1,
    stderr: ["tab.csv:1", "separated by tabs"],
  },
  {
    name: "extends: /etc/passwd is refused without reading or echoing it",
    args: scenario("extends-etc-passwd.yaml"),
    exit: 1,
    stderr: ["extends-etc-passwd.yaml:2", "not a scenario file"],
    notStderr: ["root:", "/bin/"],
  },
  {
    name: "extends outside the scenario's folder tree needs --allow-outside",
    args: scenario("extends-outside.yaml"),
    exit: 1,
    stderr: ["extends-outside.yaml:2", "outside the scenario's folder", "--allow-outside"],
  },
  {
    name: "extends outside the folder tree with --allow-outside runs",
    args: scenario("extends-outside.yaml", "--allow-outside"),
    exit: 0,
  },
  {
    name: "extends ../ from a subfolder leaves the tree",
    args: scenario("inner/child.yaml"),
    exit: 1,
    stderr: ["inner/child.yaml:2", "outside the scenario's folder"],
  },
  {
    name: "names starting with = + - @ are neutralised in risk.csv",
    args: run(
      "--data",
      "{fx}/region/units-data.csv",
      "--targets",
      "{fx}/region/injection-targets.csv",
      "--indicators",
      "{fx}/region/units-dictionary.csv",
      "--format",
      "csv",
    ),
    exit: 0,
    check: (r) => {
      const csv = readFileSync(path.join(r.tmp, "out", "risk.csv"), "utf8");
      for (const cell of csv.split(/[,\n]/)) {
        const t = cell.replace(/^"/, "");
        expect(!/^[=+@]/.test(t) && !/^-\D/.test(t), `risk.csv cell ${cell} is not neutralised`);
      }
      expect(csv.includes("'=1+2") && csv.includes("'@SUM(A1:A9)"), "neutralised cells missing");
    },
  },

  // Kinds beyond the examples: truncated, encodings, duplicates, numbers, empty, garbage, extensions.
  {
    name: "a truncated CSV",
    args: withData("{fx}/data/truncated.csv"),
    exit: 1,
    stderr: ["truncated.csv:", "never closed"],
  },
  {
    name: "a truncated xlsx",
    args: ["targets", "--targets", "{fx}/xlsx/truncated.xlsx"],
    exit: 1,
    stderr: ["truncated.xlsx", "not a readable .xlsx workbook"],
  },
  {
    name: "a truncated YAML",
    args: scenario("truncated.yaml"),
    exit: 1,
    stderr: ["truncated.yaml:2", "not valid YAML"],
  },
  { name: "a UTF-8 BOM CSV runs", args: withData("{fx}/data/bom.csv"), exit: 0 },
  { name: "a UTF-16 CSV runs", args: withData("{fx}/data/utf16.csv"), exit: 0 },
  {
    name: "a duplicate key in YAML",
    args: scenario("duplicate-key.yaml"),
    exit: 1,
    stderr: ["duplicate-key.yaml:3", "unique", "write each key once"],
  },
  {
    name: "a duplicate column in CSV",
    args: withData("{fx}/data/duplicate-column.csv"),
    exit: 1,
    stderr: ["duplicate-column.csv:1", 'names column "value" twice'],
  },
  {
    name: "a duplicate row (indicator and year twice)",
    args: withData("{fx}/data/duplicate-row.csv"),
    exit: 1,
    stderr: ["duplicate-row.csv:", "twice", "on line 2"],
  },
  {
    name: "a number beyond the double range (1e400)",
    args: withData("{fx}/data/overflow.csv"),
    exit: 1,
    stderr: ["overflow.csv:2", 'column "value"', "1e400"],
  },
  {
    name: "a huge finite number (1e300 GDP) never reaches an output as NaN or Infinity",
    args: withData("{fx}/data/huge-finite.csv", "scenarios/baseline.yaml"),
    exit: 0,
    check: noNonFinite,
  },
  {
    name: "NaN as a value",
    args: withData("{fx}/data/nan.csv"),
    exit: 1,
    stderr: ["nan.csv:2", '"NaN" is not a number'],
  },
  {
    name: "Infinity as a value",
    args: withData("{fx}/data/infinity.csv"),
    exit: 1,
    stderr: ["infinity.csv:2", '"Infinity" is not a number'],
  },
  {
    name: "an empty CSV",
    args: withData("{fx}/data/empty.csv"),
    exit: 1,
    stderr: ["empty.csv:1", "the file is empty"],
  },
  {
    name: "a header-only catalogue",
    args: run("--data", "data/baseline/haizhou.csv", "--targets", "{fx}/data/header-only.csv"),
    exit: 1,
    stderr: ["header-only.csv:1"],
  },
  { name: "an empty scenario", args: scenario("empty.yaml"), exit: 1, stderr: ["empty.yaml:1", "YAML mapping"] },
  { name: "a scenario that is a list", args: scenario("list.yaml"), exit: 1, stderr: ["list.yaml:1", "YAML mapping"] },
  {
    name: "binary garbage as CSV",
    args: withData("{fx}/data/garbage.csv"),
    exit: 1,
    stderr: ["garbage.csv", "neither valid UTF-8 nor valid GB18030"],
  },
  { name: "binary garbage as YAML", args: scenario("garbage.yaml"), exit: 1, stderr: ["garbage.yaml"] },
  {
    name: "a wrong extension (.txt)",
    args: withData("{fx}/data/baseline.txt"),
    exit: 1,
    stderr: ["baseline.txt", 'files of type ".txt" cannot be read'],
  },
  {
    name: "a workbook named .csv",
    args: withData("{fx}/xlsx/xlsx-named-csv.csv"),
    exit: 1,
    stderr: ["xlsx-named-csv.csv", "Excel workbook", ".xlsx"],
  },
  {
    name: "a CSV named .xlsx",
    args: ["targets", "--targets", "{fx}/xlsx/csv-named-xlsx.xlsx"],
    exit: 1,
    stderr: ["csv-named-xlsx.xlsx", "not a readable .xlsx workbook"],
  },
  {
    name: "an unknown column",
    args: withData("{fx}/data/unknown-column.csv"),
    exit: 1,
    stderr: ["unknown-column.csv:1", 'unknown column "colour"'],
  },
  {
    name: "an unknown field in a scenario, with its line and a suggestion",
    args: scenario("unknown-field.yaml"),
    exit: 1,
    stderr: ["unknown-field.yaml:6", 'unknown key "volatilty"', 'did you mean "volatility"?'],
  },
  {
    name: "an unknown indicator id in a scenario, with its line and a suggestion",
    args: scenario("unknown-indicator.yaml"),
    exit: 1,
    stderr: ["unknown-indicator.yaml:5", 'unknown indicator "gpd"', 'did you mean "gdp"?'],
  },
  {
    name: "an impossible share (150%)",
    args: withData("{fx}/data/share-over-100.csv"),
    exit: 1,
    stderr: ["share-over-100.csv:", "150 is over 100"],
  },
  {
    name: "an impossible negative count",
    args: withData("{fx}/data/negative-count.csv"),
    exit: 1,
    stderr: ["negative-count.csv:", "-3 is negative"],
  },
  {
    name: "a horizon after 2200",
    args: scenario("horizon-2300.yaml"),
    exit: 1,
    stderr: ["horizon-2300.yaml:2", "horizon"],
  },
  { name: "--paths not a number", args: ["run", "--paths", "many", ...OUT], exit: 2, stderr: ["--paths must be"] },
  { name: "an unknown option", args: ["run", "--colour", ...OUT], exit: 2, stderr: ["--colour", "--help"] },
  {
    name: "a negative --paths is told what --paths accepts (not that the argument is ambiguous)",
    args: ["run", "--paths", "-5", ...OUT],
    exit: 2,
    stderr: ['--paths must be a whole number from 1 to 1000000, not "-5"'],
    notStderr: ["ambiguous"],
  },
  {
    name: "a negative --budget is told what --budget accepts",
    args: ["allocate", "--budget", "-100", ...OUT],
    exit: 2,
    stderr: ["--budget must be a number ≥ 0", 'not "-100"'],
  },
  { name: "an unknown command", args: ["runn"], exit: 2, stderr: ['unknown command "runn"'] },
  {
    name: "a scenario that does not exist",
    args: run("{fx}/scenarios/no-such.yaml"),
    exit: 1,
    stderr: ["no-such.yaml", "not found"],
  },
];
