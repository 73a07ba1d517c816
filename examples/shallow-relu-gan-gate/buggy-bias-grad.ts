/**
 * A realistic bug: the hidden-bias gradient dropped. The backward pass accumulates ∂L/∂W, ∂L/∂V,
 * ∂L/∂c and ∂L/∂x but never writes ∂L/∂b_i = Σ_s ∂L/∂a_i(x_s) (the line was lost when W's loop was
 * rewritten), so b never trains. The NTK built from these rows misses the "+1" of (x·x′ + 1) in
 * its W-and-b block (ib.metrics) and ∂/∂b differs from central differences (ib.adaptivity.training-step).
 */
import type { shallowReluGan } from 'gan-claims';
import correct from './correct-gan.ts';

type ShallowNet = shallowReluGan.ShallowNet;

function backward(net: ShallowNet, X: Float64Array, n: number, gY: Float64Array) {
  const { d, H, D, W, V, b } = net;
  const gTheta = new Float64Array(net.theta.length);
  const gX = new Float64Array(n * d);
  const oV = H * d + H;
  const oC = oV + D * H;
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < H; i++) {
      let a = b[i]!;
      for (let k = 0; k < d; k++) a += W[i * d + k]! * X[s * d + k]!;
      let gA = 0;
      for (let j = 0; j < D; j++) {
        gTheta[oV + j * H + i] += gY[s * D + j]! * Math.max(a, 0);
        gA += gY[s * D + j]! * V[j * H + i]!;
      }
      if (!(a > 0)) gA = 0;
      // BUG: missing gTheta[H * d + i] += gA (∂L/∂b_i)
      for (let k = 0; k < d; k++) {
        gTheta[i * d + k] += gA * X[s * d + k]!;
        gX[s * d + k] += gA * W[i * d + k]!;
      }
    }
    for (let j = 0; j < D; j++) gTheta[oC + j] += gY[s * D + j]!;
  }
  return { gTheta, gX };
}

const impl: shallowReluGan.ShallowReluGan = { ...correct, backward };

export default impl;
