/**
 * Divergence of an isolated generated point (002 §5, eq. 23–25, Theorem 3). Far from every other
 * point the dynamics reduce to one generated point and its own kernel history:
 *   'printed' (eq. 24 as printed): fᵏ⁺¹ = β fᵏ − K(·, x̃ᵏ),          x̃ᵏ⁺¹ = x̃ᵏ + η_g ∇fᵏ(x̃ᵏ⁺¹)  (implicit)
 *   'eq9'     (eq. 5 + 9 restricted): fᵏ⁺¹ = β fᵏ − η_d p̃ K(·, x̃ᵏ), x̃ᵏ⁺¹ = x̃ᵏ + η_g p̃ ∇fᵏ(x̃ᵏ)
 * with β = 1 − η_dλ. Construction (ours; the proof is in the supplement we do not have): take the
 * history of a point that has always moved at speed v along u,
 *   f⁰ = −c Σ_{m≥1} β^{m−1} K(·, x̃⁰ − m v u),
 * then fᵏ = −c Σ_{m≥1} β^{m−1} K(·, x̃⁰ + (k − m) v u) for every k if x̃ᵏ = x̃⁰ + k v u, and, K being
 * translation invariant (K = φ(‖x − x′‖)), the step is the same at every k. Self-consistency is the
 * scalar equation v = G(v) with ψ = −φ′ ≥ 0 (RBF):
 *   eq9:     G(v) = η_g p̃ · η_d p̃ · Σ_{m≥1} β^{m−1} ψ(m v)
 *   printed: G(v) = η_g · Σ_{m≥1} β^{m−1} ψ((m + 1) v)
 * G(v)/v → gain·Σ m β^{m−1}/σ² = gain/(σ² (η_dλ)²) as v → 0 and G(v) → 0 as v → ∞, so a root
 * v₀ > 0 exists when that limit exceeds 1 — "λ sufficiently small" (eq9: λ < p̃√μ/σ).
 * Bumps farther than `cutoff` from the point contribute exactly 0 in float64 (RBF: 40σ) and are
 * dropped, so the simulation keeps a ring of the last ⌈cutoff/v⌉ bumps.
 */
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import { solve } from '../../linalg/lu.ts';

export type Thm3Reading = 'printed' | 'eq9';

export interface Thm3Params {
  d: number;
  lambda: number;
  etaD: number;
  etaG: number;
  /** Mass p̃ of the generated point (used by the 'eq9' reading). */
  pTilde: number;
  /** Distance beyond which K(x, x′) and ∇K are exactly 0 in float64. */
  cutoff: number;
  reading: Thm3Reading;
}

/** φ′(r) = e₁·∇ₓK(0, −r e₁) for K = φ(‖x − x′‖) (≤ 0 for the RBF). */
function radialSlope(kernel: FullKernel, d: number) {
  const x = new Float64Array(d);
  const y = new Float64Array(d);
  const g = new Float64Array(d);
  return (r: number) => {
    y[0] = -r;
    kernel.gradX(x, y, g);
    return g[0]!; // x − y = r e₁, so ∇ₓK = φ′(r) e₁
  };
}

/** Coefficient c of the new bump and gain of the generator step for a reading. */
function coefficients(p: Thm3Params): { c: number; gain: number; shift: number } {
  return p.reading === 'eq9' ? { c: p.etaD * p.pTilde, gain: p.etaG * p.pTilde, shift: 0 } : { c: 1, gain: p.etaG, shift: 1 };
}

/** G(v) − v (see header): the speed v₀ solves G(v₀) = v₀. */
export function thm3SpeedResidual(kernel: FullKernel, p: Thm3Params, v: number): number {
  const slope = radialSlope(kernel, p.d);
  const { c, gain, shift } = coefficients(p);
  const beta = 1 - p.etaD * p.lambda;
  let s = 0;
  let bm = 1;
  for (let m = 1; (m + shift) * v <= p.cutoff; m++) {
    // ∇fᵏ at x̃ᵏ (+ shift·v u) = −c Σ β^{m−1} ∇ₓK(·, x̃ᵏ − m v u) = c Σ β^{m−1} ψ((m + shift) v) u
    s += bm * -slope((m + shift) * v);
    bm *= beta;
  }
  return gain * c * s - v;
}

/**
 * A root v₀ of G(v) = v on [vMin, cutoff/2]: scan a log grid DOWN from cutoff/2 (cheap: few history
 * terms at large v) to the first v with G(v) > v, then bisect. This is the largest root on the grid.
 * Returns null when G(v) ≤ v on the whole grid (λ not small enough).
 */
export function thm3Speed(kernel: FullKernel, p: Thm3Params, vMin: number): number | null {
  const vMax = p.cutoff / 2;
  const N = 200;
  const ratio = Math.pow(vMax / vMin, 1 / N);
  for (let i = N - 1; i >= 0; i--) {
    let lo = vMin * Math.pow(ratio, i);
    if (thm3SpeedResidual(kernel, p, lo) > 0) {
      let hi = lo * ratio;
      for (let it = 0; it < 60; it++) {
        const mid = 0.5 * (lo + hi);
        if (thm3SpeedResidual(kernel, p, mid) > 0) lo = mid;
        else hi = mid;
      }
      return 0.5 * (lo + hi);
    }
  }
  return null;
}

/** Simulates the reading from the constructed f⁰ (trail behind x̃⁰ along −u at spacing v₀). */
export class DivergenceSim {
  readonly x: Float64Array;
  private readonly ring: Float64Array;
  private readonly views: Float64Array[];
  private readonly w: Float64Array;
  private readonly cap: number;
  private head = 0;
  private count = 0;
  private readonly beta: number;
  private readonly c: number;
  private readonly gain: number;
  private readonly g: Float64Array;
  private readonly gk: Float64Array;
  private readonly y: Float64Array;
  private readonly lastStep: Float64Array;
  /** Max fixed-point iterations of the implicit step that the last step needed. */
  implicitIters = 0;

  constructor(readonly kernel: FullKernel, readonly p: Thm3Params, x0: Float64Array, u: Float64Array, v0: number) {
    const { d } = p;
    this.x = Float64Array.from(x0);
    // ⌈cutoff/v₀⌉ + 2 history bumps are all that can be within cutoff of the point
    this.cap = Math.ceil(p.cutoff / v0) + 2;
    this.ring = new Float64Array(this.cap * d);
    this.views = Array.from({ length: this.cap }, (_, i) => this.ring.subarray(i * d, (i + 1) * d));
    this.w = new Float64Array(this.cap);
    this.beta = 1 - p.etaD * p.lambda;
    const k = coefficients(p);
    this.c = k.c;
    this.gain = k.gain;
    this.g = new Float64Array(d);
    this.gk = new Float64Array(d);
    this.y = new Float64Array(d);
    this.lastStep = u.map((ua) => v0 * ua);
    // f⁰ = −c Σ_{m≥1} β^{m−1} K(·, x̃⁰ − m v₀ u), oldest first
    const z = new Float64Array(d);
    for (let m = this.cap - 1; m >= 1; m--) {
      for (let a = 0; a < d; a++) z[a] = x0[a]! - m * v0 * u[a]!;
      this.push(z, -this.c * Math.pow(this.beta, m - 1));
    }
  }

  private push(z: Float64Array, weight: number): void {
    const d = this.p.d;
    this.ring.set(z, this.head * d);
    this.w[this.head] = weight;
    this.head = (this.head + 1) % this.cap;
    if (this.count < this.cap) this.count++;
  }

  /** ∇fᵏ(at) into out. Weights are stored relative to the current step (scaled on push). */
  private grad(at: Float64Array, out: Float64Array): void {
    const d = this.p.d;
    out.fill(0);
    for (let i = 0; i < this.count; i++) {
      this.kernel.gradX(at, this.views[i]!, this.gk);
      const wi = this.w[i]!;
      for (let a = 0; a < d; a++) out[a] += wi * this.gk[a]!;
    }
  }

  step(): void {
    const d = this.p.d;
    if (this.p.reading === 'eq9') {
      this.grad(this.x, this.g);
    } else {
      // implicit: solve y = x + η_g ∇fᵏ(y) by Newton (J = I − η_g ∇²fᵏ(y)) from y = x + last step
      for (let a = 0; a < d; a++) this.y[a] = this.x[a]! + this.lastStep[a]!;
      let it = 0;
      for (; it < 50; it++) {
        this.grad(this.y, this.g);
        const J = this.hess(this.y);
        for (let i = 0; i < d * d; i++) J.data[i] = (i % (d + 1) === 0 ? 1 : 0) - this.gain * J.data[i]!;
        const r = new Float64Array(d);
        for (let a = 0; a < d; a++) r[a] = this.y[a]! - this.x[a]! - this.gain * this.g[a]!;
        const dy = solve(J, r);
        let change = 0;
        for (let a = 0; a < d; a++) {
          this.y[a] -= dy[a]!;
          change = Math.max(change, Math.abs(dy[a]!));
        }
        if (change <= 1e-15 * (1 + Math.hypot(...this.y))) break;
      }
      this.implicitIters = it;
      for (let a = 0; a < d; a++) this.g[a] = (this.y[a]! - this.x[a]!) / this.gain;
    }
    // fᵏ⁺¹ = β fᵏ − c K(·, x̃ᵏ)
    for (let i = 0; i < this.count; i++) this.w[i] *= this.beta;
    this.push(this.x, -this.c);
    for (let a = 0; a < d; a++) {
      this.lastStep[a] = this.gain * this.g[a]!;
      this.x[a] += this.lastStep[a]!;
    }
  }

  /** ∇²fᵏ(at) (allocates; used only by the implicit reading's Newton solve). */
  private hess(at: Float64Array): Matrix {
    const d = this.p.d;
    const H = matrix(d, d);
    for (let i = 0; i < this.count; i++) {
      const Hi = this.kernel.hessXX(at, this.views[i]!).data;
      for (let a = 0; a < d * d; a++) H.data[a] += this.w[i]! * Hi[a]!;
    }
    return H;
  }
}
