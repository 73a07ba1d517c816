export { Rng } from './rng.ts';
export { deriveSeed, DEFAULT_SEED } from './seed.ts';
