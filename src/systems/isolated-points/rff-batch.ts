/**
 * B independent trials of the parameter-space dynamics (002 eq. 4 + 9, simultaneous) with a
 * random-Fourier-feature discriminator, in flat preallocated arrays: the workhorse of Figs. 2–4.
 * Per trial: its own frequencies ω_k (m×d) with per-frequency feature scale s_k (so a concatenation
 * of RFF maps of several widths, eq. 27, is one frequency list), θ = [θ_cos (m); θ_sin (m)],
 * generated points x̃ (n×d). One step computes every cos/sin once per (point, frequency):
 *   ∇f(x̃ⱼ) = Σ_k s_k (cos·θ_sin,k − sin·θ_cos,k) ω_k,   θ ← (1−η_dλ)θ + η_d(mean_true − Σⱼ p̃ⱼ a(x̃ⱼ)),
 *   x̃ⱼ ← x̃ⱼ + η_g p̃ⱼ ∇f(x̃ⱼ)   (∇f with θᵏ: simultaneous).
 * sin/cos by sincos.ts (fdlibm kernels, ≤ 2 ulp). Between exact evaluations (every REFRESH steps,
 * and whenever a phase moves by more than MAX_DELTA in one step) cos/sin are advanced by the angle
 * addition formulas, the increment δ = ω·(x̃ᵏ − x̃ᵏ⁻¹) evaluated by its Taylor polynomials to
 * δ⁷/δ⁸ (truncation < 1e-21 for |δ| < MAX_DELTA): the same numbers to ~1e-14, at a third of the cost.
 * No allocation per step. A trial whose state turns non-finite is frozen and reported.
 */
import { sincosInto } from './sincos.ts';

export interface RffBatchSetup {
  trials: number;
  d: number;
  /** Frequencies per trial. */
  m: number;
  /** Generated points per trial. */
  n: number;
  /** Frequencies, trials×m×d. */
  omega: Float64Array;
  /** Feature scale per frequency, trials×m (√(c/m) for one RBF of weight c). */
  scale: Float64Array;
  /** Σᵢ pᵢ a(xᵢ) per trial, trials×2m (constant: true points do not move). */
  meanTrue: Float64Array;
  /** Initial generated points, trials×n×d. */
  x0: Float64Array;
  pTilde: Float64Array;
  lambda: number;
  etaD: number;
  etaG: number;
}

/** Largest per-step phase increment advanced by the recurrence; larger ones are evaluated exactly. */
export const MAX_DELTA = 1e-2;
/** Exact re-evaluation period of every cos/sin (bounds the rounding drift of the recurrence). */
export const REFRESH = 64;

export class RffBatch {
  readonly x: Float64Array;
  readonly theta: Float64Array;
  /** Step at which a trial turned non-finite (−1: never). */
  readonly divergedAt: Int32Array;
  steps = 0;
  private readonly cs: Float64Array;
  private readonly sn: Float64Array;
  private readonly g: Float64Array;
  private readonly dx: Float64Array;
  /** ωᵀ per trial (trials×d×m) for the general-d path; per-point scratch δ and coefficients. */
  private readonly omegaT: Float64Array;
  private readonly dl: Float64Array;
  private readonly coef: Float64Array;

  constructor(readonly s: RffBatchSetup) {
    const { trials, d, m, n } = s;
    if (s.omega.length !== trials * m * d) throw new RangeError(`RffBatch: omega has length ${s.omega.length}, expected trials·m·d = ${trials * m * d}`);
    if (s.scale.length !== trials * m) throw new RangeError(`RffBatch: scale has length ${s.scale.length}, expected trials·m = ${trials * m}`);
    if (s.meanTrue.length !== trials * 2 * m) throw new RangeError(`RffBatch: meanTrue has length ${s.meanTrue.length}, expected ${trials * 2 * m}`);
    if (s.x0.length !== trials * n * d) throw new RangeError(`RffBatch: x0 has length ${s.x0.length}, expected ${trials * n * d}`);
    if (s.pTilde.length !== n) throw new RangeError(`RffBatch: pTilde has length ${s.pTilde.length}, expected n = ${n}`);
    this.x = Float64Array.from(s.x0);
    this.theta = new Float64Array(trials * 2 * m);
    this.divergedAt = new Int32Array(trials).fill(-1);
    // cos/sin of every (trial, point, frequency) phase, kept between steps for the recurrence
    this.cs = new Float64Array(trials * n * m);
    this.sn = new Float64Array(trials * n * m);
    this.dx = new Float64Array(trials * n * d);
    this.g = new Float64Array(n * d);
    this.omegaT = new Float64Array(d === 2 ? 0 : trials * d * m);
    if (d !== 2) for (let t = 0; t < trials; t++) for (let q = 0; q < m; q++) for (let a = 0; a < d; a++) this.omegaT[t * d * m + a * m + q] = s.omega[t * m * d + q * d + a]!;
    this.dl = new Float64Array(m);
    this.coef = new Float64Array(m);
  }

  /** Advance every live trial by `k` steps. */
  run(k: number): void {
    const { trials, d } = this.s;
    for (let step = 0; step < k; step++) {
      this.steps++;
      // cos/sin at x̃ᵏ exactly every REFRESH steps, else by recurrence
      const exact = this.steps % REFRESH === 1;
      for (let t = 0; t < trials; t++) {
        if (this.divergedAt[t]! >= 0) continue;
        if (d === 2) this.gradients2(t, exact);
        else this.gradientsN(t, exact);
        this.update(t);
      }
    }
  }

  /** ∇f(x̃ⱼ) with θᵏ for every point of trial t into g, d = 2 (cos/sin of x̃ᵏ left in cs/sn). */
  private gradients2(t: number, exact: boolean): void {
    const { m, n, omega, scale } = this.s;
    const { x, theta, cs, sn, g, dx } = this;
    const d = 2;
    const wo = t * m * d, so = t * m, to = t * 2 * m, xo = t * n * d, co = t * n * m;
    for (let j = 0; j < n; j++) {
      const xj = xo + j * d;
      const gj = j * d;
      const cj = co + j * m;
      const x0 = x[xj]!, x1 = x[xj + 1]!;
      const d0 = dx[xj]!, d1 = dx[xj + 1]!;
      let g0 = 0, g1 = 0;
      for (let q = 0; q < m; q++) {
        const w = wo + 2 * q;
        const o0 = omega[w]!, o1 = omega[w + 1]!;
        const dl = o0 * d0 + o1 * d1;
        let c: number, sv: number;
        if (exact || !(dl < MAX_DELTA && dl > -MAX_DELTA)) {
          sincosInto(o0 * x0 + o1 * x1, sn, cs, cj + q);
          c = cs[cj + q]!;
          sv = sn[cj + q]!;
        } else {
          const z = dl * dl;
          const cd = 1 + z * (-0.5 + z * (1 / 24 + z * (-1 / 720 + z * (1 / 40320))));
          const sd = dl * (1 + z * (-1 / 6 + z * (1 / 120 + z * (-1 / 5040))));
          const c0 = cs[cj + q]!, s0 = sn[cj + q]!;
          c = c0 * cd - s0 * sd;
          sv = s0 * cd + c0 * sd;
          cs[cj + q] = c;
          sn[cj + q] = sv;
        }
        const coef = scale[so + q]! * (c * theta[to + m + q]! - sv * theta[to + q]!);
        g0 += coef * o0;
        g1 += coef * o1;
      }
      g[gj] = g0;
      g[gj + 1] = g1;
    }
  }

  /**
   * As gradients2 for general d, in three passes over the m frequencies, each a tight loop over
   * contiguous rows of ωᵀ (d×m): δ = ωᵀΔx̃ⱼ, then cos/sin and the coefficient per frequency, then
   * ∇f = ωᵀ·coef — rather than a d-loop per frequency.
   */
  private gradientsN(t: number, exact: boolean): void {
    const { d, m, n, scale } = this.s;
    const { x, theta, cs, sn, g, dx, omegaT, dl, coef } = this;
    const so = t * m, to = t * 2 * m, xo = t * n * d, co = t * n * m;
    for (let j = 0; j < n; j++) {
      const xj = xo + j * d;
      const gj = j * d;
      const cj = co + j * m;
      const wt = t * d * m;
      {
        const a0 = dx[xj]!;
        for (let q = 0; q < m; q++) dl[q] = omegaT[wt + q]! * a0;
        for (let a = 1; a < d; a++) {
          const da = dx[xj + a]!;
          const ro = wt + a * m;
          for (let q = 0; q < m; q++) dl[q] += omegaT[ro + q]! * da;
        }
      }
      let needExact = exact;
      if (!needExact) for (let q = 0; q < m; q++) { const v = dl[q]!; if (!(v < MAX_DELTA && v > -MAX_DELTA)) { needExact = true; break; } }
      if (needExact) {
        // phases ω·x̃ⱼ (into coef as scratch); exact cos/sin where the step is large or on refresh
        const a0 = x[xj]!;
        for (let q = 0; q < m; q++) coef[q] = omegaT[wt + q]! * a0;
        for (let a = 1; a < d; a++) {
          const xa = x[xj + a]!;
          const ro = wt + a * m;
          for (let q = 0; q < m; q++) coef[q] += omegaT[ro + q]! * xa;
        }
      }
      for (let q = 0; q < m; q++) {
        const dq = dl[q]!;
        let c: number, sv: number;
        if (exact || !(dq < MAX_DELTA && dq > -MAX_DELTA)) {
          sincosInto(coef[q]!, sn, cs, cj + q);
          c = cs[cj + q]!;
          sv = sn[cj + q]!;
        } else {
          const z = dq * dq;
          const cd = 1 + z * (-0.5 + z * (1 / 24 + z * (-1 / 720 + z * (1 / 40320))));
          const sd = dq * (1 + z * (-1 / 6 + z * (1 / 120 + z * (-1 / 5040))));
          const c0 = cs[cj + q]!, s0 = sn[cj + q]!;
          c = c0 * cd - s0 * sd;
          sv = s0 * cd + c0 * sd;
          cs[cj + q] = c;
          sn[cj + q] = sv;
        }
        coef[q] = scale[so + q]! * (c * theta[to + m + q]! - sv * theta[to + q]!);
      }
      for (let a = 0; a < d; a++) {
        const ro = wt + a * m;
        let ga = 0;
        for (let q = 0; q < m; q++) ga += coef[q]! * omegaT[ro + q]!;
        g[gj + a] = ga;
      }
    }
  }

  /** θ (eq. 4) and generator (eq. 9) updates of trial t from cs/sn and g. */
  private update(t: number): void {
    const { d, m, n, scale, meanTrue, pTilde, lambda, etaD, etaG } = this.s;
    const { x, theta, cs, sn, g, dx, divergedAt } = this;
    const decay = 1 - etaD * lambda;
    const so = t * m, to = t * 2 * m, xo = t * n * d, co = t * n * m;
    // θ update (eq. 4)
    for (let q = 0; q < m; q++) {
      let ac = 0, as = 0;
      for (let j = 0; j < n; j++) {
        ac += pTilde[j]! * cs[co + j * m + q]!;
        as += pTilde[j]! * sn[co + j * m + q]!;
      }
      const sq = scale[so + q]!;
      theta[to + q] = decay * theta[to + q]! + etaD * (meanTrue[to + q]! - sq * ac);
      theta[to + m + q] = decay * theta[to + m + q]! + etaD * (meanTrue[to + m + q]! - sq * as);
    }
    // generator update (eq. 9)
    let finite = true;
    for (let j = 0; j < n; j++) {
      const c = etaG * pTilde[j]!;
      for (let a = 0; a < d; a++) {
        const step = c * g[j * d + a]!;
        const v = x[xo + j * d + a]! + step;
        dx[xo + j * d + a] = step;
        x[xo + j * d + a] = v;
        if (!Number.isFinite(v)) finite = false;
      }
    }
    if (!finite) divergedAt[t] = this.steps;
  }
}

/** Σᵢ pᵢ a(xᵢ) for one trial's frequencies (m×d) and scales, into out (2m). */
export function rffMeanTrue(omega: Float64Array, scale: Float64Array, d: number, trueX: Float64Array, p: Float64Array, out: Float64Array): Float64Array {
  const m = scale.length;
  out.fill(0, 0, 2 * m);
  for (let i = 0; i < p.length; i++) {
    for (let q = 0; q < m; q++) {
      let ph = 0;
      for (let a = 0; a < d; a++) ph += omega[q * d + a]! * trueX[i * d + a]!;
      out[q] += p[i]! * scale[q]! * Math.cos(ph);
      out[m + q] += p[i]! * scale[q]! * Math.sin(ph);
    }
  }
  return out;
}
