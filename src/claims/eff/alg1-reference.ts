/**
 * A plain reference for one iteration of 001 Algorithm 1, written from the paper and independent of
 * src/systems/particle-gan (no grouping, no fused loops): the claims compare a `particle-gan`
 * system's alg1Step with it.
 *
 *   D(x) = c Σᵢ aᵢσ(uᵢ), uᵢ = wᵢ·x + bᵢ, c = √(2/H)                                  (eq. 23)
 *   L = (1/N)Σₐ D(Xₐ) − (1/M)Σₗ D(xₗ) + (1/H)(|w|² + |a|² + |b|²) + R                  (eq. 24)
 *   R = β(g₂|m|² + (g₁ − g₂)/N · (1/N)Σₐ|Gₐ|²),  Gₐ = ∇ₓD(Xₐ), m = ⟨G⟩                (eq. 29)
 *
 * Gradient (rows r with weights sᵣ = 1/N for particles, −1/M for data):
 *   ∂L/∂aᵢ = c Σᵣ sᵣσ(uᵣᵢ) + 2aᵢ/H,  ∂L/∂wᵢ = c aᵢ Σᵣ sᵣσ'(uᵣᵢ)xᵣ + 2wᵢ/H,  ∂L/∂bᵢ = c aᵢ Σᵣ sᵣσ'(uᵣᵢ) + 2bᵢ/H;
 * and through Gₐ = c Σᵢ aᵢσ'(uₐᵢ)wᵢ, with Vₐ = ∂R/∂Gₐ = β(2g₂m/N + 2(g₁ − g₂)Gₐ/N²):
 *   ∂R/∂aᵢ = c Σₐ σ'(uₐᵢ)(Vₐ·wᵢ),  ∂R/∂wᵢ = c aᵢ Σₐ(σ'(uₐᵢ)Vₐ + σ''(uₐᵢ)(Vₐ·wᵢ)Xₐ),  ∂R/∂bᵢ = c aᵢ Σₐ σ''(uₐᵢ)(Vₐ·wᵢ).
 * Then Xₐ ← Xₐ + (α_G/N) Σ_b Γₐᵦ ∇D(X_b) (eq. 21/25, the literal sum) with the updated D.
 */
import type { Alg1State, Alg1StepOptions, WideDiscParams } from '../../systems/particle-gan/particle-gan.ts';

interface Act { s(u: number): number; d1(u: number): number; d2(u: number): number }

const ACT: Record<WideDiscParams['activation'], Act> = {
  relu: { s: (u) => (u > 0 ? u : 0), d1: (u) => (u > 0 ? 1 : 0), d2: () => 0 },
  tanh: { s: Math.tanh, d1: (u) => 1 - Math.tanh(u) ** 2, d2: (u) => { const t = Math.tanh(u); return -2 * t * (1 - t * t); } },
};

/** uᵢ = wᵢ·x + bᵢ, summed in the order w₀x₀ + w₁x₁ + b (so a ReLU unit at u ≈ 0 is judged as any float64 code would). */
function pre(p: WideDiscParams, i: number, x0: number, x1: number): number {
  return p.w[2 * i]! * x0 + p.w[2 * i + 1]! * x1 + p.b[i]!;
}

/** ∇ₓD at the rows of x (N×2). */
export function refGradX(p: WideDiscParams, x: Float64Array): Float64Array {
  const H = p.a.length, c = Math.sqrt(2 / H), act = ACT[p.activation];
  const N = x.length / 2;
  const out = new Float64Array(2 * N);
  for (let r = 0; r < N; r++) {
    let g0 = 0, g1 = 0;
    for (let i = 0; i < H; i++) {
      const k = p.a[i]! * act.d1(pre(p, i, x[2 * r]!, x[2 * r + 1]!));
      g0 += k * p.w[2 * i]!;
      g1 += k * p.w[2 * i + 1]!;
    }
    out[2 * r] = c * g0;
    out[2 * r + 1] = c * g1;
  }
  return out;
}

/**
 * ∇_φ L as { a, w, b }: of eq. 24 + β·eq. 29 ('all'), of eq. 24 alone ('loss'), or of β·eq. 29 alone
 * ('reg': the regulariser-only sub-step of runAlg1's split integrator, alg1.ts).
 */
export function refLossGrad(p: WideDiscParams, x: Float64Array, data: Float64Array, opts: Alg1StepOptions, which: 'all' | 'loss' | 'reg' = 'all'): WideDiscParams {
  const H = p.a.length, c = Math.sqrt(2 / H), act = ACT[p.activation];
  const N = x.length / 2, M = data.length / 2;
  const ga = new Float64Array(H), gw = new Float64Array(2 * H), gb = new Float64Array(H);
  const rows: [number, number, number][] = [];
  for (let r = 0; r < N; r++) rows.push([x[2 * r]!, x[2 * r + 1]!, 1 / N]);
  for (let r = 0; r < M; r++) rows.push([data[2 * r]!, data[2 * r + 1]!, -1 / M]);
  for (let i = 0; i < H && which !== 'reg'; i++) {
    for (const [x0, x1, s] of rows) {
      const u = pre(p, i, x0, x1);
      ga[i] += c * s * act.s(u);
      gw[2 * i] += c * p.a[i]! * s * act.d1(u) * x0;
      gw[2 * i + 1] += c * p.a[i]! * s * act.d1(u) * x1;
      gb[i] += c * p.a[i]! * s * act.d1(u);
    }
    ga[i] += (2 / H) * p.a[i]!;
    gw[2 * i] += (2 / H) * p.w[2 * i]!;
    gw[2 * i + 1] += (2 / H) * p.w[2 * i + 1]!;
    gb[i] += (2 / H) * p.b[i]!;
  }
  const beta = which === 'loss' ? 0 : opts.beta ?? 0;
  if (beta !== 0) {
    const { g1, g2 } = opts.coupling;
    const G = refGradX(p, x);
    let m0 = 0, m1 = 0;
    for (let r = 0; r < N; r++) { m0 += G[2 * r]! / N; m1 += G[2 * r + 1]! / N; }
    for (let r = 0; r < N; r++) {
      const v0 = beta * ((2 * g2 * m0) / N + (2 * (g1 - g2) * G[2 * r]!) / (N * N));
      const v1 = beta * ((2 * g2 * m1) / N + (2 * (g1 - g2) * G[2 * r + 1]!) / (N * N));
      const x0 = x[2 * r]!, x1 = x[2 * r + 1]!;
      for (let i = 0; i < H; i++) {
        const u = pre(p, i, x0, x1);
        const vw = v0 * p.w[2 * i]! + v1 * p.w[2 * i + 1]!;
        ga[i] += c * act.d1(u) * vw;
        gw[2 * i] += c * p.a[i]! * (act.d1(u) * v0 + act.d2(u) * vw * x0);
        gw[2 * i + 1] += c * p.a[i]! * (act.d1(u) * v1 + act.d2(u) * vw * x1);
        gb[i] += c * p.a[i]! * act.d2(u) * vw;
      }
    }
  }
  return { activation: p.activation, a: ga, w: gw, b: gb };
}

/** One iteration of Algorithm 1: n_disc = data.length discriminator steps, then the particle step. */
export function refAlg1Step(state: Alg1State, data: Float64Array[], opts: Alg1StepOptions): Alg1State {
  let p: WideDiscParams = { activation: state.disc.activation, a: Float64Array.from(state.disc.a), w: Float64Array.from(state.disc.w), b: Float64Array.from(state.disc.b) };
  for (const batch of data) {
    const g = refLossGrad(p, state.x, batch, opts);
    p = {
      activation: p.activation,
      a: p.a.map((v, i) => v - opts.alphaD * g.a[i]!),
      w: p.w.map((v, i) => v - opts.alphaD * g.w[i]!),
      b: p.b.map((v, i) => v - opts.alphaD * g.b[i]!),
    };
  }
  const G = refGradX(p, state.x);
  const N = state.x.length / 2;
  const { g1, g2 } = opts.coupling;
  const x = Float64Array.from(state.x);
  for (let a = 0; a < N; a++) {
    for (let j = 0; j < 2; j++) {
      let s = 0;
      for (let b = 0; b < N; b++) s += (a === b ? g1 : g2) * G[2 * b + j]!;
      x[2 * a + j] += (opts.alphaG / N) * s;
    }
  }
  return { x, disc: p };
}
