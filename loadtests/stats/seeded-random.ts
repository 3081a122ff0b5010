// A seeded pseudo-random generator, so that resampling (the USL bootstrap) gives the same answer
// for the same data every time: in tests, and between two renderings of one report.

/** mulberry32: 32 bits of state, uniform in [0, 1); enough for resampling, not for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}
