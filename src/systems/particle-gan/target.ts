/**
 * The 8-Gaussian target of 001 §III.B: eight modes on a circle of radius 2, each an isotropic
 * Gaussian of standard deviation 0.02, equal weights.
 */
import type { Rng } from '../../random/rng.ts';

export interface MixtureTarget {
  /** Mode centres, row-major K×2. */
  modes: Float64Array;
  K: number;
  std: number;
}

export function eightGaussians(radius = 2, std = 0.02, K = 8): MixtureTarget {
  if (!(radius > 0)) throw new RangeError(`eightGaussians: radius must be positive, got ${radius}`);
  if (!(std > 0)) throw new RangeError(`eightGaussians: std must be positive, got ${std}`);
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`eightGaussians: K must be a positive integer, got ${K}`);
  const modes = new Float64Array(2 * K);
  for (let k = 0; k < K; k++) {
    modes[2 * k] = radius * Math.cos((2 * Math.PI * k) / K);
    modes[2 * k + 1] = radius * Math.sin((2 * Math.PI * k) / K);
  }
  return { modes, K, std };
}

/** Writes n samples into x0, x1 (allocation-free: called once per discriminator step). */
export function sampleTarget(t: MixtureTarget, rng: Rng, x0: Float64Array, x1: Float64Array, n: number, offset = 0): void {
  for (let r = 0; r < n; r++) {
    const k = rng.int(t.K);
    x0[offset + r] = t.modes[2 * k]! + t.std * rng.normal();
    x1[offset + r] = t.modes[2 * k + 1]! + t.std * rng.normal();
  }
}

/** log p(x) of the mixture (log-sum-exp over modes). */
export function logDensity(t: MixtureTarget, x: number, y: number): number {
  const inv2s2 = 1 / (2 * t.std * t.std);
  let best = -Infinity;
  for (let k = 0; k < t.K; k++) {
    const dx = x - t.modes[2 * k]!;
    const dy = y - t.modes[2 * k + 1]!;
    best = Math.max(best, -(dx * dx + dy * dy) * inv2s2);
  }
  let s = 0;
  for (let k = 0; k < t.K; k++) {
    const dx = x - t.modes[2 * k]!;
    const dy = y - t.modes[2 * k + 1]!;
    s += Math.exp(-(dx * dx + dy * dy) * inv2s2 - best);
  }
  return best + Math.log(s / t.K) - Math.log(2 * Math.PI * t.std * t.std);
}
