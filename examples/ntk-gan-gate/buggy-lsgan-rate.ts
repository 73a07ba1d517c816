/**
 * A realistic bug in the LSGAN closed form: the rate written e^{−2tA} instead of e^{−4tA}. It is the
 * factor one gets by differentiating (f − ρ)² to 2(f − ρ) and forgetting that the L²(γ̂) gradient
 * carries another 2 = 1/γ̂-mass × 1/n (γ̂ = (α̂ + β̂)/2). The off-support part is derived from the same
 * rate. The flow itself is right, so RK4 of the flow and the closed form disagree.
 */
import { linalg, type ntkGan } from 'gan-claims';
import correct from './correct-ntk-gan.ts';

const RATE = 2; // BUG: 004 "LSGAN Discriminator" has exp(−4t·T_{k,γ̂})

const impl: ntkGan.NtkGan = {
  ...correct,
  lsganClosedForm(kernel, gamma, rho, f0Support, t, us, f0Us) {
    const zs = gamma.points;
    const N = zs.length;
    const sw = Float64Array.from(gamma.weights, Math.sqrt);
    const S = linalg.matrix(N, N);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) S.data[i * N + j] = sw[i]! * kernel.k(zs[i]!, zs[j]!) * sw[j]!;
    const { values, vectors: V } = linalg.eigSym(S);
    const c = Float64Array.from(f0Support, (v, i) => sw[i]! * (v - rho[i]!));
    const coef = Float64Array.from(values, (_, k) => { let s = 0; for (let i = 0; i < N; i++) s += V.data[i * N + k]! * c[i]!; return s; });
    const back = (fn: (lambda: number) => number) => Float64Array.from(zs, (_, i) => {
      let s = 0;
      for (let k = 0; k < N; k++) s += V.data[i * N + k]! * fn(values[k]!) * coef[k]!;
      return s / sw[i]!;
    });
    const decayed = back((l) => Math.exp(-RATE * t * l));
    const q = back((l) => (l === 0 ? t : -Math.expm1(-RATE * t * l) / (RATE * l)));
    return {
      support: Float64Array.from(decayed, (v, i) => v + rho[i]!),
      at: Float64Array.from(us, (u, r) => {
        let s = 0;
        zs.forEach((z, j) => { s += gamma.weights[j]! * kernel.k(u, z) * q[j]!; });
        return f0Us[r]! - RATE * s;
      }),
    };
  },
};

export default impl;
