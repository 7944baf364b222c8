/**
 * Text a scenario file writes for people (a scenario's `description`, an assumption's `note`):
 * either one string, shown whatever the language, or `{ zh, en }`, one text per language.
 *
 * @example bilingualText("nominal growth") // { zh: "nominal growth", en: "nominal growth" }
 * @example bilingualText({ zh: "名义增速", en: "nominal growth" }) // { zh: "名义增速", en: "nominal growth" }
 */
import { z } from "zod";

/** What a file is told when such a text has the wrong shape (src/scenario/load.ts adds the fix). */
export const BILINGUAL_TEXT_PROBLEM = "expected a text, or a mapping with both zh and en";
export const BILINGUAL_TEXT_FIX =
  "write one text for both languages, or `zh: 中文` and `en: English` on two indented lines";

/** The zod schema: a non-empty string, or a mapping with a non-empty `zh` and `en`. */
export const BilingualTextSchema = z
  .union([z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })], {
    error: BILINGUAL_TEXT_PROBLEM,
  })
  .describe("one text for both languages, or { zh: 中文, en: English }");
export type BilingualTextInput = z.infer<typeof BilingualTextSchema>;

/** The same text as { zh, en }: a plain string stands for both languages. */
export function bilingualText(text: BilingualTextInput): { zh: string; en: string } {
  return typeof text === "string" ? { zh: text, en: text } : { zh: text.zh, en: text.en };
}

/**
 * A name (of a scenario, of a programme): written like a text above, always read as { zh, en },
 * so a file may say `name: 高增长` and every chart and table still has a name in each language.
 */
export const BilingualNameSchema = BilingualTextSchema.transform(bilingualText).describe(
  "one name for both languages, or { zh: 中文, en: English }",
);
