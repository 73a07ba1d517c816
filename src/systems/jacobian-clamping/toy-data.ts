/**
 * The toy multi-modal target of jc.clamp-effect: K Gaussians of std `std` centred on a circle of
 * radius `radius` in ℝ² (the 8-Gaussian ring of Metz et al. 2016), equal weights.
 */
import type { Rng } from '../../random/rng.ts';

export interface RingMixture { modes: number; radius: number; std: number }

export function ringCentres(m: RingMixture): Float64Array[] {
  return Array.from({ length: m.modes }, (_, k) => {
    const a = (2 * Math.PI * k) / m.modes;
    return new Float64Array([m.radius * Math.cos(a), m.radius * Math.sin(a)]);
  });
}

export function sampleRing(rng: Rng, m: RingMixture, count: number, centres = ringCentres(m)): Float64Array[] {
  return Array.from({ length: count }, () => {
    const c = centres[rng.int(m.modes)]!;
    return new Float64Array([c[0]! + m.std * rng.normal(), c[1]! + m.std * rng.normal()]);
  });
}
