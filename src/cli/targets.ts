/** `targetcast targets`: print the target catalogue. */
import { parseArgs } from "node:util";
import { tr } from "../charts/labels.js";
import { loadTargets } from "../data/index.js";
import { unitEn } from "../data/units.js";
import { loadDefaults } from "../project/inputs.js";
import { UsageError } from "../project/usage.js";
import { kindLabel } from "../report/messages.js";
import { natureLabel } from "../report/natureText.js";
import { csvCell } from "../report/riskCsv.js";
import { renderTable } from "../report/textTable.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";

export const TARGETS_HELP = `targetcast targets [options]

Prints the target catalogue: every target of the plan, its value, unit, kind and nature (a forecast, or a
commitment: a decision of the district, reported as adopted or not, never as a probability).

Options:
  --targets FILE   target catalogue (.csv or .xlsx) [from targetcast.config.json]
  --format F       table | json | csv  [table]
${langHelp(19)}
  -h, --help       this help
`;

export async function targetsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      targets: { type: "string" },
      format: { type: "string" },
      ...LANG_OPTION,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(TARGETS_HELP);
    return 0;
  }
  const lang = langOption(values);
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
    const c = cat.targets.filter((t) => t.nature === "commitment").length;
    const H = (zh: string, en: string) => tr(lang, { zh, en });
    const footer = tr(lang === "both" ? "en" : lang, {
      zh: `共 ${cat.targets.length} 项目标（其中定量 ${q} 项，承诺 ${c} 项），来自 ${cat.file}`,
      en: `${cat.targets.length} targets (${q} quantitative, ${c} commitments) from ${cat.file}`,
    });
    process.stdout.write(
      renderTable(
        [
          { header: lang === "both" ? "id" : H("编号", "id") },
          { header: H("名称", "Name"), max: lang === "en" ? 44 : 30 },
          { header: H("条款", "Section") },
          { header: lang === "both" ? "年" : H("年份", "Year") },
          { header: H("目标", "Target"), align: "right" },
          { header: H("单位", "Unit") },
          { header: H("类型", "Kind") },
          { header: H("性质", "Nature") },
        ],
        cat.targets.map((t) => [
          t.id,
          tr(lang === "both" ? "zh" : lang, { zh: t.nameZh, en: t.nameEn }),
          t.section,
          String(t.targetYear),
          t.comparator
            ? `${t.comparator} ${t.value}${t.kind === "relative_to_base" ? ` × ${t.baseYear}` : ""}`
            : lang === "both"
              ? "（定性 qualitative）"
              : tr(lang, { zh: "（定性）", en: "(qualitative)" }),
          lang === "en" ? unitEn(t.unit) : t.unit,
          lang === "both" ? t.kind : kindLabel(t.kind, lang),
          natureLabel(t.nature, lang),
        ]),
      ) + `\n\n${footer}\n`,
    );
  }
  return 0;
}
