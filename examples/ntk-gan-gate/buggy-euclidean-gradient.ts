/**
 * A realistic bug in the discriminator flow: T_{k,γ̂} applied to the Euclidean gradient ∂L/∂f(zⱼ)
 * (a′/n on a fake, −b′/m on a target) instead of the L²(γ̂) gradient ∇^{γ̂}L = (∂L/∂f(zⱼ))/γ̂({zⱼ}):
 * the division by the γ̂-mass 1/(2n), 1/(2m) is missing, so every velocity is halved and the IPM
 * discriminator moves as f₀ + (t/2)·f_α̂ (ntk.ipm-linear's notes). The closed forms are right.
 */
import type { ntkGan } from 'gan-claims';
import correct from './correct-ntk-gan.ts';

const impl: ntkGan.NtkGan = {
  ...correct,
  discriminatorField(kernel, gamma, loss, us) {
    const zs = gamma.points;
    const N = zs.length;
    const evalAt = [...zs, ...us];
    const kw = evalAt.map((p) => Float64Array.from(zs, (z, j) => kernel.k(p, z) * gamma.weights[j]!));
    const g = new Float64Array(N);
    return (state, out) => {
      for (let j = 0; j < N; j++) {
        g[j] = j < gamma.n ? loss.da(state[j]!) / gamma.n : -loss.db(state[j]!) / gamma.m; // BUG: not divided by γ̂-mass
      }
      evalAt.forEach((_, r) => {
        let v = 0;
        for (let j = 0; j < N; j++) v += kw[r]![j]! * g[j]!;
        out[r] = v;
      });
    };
  },
};

export default impl;
