/**
 * The Fourier discriminator of 001 App. C (eq. C1–C4, Algorithm 2):
 *   D(x) = Σₖ wₖ⁽¹⁾ sin(k·x) + wₖ⁽²⁾ cos(k·x),  k = (k₁, k₂), kᵢ ∈ ±{25 log-spaced values in [0.01, 20]},
 * each weight updated with its own rate α_D γ(|k|):
 *   γ_pow(k) = min(10³, |k|⁻³) (C3),  γ_exp(k) = 668.8·exp(−2.05|k|) (C4).
 * Loss: ⟨D⟩_gen − ⟨D⟩_data + (λ/2)Σ(w⁽¹⁾² + w⁽²⁾²) (Algorithm 2's printed regulariser has a stray
 * square; we read it as the usual L2 term). Weights start at 0 (the paper does not say; D ≡ 0 at start).
 *
 * Speed: sin(k·x) = sin(k₁x₁)cos(k₂x₂) + cos(k₁x₁)sin(k₂x₂), and the negative frequencies are the
 * positive ones with a sign, so one step costs 4·25 trig calls per point and four 25×25 products
 * over the rows, instead of 2·50² trig calls per point.
 */
import type { NtkCoupling } from './coupling.ts';

export type GammaKind = 'pow' | 'exp';

export const FOURIER_NK = 25;
export const FOURIER_KMIN = 0.01;
export const FOURIER_KMAX = 20;

export function gammaPow(k: number): number {
  return Math.min(1e3, k ** -3);
}

export function gammaExp(k: number): number {
  return 668.8 * Math.exp(-2.05 * k);
}

/** The 25 positive frequencies, equal logarithmic spacing on [0.01, 20]. */
export function fourierFrequencies(nk = FOURIER_NK): Float64Array {
  const k = new Float64Array(nk);
  for (let i = 0; i < nk; i++) k[i] = FOURIER_KMIN * (FOURIER_KMAX / FOURIER_KMIN) ** (i / (nk - 1));
  return k;
}

export class FourierDisc {
  readonly nk: number;
  readonly kv: Float64Array;
  /** Weights indexed [(si·nk + i)·2nk + (sj·nk + j)], si/sj = 0 for +k, 1 for −k. */
  readonly wSin: Float64Array;
  readonly wCos: Float64Array;
  /** α_D-free rate γ(|k|) per weight. */
  readonly rate: Float64Array;
  readonly lambda: number;
  private S0 = new Float64Array(0);
  private C0 = new Float64Array(0);
  private S1 = new Float64Array(0);
  private C1 = new Float64Array(0);
  private P = new Float64Array(0);
  private genP = new Float64Array(0);
  private genX = new Float64Array(0);
  private genN = -1;
  /** Quadrant-folded weights for ∇ₓD (see gradX), rebuilt when the weights change. */
  private Q = new Float64Array(0);

  constructor(kind: GammaKind, lambda: number, nk = FOURIER_NK) {
    if (kind !== 'pow' && kind !== 'exp') throw new RangeError(`FourierDisc: kind must be pow or exp, got ${String(kind)}`);
    if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`FourierDisc: lambda must be a non-negative finite number, got ${lambda}`);
    this.nk = nk;
    this.kv = fourierFrequencies(nk);
    this.lambda = lambda;
    const K = 2 * nk;
    this.wSin = new Float64Array(K * K);
    this.wCos = new Float64Array(K * K);
    this.rate = new Float64Array(K * K);
    const g = kind === 'pow' ? gammaPow : gammaExp;
    for (let I = 0; I < K; I++) {
      for (let J = 0; J < K; J++) {
        const k1 = this.kv[I % nk]!;
        const k2 = this.kv[J % nk]!;
        this.rate[I * K + J] = g(Math.hypot(k1, k2));
      }
    }
    this.P = new Float64Array(4 * nk * nk);
    this.genP = new Float64Array(4 * nk * nk);
    this.Q = new Float64Array(4 * nk * nk);
  }

  /** sin/cos of k·x for the positive frequencies, for `rows` points. */
  private trig(x0: Float64Array, x1: Float64Array, rows: number): void {
    const nk = this.nk;
    if (this.S0.length < rows * nk) {
      this.S0 = new Float64Array(rows * nk);
      this.C0 = new Float64Array(rows * nk);
      this.S1 = new Float64Array(rows * nk);
      this.C1 = new Float64Array(rows * nk);
    }
    for (let p = 0; p < rows; p++) {
      for (let i = 0; i < nk; i++) {
        const k = this.kv[i]!;
        this.S0[p * nk + i] = Math.sin(k * x0[p]!);
        this.C0[p * nk + i] = Math.cos(k * x0[p]!);
        this.S1[p * nk + i] = Math.sin(k * x1[p]!);
        this.C1[p * nk + i] = Math.cos(k * x1[p]!);
      }
    }
  }

  /** P_SC, P_CS, P_CC, P_SS += Σₚ sₚ (·)ᵢ(·)ⱼ over the rows last passed to trig. */
  private accumulate(rows: number, weight: number): void {
    const nk = this.nk;
    const { S0, C0, S1, C1, P } = this;
    const n2 = nk * nk;
    for (let p = 0; p < rows; p++) {
      const o = p * nk;
      for (let i = 0; i < nk; i++) {
        const s0 = weight * S0[o + i]!;
        const c0 = weight * C0[o + i]!;
        const r = i * nk;
        for (let j = 0; j < nk; j++) {
          const s1 = S1[o + j]!;
          const c1 = C1[o + j]!;
          P[r + j] += s0 * c1;
          P[n2 + r + j] += c0 * s1;
          P[2 * n2 + r + j] += c0 * c1;
          P[3 * n2 + r + j] += s0 * s1;
        }
      }
    }
  }

  value(x0: number, x1: number): number {
    const nk = this.nk;
    const K = 2 * nk;
    let s = 0;
    for (let I = 0; I < K; I++) {
      const k1 = I < nk ? this.kv[I]! : -this.kv[I - nk]!;
      for (let J = 0; J < K; J++) {
        const k2 = J < nk ? this.kv[J]! : -this.kv[J - nk]!;
        const ph = k1 * x0 + k2 * x1;
        s += this.wSin[I * K + J]! * Math.sin(ph) + this.wCos[I * K + J]! * Math.cos(ph);
      }
    }
    return s;
  }

  /**
   * ∇ₓD. With A, B the sin/cos weights of frequency (sᵢkᵢ, sⱼkⱼ), summing the four sign quadrants
   * first (P₁ = Σ sᵢA, P₂ = Σ sⱼA, P₃ = Σ B, P₄ = Σ sᵢsⱼB over the quadrants):
   *   ∂D/∂x₀ = Σᵢⱼ kᵢ(C₀C₁P₁ − S₀S₁P₂ − S₀C₁P₃ − C₀S₁P₄),
   *   ∂D/∂x₁ = Σᵢⱼ kⱼ(C₀C₁P₂ − S₀S₁P₁ − S₀C₁P₄ − C₀S₁P₃),
   * with S₀ = sin(kᵢx₀), C₁ = cos(kⱼx₁) etc. (derived from sin/cos addition and parity).
   * `gradXDirect` sums over all 2nk × 2nk frequencies (reference for the tests).
   */
  gradX(x0: Float64Array, x1: Float64Array, N: number, out: Float64Array): Float64Array {
    const nk = this.nk;
    const K = 2 * nk;
    const n2 = nk * nk;
    const { Q, wSin, wCos, kv } = this;
    for (let i = 0; i < nk; i++) for (let j = 0; j < nk; j++) {
      let p1 = 0, p2 = 0, p3 = 0, p4 = 0;
      for (let q = 0; q < 4; q++) {
        const si = q & 1 ? -1 : 1, sj = q & 2 ? -1 : 1;
        const w = (i + (q & 1 ? nk : 0)) * K + (j + (q & 2 ? nk : 0));
        p1 += si * wSin[w]!;
        p2 += sj * wSin[w]!;
        p3 += wCos[w]!;
        p4 += si * sj * wCos[w]!;
      }
      const r = i * nk + j;
      Q[r] = p1; Q[n2 + r] = p2; Q[2 * n2 + r] = p3; Q[3 * n2 + r] = p4;
    }
    this.trig(x0, x1, N);
    const { S0, C0, S1, C1 } = this;
    for (let p = 0; p < N; p++) {
      const o = p * nk;
      let g0 = 0, g1 = 0;
      for (let i = 0; i < nk; i++) {
        const s0 = S0[o + i]!, c0 = C0[o + i]!;
        let a0 = 0, a1 = 0;
        const r0 = i * nk;
        for (let j = 0; j < nk; j++) {
          const s1 = S1[o + j]!, c1 = C1[o + j]!;
          const cc = c0 * c1, ss = s0 * s1, sc = s0 * c1, cs = c0 * s1;
          const r = r0 + j;
          const P1 = Q[r]!, P2 = Q[n2 + r]!, P3 = Q[2 * n2 + r]!, P4 = Q[3 * n2 + r]!;
          a0 += cc * P1 - ss * P2 - sc * P3 - cs * P4;
          a1 += kv[j]! * (cc * P2 - ss * P1 - sc * P4 - cs * P3);
        }
        g0 += kv[i]! * a0;
        g1 += a1;
      }
      out[2 * p] = g0;
      out[2 * p + 1] = g1;
    }
    return out;
  }

  /** ∇ₓD summed over every frequency directly (reference for the tests). */
  gradXDirect(x0: number, x1: number): [number, number] {
    const nk = this.nk;
    const K = 2 * nk;
    let g0 = 0, g1 = 0;
    for (let I = 0; I < K; I++) {
      const k1 = I < nk ? this.kv[I]! : -this.kv[I - nk]!;
      for (let J = 0; J < K; J++) {
        const k2 = J < nk ? this.kv[J]! : -this.kv[J - nk]!;
        const ph = k1 * x0 + k2 * x1;
        const f = this.wSin[I * K + J]! * Math.cos(ph) - this.wCos[I * K + J]! * Math.sin(ph);
        g0 += f * k1;
        g1 += f * k2;
      }
    }
    return [g0, g1];
  }

  /** Gradient of the loss w.r.t. (wSin, wCos) into gs, gc (for the finite-difference check and step). */
  lossGrad(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number, gs: Float64Array, gc: Float64Array): void {
    // The generated rows do not move during the n_disc steps of an iteration: their sums are cached
    // and reused while the particle positions are unchanged (compared exactly).
    let same = this.genN === N;
    for (let p = 0; same && p < N; p++) same = this.genX[2 * p] === gx0[p] && this.genX[2 * p + 1] === gx1[p];
    if (!same) {
      if (this.genX.length < 2 * N) this.genX = new Float64Array(2 * N);
      for (let p = 0; p < N; p++) {
        this.genX[2 * p] = gx0[p]!;
        this.genX[2 * p + 1] = gx1[p]!;
      }
      this.genN = N;
      this.P.fill(0);
      this.trig(gx0, gx1, N);
      this.accumulate(N, 1 / N);
      this.genP.set(this.P);
    } else this.P.set(this.genP);
    this.trig(dx0, dx1, M);
    this.accumulate(M, -1 / M);
    const nk = this.nk;
    const K = 2 * nk;
    const n2 = nk * nk;
    const P = this.P;
    for (let I = 0; I < K; I++) {
      const si = I < nk ? 1 : -1;
      const i = I < nk ? I : I - nk;
      for (let J = 0; J < K; J++) {
        const sj = J < nk ? 1 : -1;
        const j = J < nk ? J : J - nk;
        const r = i * nk + j;
        const w = I * K + J;
        gs[w] = si * P[r]! + sj * P[n2 + r]! + this.lambda * this.wSin[w]!;
        gc[w] = P[2 * n2 + r]! - si * sj * P[3 * n2 + r]! + this.lambda * this.wCos[w]!;
      }
    }
  }

  private gs = new Float64Array(0);
  private gc = new Float64Array(0);

  step(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number, alphaD: number,
    reg?: { beta: number; coupling: NtkCoupling }): void {
    if (reg && reg.beta !== 0) throw new RangeError('FourierDisc.step: the gradient regulariser is implemented for the wide discriminator only');
    const n = this.wSin.length;
    if (this.gs.length !== n) {
      this.gs = new Float64Array(n);
      this.gc = new Float64Array(n);
    }
    this.lossGrad(gx0, gx1, N, dx0, dx1, M, this.gs, this.gc);
    for (let w = 0; w < n; w++) {
      const r = alphaD * this.rate[w]!;
      this.wSin[w] -= r * this.gs[w]!;
      this.wCos[w] -= r * this.gc[w]!;
    }
  }

  loss(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number): number {
    let lg = 0;
    for (let p = 0; p < N; p++) lg += this.value(gx0[p]!, gx1[p]!);
    let ld = 0;
    for (let p = 0; p < M; p++) ld += this.value(dx0[p]!, dx1[p]!);
    let l2 = 0;
    for (let w = 0; w < this.wSin.length; w++) l2 += this.wSin[w]! ** 2 + this.wCos[w]! ** 2;
    return lg / N - ld / M + (this.lambda / 2) * l2;
  }
}
