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
 * @example threefry2x32(0, 0, 0, 0, out) // out = [0x6b200159, 0x99ba4efe] (Random123 known-answer test)
 */

const PARITY = 0x1bd11bda;
const R0 = 13,
  R1 = 15,
  R2 = 26,
  R3 = 6,
  R4 = 17,
  R5 = 29,
  R6 = 16,
  R7 = 24;

/** Writes the two output words of (key k0, k1; counter c0, c1) into out[0], out[1]. */
export function threefry2x32(k0: number, k1: number, c0: number, c1: number, out: Uint32Array): void {
  const k2 = (PARITY ^ k0 ^ k1) >>> 0;
  let x0 = (c0 + k0) | 0;
  let x1 = (c1 + k1) | 0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R0) | (x1 >>> (32 - R0));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R1) | (x1 >>> (32 - R1));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R2) | (x1 >>> (32 - R2));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R3) | (x1 >>> (32 - R3));
  x1 ^= x0;
  x0 = (x0 + k1) | 0;
  x1 = (x1 + k2 + 1) | 0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R4) | (x1 >>> (32 - R4));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R5) | (x1 >>> (32 - R5));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R6) | (x1 >>> (32 - R6));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R7) | (x1 >>> (32 - R7));
  x1 ^= x0;
  x0 = (x0 + k2) | 0;
  x1 = (x1 + k0 + 2) | 0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R0) | (x1 >>> (32 - R0));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R1) | (x1 >>> (32 - R1));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R2) | (x1 >>> (32 - R2));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R3) | (x1 >>> (32 - R3));
  x1 ^= x0;
  x0 = (x0 + k0) | 0;
  x1 = (x1 + k1 + 3) | 0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R4) | (x1 >>> (32 - R4));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R5) | (x1 >>> (32 - R5));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R6) | (x1 >>> (32 - R6));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R7) | (x1 >>> (32 - R7));
  x1 ^= x0;
  x0 = (x0 + k1) | 0;
  x1 = (x1 + k2 + 4) | 0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R0) | (x1 >>> (32 - R0));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R1) | (x1 >>> (32 - R1));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R2) | (x1 >>> (32 - R2));
  x1 ^= x0;
  x0 = (x0 + x1) | 0;
  x1 = (x1 << R3) | (x1 >>> (32 - R3));
  x1 ^= x0;
  x0 = (x0 + k2) | 0;
  x1 = (x1 + k0 + 5) | 0;
  out[0] = x0;
  out[1] = x1;
}
