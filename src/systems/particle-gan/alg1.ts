/**
 * 001 Algorithm 1 (and, with the Fourier discriminator, Algorithm 2): N particles in ℝ², coupled by
 * the coarse-grained NTK (eq. 19–20); per iteration n_disc discriminator steps, each on a fresh
 * batch of N target points, then one particle step eq. 26,
 *   Xₐ ← Xₐ + α_G((g₁ − g₂)/N ∇D(Xₐ) + g₂⟨∇D⟩).
 * Allocation-free inner loop. A run that leaves the finite numbers (or |X| > 10⁶) stops and reports
 * the iteration it diverged at.
 *
 * Regulariser (β > 0): the discriminator step on eq. 24 + eq. 29 is explicit, and eq. 29 is stiff.
 * For a tight particle cluster every ∇D(Xₐ) equals one G and R = β(g₂ + (g₁ − g₂)/N)|G|² = β|G|²
 * (g₁ + g₂(N − 1) = N); G = c Σᵢ aᵢσ'(uᵢ)wᵢ is bilinear in (a, w), so R's Gauss–Newton Hessian
 * 2βJᵀJ (J = ∂G/∂φ, 2 × 4H) has the eigenvalues of 2βJJᵀ = 2βc² Σᵢ active (wᵢwᵢᵀ + aᵢ²I)
 * ≈ 2β·(2/H)(H/2 + H/2) I = 4β I at the App. A initialisation (ReLU, about H/2 units active,
 * E wwᵀ = I, E a² = 1). Explicit gradient descent is stable only for α_D·4β < 2 (the bound
 * particle-setup.ts quotes), so β = 100 at α_D = 0.1 diverges within
 * a few iterations — an integrator artefact, not physics. Hence Lie splitting: when
 * K = regSubsteps(α_D, β) > 1, one step of size α_D on the loss (eq. 24 with its L2 term) is followed
 * by K steps of size α_D/K on R alone, each with α_D/K·4β ≤ REG_SUBSTEP_BOUND. As α_D → 0 this
 * converges to the same gradient flow as the combined step (the splitting error is O(α_D²) per
 * step). When K = 1 (α_D·4β ≤ REG_SUBSTEP_BOUND) the old combined step is taken, so results for
 * small β are bit-for-bit those of the unsplit integrator.
 */
import { Rng } from '../../random/rng.ts';
import { couplingFromRatio, coupledVelocity, type NtkCoupling } from './coupling.ts';
import { avgLogLikelihood, modeCollapseMetric, modeShares } from './metrics.ts';
import { eightGaussians, sampleTarget, type MixtureTarget } from './target.ts';
import { WideDisc, type DiscActivation, type WideStepOptions } from './wide-disc.ts';
import { FourierDisc, type GammaKind } from './fourier-disc.ts';

/** What the particle loop needs from a discriminator (both WideDisc and FourierDisc provide it). */
export interface ParticleDisc {
  step(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number, alphaD: number,
    reg?: { beta: number; coupling: NtkCoupling }, gradOut?: Float64Array, opts?: WideStepOptions): void;
  gradX(x0: Float64Array, x1: Float64Array, N: number, out: Float64Array): Float64Array;
  value(x0: number, x1: number): number;
}

/** Start of the particles: App. A's (√2, √2) or §IV.A's (1/√2, 1/√2). */
export type InitCentre = 'appA' | 'text';

export interface Alg1Config {
  N: number;
  /** 'relu' / 'tanh': wide discriminator of width H; 'fourier-pow' / 'fourier-exp': Algorithm 2. */
  disc: DiscActivation | `fourier-${GammaKind}`;
  H?: number;
  /** g₂/g₁ with g₁ + g₂(N − 1) = N (App. A), or explicit (g₁, g₂) (Fig. 3 uses g₁ = N, g₂ = 0). */
  phi?: number;
  coupling?: NtkCoupling;
  nDisc: number;
  alphaD: number;
  alphaG: number;
  iters: number;
  init?: InitCentre;
  initStd?: number;
  /** Gradient regulariser strength β of eq. 28 (0: none). */
  beta?: number;
  /**
   * Regulariser sub-steps per discriminator step (see the file comment); default
   * regSubsteps(alphaD, beta). 1 forces the combined explicit step (the reference the stability
   * property compares against).
   */
  regSubsteps?: number;
  /** L2 strength λ of Algorithm 2's Fourier discriminator. */
  fourierLambda?: number;
  seed: number;
  /** Record metrics every `recordEvery` iterations (and at the end). */
  recordEvery?: number;
  /** Iterations at which to keep the particle positions (for figures). */
  snapshotsAt?: number[];
  target?: MixtureTarget;
  /** Wide ReLU discriminator: use the plain row loop instead of the grouped one (same iteration; reference). */
  direct?: boolean;
}

export interface Alg1Record {
  iter: number;
  collapse: number;
  logLik: number;
  /** Index of the mode holding the most particles. */
  topMode: number;
  topShare: number;
}

export interface Alg1Result {
  records: Alg1Record[];
  diverged: boolean;
  divergedAt?: number;
  x0: Float64Array;
  x1: Float64Array;
  snapshots: { iter: number; x: [number, number][] }[];
  coupling: NtkCoupling;
  /** Regulariser sub-steps K per discriminator step (1: the combined step; also 1 when β = 0). */
  regSubsteps: number;
}

/**
 * Largest α_D/K·4β a regulariser sub-step may have: half the explicit-step stability limit 2 (see
 * the file comment; the 4β Hessian estimate is for the initialisation, so the factor 2 leaves room
 * for the weights to grow and for curvature beyond Gauss–Newton).
 */
export const REG_SUBSTEP_BOUND = 1;

const REG_ONLY: WideStepOptions = { regOnly: true };

/** K = max(1, ⌈α_D·4β / REG_SUBSTEP_BOUND⌉) (1 when β = 0). */
export function regSubsteps(alphaD: number, beta: number | undefined): number {
  if (!beta || !(beta > 0)) return 1;
  // The 1e-9 keeps α_D·4β exactly at the bound (up to rounding) at K = 1.
  return Math.max(1, Math.ceil((alphaD * 4 * beta) / REG_SUBSTEP_BOUND - 1e-9));
}

export const INIT_CENTRES: Record<InitCentre, [number, number]> = {
  appA: [Math.SQRT2, Math.SQRT2],
  text: [Math.SQRT1_2, Math.SQRT1_2],
};

export function makeDisc(cfg: Alg1Config, rng: Rng): ParticleDisc {
  if (cfg.disc === 'relu' || cfg.disc === 'tanh') {
    const d = new WideDisc(cfg.H ?? 2048, cfg.disc, rng);
    d.direct = cfg.direct ?? false;
    return d;
  }
  if (cfg.disc === 'fourier-pow' || cfg.disc === 'fourier-exp') return new FourierDisc(cfg.disc === 'fourier-pow' ? 'pow' : 'exp', cfg.fourierLambda ?? 0);
  throw new RangeError(`runAlg1: disc must be relu, tanh, fourier-pow or fourier-exp, got ${String(cfg.disc)}`);
}

export function runAlg1(cfg: Alg1Config): Alg1Result {
  const { N, nDisc, alphaD, alphaG, iters } = cfg;
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`runAlg1: N must be a positive integer, got ${N}`);
  if (!Number.isInteger(nDisc) || nDisc < 0) throw new RangeError(`runAlg1: nDisc must be a non-negative integer, got ${nDisc}`);
  if (!Number.isInteger(iters) || iters < 0) throw new RangeError(`runAlg1: iters must be a non-negative integer, got ${iters}`);
  for (const [k, v] of [['alphaD', alphaD], ['alphaG', alphaG]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`runAlg1: ${k} must be a non-negative finite number, got ${v}`);
  }
  const coupling = cfg.coupling ?? couplingFromRatio(cfg.phi ?? 0, N);
  const target = cfg.target ?? eightGaussians();
  const root = new Rng(cfg.seed);
  const discRng = root.fork();
  const initRng = root.fork();
  const dataRng = root.fork();
  const disc = makeDisc(cfg, discRng);
  const [cx, cy] = INIT_CENTRES[cfg.init ?? 'appA'];
  const std = cfg.initStd ?? 0.1;
  const x0 = new Float64Array(N);
  const x1 = new Float64Array(N);
  for (let p = 0; p < N; p++) {
    x0[p] = cx + std * initRng.normal();
    x1[p] = cy + std * initRng.normal();
  }
  const d0 = new Float64Array(N);
  const d1 = new Float64Array(N);
  const grad = new Float64Array(2 * N);
  const vel = new Float64Array(2 * N);
  const reg = cfg.beta ? { beta: cfg.beta, coupling } : undefined;
  const K = reg ? cfg.regSubsteps ?? regSubsteps(alphaD, cfg.beta) : 1;
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`runAlg1: regSubsteps must be a positive integer, got ${cfg.regSubsteps}`);
  const subAlpha = alphaD / K;
  const recordEvery = cfg.recordEvery ?? Math.max(1, iters);
  const snapAt = new Set(cfg.snapshotsAt ?? []);
  const records: Alg1Record[] = [];
  const snapshots: Alg1Result['snapshots'] = [];
  const shares = new Float64Array(target.K);
  const record = (iter: number) => {
    modeShares(target, x0, x1, N, shares);
    let top = 0;
    for (let k = 1; k < target.K; k++) if (shares[k]! > shares[top]!) top = k;
    records.push({ iter, collapse: modeCollapseMetric(target, x0, x1, N), logLik: avgLogLikelihood(target, x0, x1, N), topMode: top, topShare: shares[top]! });
  };
  const snap = (iter: number) => {
    if (snapAt.has(iter)) snapshots.push({ iter, x: Array.from(x0, (v, p) => [v, x1[p]!] as [number, number]) });
  };
  record(0);
  snap(0);
  for (let it = 1; it <= iters; it++) {
    for (let s = 0; s < nDisc; s++) {
      sampleTarget(target, dataRng, d0, d1, N);
      if (K === 1) disc.step(x0, x1, N, d0, d1, N, alphaD, reg);
      else {
        // Lie splitting (file comment): loss + L2, then K sub-steps on eq. 29 alone.
        disc.step(x0, x1, N, d0, d1, N, alphaD);
        for (let k = 0; k < K; k++) disc.step(x0, x1, N, d0, d1, 0, subAlpha, reg, undefined, REG_ONLY);
      }
    }
    disc.gradX(x0, x1, N, grad);
    coupledVelocity(coupling, alphaG, grad, N, 2, vel);
    let bad = false;
    for (let p = 0; p < N; p++) {
      x0[p] += vel[2 * p]!;
      x1[p] += vel[2 * p + 1]!;
      if (!(Math.abs(x0[p]!) < 1e6 && Math.abs(x1[p]!) < 1e6)) bad = true;
    }
    if (bad) return { records, diverged: true, divergedAt: it, x0, x1, snapshots, coupling, regSubsteps: K };
    if (it % recordEvery === 0 || it === iters) record(it);
    snap(it);
  }
  return { records, diverged: false, x0, x1, snapshots, coupling, regSubsteps: K };
}
