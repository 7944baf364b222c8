/**
 * Seeded random streams, reproducible bit for bit, that never need reseeding.
 *
 * A stream is identified by (seed, stream, path, year) and its numbers are Threefry-2x32
 * (threefry.ts) outputs of
 *
 *   key     = (seed, stream · 4096 + yearIndex)        counter = (path, i),  i = 0, 1, 2, …
 *
 * so the i-th number of any path in any year of any stream is computed directly: the numbers of a
 * path never depend on how paths are batched, which thread runs them, or which other nodes are
 * recomputed, and a node that consumes more numbers in one year (a count with a larger rate)
 * never shifts another node's, or its own next year's, draws. That is what makes comparisons of two
 * allocations on the same seed use common random numbers.
 *
 * Stream numbers: 0 = parameter draws (year 0), 1 + slot = the yearly shocks of the node computing
 * indicator `slot`. Streams from 2^19 up are reserved for draws shared across nodes of a path
 * (e.g. the normals of a Gaussian copula), so they can be added without moving any existing draw.
 * Limits: stream < 2^20, yearIndex < 4096, seed and path 32-bit unsigned.
 */
import { threefryBlock } from "./threefry.js";

/** A source of uniform random numbers in [0, 1). */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
}

/** First stream number reserved for draws shared by several nodes of a path (copulas). */
export const SHARED_STREAMS = 2 ** 19;
export const MAX_YEARS = 4096;

/** Output of one Threefry call, copied out at once (generators are used in one thread at a time). */
const pair = new Uint32Array(2);

/** The counter-based generator (Threefry-2x32-20) keyed by seed, stream, path and year. */
export class CounterRng implements Rng {
  private k0: number;
  private k1: number;
  private path = 0;
  /** Counter of the next pair of words to compute. */
  private i = 0;
  /** The current pair of words (plain fields: a block holds many generators), and how many of them are used (2: compute pair i). */
  private w0 = 0;
  private w1 = 0;
  private used = 2;

  constructor(seed: number, stream = 0, path = 0, yearIndex = 0) {
    this.k0 = seed >>> 0;
    this.k1 = 0;
    this.at(stream, path, yearIndex);
  }

  /** Move to the start of (stream, path, year) for the same seed: integer writes, no work. */
  at(stream: number, path: number, yearIndex: number): this {
    this.k1 = streamKey(stream, yearIndex);
    this.path = path >>> 0;
    this.i = 0;
    this.used = 2;
    return this;
  }

  /**
   * Moves rngs[b] to the start of (stream, path0 + b, year) for b < n, all of the same seed, and
   * computes their first pair of words in one batched pass (`threefryBlock`, counters (path, 0)):
   * the same numbers as `at` on each, about 2.5× faster for a block of paths. `words` (2n long) is
   * working memory.
   */
  static atBlock(
    rngs: readonly CounterRng[],
    stream: number,
    path0: number,
    yearIndex: number,
    n: number,
    words: Uint32Array,
  ): void {
    if (n === 0) return;
    const k1 = streamKey(stream, yearIndex);
    const k0 = rngs[0].k0;
    threefryBlock(k0, k1, path0 >>> 0, 0, n, words);
    for (let b = 0; b < n; b++) {
      const r = rngs[b];
      if (r.k0 !== k0) throw new RangeError("CounterRng.atBlock: the generators have different seeds");
      r.k1 = k1;
      r.path = (path0 + b) >>> 0;
      r.w0 = words[2 * b];
      r.w1 = words[2 * b + 1];
      r.i = 1;
      r.used = 0;
    }
  }

  nextUint32(): number {
    if (this.used === 0) {
      this.used = 1;
      return this.w0;
    }
    if (this.used === 1) {
      this.used = 2;
      return this.w1;
    }
    threefryBlock(this.k0, this.k1, this.path, this.i, 1, pair);
    this.i = (this.i + 1) >>> 0;
    this.w1 = pair[1];
    this.used = 1;
    return pair[0];
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

/** The second key word of (stream, year): stream · MAX_YEARS + yearIndex, checked against the limits. */
function streamKey(stream: number, yearIndex: number): number {
  if (!(stream >= 0 && stream < 2 ** 20 && yearIndex >= 0 && yearIndex < MAX_YEARS)) {
    throw new RangeError(`CounterRng: stream ${stream} must be < 2^20 and year index ${yearIndex} < ${MAX_YEARS}`);
  }
  return stream * MAX_YEARS + yearIndex;
}

/** The generator of one stream of one path (and year) of one run. */
export function pathRng(seed: number, path: number, stream = 0, yearIndex = 0): CounterRng {
  return new CounterRng(seed, stream, path, yearIndex);
}
