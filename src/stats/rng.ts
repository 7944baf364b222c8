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
import { threefry2x32 } from "./threefry.js";

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

/** The counter-based generator (Threefry-2x32-20) keyed by seed, stream, path and year. */
export class CounterRng implements Rng {
  private k0: number;
  private k1: number;
  private path = 0;
  private i = 0;
  private readonly words = new Uint32Array(2);
  private spare = false;

  constructor(seed: number, stream = 0, path = 0, yearIndex = 0) {
    this.k0 = seed >>> 0;
    this.k1 = 0;
    this.at(stream, path, yearIndex);
  }

  /** Move to the start of (stream, path, year) for the same seed: two integer writes, no work. */
  at(stream: number, path: number, yearIndex: number): this {
    if (!(stream >= 0 && stream < 2 ** 20 && yearIndex >= 0 && yearIndex < MAX_YEARS)) {
      throw new RangeError(`CounterRng: stream ${stream} must be < 2^20 and year index ${yearIndex} < ${MAX_YEARS}`);
    }
    this.k1 = stream * MAX_YEARS + yearIndex;
    this.path = path >>> 0;
    this.i = 0;
    this.spare = false;
    return this;
  }

  nextUint32(): number {
    if (this.spare) {
      this.spare = false;
      return this.words[1];
    }
    threefry2x32(this.k0, this.k1, this.path, this.i, this.words);
    this.i = (this.i + 1) >>> 0;
    this.spare = true;
    return this.words[0];
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

/** The generator of one stream of one path (and year) of one run. */
export function pathRng(seed: number, path: number, stream = 0, yearIndex = 0): CounterRng {
  return new CounterRng(seed, stream, path, yearIndex);
}
