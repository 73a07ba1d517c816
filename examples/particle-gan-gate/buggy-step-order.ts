/**
 * correct-particles.ts with one bug: the iteration moves the particles before the discriminator's
 * n_disc steps (with ∇D of the old discriminator), instead of after them as Algorithm 1 does.
 */
import type { linalg, particleGan } from 'gan-claims';

type Coupling = { g1: number; g2: number };
type Disc = particleGan.WideDiscParams;

const impl: particleGan.ParticleGan = {
  // App. A: φ = g₂/g₁ and g₁ + g₂(N − 1) = N, so g₁(1 + φ(N − 1)) = N.
  coupling(phi, N) {
    const g1 = N / (1 + phi * (N - 1));
    return { g1, g2: phi * g1 };
  },

  // eq. 20 (one data coordinate): g₁ on the diagonal, g₂ elsewhere.
  gram({ g1, g2 }, N): linalg.Matrix {
    const data = new Float64Array(N * N).fill(g2);
    for (let a = 0; a < N; a++) data[a * N + a] = g1;
    return { rows: N, cols: N, data };
  },

  // eq. 26: local term (g₁ − g₂)/N ∇D(Xₐ) plus the mean field g₂⟨∇D⟩.
  velocity({ g1, g2 }, alphaG, grad, N, d) {
    const mean = new Float64Array(d);
    for (let a = 0; a < N; a++) for (let i = 0; i < d; i++) mean[i] += grad[a * d + i]! / N;
    const v = new Float64Array(N * d);
    for (let a = 0; a < N; a++) for (let i = 0; i < d; i++) v[a * d + i] = alphaG * ((g1 - g2) / N * grad[a * d + i]! + g2 * mean[i]!);
    return v;
  },

  // eq. 29: β(g₂|⟨∇D⟩|² + (g₁ − g₂)/N ⟨|∇D|²⟩).
  regularizer({ g1, g2 }, beta, grad, N, d) {
    let meanSq = 0, avgSq = 0;
    for (let i = 0; i < d; i++) {
      let m = 0;
      for (let a = 0; a < N; a++) m += grad[a * d + i]!;
      meanSq += (m / N) ** 2;
    }
    for (const g of grad) avgSq += g * g;
    return beta * (g2 * meanSq + ((g1 - g2) / N) * (avgSq / N));
  },

  modeShares(modes, x) {
    const K = modes.length / 2, N = x.length / 2;
    const P = new Float64Array(K);
    for (let a = 0; a < N; a++) {
      let best = 0, bestD = Infinity;
      for (let k = 0; k < K; k++) {
        const d = (x[2 * a]! - modes[2 * k]!) ** 2 + (x[2 * a + 1]! - modes[2 * k + 1]!) ** 2;
        if (d < bestD) { bestD = d; best = k; }
      }
      P[best] += 1 / N;
    }
    return P;
  },

  // eq. 22: log K + Σ Pᵢ log Pᵢ.
  modeCollapse(modes, x) {
    const P = impl.modeShares(modes, x);
    return P.reduce((s, p) => (p > 0 ? s + p * Math.log(p) : s), Math.log(P.length));
  },

  // Algorithm 1: n_disc discriminator steps on eq. 24 (+ β·eq. 29), then the particles (eq. 26).
  alg1Step(state, data, { coupling, alphaD, alphaG, beta = 0 }) {
    let disc = cloneDisc(state.disc);
    const N = state.x.length / 2;
    // BUG: the particle step uses the discriminator before its n_disc updates.
    const v = impl.velocity(coupling, alphaG, discGradX(disc, state.x), N, 2);
    for (const batch of data) disc = sgdStep(disc, state.x, batch, coupling, beta, alphaD);
    return { x: state.x.map((xi, k) => xi + v[k]!), disc };
  },
};

const sig = (kind: Disc['activation'], u: number) => (kind === 'relu' ? Math.max(u, 0) : Math.tanh(u));
const dsig = (kind: Disc['activation'], u: number) => (kind === 'relu' ? (u > 0 ? 1 : 0) : 1 - Math.tanh(u) ** 2);
const ddsig = (kind: Disc['activation'], u: number) => (kind === 'relu' ? 0 : -2 * Math.tanh(u) * (1 - Math.tanh(u) ** 2));

function cloneDisc(d: Disc): Disc {
  return { activation: d.activation, a: d.a.slice(), w: d.w.slice(), b: d.b.slice() };
}

/** ∇ₓD(x) = √(2/H) Σᵢ aᵢσ'(wᵢ·x + bᵢ) wᵢ at each row of x (N×2). */
function discGradX(d: Disc, x: Float64Array): Float64Array {
  const H = d.a.length, scale = Math.sqrt(2 / H), out = new Float64Array(x.length);
  for (let r = 0; r < x.length / 2; r++) {
    for (let i = 0; i < H; i++) {
      const s = scale * d.a[i]! * dsig(d.activation, d.w[2 * i]! * x[2 * r]! + d.w[2 * i + 1]! * x[2 * r + 1]! + d.b[i]!);
      out[2 * r] += s * d.w[2 * i]!;
      out[2 * r + 1] += s * d.w[2 * i + 1]!;
    }
  }
  return out;
}

/** φ ← φ − α_D ∇_φ(eq. 24 + β·eq. 29), the gradient at the parameters before the step. */
function sgdStep(d: Disc, gen: Float64Array, real: Float64Array, { g1, g2 }: Coupling, beta: number, lr: number): Disc {
  const H = d.a.length, scale = Math.sqrt(2 / H);
  const N = gen.length / 2, M = real.length / 2;
  const da = new Float64Array(H), dw = new Float64Array(2 * H), db = new Float64Array(H);
  // Loss rows: +1/N on the generated points, −1/M on the data.
  const rows = [...Array.from({ length: N }, (_, r) => [gen[2 * r]!, gen[2 * r + 1]!, 1 / N]), ...Array.from({ length: M }, (_, r) => [real[2 * r]!, real[2 * r + 1]!, -1 / M])];
  // dR/d(∇D(Xₐ)) for the regulariser, from the current ∇D at the particles.
  const G = beta ? discGradX(d, gen) : new Float64Array(2 * N);
  const mean = [0, 1].map((j) => G.filter((_, k) => k % 2 === j).reduce((s, v) => s + v, 0) / N);
  for (let i = 0; i < H; i++) {
    const [wx, wy] = [d.w[2 * i]!, d.w[2 * i + 1]!];
    for (const [px, py, weight] of rows) {
      const u = wx * px! + wy * py! + d.b[i]!;
      da[i] += weight! * scale * sig(d.activation, u);
      const back = weight! * scale * d.a[i]! * dsig(d.activation, u);
      dw[2 * i] += back * px!;
      dw[2 * i + 1] += back * py!;
      db[i] += back;
    }
    if (beta) {
      for (let p = 0; p < N; p++) {
        const V = [0, 1].map((j) => beta * (2 * g2 * mean[j]! / N + 2 * (g1 - g2) * G[2 * p + j]! / (N * N)));
        const u = wx * gen[2 * p]! + wy * gen[2 * p + 1]! + d.b[i]!;
        const s1 = dsig(d.activation, u), s2 = ddsig(d.activation, u);
        const Vw = V[0]! * wx + V[1]! * wy;
        da[i] += scale * s1 * Vw;
        dw[2 * i] += scale * d.a[i]! * (s1 * V[0]! + s2 * Vw * gen[2 * p]!);
        dw[2 * i + 1] += scale * d.a[i]! * (s1 * V[1]! + s2 * Vw * gen[2 * p + 1]!);
        db[i] += scale * d.a[i]! * s2 * Vw;
      }
    }
  }
  // L2 term (1/H)(|w|² + |a|² + |b|²) of eq. 24.
  return {
    activation: d.activation,
    a: d.a.map((v, i) => v - lr * (da[i]! + (2 / H) * v)),
    w: d.w.map((v, i) => v - lr * (dw[i]! + (2 / H) * v)),
    b: d.b.map((v, i) => v - lr * (db[i]! + (2 / H) * v)),
  };
}

export default impl;
