/**
 * 003 §2: the metric tensor M_z = J_zᵀJ_z of a generator at z, its eigen-spectrum (ascending) and
 * condition number λ_max/λ_min, and the batch mean of ln(λ_max/λ_min) that 003 tracks.
 */
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import { eigSym } from '../../linalg/index.ts';
import { conditionNumberFromEigenvalues } from '../../metrics/condition-number.ts';
import { jacobian, mlpWork, type Mlp } from './mlp.ts';

/** JᵀJ (n_z × n_z), symmetric by construction. */
export function metricTensorOf(J: Matrix): Matrix {
  const { rows, cols } = J;
  const M = matrix(cols, cols);
  for (let a = 0; a < cols; a++) {
    for (let b = a; b < cols; b++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += J.data[r * cols + a]! * J.data[r * cols + b]!;
      M.data[a * cols + b] = s;
      M.data[b * cols + a] = s;
    }
  }
  return M;
}

export function metricTensor(G: Mlp, z: ArrayLike<number>): Matrix {
  return metricTensorOf(jacobian(G, z));
}

export interface MetricSpectrum {
  /** Eigenvalues of M_z, ascending. */
  values: Float64Array;
  /** Unit eigenvectors as columns. */
  vectors: Matrix;
  conditionNumber: number;
}

export function metricSpectrum(G: Mlp, z: ArrayLike<number>): MetricSpectrum {
  const { values, vectors } = eigSym(metricTensor(G, z));
  return { values, vectors, conditionNumber: conditionNumberFromEigenvalues(values) };
}

/** Mean over the batch of ln(λ_max/λ_min) of M_z (+∞ if some M_z is singular). */
export function meanLogCondition(G: Mlp, zs: readonly ArrayLike<number>[]): number {
  if (zs.length < 1) throw new RangeError('meanLogCondition: zs must be non-empty');
  const work = mlpWork(G);
  let s = 0;
  for (const z of zs) s += Math.log(conditionNumberFromEigenvalues(eigSym(metricTensorOf(jacobian(G, z, work))).values));
  return s / zs.length;
}
