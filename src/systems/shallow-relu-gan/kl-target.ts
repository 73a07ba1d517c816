/**
 * Binning for the histogram KL of src/metrics/kl.ts on the shallow-GAN targets: exact target
 * bin probabilities from normal CDFs (per axis, product over axes for the isotropic components),
 * and the generated samples' counts in the same bins. Bins: a regular grid over [lo, hi]ᵈ plus one
 * overflow bin holding everything outside.
 */
import { histogramKl } from '../../metrics/kl.ts';
import { normalMass } from '../../stats/normal.ts';
import type { GaussianMixtureNd } from './datasets.ts';

export interface Binning {
  lo: number;
  hi: number;
  perAxis: number;
  dim: number;
}

export const BINNING_1D: Binning = { lo: -3, hi: 3, perAxis: 120, dim: 1 };
export const BINNING_2D: Binning = { lo: -3, hi: 3, perAxis: 60, dim: 2 };

export function binningFor(m: GaussianMixtureNd): Binning {
  return m.dim === 1 ? BINNING_1D : BINNING_2D;
}

export function targetBinProbs(m: GaussianMixtureNd, bins: Binning): Float64Array {
  const nb = bins.perAxis ** bins.dim;
  const p = new Float64Array(nb + 1);
  const w = (bins.hi - bins.lo) / bins.perAxis;
  const K = m.weights.length;
  const axis = new Float64Array(bins.perAxis * bins.dim);
  for (let k = 0; k < K; k++) {
    const s = m.stds[k]!;
    for (let a = 0; a < bins.dim; a++) {
      const mu = m.means[k * m.dim + a]!;
      for (let j = 0; j < bins.perAxis; j++) axis[a * bins.perAxis + j] = normalMass((bins.lo + j * w - mu) / s, (bins.lo + (j + 1) * w - mu) / s);
    }
    for (let idx = 0; idx < nb; idx++) {
      let r = idx;
      let prob = m.weights[k]!;
      for (let a = 0; a < bins.dim; a++) {
        prob *= axis[a * bins.perAxis + (r % bins.perAxis)]!;
        r = Math.floor(r / bins.perAxis);
      }
      p[idx] += prob;
    }
  }
  let inside = 0;
  for (let idx = 0; idx < nb; idx++) inside += p[idx]!;
  p[nb] = Math.max(0, 1 - inside);
  return p;
}

export function binCounts(X: Float64Array, n: number, bins: Binning): Float64Array {
  const nb = bins.perAxis ** bins.dim;
  const counts = new Float64Array(nb + 1);
  const w = (bins.hi - bins.lo) / bins.perAxis;
  for (let s = 0; s < n; s++) {
    let idx = 0;
    let mult = 1;
    let out = false;
    for (let a = 0; a < bins.dim; a++) {
      const x = X[s * bins.dim + a]!;
      const j = Math.floor((x - bins.lo) / w);
      if (!(j >= 0 && j < bins.perAxis)) { out = true; break; }
      idx += j * mult;
      mult *= bins.perAxis;
    }
    counts[out ? nb : idx]++;
  }
  return counts;
}

/** KL(P_data ‖ P_gen) by the histogram plug-in estimator (see src/metrics/kl.ts). */
export function mixtureKl(m: GaussianMixtureNd, X: Float64Array, n: number, targetProbs?: Float64Array): number {
  const bins = binningFor(m);
  const p = targetProbs ?? targetBinProbs(m, bins);
  return histogramKl(p, binCounts(X, n, bins));
}
