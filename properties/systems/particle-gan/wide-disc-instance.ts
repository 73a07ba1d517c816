/** A random small WideDisc with a particle cloud and a target batch, shared by the WideDisc tests. */
import { WideDisc, eightGaussians, sampleTarget } from '../../../src/systems/particle-gan/index.ts';
import { Rng } from '../../../src/random/rng.ts';

export function makeWideDiscInstance(a: { seed: number; activation: 'relu' | 'tanh'; H: number; N: number; spread: number }) {
  const rng = new Rng(a.seed);
  const disc = new WideDisc(a.H, a.activation, rng);
  const gx0 = Float64Array.from({ length: a.N }, () => 0.7 + a.spread * rng.normal());
  const gx1 = Float64Array.from({ length: a.N }, () => 0.7 + a.spread * rng.normal());
  const d0 = new Float64Array(a.N), d1 = new Float64Array(a.N);
  sampleTarget(eightGaussians(), rng, d0, d1, a.N);
  return { disc, gx0, gx1, d0, d1 };
}
