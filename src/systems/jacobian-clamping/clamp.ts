/**
 * Jacobian Clamping, 003 Algorithm 1. For each latent z of the batch: δ ~ N(0, I), δ ← ε·δ/‖δ‖,
 * z′ = z + δ, Q = ‖G(z) − G(z′)‖/‖z − z′‖, and the penalty
 *   L_max = (max(Q, λ_max) − λ_max)²,  L_min = (min(Q, λ_min) − λ_min)²,  L = L_max + L_min.
 * The algorithm's ‖δ‖ normalisation is per example (each row of δ has norm ε), so Q is a per-example
 * quotient; the batch loss is the mean of the per-example L (the penalty added to the generator loss).
 */
import type { Rng } from '../../random/rng.ts';
import { backward, forward, mlpWork, type Mlp, type MlpWork } from './mlp.ts';

export interface ClampConfig {
  /** Perturbation norm ε (003: 1). */
  eps: number;
  /** Lower target quotient λ_min (003: 1). */
  lambdaMin: number;
  /** Upper target quotient λ_max (003: 20). */
  lambdaMax: number;
}

export const PAPER_CLAMP: ClampConfig = { eps: 1, lambdaMin: 1, lambdaMax: 20 };

function checkConfig(fn: string, c: ClampConfig): void {
  if (!(c.eps > 0) || !Number.isFinite(c.eps)) throw new RangeError(`${fn}: eps must be finite and > 0, got ${c.eps}`);
  if (!(c.lambdaMin >= 0) || !(c.lambdaMax >= c.lambdaMin) || !Number.isFinite(c.lambdaMax)) {
    throw new RangeError(`${fn}: need 0 ≤ lambdaMin ≤ lambdaMax < ∞, got [${c.lambdaMin}, ${c.lambdaMax}]`);
  }
}

/** L_max + L_min for one quotient Q. */
export function clampPenalty(q: number, lambdaMin: number, lambdaMax: number): number {
  if (Number.isNaN(q)) throw new RangeError('clampPenalty: q is NaN');
  const lmax = (Math.max(q, lambdaMax) - lambdaMax) ** 2;
  const lmin = (Math.min(q, lambdaMin) - lambdaMin) ** 2;
  return lmax + lmin;
}

/** dL/dQ of clampPenalty. */
export function clampPenaltyDeriv(q: number, lambdaMin: number, lambdaMax: number): number {
  if (q > lambdaMax) return 2 * (q - lambdaMax);
  if (q < lambdaMin) return 2 * (q - lambdaMin);
  return 0;
}

/** Q = ‖G(z) − G(z + δ)‖/‖δ‖ for one latent and one perturbation. */
export function quotient(G: Mlp, z: ArrayLike<number>, delta: ArrayLike<number>, work: MlpWork, work2: MlpWork): number {
  const nz = G.sizes[0]!;
  const zp = new Float64Array(nz);
  let dn = 0;
  for (let a = 0; a < nz; a++) {
    zp[a] = z[a]! + delta[a]!;
    dn += (zp[a]! - z[a]!) ** 2;
  }
  const g0 = forward(G, z, work);
  const g1 = forward(G, zp, work2);
  let s = 0;
  for (let i = 0; i < g0.length; i++) s += (g0[i]! - g1[i]!) ** 2;
  return Math.sqrt(s) / Math.sqrt(dn);
}

/** A perturbation of norm ε in a uniformly random direction (Algorithm 1's δ := ε·δ/‖δ‖). */
export function clampPerturbation(rng: Rng, nz: number, eps: number): Float64Array {
  const v = rng.unitVector(nz);
  for (let a = 0; a < nz; a++) v[a]! *= eps;
  return v;
}

export interface ClampBatchResult {
  /** Mean per-example penalty. */
  loss: number;
  /** Per-example quotients. */
  q: Float64Array;
}

/**
 * Algorithm 1 on a batch: draws the perturbations from rng, returns the mean penalty and, when
 * `grad` is given, ADDS weight·∂(mean L)/∂θ_G into it (back-propagating through both G(z) and G(z′)).
 */
export function clampBatch(
  G: Mlp, zs: readonly Float64Array[], rng: Rng, cfg: ClampConfig,
  grad?: { W: Float64Array[]; b: Float64Array[] }, weight = 1, work?: [MlpWork, MlpWork],
): ClampBatchResult {
  checkConfig('clampBatch', cfg);
  const nz = G.sizes[0]!;
  // The perturbations are the only draws, one per example in order (as when drawn inside the loop).
  const deltas = zs.map(() => clampPerturbation(rng, nz, cfg.eps));
  return clampBatchWith(G, zs, deltas, cfg, grad, weight, work);
}

/**
 * Algorithm 1 on a batch with given perturbations δ_b (each of norm ε): the mean penalty and the
 * per-example quotients; when `grad` is given, ADDS weight·∂(mean L)/∂θ_G into it.
 */
export function clampBatchWith(
  G: Mlp, zs: readonly Float64Array[], deltas: readonly ArrayLike<number>[], cfg: ClampConfig,
  grad?: { W: Float64Array[]; b: Float64Array[] }, weight = 1, work?: [MlpWork, MlpWork],
): ClampBatchResult {
  checkConfig('clampBatchWith', cfg);
  if (deltas.length !== zs.length) throw new RangeError(`clampBatchWith: ${zs.length} latents but ${deltas.length} perturbations`);
  const nz = G.sizes[0]!;
  const nx = G.sizes[G.sizes.length - 1]!;
  const B = zs.length;
  const q = new Float64Array(B);
  const [wa, wb] = work ?? [mlpWork(G), mlpWork(G)];
  const zp = new Float64Array(nz);
  const diff = new Float64Array(nx);
  const g = new Float64Array(nx);
  let loss = 0;
  for (let bi = 0; bi < B; bi++) {
    const z = zs[bi]!;
    const delta = deltas[bi]!;
    let dn = 0;
    for (let a = 0; a < nz; a++) {
      zp[a] = z[a]! + delta[a]!;
      dn += (zp[a]! - z[a]!) ** 2;
    }
    dn = Math.sqrt(dn);
    const g0 = forward(G, z, wa);
    const g1 = forward(G, zp, wb);
    let s = 0;
    for (let i = 0; i < nx; i++) {
      diff[i] = g0[i]! - g1[i]!;
      s += diff[i]! * diff[i]!;
    }
    const num = Math.sqrt(s);
    const qi = num / dn;
    q[bi] = qi;
    loss += clampPenalty(qi, cfg.lambdaMin, cfg.lambdaMax);
    if (grad) {
      const dq = clampPenaltyDeriv(qi, cfg.lambdaMin, cfg.lambdaMax);
      if (dq !== 0 && num > 0) {
        // ∂Q/∂G(z) = diff/(‖diff‖·‖δ‖), ∂Q/∂G(z′) = −that.
        const c = (weight * dq) / (B * num * dn);
        for (let i = 0; i < nx; i++) g[i] = c * diff[i]!;
        backward(G, wa, g, grad);
        for (let i = 0; i < nx; i++) g[i] = -g[i]!;
        backward(G, wb, g, grad);
      }
    }
  }
  return { loss: loss / B, q };
}
