/**
 * The deep μ-parameterised ReLU network of 001 App. G (notation of Jacot et al.):
 *   α⁰(z) = z,  α̃ˡ(z) = μ b⁽ˡ⁻¹⁾ + √((1 − μ²)/n_{l−1}) W⁽ˡ⁻¹⁾ αˡ⁻¹(z),  αˡ = σ(α̃ˡ),  f(z) = α̃ᴸ(z),
 * W, b ~ N(0, 1), σ = ReLU, inputs on the sphere of radius √n₀. μ tunes between chaos (μ → 0) and
 * order (μ → 1).
 *
 * Analytic infinite-width NTK (Jacot et al. 2018, Thm 1, with this parameterisation):
 *   Σ¹(x, y) = μ² + (1 − μ²) x·y/n₀,
 *   Σˡ⁺¹ = μ² + (1 − μ²) E[σ(u)σ(v)],  Σ̇ˡ⁺¹ = (1 − μ²) E[σ'(u)σ'(v)],  (u, v) ~ N(0, Σˡ),
 *   Θ¹ = Σ¹,  Θˡ⁺¹ = Σˡ⁺¹ + Σ̇ˡ⁺¹ Θˡ.
 * Empirical NTK, per pair, from one forward and one backward pass per input:
 *   Θ(x, y) = Σₗ (δˡ⁺¹(x)·δˡ⁺¹(y)) · ((1 − μ²)/nₗ αˡ(x)·αˡ(y) + μ²),  δˡ = ∂f/∂α̃ˡ.
 */
import { reluMoments, newMoments } from './ntk-analytic.ts';
import { matrix, type Matrix } from '../linalg/matrix.ts';
import type { Rng } from '../random/rng.ts';

export interface DeepMuNet {
  /** Layer widths [n₀, n₁, …, n_{L−1}, 1]. */
  widths: number[];
  mu: number;
  /** W[l] is row-major n_{l+1}×n_l; b[l] has length n_{l+1}. */
  W: Float64Array[];
  b: Float64Array[];
}

function checkMu(mu: number): void {
  if (!(mu >= 0 && mu <= 1)) throw new RangeError(`deep μ-net: mu must lie in [0, 1], got ${mu}`);
}

/** Analytic (g₁, g₂) = (Θ(x, x), Θ(x, y)) for |x|² = |y|² = n₀ and x·y/n₀ = cosXY, `hidden` hidden layers. */
export function deepMuNtkAnalytic(mu: number, hidden: number, cosXY = 0): { g1: number; g2: number } {
  checkMu(mu);
  if (!Number.isInteger(hidden) || hidden < 0) throw new RangeError(`deepMuNtkAnalytic: hidden must be a non-negative integer, got ${hidden}`);
  const m2 = mu * mu;
  const w = 1 - m2;
  let sxx = m2 + w, sxy = m2 + w * cosXY;
  let txx = sxx, txy = sxy;
  const mx = newMoments();
  const my = newMoments();
  for (let l = 0; l < hidden; l++) {
    reluMoments(sxx, sxx, sxx, mx);
    reluMoments(sxx, sxx, sxy, my);
    const nsxx = m2 + w * mx.ee;
    const nsxy = m2 + w * my.ee;
    txx = nsxx + w * mx.dd * txx;
    txy = nsxy + w * my.dd * txy;
    sxx = nsxx;
    sxy = nsxy;
  }
  return { g1: txx, g2: txy };
}

export function initDeepMuNet(rng: Rng, widths: number[], mu: number): DeepMuNet {
  checkMu(mu);
  if (widths.length < 2 || widths.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(`initDeepMuNet: widths must be ≥ 2 positive integers, got [${widths.join(', ')}]`);
  const W: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    W.push(rng.normals(new Float64Array(widths[l + 1]! * widths[l]!)));
    b.push(rng.normals(new Float64Array(widths[l + 1]!)));
  }
  return { widths, mu, W, b };
}

/** Forward pass keeping activations α⁰…α^{L−1} and pre-activations α̃¹…α̃ᴸ. */
function forwardKeep(net: DeepMuNet, z: Float64Array): { acts: Float64Array[]; pre: Float64Array[] } {
  const L = net.widths.length - 1;
  const acts: Float64Array[] = [Float64Array.from(z)];
  const pre: Float64Array[] = [];
  const w = 1 - net.mu * net.mu;
  for (let l = 0; l < L; l++) {
    const nin = net.widths[l]!;
    const nout = net.widths[l + 1]!;
    const s = Math.sqrt(w / nin);
    const a = acts[l]!;
    const h = new Float64Array(nout);
    const Wl = net.W[l]!;
    for (let i = 0; i < nout; i++) {
      let u = 0;
      const off = i * nin;
      for (let j = 0; j < nin; j++) u += Wl[off + j]! * a[j]!;
      h[i] = net.mu * net.b[l]![i]! + s * u;
    }
    pre.push(h);
    if (l + 1 < L) {
      const r = new Float64Array(nout);
      for (let i = 0; i < nout; i++) r[i] = h[i]! > 0 ? h[i]! : 0;
      acts.push(r);
    }
  }
  return { acts, pre };
}

export function forwardDeepMu(net: DeepMuNet, z: Float64Array): number {
  if (z.length !== net.widths[0]) throw new RangeError(`forwardDeepMu: z must have length ${net.widths[0]}, got ${z.length}`);
  return forwardKeep(net, z).pre[net.widths.length - 2]![0]!;
}

/** Per input: activations αˡ and backpropagated δˡ⁺¹ = ∂f/∂α̃ˡ⁺¹ for every layer. */
function traces(net: DeepMuNet, z: Float64Array): { acts: Float64Array[]; deltas: Float64Array[] } {
  const L = net.widths.length - 1;
  const { acts, pre } = forwardKeep(net, z);
  const w = 1 - net.mu * net.mu;
  const deltas: Float64Array[] = new Array(L);
  deltas[L - 1] = Float64Array.of(1);
  for (let l = L - 1; l >= 1; l--) {
    // δˡ = σ'(α̃ˡ) ⊙ (√(w/n_l) W⁽ˡ⁾ᵀ δˡ⁺¹), stored at index l − 1.
    const nin = net.widths[l]!;
    const nout = net.widths[l + 1]!;
    const s = Math.sqrt(w / nin);
    const Wl = net.W[l]!;
    const d = deltas[l]!;
    const g = new Float64Array(nin);
    for (let i = 0; i < nout; i++) {
      const di = s * d[i]!;
      if (di === 0) continue;
      const off = i * nin;
      for (let j = 0; j < nin; j++) g[j] += Wl[off + j]! * di;
    }
    const h = pre[l - 1]!;
    for (let j = 0; j < nin; j++) if (!(h[j]! > 0)) g[j] = 0;
    deltas[l - 1] = g;
  }
  return { acts, deltas };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Empirical NTK Gram matrix of the m inputs in Z (row-major m×n₀), layerwise closed form. */
export function deepMuNtkGram(net: DeepMuNet, Z: Float64Array, m: number): Matrix {
  const n0 = net.widths[0]!;
  if (Z.length !== m * n0) throw new RangeError(`deepMuNtkGram: Z must have length m·n₀ = ${m * n0}, got ${Z.length}`);
  const tr = Array.from({ length: m }, (_, p) => traces(net, Z.subarray(p * n0, (p + 1) * n0)));
  const w = 1 - net.mu * net.mu;
  const m2 = net.mu * net.mu;
  const L = net.widths.length - 1;
  const G = matrix(m, m);
  for (let p = 0; p < m; p++) {
    for (let q = p; q < m; q++) {
      let v = 0;
      for (let l = 0; l < L; l++) {
        v += dot(tr[p]!.deltas[l]!, tr[q]!.deltas[l]!) * ((w / net.widths[l]!) * dot(tr[p]!.acts[l]!, tr[q]!.acts[l]!) + m2);
      }
      G.data[p * m + q] = v;
      G.data[q * m + p] = v;
    }
  }
  return G;
}
