/**
 * Target distributions of the shallow-GAN experiments (000 §5.1; the paper's Appendix C with the
 * exact parameters is not in the text we have, so these are ours, stated here and in every
 * claim's evidence):
 * - mix3-1d: 1-D mixture of 3 equal-weight Gaussians, means −2, 0, 2, std 0.2 (gaps of 10σ: the
 *   density between modes is ~1e-5 of the peaks, so the optimal generator needs 2 steep jumps).
 * - grid-2d: 2-D mixture of 25 equal-weight Gaussians on the grid {−2, −1, 0, 1, 2}², std 0.05.
 */
import type { Rng } from '../../random/rng.ts';
import { mixture1d, type Mixture1D } from '../generator-1d/mixture.ts';

export interface GaussianMixtureNd {
  name: string;
  dim: number;
  /** K×dim row-major centres. */
  means: Float64Array;
  /** Isotropic std per component. */
  stds: Float64Array;
  weights: Float64Array;
}

export const MIX3_MEANS = [-2, 0, 2];
export const MIX3_STD = 0.2;
export const GRID_LEVELS = [-2, -1, 0, 1, 2];
export const GRID_STD = 0.05;

export function mix3(): GaussianMixtureNd {
  return { name: 'mix3-1d', dim: 1, means: Float64Array.from(MIX3_MEANS), stds: new Float64Array(3).fill(MIX3_STD), weights: new Float64Array(3).fill(1 / 3) };
}

export function mix3Mixture1D(): Mixture1D {
  return mixture1d([1, 1, 1], MIX3_MEANS, [MIX3_STD, MIX3_STD, MIX3_STD]);
}

export function grid2d(): GaussianMixtureNd {
  const K = GRID_LEVELS.length ** 2;
  const means = new Float64Array(2 * K);
  let k = 0;
  for (const a of GRID_LEVELS) for (const b of GRID_LEVELS) { means[2 * k] = a; means[2 * k + 1] = b; k++; }
  return { name: 'grid-2d', dim: 2, means, stds: new Float64Array(K).fill(GRID_STD), weights: new Float64Array(K).fill(1 / K) };
}

/** Fills X (n×dim) with samples. */
export function sampleMixture(m: GaussianMixtureNd, rng: Rng, X: Float64Array, n: number): Float64Array {
  const K = m.weights.length;
  for (let s = 0; s < n; s++) {
    let u = rng.uniform();
    let k = 0;
    while (k < K - 1 && u >= m.weights[k]!) { u -= m.weights[k]!; k++; }
    for (let a = 0; a < m.dim; a++) X[s * m.dim + a] = m.means[k * m.dim + a]! + m.stds[k]! * rng.normal();
  }
  return X;
}

/** Fraction of samples farther than `nSigma` component stds from every centre ("mode mixtures"). */
export function modeMixtureFraction(m: GaussianMixtureNd, X: Float64Array, n: number, nSigma = 3): number {
  let mixed = 0;
  for (let s = 0; s < n; s++) {
    let near = false;
    for (let k = 0; k < m.weights.length && !near; k++) {
      let d2 = 0;
      for (let a = 0; a < m.dim; a++) d2 += (X[s * m.dim + a]! - m.means[k * m.dim + a]!) ** 2;
      if (d2 <= (nSigma * m.stds[k]!) ** 2) near = true;
    }
    if (!near) mixed++;
  }
  return mixed / n;
}
