/**
 * Spline (breakplane) reparameterisation, 000 Def. 2 / eq. (2):
 *   ξ_i = w_i/‖w_i‖ (breakplane orientation), β_i = −b_i/‖w_i‖ (distance from the origin),
 *   μ_i = v_i‖w_i‖ (delta-slope; a D-vector for D outputs),
 * so Σ v_i ReLU(w_iᵀx + b_i) = Σ μ_i ReLU(ξ_iᵀx − β_i). In 1-D the breakpoint is β_iξ_i and the
 * slope of h jumps there by μ_iξ_i (= v_iw_i).
 */
import type { ShallowNet } from './net.ts';

export interface SplineParams {
  d: number;
  H: number;
  D: number;
  /** ξ (H×d) row-major. */
  xi: Float64Array;
  beta: Float64Array;
  /** μ (H×D): μ[i·D + j] = v_{j,i}‖w_i‖. */
  mu: Float64Array;
}

export function toSpline(net: ShallowNet): SplineParams {
  const { d, H, D, W, b, V } = net;
  const xi = new Float64Array(H * d);
  const beta = new Float64Array(H);
  const mu = new Float64Array(H * D);
  for (let i = 0; i < H; i++) {
    let n2 = 0;
    for (let k = 0; k < d; k++) n2 += W[i * d + k]! ** 2;
    const nw = Math.sqrt(n2);
    if (!(nw > 0)) throw new RangeError(`toSpline: neuron ${i} has w = 0 (no breakplane)`);
    for (let k = 0; k < d; k++) xi[i * d + k] = W[i * d + k]! / nw;
    beta[i] = -b[i]! / nw;
    for (let j = 0; j < D; j++) mu[i * D + j] = V[j * H + i]! * nw;
  }
  return { d, H, D, xi, beta, mu };
}

/** h(x) from spline parameters (plus the network's output bias c). */
export function evalSpline(s: SplineParams, c: Float64Array, x: Float64Array, out: Float64Array): Float64Array {
  for (let j = 0; j < s.D; j++) out[j] = c[j]!;
  for (let i = 0; i < s.H; i++) {
    let a = -s.beta[i]!;
    for (let k = 0; k < s.d; k++) a += s.xi[i * s.d + k]! * x[k]!;
    if (a > 0) for (let j = 0; j < s.D; j++) out[j] += s.mu[i * s.D + j]! * a;
  }
  return out;
}
