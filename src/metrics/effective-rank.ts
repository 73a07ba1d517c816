/**
 * Effective rank (Roy & Vetterli 2007; used for NTKs by Baratin et al. 2021, 000 §5.2):
 * rank_eff = exp(H(p)), p_k = λ_k/Σλ, H the Shannon entropy, over the non-negative eigenvalues of
 * a PSD matrix. It lies in [1, n]: n for a multiple of the identity, 1 for rank one.
 */
import { eigSym } from '../linalg/index.ts';
import { matrix } from '../linalg/matrix.ts';

/** Relative floor below which a (numerically) negative eigenvalue of a PSD matrix is treated as 0. */
export const PSD_EIG_RTOL = 1e-10;

export function effectiveRankFromEigenvalues(values: ArrayLike<number>): number {
  let max = 0;
  for (let k = 0; k < values.length; k++) max = Math.max(max, Math.abs(values[k]!));
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (Number.isNaN(v)) throw new RangeError('effectiveRank: eigenvalue is NaN');
    if (v < -PSD_EIG_RTOL * max) throw new RangeError(`effectiveRank: matrix is not PSD (eigenvalue ${v})`);
    if (v > 0) sum += v;
  }
  if (!(sum > 0)) throw new RangeError('effectiveRank: all eigenvalues are zero');
  let h = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v <= 0) continue;
    const p = v / sum;
    h -= p * Math.log(p);
  }
  return Math.exp(h);
}

/** Effective rank of a symmetric PSD n×n matrix given row-major. */
export function effectiveRank(K: Float64Array, n: number): number {
  if (K.length !== n * n) throw new RangeError(`effectiveRank: K must have length n² = ${n * n}, got ${K.length}`);
  const { values } = eigSym(matrix(n, n, K));
  return effectiveRankFromEigenvalues(values);
}
