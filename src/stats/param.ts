/**
 * An uncertain scenario parameter: a fixed number, or a distribution drawn once per path.
 * Written in scenario files as `0.08` or `{ dist: normal, mean: 0.08, sd: 0.02 }`.
 */
import { z } from "zod";
import { normalCdf } from "./normal.js";
import type { Rng } from "./rng.js";
import { standardNormal, triangular, triangularQuantile } from "./samplers.js";

const finite = z.number().refine(Number.isFinite, "expected a finite number");

/** The zod schema of an uncertain parameter: a named distribution and its parameters. */
export const Distribution = z.discriminatedUnion("dist", [
  z.strictObject({
    dist: z.literal("normal"),
    mean: finite,
    sd: finite.refine((v) => v >= 0, "expected a number ≥ 0"),
  }),
  z
    .strictObject({ dist: z.literal("triangular"), min: finite, mode: finite, max: finite })
    .refine((d) => d.min <= d.mode && d.mode <= d.max, "expected min ≤ mode ≤ max"),
  z
    .strictObject({ dist: z.literal("uniform"), min: finite, max: finite })
    .refine((d) => d.min <= d.max, "expected min ≤ max"),
  /** Positive quantities: X = median × exp(sigma × Z). */
  z.strictObject({
    dist: z.literal("lognormal"),
    median: finite.refine((v) => v > 0, "expected a number > 0"),
    sigma: finite.refine((v) => v >= 0, "expected a number ≥ 0"),
  }),
]);
export type Distribution = z.infer<typeof Distribution>;

/** The zod schema of a parameter: a number or a distribution. */
export const Param = z.union([finite, Distribution]);
export type Param = z.infer<typeof Param>;

/** Central value used by the deterministic projection: the mean, mode or median. */
export function centralValue(p: Param): number {
  if (typeof p === "number") return p;
  switch (p.dist) {
    case "normal":
      return p.mean;
    case "triangular":
      return p.mode;
    case "uniform":
      return (p.min + p.max) / 2;
    case "lognormal":
      return p.median;
  }
}

/** Smallest and largest values a draw can take (±Infinity for the normal). */
export function support(p: Param): [number, number] {
  if (typeof p === "number") return [p, p];
  switch (p.dist) {
    case "normal":
      return p.sd === 0 ? [p.mean, p.mean] : [-Infinity, Infinity];
    case "triangular":
    case "uniform":
      return [p.min, p.max];
    case "lognormal":
      return p.sigma === 0 ? [p.median, p.median] : [0, Infinity];
  }
}

export function isUncertain(p: Param): boolean {
  const [lo, hi] = support(p);
  return lo !== hi;
}

/** One draw. Fixed numbers consume no random numbers, so adding a fixed parameter never shifts other draws. */
export function draw(p: Param, rng: Rng): number {
  if (typeof p === "number") return p;
  switch (p.dist) {
    case "normal":
      return p.mean + p.sd * standardNormal(rng);
    case "triangular":
      return triangular(rng, p.min, p.mode, p.max);
    case "uniform":
      return p.min + (p.max - p.min) * rng.next();
    case "lognormal":
      return p.median * Math.exp(p.sigma * standardNormal(rng));
  }
}

/**
 * The value of a parameter whose standard-normal score is z: F⁻¹(Φ(z)), the marginal a Gaussian
 * copula keeps (normal and lognormal exactly, without going through Φ). A fixed number stays fixed.
 */
export function fromStandardNormal(p: Param, z: number): number {
  if (typeof p === "number") return p;
  switch (p.dist) {
    case "normal":
      return p.mean + p.sd * z;
    case "triangular":
      return triangularQuantile(normalCdf(z), p.min, p.mode, p.max);
    case "uniform":
      return p.min + (p.max - p.min) * normalCdf(z);
    case "lognormal":
      return p.median * Math.exp(p.sigma * z);
  }
}

/** Short readable form for assumption tables: "8%", "N(8%, 2%)", "Tri(5%, 8%, 12%)". */
export function describeParam(p: Param, asPercent: boolean): string {
  const f = (v: number) => (asPercent ? `${+(v * 100).toPrecision(4)}%` : `${+v.toPrecision(4)}`);
  if (typeof p === "number") return f(p);
  switch (p.dist) {
    case "normal":
      return `N(${f(p.mean)}, sd ${f(p.sd)})`;
    case "triangular":
      return `Tri(${f(p.min)}, ${f(p.mode)}, ${f(p.max)})`;
    case "uniform":
      return `U(${f(p.min)}, ${f(p.max)})`;
    case "lognormal":
      return `LogN(median ${f(p.median)}, σ ${p.sigma})`;
  }
}
