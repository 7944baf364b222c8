/**
 * Seeded pseudo-random numbers, reproducible bit for bit.
 *
 * Each Monte Carlo path gets its own generators, seeded from (scenario seed, path index,
 * stream) through SplitMix32 mixing, so a path's draws never depend on how paths are batched
 * or which worker runs them. Stream 0 draws the path's parameters; each model node has its
 * own stream for its yearly shocks, so a node that consumes more random numbers (a count
 * with a larger rate) never shifts another node's draws: comparisons of two allocations
 * on the same seed use common random numbers. The generator is sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator, 128-bit state; passes PractRand to 2^40+ bytes), on 32-bit integers.
 */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number;
}

/** SplitMix32 finaliser: a 32-bit integer hash with good avalanche (Steele et al. 2014, 32-bit variant). */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, path: number, stream = 0) {
    this.a = 0;
    this.b = 0;
    this.c = 0;
    this.d = 1;
    this.reseed(seed, path, stream);
  }

  /** Restart as the generator for (seed, path, stream), without allocating. */
  reseed(seed: number, path: number, stream = 0): void {
    this.a = mix32(seed ^ mix32(stream + 0x3c6ef372));
    this.b = mix32(this.a ^ path);
    this.c = mix32(this.b + 0x6a09e667);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next(); // warm up: decorrelate nearby seeds
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

/** The generator for one stream of one path of one run. */
export function pathRng(seed: number, path: number, stream = 0): Sfc32 {
  return new Sfc32(seed, path, stream);
}
