/** Seeded pseudo-random numbers: the same sequence for the same seed on every run and platform. */

/** xmur3 string hash (bryc): a well-mixed 32-bit seed from any string. */
function hashSeed(seed: string | number): number {
  const s = typeof seed === 'number' ? `#${seed}` : seed;
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A deterministic generator of uint32 values (mulberry32) seeded with a hash of `seed`. Integer
 * arithmetic only (Math.imul, shifts), so the sequence is the same on every platform.
 */
export function seededRandom(seed: string | number): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
