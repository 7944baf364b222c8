/** `targetcast schema`: print (or write) the JSON Schema of scenario files. */
import path from "node:path";
import { parseArgs } from "node:util";
import { writeOutputSet } from "../project/outputSet.js";
import { checkOutputFile } from "../project/outputs.js";
import { scenarioJsonSchemaText } from "../scenario/jsonSchema.js";

export const SCHEMA_HELP = `targetcast schema [--variant] [--write FILE]

Prints the JSON Schema of scenario files, generated from the zod schema.
  --variant      the schema for files that extend another scenario (every field optional)
  --write FILE   write it to FILE instead (e.g. scenarios/scenario.schema.json); an existing
                 file must be a schema targetcast wrote, unless --force
  --force        replace FILE even if targetcast did not write it
`;

export async function schemaCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      write: { type: "string" },
      variant: { type: "boolean" },
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(SCHEMA_HELP);
    return 0;
  }
  const text = scenarioJsonSchemaText(values.variant === true);
  if (values.write) {
    const file = values.write;
    checkOutputFile(file, { inputs: [], force: values.force === true });
    // A set of one file, like every other output: staged, committed into place and recorded in the
    // folder's manifest; an interrupted run leaves the folder as it was.
    await writeOutputSet(path.dirname(file), `schema.${path.basename(file)}`, (set) =>
      set.write(path.basename(file), text),
    );
  } else process.stdout.write(text);
  return 0;
}
