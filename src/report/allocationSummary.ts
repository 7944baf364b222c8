/**
 * What an extra budget buys, for the briefing's summary: read from the `allocation.json` that
 * `targetcast allocate` writes (src/allocate/runAllocation.ts, AllocateResult). Only the fields the
 * summary shows are checked; a file that is not such a result is refused with the field and the fix.
 */
import { z } from "zod";
import { InputError } from "../data/errors.js";

const split = z.object({
  split: z.record(z.string(), z.number()),
  expectedMet: z.number(),
  pMet: z.record(z.string(), z.number()),
});

const allocationSchema = z.object({
  scenario: z.string(),
  budget: z.number().nonnegative(),
  unit: z.string(),
  programmes: z.array(z.object({ id: z.string(), nameZh: z.string(), nameEn: z.string() })),
  best: split,
  equalSplit: split,
});

export type AllocationSummary = z.infer<typeof allocationSchema>;

/** Parse the text of an allocation.json; `file` names it in errors. */
export function parseAllocation(text: string, file: string): AllocationSummary {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError({
      file,
      problem: `this is not JSON (${e instanceof Error ? e.message : String(e)})`,
      fix: "give the allocation.json written by `targetcast allocate --out DIR`",
    });
  }
  const parsed = allocationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({
      file,
      problem: `field "${issue.path.join(".") || "(top level)"}": ${issue.message}`,
      fix: "give the allocation.json written by `targetcast allocate --out DIR`",
    });
  }
  return parsed.data;
}
