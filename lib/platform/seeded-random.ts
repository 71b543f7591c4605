// A seeded random source, for everything that must come out the same from the same seed: the hall's textures,
// the built-in Spaces' pictures and splats, test fixtures. Pure and browser-safe.

/** mulberry32: tiny, fast, and good enough for grain, speckle, shapes, colours and test data (not for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
