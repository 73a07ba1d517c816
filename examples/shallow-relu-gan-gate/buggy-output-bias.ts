/**
 * A realistic bug: the output bias c left out of the forward pass, h(x) = Σ_i v_i ReLU(w_iᵀx + b_i)
 * (Def. 2 without the "+ c" this network adds), while the backward pass still trains c. The
 * network's values then differ from the spline form of eq. (2), Σ μ_i ReLU(ξ_iᵀx − β_i) + c, by c
 * (ib.spline-reparam).
 */
import type { shallowReluGan } from 'gan-claims';
import correct from './correct-gan.ts';

const impl: shallowReluGan.ShallowReluGan = {
  ...correct,
  forward(net, X, n) {
    const { d, H, D, W, b, V } = net;
    const Y = new Float64Array(n * D);
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < H; i++) {
        let a = b[i]!;
        for (let k = 0; k < d; k++) a += W[i * d + k]! * X[s * d + k]!;
        if (a > 0) for (let j = 0; j < D; j++) Y[s * D + j] += V[j * H + i]! * a;
      }
      // BUG: missing Y[s * D + j] += c[j] for each output j
    }
    return Y;
  },
};

export default impl;
