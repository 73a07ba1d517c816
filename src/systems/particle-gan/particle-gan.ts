/**
 * The `particle-gan` system (`--impl particle-gan=./my-particles.ts`): the NTK-coupled particle model
 * of 001 (§III–V, App. A), as a reader of the paper would write it.
 *
 * N generator particles Xₐ ∈ ℝᵈ (row-major N×d; d = 2 in Algorithm 1) coupled by the coarse-grained
 * NTK (eq. 20)
 *   Γⁱʲₐᵦ = δᵢⱼ(g₁δₐᵦ + g₂(1 − δₐᵦ)),  normalised g₁ + g₂(N − 1) = N, φ = g₂/g₁ (App. A);
 * particle velocities (eq. 25–26)
 *   vₐ = (α_G/N) Σ_b Γₐᵦ∇D(X_b) = α_G((g₁ − g₂)/N ∇D(Xₐ) + g₂⟨∇D⟩);
 * the gradient regulariser (eq. 28 in its reduced form eq. 29)
 *   R = β(g₂|⟨∇D⟩|² + (g₁ − g₂)/N ⟨|∇D|²⟩);
 * the mode-collapse metric (eq. 22) log K + Σᵢ Pᵢ log Pᵢ, Pᵢ the share of particles nearest mode i;
 * and one iteration of Algorithm 1 with the wide discriminator of eq. 23,
 *   D(x) = √(2/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ),  σ = ReLU or tanh,
 * trained on eq. 24, L = ⟨D⟩_gen − ⟨D⟩_data + (1/H)(|w|² + |a|² + |b|²) (+ R when β > 0).
 *
 * The built-in `particleGan` delegates to coupling.ts, metrics.ts and wide-disc.ts (the code the
 * phase-diagram runs use, runAlg1). The eff.* claims check a user's object against independent
 * computations: the literal 4-index sums of eq. 25 and eq. 28, a symmetric eigensolver, counts of
 * nearest modes, and a plain reference implementation of Algorithm 1's iteration.
 */
import type { Matrix } from '../../linalg/matrix.ts';
import { Rng } from '../../random/rng.ts';
import { couplingFromRatio, couplingGram, coupledVelocity, regularizerReduced, type NtkCoupling } from './coupling.ts';
import { collapseFromShares, modeShares } from './metrics.ts';
import { WideDisc, type DiscActivation } from './wide-disc.ts';

/** The wide one-hidden-layer discriminator of eq. 23: H units, w row-major H×2. */
export interface WideDiscParams {
  activation: DiscActivation;
  a: Float64Array;
  w: Float64Array;
  b: Float64Array;
}

/** The state Algorithm 1 iterates: particles x (row-major N×2) and the discriminator. */
export interface Alg1State {
  x: Float64Array;
  disc: WideDiscParams;
}

export interface Alg1StepOptions {
  /** (g₁, g₂) of eq. 20. */
  coupling: NtkCoupling;
  /** Discriminator and particle step sizes. */
  alphaD: number;
  alphaG: number;
  /** Regulariser strength β of eq. 28 (0 or absent: none). */
  beta?: number;
}

export interface ParticleGan {
  /** App. A: (g₁, g₂) with g₂/g₁ = φ and g₁ + g₂(N − 1) = N (φ = 0 → g₁ = N, g₂ = 0). */
  coupling(phi: number, N: number): NtkCoupling;
  /** eq. 20 for one data coordinate: the N×N Gram matrix g₁δₐᵦ + g₂(1 − δₐᵦ). */
  gram(c: NtkCoupling, N: number): Matrix;
  /** eq. 26: vₐ = α_G((g₁ − g₂)/N ∇D(Xₐ) + g₂⟨∇D⟩); grad and the result row-major N×d. */
  velocity(c: NtkCoupling, alphaG: number, grad: Float64Array, N: number, d: number): Float64Array;
  /** eq. 29: β(g₂|⟨∇D⟩|² + (g₁ − g₂)/N ⟨|∇D|²⟩); grad row-major N×d. */
  regularizer(c: NtkCoupling, beta: number, grad: Float64Array, N: number, d: number): number;
  /** Shares Pᵢ of the particles x (N×2) whose nearest mode (modes: K×2) is i; ties go to the lower index. */
  modeShares(modes: Float64Array, x: Float64Array): Float64Array;
  /** eq. 22: log K + Σᵢ Pᵢ log Pᵢ (0 log 0 = 0). */
  modeCollapse(modes: Float64Array, x: Float64Array): number;
  /**
   * One iteration of Algorithm 1: for each batch in `data` (n_disc = data.length batches of target
   * points, each row-major M×2) one gradient-descent step of size α_D on eq. 24 (+ β·eq. 29, one
   * explicit step) at the current particles; then every particle moves by eq. 26 with ∇ₓD of the
   * updated discriminator. Returns the new state; the input state is not modified.
   */
  alg1Step(state: Alg1State, data: Float64Array[], opts: Alg1StepOptions): Alg1State;
}

function split(x: Float64Array): [Float64Array, Float64Array] {
  const n = x.length / 2;
  const x0 = new Float64Array(n), x1 = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    x0[p] = x[2 * p]!;
    x1[p] = x[2 * p + 1]!;
  }
  return [x0, x1];
}

function checkRows(name: string, x: Float64Array): void {
  if (x.length % 2 !== 0) throw new RangeError(`particleGan: ${name} must be row-major N×2, got length ${x.length}`);
}

/** A WideDisc holding the given parameters (the constructor's draw is overwritten). */
function wideDiscFrom(p: WideDiscParams): WideDisc {
  const H = p.a.length;
  if (p.b.length !== H || p.w.length !== 2 * H) throw new RangeError(`particleGan: disc needs a, b of length H and w of length 2H, got ${p.a.length}, ${p.b.length}, ${p.w.length}`);
  const d = new WideDisc(H, p.activation, new Rng(0));
  d.a.set(p.a);
  d.b.set(p.b);
  for (let i = 0; i < H; i++) {
    d.w0[i] = p.w[2 * i]!;
    d.w1[i] = p.w[2 * i + 1]!;
  }
  return d;
}

/** The built-in: coupling.ts, metrics.ts, and WideDisc's step (the grouped ReLU path runAlg1 uses). */
export const particleGan: ParticleGan = {
  coupling: couplingFromRatio,
  gram: couplingGram,
  velocity: (c, alphaG, grad, N, d) => coupledVelocity(c, alphaG, grad, N, d),
  regularizer: regularizerReduced,
  modeShares(modes, x) {
    checkRows('x', x);
    const [x0, x1] = split(x);
    return modeShares({ modes, K: modes.length / 2, std: 1 }, x0, x1, x0.length);
  },
  modeCollapse(modes, x) {
    return collapseFromShares(particleGan.modeShares(modes, x));
  },
  alg1Step(state, data, opts) {
    checkRows('x', state.x);
    const N = state.x.length / 2;
    const disc = wideDiscFrom(state.disc);
    const [x0, x1] = split(state.x);
    const reg = opts.beta ? { beta: opts.beta, coupling: opts.coupling } : undefined;
    for (const batch of data) {
      checkRows('data batch', batch);
      const [d0, d1] = split(batch);
      disc.step(x0, x1, N, d0, d1, d0.length, opts.alphaD, reg);
    }
    const grad = disc.gradX(x0, x1, N, new Float64Array(2 * N));
    const v = coupledVelocity(opts.coupling, opts.alphaG, grad, N, 2);
    const x = Float64Array.from(state.x, (xi, k) => xi + v[k]!);
    const H = disc.H;
    const w = new Float64Array(2 * H);
    for (let i = 0; i < H; i++) {
      w[2 * i] = disc.w0[i]!;
      w[2 * i + 1] = disc.w1[i]!;
    }
    return { x, disc: { activation: disc.activation, a: Float64Array.from(disc.a), w, b: Float64Array.from(disc.b) } };
  },
};
