/**
 * Conditioning of a generator's metric tensor M_z = J_zᵀJ_z (003 §2): the condition number
 * λ_max/λ_min of M_z, its logarithm, and the batch mean of the log that 003 plots (Fig. 1, 5, 6).
 * Eigenvalues of M_z are the squared singular values of J_z, so the condition number of M_z is
 * the square of J_z's. Natural logarithms throughout (003 does not name the base; its Fig. 2
 * range "12 to 20" is consistent with ln).
 */
import type { Matrix } from '../linalg/matrix.ts';
import { eigSym } from '../linalg/index.ts';

/** λ_max/λ_min of a list of eigenvalues of a PSD matrix; +∞ when λ_min ≤ 0 (rank deficient). */
export function conditionNumberFromEigenvalues(values: ArrayLike<number>): number {
  if (values.length < 1) throw new RangeError('conditionNumberFromEigenvalues: values must be non-empty');
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) throw new RangeError(`conditionNumberFromEigenvalues: values[${i}] is NaN`);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi < 0) throw new RangeError(`conditionNumberFromEigenvalues: values must be those of a PSD matrix, largest is ${hi}`);
  if (lo <= 0) return Infinity;
  return hi / lo;
}

/** Condition number λ_max/λ_min of a symmetric PSD matrix (e.g. M_z). */
export function conditionNumber(M: Matrix): number {
  return conditionNumberFromEigenvalues(eigSym(M).values);
}

export function logConditionNumber(M: Matrix): number {
  return Math.log(conditionNumber(M));
}

/** Mean over a batch of metric tensors of ln(λ_max/λ_min): the summary 003 tracks during training. */
export function meanLogConditionNumber(Ms: readonly Matrix[]): number {
  if (Ms.length < 1) throw new RangeError('meanLogConditionNumber: Ms must be non-empty');
  let s = 0;
  for (const M of Ms) s += logConditionNumber(M);
  return s / Ms.length;
}
