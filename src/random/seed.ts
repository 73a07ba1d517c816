/**
 * Seed derivation: a claim's seed is a hash of the global seed and the claim id, so a claim's
 * result never depends on which other claims ran or in what order (FNV-1a over the id, mixed
 * with the global seed through murmur3's finaliser). Output is a non-negative 31-bit integer,
 * the range fast-check accepts as a seed.
 */
export function deriveSeed(globalSeed: number, id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= globalSeed >>> 0;
  h ^= Math.floor(globalSeed / 4294967296) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h & 0x7fffffff;
}

/** The default global seed: fixed so CI runs are deterministic. */
export const DEFAULT_SEED = 20221122;
