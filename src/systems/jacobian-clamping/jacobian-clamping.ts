/**
 * The `jacobian-clamping` system (`--impl jacobian-clamping=./file.ts`): generator conditioning and
 * Jacobian Clamping as 003 (Odena et al. 2018) defines them, for a generator given by its weights.
 *
 * The generator is an MLP `Mlp` (mlp.ts): h₀ = z, h_{l+1} = act_l(W_l h_l + b_l), G(z) = h_L, with
 * W_l row-major sizes[l+1] × sizes[l] and act ∈ {tanh, relu, leaky-relu (slope 0.2), identity}.
 *
 * - §2: J_z = ∂G/∂z ∈ ℝ^{n_x×n_z}; the metric tensor M_z = J_zᵀJ_z ∈ ℝ^{n_z×n_z}; its eigenvalues are
 *   the squared singular values of J_z (eq. 5: ‖G(z) − G(z + εv_k)‖/‖εv_k‖ → √λ_k); the condition
 *   number λ_max/λ_min of M_z, and the batch mean of ln(λ_max/λ_min) that Fig. 1–2 plot.
 * - §4, Algorithm 1: z′ = z + δ with δ ~ N(0, I), δ := ε·δ/‖δ‖ (per example);
 *   Q := ‖G(z) − G(z′)‖/‖z − z′‖;  L_max = (max(Q, λ_max) − λ_max)²;  L_min = (min(Q, λ_min) − λ_min)²;
 *   L = L_max + L_min, averaged over the batch and added to the generator's loss.
 *
 * Every jc.* claim about the system reads it through this interface and compares it with an
 * independent computation (a reference forward pass and central differences, an SVD, the penalty's
 * definition on hand-built Q, finite differences of the loss in the parameters).
 */
import type { Matrix } from '../../linalg/matrix.ts';
import { eigSym } from '../../linalg/index.ts';
import { conditionNumberFromEigenvalues } from '../../metrics/condition-number.ts';
import { clampBatchWith, clampPenalty, quotient, type ClampBatchResult, type ClampConfig } from './clamp.ts';
import { meanLogCondition, metricTensor } from './metric-tensor.ts';
import { jacobian, mlpApply, mlpWork, type Mlp } from './mlp.ts';

export interface JacobianClamping {
  /** G(z) ∈ ℝ^{n_x}. */
  generate(G: Mlp, z: ArrayLike<number>): Float64Array;
  /** §2: the input–output Jacobian J_z = ∂G/∂z, n_x × n_z. */
  jacobian(G: Mlp, z: ArrayLike<number>): Matrix;
  /** §2: the metric tensor M_z = J_zᵀJ_z, n_z × n_z (symmetric, positive semi-definite). */
  metricTensor(G: Mlp, z: ArrayLike<number>): Matrix;
  /** §2: λ_max/λ_min of M_z (+∞ when M_z is singular). */
  conditionNumber(G: Mlp, z: ArrayLike<number>): number;
  /** §2, Fig. 1–2: the mean over the batch of ln(λ_max/λ_min) of M_z. */
  meanLogCondition(G: Mlp, zs: readonly ArrayLike<number>[]): number;
  /** Algorithm 1: Q = ‖G(z) − G(z′)‖/‖z − z′‖ with z′ = z + δ. */
  quotient(G: Mlp, z: ArrayLike<number>, delta: ArrayLike<number>): number;
  /** Algorithm 1: L = L_max + L_min = (max(Q, λ_max) − λ_max)² + (min(Q, λ_min) − λ_min)². */
  penalty(q: number, lambdaMin: number, lambdaMax: number): number;
  /**
   * Algorithm 1 on a batch, with the perturbations δ_b given (each already of norm ε = cfg.eps):
   * the mean over the batch of L and the per-example Q. The generator's training step: when `grad`
   * is given, ADDS weight·∂(mean L)/∂θ_G into it (θ_G = W and b of every layer, same shapes as G's).
   */
  clampBatch(
    G: Mlp, zs: readonly Float64Array[], deltas: readonly ArrayLike<number>[], cfg: ClampConfig,
    grad?: { W: Float64Array[]; b: Float64Array[] }, weight?: number,
  ): ClampBatchResult;
}

/** The built-in: mlp.ts (forward-mode Jacobian), metric-tensor.ts (Jacobi eigensolver), clamp.ts. */
export const jacobianClamping: JacobianClamping = {
  generate: (G, z) => mlpApply(G, z),
  jacobian: (G, z) => jacobian(G, z),
  metricTensor: (G, z) => metricTensor(G, z),
  conditionNumber: (G, z) => conditionNumberFromEigenvalues(eigSym(metricTensor(G, z)).values),
  meanLogCondition: (G, zs) => meanLogCondition(G, zs),
  quotient: (G, z, delta) => quotient(G, z, delta, mlpWork(G), mlpWork(G)),
  penalty: (q, lambdaMin, lambdaMax) => clampPenalty(q, lambdaMin, lambdaMax),
  clampBatch: (G, zs, deltas, cfg, grad, weight) => clampBatchWith(G, zs, deltas, cfg, grad, weight),
};
