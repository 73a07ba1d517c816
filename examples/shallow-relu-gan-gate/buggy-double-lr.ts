/**
 * A realistic bug: the learning rate applied twice. The step is written on a pre-scaled gradient
 * u = lr·g (as when the scaling was moved into the caller) and then multiplied by lr again, so SGD
 * moves by lr²·g. RMSProp divides the scale out again (up to ε), which hides the bug there; SGD
 * (γ = 1) does not, and ib.adaptivity.training-step's comparison with θ ← θ − lr·g catches it.
 */
import type { shallowReluGan } from 'gan-claims';
import correct from './correct-gan.ts';

const impl: shallowReluGan.ShallowReluGan = {
  ...correct,
  optimizer(spec, size) {
    const { lr, gamma } = spec;
    const eps = spec.eps ?? 1e-8;
    const ms = new Float64Array(size);
    return {
      spec,
      step(theta, g) {
        for (let i = 0; i < theta.length; i++) {
          const u = lr * g[i]!;
          if (gamma === 1) {
            theta[i] -= lr * u; // BUG: u already carries lr
            continue;
          }
          ms[i] = gamma * ms[i]! + (1 - gamma) * u * u;
          theta[i] -= (lr * u) / (Math.sqrt(ms[i]!) + eps);
        }
      },
    };
  },
};

export default impl;
