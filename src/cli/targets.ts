/** `targetcast targets`: print the target catalogue. */
import { parseArgs } from "node:util";
import { loadTargets } from "../data/index.js";
import { loadDefaults } from "../project/inputs.js";
import { UsageError } from "../project/usage.js";
import { csvCell } from "../report/riskCsv.js";
import { renderTable } from "../report/textTable.js";

export const TARGETS_HELP = `targetcast targets [options]

Prints the target catalogue: every target of the plan, its value, unit, kind and owner.

Options:
  --targets FILE   target catalogue (.csv or .xlsx) [from targetcast.config.json]
  --format F       table | json | csv  [table]
  -h, --help       this help
`;

export async function targetsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { targets: { type: "string" }, format: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(TARGETS_HELP);
    return 0;
  }
  const format = values.format ?? "table";
  if (!["table", "json", "csv"].includes(format))
    throw new UsageError(`--format must be table, json or csv, not "${format}"`);
  const file = values.targets ?? loadDefaults().targets;
  if (!file) throw new UsageError("no default catalogue here (no targetcast.config.json): give --targets FILE");
  const cat = await loadTargets(file);
  const rows = cat.targets.map(({ place: _place, ...t }) => t);
  if (format === "json") {
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  } else if (format === "csv") {
    const keys = Object.keys(rows[0] ?? {});
    process.stdout.write(
      [keys.join(","), ...rows.map((r) => keys.map((k) => csvCell((r as Record<string, unknown>)[k])).join(","))].join(
        "\n",
      ) + "\n",
    );
  } else {
    const q = cat.targets.filter((t) => t.kind !== "qualitative").length;
    process.stdout.write(
      renderTable(
        [
          { header: "id" },
          { header: "名称 Name", max: 30 },
          { header: "条款 Section" },
          { header: "年" },
          { header: "目标 Target", align: "right" },
          { header: "单位 Unit" },
          { header: "类型 Kind" },
        ],
        cat.targets.map((t) => [
          t.id,
          t.nameZh,
          t.section,
          String(t.targetYear),
          t.comparator
            ? `${t.comparator} ${t.value}${t.kind === "relative_to_base" ? ` × ${t.baseYear}` : ""}`
            : "（定性 qualitative）",
          t.unit,
          t.kind,
        ]),
      ) + `\n\n${cat.targets.length} targets (${q} quantitative) from ${cat.file}\n`,
    );
  }
  return 0;
}
