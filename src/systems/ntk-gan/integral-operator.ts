/**
 * The kernel integral operator of 004 ("Kernel Integral Operator and RKHS"):
 *   T_{k,γ̂}: L²(γ̂) → H_k^{γ̂},   h ↦ ∫ k(·, x) h(x) dγ̂(x) = Σⱼ wⱼ k(·, zⱼ) h(zⱼ),
 * evaluated anywhere (T h is a function on the whole input space, which is how the discriminator
 * gets defined off the training points). On the support it is the matrix K·W, W = diag(w).
 */
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import type { Kernel } from '../../kernels/kernel.ts';
import type { TrainingMeasure } from './training-measure.ts';

/** (T h)(u) for each u in `us`, with h given by its values on supp γ̂ (gamma.points order). */
export function applyIntegralOperator(kernel: Kernel, gamma: TrainingMeasure, h: Float64Array, us: readonly Float64Array[]): Float64Array {
  const N = gamma.points.length;
  if (h.length !== N) throw new RangeError(`applyIntegralOperator: h must have one value per support point (${N}), got ${h.length}`);
  const out = new Float64Array(us.length);
  for (let u = 0; u < us.length; u++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += gamma.weights[j]! * kernel.k(us[u]!, gamma.points[j]!) * h[j]!;
    out[u] = s;
  }
  return out;
}

/** The matrix of T_{k,γ̂} restricted to supp γ̂: A = K·W (not symmetric; similar to W^{1/2} K W^{1/2}). */
export function integralOperatorMatrix(K: Matrix, weights: Float64Array): Matrix {
  const N = K.rows;
  if (K.cols !== N || weights.length !== N) throw new RangeError(`integralOperatorMatrix: K must be ${weights.length}×${weights.length}, got ${K.rows}×${K.cols}`);
  const A = matrix(N, N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) A.data[i * N + j] = K.data[i * N + j]! * weights[j]!;
  return A;
}
