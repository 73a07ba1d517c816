/**
 * A user's own infinite-width GAN of 004 (what `--impl ntk-gan=./correct-ntk-gan.ts` loads), written
 * from the poster, not from the built-in: the flow as "kernel times L²(γ̂) gradient" with the Gram
 * matrix cached, the LSGAN closed form through the eigendecomposition of the symmetrised operator
 * W^{1/2}KW^{1/2} (the built-in uses a Padé matrix exponential), the generator as a particle loop.
 */
import { linalg, type Kernel, type ntkGan } from 'gan-claims';

type Pts = readonly Float64Array[];

/** f_α̂(u) = E_α̂ k(x, u) − E_β̂ k(y, u). */
function witness(kernel: Kernel, xs: Pts, ys: Pts, u: Float64Array): number {
  const mean = (ps: Pts) => ps.reduce((s, p) => s + kernel.k(p, u), 0) / ps.length;
  return mean(xs) - mean(ys);
}

const impl: ntkGan.NtkGan = {
  // "Discriminator Training": ∂ₜf(z) = Σⱼ γ̂ⱼ k(z, zⱼ) (∇^{γ̂}L)ⱼ, with (∇^{γ̂}L)ⱼ = (∂L/∂fⱼ)/γ̂ⱼ the
  // L²(γ̂) Riesz representer of dL (a′/n on a fake, −b′/m on a target, divided by its mass).
  discriminatorField(kernel, gamma, loss, us) {
    const zs = gamma.points;
    const N = zs.length;
    const evalAt = [...zs, ...us];
    const kw = evalAt.map((p) => Float64Array.from(zs, (z, j) => kernel.k(p, z) * gamma.weights[j]!));
    const g = new Float64Array(N);
    return (state, out) => {
      for (let j = 0; j < N; j++) {
        const dL = j < gamma.n ? loss.da(state[j]!) / gamma.n : -loss.db(state[j]!) / gamma.m;
        g[j] = dL / gamma.weights[j]!;
      }
      evalAt.forEach((_, r) => {
        let v = 0;
        for (let j = 0; j < N; j++) v += kw[r]![j]! * g[j]!;
        out[r] = v;
      });
    };
  },

  witness,

  // "IPM Discriminator and MMD": f_t = f₀ + t·f_α̂.
  ipmClosedForm: (kernel, xs, ys, us, f0, t) => Float64Array.from(us, (u, i) => f0[i]! + t * witness(kernel, xs, ys, u)),

  // "LSGAN Discriminator": with S = W^{1/2}KW^{1/2} = VΛVᵀ, A = KW = W^{−1/2}SW^{1/2}, so
  // e^{−4tA} = W^{−1/2}V e^{−4tΛ}VᵀW^{1/2}, and off the support f_t(u) = f₀(u) − 4 Σⱼ wⱼk(u, zⱼ)qⱼ with
  // q = ∫₀ᵗ e^{−4sA}ds (f₀ − ρ) = W^{−1/2}V φ(Λ) VᵀW^{1/2}(f₀ − ρ), φ(λ) = (1 − e^{−4tλ})/(4λ) (t at λ = 0).
  lsganClosedForm(kernel, gamma, rho, f0Support, t, us, f0Us) {
    const zs = gamma.points;
    const N = zs.length;
    const sw = Float64Array.from(gamma.weights, Math.sqrt);
    const S = linalg.matrix(N, N);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) S.data[i * N + j] = sw[i]! * kernel.k(zs[i]!, zs[j]!) * sw[j]!;
    const { values, vectors: V } = linalg.eigSym(S);
    const c = Float64Array.from(f0Support, (v, i) => sw[i]! * (v - rho[i]!)); // W^{1/2}(f₀ − ρ)
    const coef = Float64Array.from(values, (_, k) => { let s = 0; for (let i = 0; i < N; i++) s += V.data[i * N + k]! * c[i]!; return s; });
    const back = (fn: (lambda: number) => number) => Float64Array.from(zs, (_, i) => {
      let s = 0;
      for (let k = 0; k < N; k++) s += V.data[i * N + k]! * fn(values[k]!) * coef[k]!;
      return s / sw[i]!;
    });
    const decayed = back((l) => Math.exp(-4 * t * l));
    const q = back((l) => (l === 0 ? t : -Math.expm1(-4 * t * l) / (4 * l)));
    return {
      support: Float64Array.from(decayed, (v, i) => v + rho[i]!),
      at: Float64Array.from(us, (u, r) => {
        let s = 0;
        zs.forEach((z, j) => { s += gamma.weights[j]! * kernel.k(u, z) * q[j]!; });
        return f0Us[r]! - 4 * s;
      }),
    };
  },

  // "Consequence": every particle steps along −∇f_α̂ evaluated at the current (old) positions.
  generatorStep(kernel, xs, ys, eta) {
    const d = xs[0]!.length;
    const tmp = new Float64Array(d);
    const grad = (u: Float64Array) => {
      const g = new Float64Array(d);
      for (const x of xs) { kernel.gradX!(u, x, tmp); for (let a = 0; a < d; a++) g[a]! += tmp[a]! / xs.length; }
      for (const y of ys) { kernel.gradX!(u, y, tmp); for (let a = 0; a < d; a++) g[a]! -= tmp[a]! / ys.length; }
      return g;
    };
    const grads = xs.map(grad);
    return xs.map((x, i) => Float64Array.from(x, (v, a) => v - eta * grads[i]![a]!));
  },
};

export default impl;
