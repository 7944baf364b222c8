/** `targetcast chart`: one fan chart for one target, sized for a slide, an A4 page or a square, in seconds. */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TopLevelSpec } from "vega-lite";
import { fanChart } from "../charts/fanChart.js";
import { toPng, toSvg } from "../charts/render.js";
import { CHART_SIZES, type ChartSize, fitSvg, PNG_SCALE } from "../charts/sizes.js";
import { didYouMeanSuffix } from "../data/didYouMean.js";
import { bundledScenarios, INPUT_OPTIONS, inputFiles } from "../project/inputs.js";
import { checkOutputFile, recordOutputs } from "../project/outputs.js";
import { UsageError } from "../project/usage.js";
import { writeFileAtomic } from "../report/atomicWrite.js";
import { LANG_OPTION, langHelp, langOption } from "./lang.js";
import { intOption, runScenarios } from "./scenarios.js";

export const CHART_HELP = `targetcast chart --target ID --out FILE [options]

Runs one scenario and draws the fan chart of one target: observed values, the projection's
median and 50/80/90% intervals, the target and, in the title, how likely it is to be met.

Options:
  --target ID         the target (an id of \`targetcast targets\`), e.g. rd_intensity
  --out FILE          where to write the chart (.png, .svg or .vl.json)
  --scenario S        a scenario file, or the name of a bundled one (baseline, …) [baseline]
  --size Z            slide (1920×1080 px) | a4 (A4 landscape, 2246×1588 px) | square (1080×1080 px) [slide]
  --format F          png | svg | vl.json  [from the --out extension; png for a name without one]
${langHelp()}
  --force             replace an existing file targetcast did not write
  --paths N, --seed S, --data, --targets, --indicators   as for \`targetcast run\`
  -h, --help          this help
`;

const FORMATS = ["png", "svg", "vl.json"] as const;
type Format = (typeof FORMATS)[number];

async function scenarioFile(s: string | undefined): Promise<string[]> {
  const bundled = await bundledScenarios();
  if (s === undefined) return bundled.slice(0, 1);
  if (existsSync(s)) return [s];
  const byName = bundled.find((f) => path.basename(f).replace(/\.ya?ml$/i, "") === s);
  if (byName) return [byName];
  const names = bundled.map((f) => path.basename(f).replace(/\.ya?ml$/i, ""));
  throw new UsageError(
    `--scenario "${s}" is neither a file nor a bundled scenario${didYouMeanSuffix(s, names)}; bundled: ${names.join(", ")}`,
  );
}

export async function chartCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...INPUT_OPTIONS,
      target: { type: "string" },
      scenario: { type: "string" },
      size: { type: "string" },
      format: { type: "string" },
      ...LANG_OPTION,
      out: { type: "string" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(CHART_HELP);
    return 0;
  }
  const lang = langOption(values);
  if (!values.target) throw new UsageError("--target ID is required (see `targetcast targets` for the ids)");
  if (!values.out) throw new UsageError("--out FILE is required (.png, .svg or .vl.json)");
  const size = (values.size ?? "slide") as ChartSize;
  if (!(size in CHART_SIZES)) throw new UsageError(`--size must be slide, a4 or square, not "${values.size}"`);
  const fromExt = FORMATS.find((f) => values.out!.toLowerCase().endsWith(`.${f}`));
  // An --out that names another kind of file (x.docx, x.jpg) is refused rather than given PNG bytes.
  if (!values.format && !fromExt && path.extname(values.out!) !== "")
    throw new UsageError(
      `--out ${values.out} does not end in .png, .svg or .vl.json; name the file with one of them, or give --format`,
    );
  const format = (values.format ?? fromExt ?? "png") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be png, svg or vl.json, not "${values.format}"`);
  if (fromExt && fromExt !== format)
    throw new UsageError(`--out ends in .${fromExt} but --format is ${format}; make them agree`);

  const files = await scenarioFile(values.scenario);
  checkOutputFile(values.out, { inputs: inputFiles(values, files), force: values.force === true });
  const [result] = await runScenarios({
    lang,
    files,
    data: values.data,
    targets: values.targets,
    indicators: values.indicators,
    paths: intOption(values.paths, "--paths", 1, 1_000_000),
    seed: intOption(values.seed, "--seed", 0, 2 ** 32 - 1),
  });
  const target = result.targets.find((t) => t.id === values.target);
  if (!target)
    throw new UsageError(
      `no target "${values.target}"${didYouMeanSuffix(
        values.target,
        result.targets.map((t) => t.id),
      )}; see \`targetcast targets\``,
    );
  if (target.comparator === null || target.threshold === null)
    throw new UsageError(`target "${target.id}" is qualitative (no number in the plan): there is nothing to chart`);

  const { width, height } = CHART_SIZES[size];
  const spec = {
    ...fanChart(result, target.indicator, { lang, targetId: target.id, width, height }),
    autosize: { type: "fit", contains: "padding" },
  } as TopLevelSpec;
  let data: string | Uint8Array;
  if (format === "vl.json") data = `${JSON.stringify(spec, null, 2)}\n`;
  else {
    const svg = fitSvg(await toSvg(spec), width, height);
    data = format === "svg" ? svg : toPng(svg, { scale: PNG_SCALE });
  }
  await writeFileAtomic(values.out, data);
  await recordOutputs(path.dirname(values.out), [path.basename(values.out)]);
  const px = format === "png" ? ` (${width * PNG_SCALE}×${height * PNG_SCALE} px)` : "";
  process.stdout.write(`Wrote ${values.out}${px}\n`);
  return 0;
}
