/**
 * The analytic Jacobian of the parameter-space one-step map (002 eq. 4 with eq. 9 or 11b) at any
 * state [θ; x̃]. With Jⱼ = ∂a/∂x at x̃ⱼ (F×d) and Wⱼ = Σ_f θ_f ∇²a_f(x̃ⱼ) = ∇²f(x̃ⱼ):
 *   ∂θ′/∂θ = (1 − η_dλ) I,   ∂θ′/∂x̃ⱼ = −η_d p̃ⱼ Jⱼ,
 *   simultaneous: ∂x̃ⱼ′/∂θ = η_g p̃ⱼ Jⱼᵀ,  ∂x̃ⱼ′/∂x̃ⱼ = I + η_g p̃ⱼ Wⱼ(θ),
 *   alternating:  ∂x̃ⱼ′/∂θ = η_g p̃ⱼ (1 − η_dλ) Jⱼᵀ,
 *                 ∂x̃ⱼ′/∂x̃ₗ = δⱼₗ (I + η_g p̃ⱼ Wⱼ(θ′)) − η_g η_d p̃ⱼ p̃ₗ Jⱼᵀ Jₗ.
 * Cross-checked against jacobianFD of ParamSpaceIpm.map1 by properties.
 */
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import type { ParamSpaceIpm } from './param-space.ts';

export function paramStepJacobian(sys: ParamSpaceIpm, state: Float64Array): Matrix {
  const { F, d, ng, map } = sys;
  const { lambda, etaD, etaG } = sys.steps;
  const pT = sys.points.pTilde;
  const n = F + ng * d;
  if (state.length !== n) throw new RangeError(`paramStepJacobian: state has length ${state.length}, expected ${n}`);
  const J = matrix(n, n);
  const A = J.data;
  const theta = state.subarray(0, F);
  const x = state.subarray(F);
  const jac = Array.from({ length: ng }, (_, j) => map.jacobian(x.subarray(j * d, (j + 1) * d), new Float64Array(F * d)));
  let thetaForW = theta;
  if (sys.scheme === 'alternating') {
    const next = Float64Array.from(state);
    sys.stepState(next);
    thetaForW = next.subarray(0, F);
  }
  const W = new Float64Array(d * d);
  for (let f = 0; f < F; f++) A[f * n + f] = 1 - etaD * lambda;
  for (let j = 0; j < ng; j++) {
    const Jj = jac[j]!;
    const col0 = F + j * d;
    for (let f = 0; f < F; f++) for (let a = 0; a < d; a++) A[f * n + col0 + a] = -etaD * pT[j]! * Jj[f * d + a]!;
    const cg = etaG * pT[j]! * (sys.scheme === 'alternating' ? 1 - etaD * lambda : 1);
    for (let a = 0; a < d; a++) for (let f = 0; f < F; f++) A[(col0 + a) * n + f] = cg * Jj[f * d + a]!;
    map.weightedHessian(x.subarray(j * d, (j + 1) * d), thetaForW, W);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) A[(col0 + a) * n + col0 + b] = (a === b ? 1 : 0) + etaG * pT[j]! * W[a * d + b]!;
    }
    if (sys.scheme === 'alternating') {
      for (let l = 0; l < ng; l++) {
        const Jl = jac[l]!;
        const c = -etaG * etaD * pT[j]! * pT[l]!;
        for (let a = 0; a < d; a++) {
          for (let b = 0; b < d; b++) {
            let s = 0;
            for (let f = 0; f < F; f++) s += Jj[f * d + a]! * Jl[f * d + b]!;
            A[(col0 + a) * n + F + l * d + b] += c * s;
          }
        }
      }
    }
  }
  return J;
}
