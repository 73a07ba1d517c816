/**
 * The wide one-hidden-layer discriminator of 001 eq. 23 / A1 on ℝ²:
 *   D(x) = √(2/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ),  σ = ReLU or tanh,  aᵢ, wᵢ ~ N(0, 1), bᵢ ~ N(0, 9) (App. A),
 * trained on eq. 24, L = ⟨D⟩_gen − ⟨D⟩_data + (1/H)(|w|² + |a|² + |b|²), plus optionally the
 * gradient regulariser eq. 28 in its reduced form eq. 29,
 *   R = β(g₂|⟨∇D⟩|² + (g₁ − g₂)/N ⟨|∇D|²⟩).
 *
 * Speed: one pass per unit over all rows (generated then data) computes the forward value and
 * accumulates that unit's whole gradient (fused forward/backward), and the unit is updated in place
 * at once (its gradient depends on no other unit). Parameters are stored per coordinate (a, w₀, w₁, b)
 * so the inner loop streams contiguous Float64Arrays. All buffers are allocated once.
 *
 * ReLU fast path (exact, not an approximation): rows are bucketed into small spatial groups (grid
 * cells of side GROUP_CELL, generated and data rows apart). For a group with centre m and radius r,
 * |w·m + b| > |w| r means every row of the group is on the same side of unit i's hinge, so the
 * unit's sums over the group are the group's precomputed sums (or nothing); only groups the hinge
 * line crosses are visited row by row. Since Σ_active s·relu(u) = w₀S₀ + w₁S₁ + b·S with
 * S₀ = Σ_active s x₀ etc., three sums per unit suffice. The same bucketing serves ∇ₓD at the
 * particles and the regulariser. The 8-Gaussian data sit in 8 tight clusters and the particles in
 * one or a few, so most (unit, group) pairs are settled by one test. `direct: true` forces the plain
 * row loop (the reference the property tests compare against).
 *
 * Regulariser-only steps (`{ regOnly: true }`): a step on R alone — no loss rows, no L2 term — for
 * the operator-split integrator of alg1.ts, which takes the stiff R (Hessian ≈ 4β, see there) in
 * several small sub-steps. The ReLU grouped version reuses the groups ∇ₓD was just computed on and
 * has its own unit loop, so the loss step's hot loop is untouched.
 */
import type { Rng } from '../../random/rng.ts';
import type { NtkCoupling } from './coupling.ts';

export type DiscActivation = 'relu' | 'tanh';

/** Side of the grid cells rows are bucketed into (data clusters have std 0.02; the start cloud 0.1). */
export const GROUP_CELL = 0.25;
const ROW_BITS = 1048576; // 2²⁰: row index packed under the cell key

export interface WideStepOptions {
  /** Step on the regulariser eq. 29 alone: no loss rows (data ignored), no L2 term. */
  regOnly?: boolean;
}

export class WideDisc {
  readonly H: number;
  readonly activation: DiscActivation;
  readonly a: Float64Array;
  readonly w0: Float64Array;
  readonly w1: Float64Array;
  readonly b: Float64Array;
  /** √(2/H). */
  readonly c: number;
  // Row buffers for one step: s, s·x₀, s·x₁ and the rows themselves (generated first, then data).
  private rx0: Float64Array;
  private rx1: Float64Array;
  private rs: Float64Array;
  private rsx0: Float64Array;
  private rsx1: Float64Array;
  private cap: number;
  // Regulariser work: ∇D at the particles and dR/d∇D.
  private gradBuf: Float64Array;
  private vBuf: Float64Array;
  /** Force the plain row loop (reference for tests). */
  direct = false;
  // Grouping buffers (ReLU fast path).
  private keys = new Float64Array(0);
  private src = new Int32Array(0);
  private gStart = new Int32Array(0);
  private gCx = new Float64Array(0);
  private gCy = new Float64Array(0);
  private gR = new Float64Array(0);
  private gS0 = new Float64Array(0);
  private gS1 = new Float64Array(0);
  private gSc = new Float64Array(0);
  private gV0 = new Float64Array(0);
  private gV1 = new Float64Array(0);
  private nGroups = 0;
  private rV0 = new Float64Array(0);
  private rV1 = new Float64Array(0);
  private straddle = new Int32Array(0);
  // |wᵢ| for the current parameters (gradXGrouped), and the classification it made, recorded for the
  // regulariser sub-step that follows at the same parameters (regStepGrouped): per group, the fully
  // active units (actIdx[actOff[k]..actOff[k+1]]), the straddling ones (strIdx[…strOff…]) and, per
  // (row, straddling unit), whether the hinge is on (bits[bitOff[k] + (q − lo)·ns + s]).
  private nw = new Float64Array(0);
  private recording = false;
  private actIdx = new Int32Array(0);
  private actOff = new Int32Array(0);
  private strIdx = new Int32Array(0);
  private strOff = new Int32Array(0);
  private bits = new Uint8Array(0);
  private bitOff = new Int32Array(0);
  private rR0 = new Float64Array(0);
  private rR1 = new Float64Array(0);
  private aw0 = new Float64Array(0);
  private aw1 = new Float64Array(0);
  private sw0 = new Float64Array(0);
  private sw1 = new Float64Array(0);
  private sb = new Float64Array(0);
  private saw0 = new Float64Array(0);
  private saw1 = new Float64Array(0);

  constructor(H: number, activation: DiscActivation, rng: Rng, opts: { aStd?: number; wStd?: number; bStd?: number } = {}) {
    if (!Number.isInteger(H) || H < 1) throw new RangeError(`WideDisc: H must be a positive integer, got ${H}`);
    if (activation !== 'relu' && activation !== 'tanh') throw new RangeError(`WideDisc: activation must be relu or tanh, got ${String(activation)}`);
    this.H = H;
    this.activation = activation;
    this.c = Math.sqrt(2 / H);
    this.a = rng.normals(new Float64Array(H), 0, opts.aStd ?? 1);
    this.w0 = new Float64Array(H);
    this.w1 = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      this.w0[i] = (opts.wStd ?? 1) * rng.normal();
      this.w1[i] = (opts.wStd ?? 1) * rng.normal();
    }
    this.b = rng.normals(new Float64Array(H), 0, opts.bStd ?? 3);
    this.cap = 0;
    this.rx0 = this.rx1 = this.rs = this.rsx0 = this.rsx1 = new Float64Array(0);
    this.gradBuf = this.vBuf = new Float64Array(0);
  }

  private ensure(rows: number, N: number): void {
    if (rows > this.cap) {
      this.cap = rows;
      this.rx0 = new Float64Array(rows);
      this.rx1 = new Float64Array(rows);
      this.rs = new Float64Array(rows);
      this.rsx0 = new Float64Array(rows);
      this.rsx1 = new Float64Array(rows);
    }
    if (this.keys.length < rows) {
      this.keys = new Float64Array(rows);
      this.src = new Int32Array(rows);
      this.gStart = new Int32Array(rows + 1);
      for (const k of ['gCx', 'gCy', 'gR', 'gS0', 'gS1', 'gSc', 'gV0', 'gV1', 'rV0', 'rV1'] as const) this[k] = new Float64Array(rows);
    }
    if (this.straddle.length < this.H) {
      this.straddle = new Int32Array(this.H);
      this.nw = new Float64Array(this.H);
      for (const k of ['rR0', 'rR1', 'aw0', 'aw1', 'sw0', 'sw1', 'sb', 'saw0', 'saw1'] as const) this[k] = new Float64Array(this.H);
    }
    if (this.actOff.length < rows + 1) {
      this.actOff = new Int32Array(rows + 1);
      this.strOff = new Int32Array(rows + 1);
      this.bitOff = new Int32Array(rows + 1);
    }
    if (this.gradBuf.length < 2 * N) {
      this.gradBuf = new Float64Array(2 * N);
      this.vBuf = new Float64Array(2 * N);
    }
  }

  /**
   * Sorts the N generated rows (weight 1/N) and M data rows (weight −1/M) into grid-cell groups:
   * fills rx0/rx1/rs/src in group order and each group's centre, radius and weighted sums.
   */
  private buildGroups(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number): void {
    const rows = N + M;
    const { keys } = this;
    for (let r = 0; r < rows; r++) {
      const x = r < N ? gx0[r]! : dx0[r - N]!;
      const y = r < N ? gx1[r]! : dx1[r - N]!;
      let ix = Math.floor(x / GROUP_CELL);
      let iy = Math.floor(y / GROUP_CELL);
      // Far-away rows share edge cells: still exact (the radius test decides), just less pruning.
      ix = ix < -1000 ? -1000 : ix > 1000 ? 1000 : ix;
      iy = iy < -1000 ? -1000 : iy > 1000 ? 1000 : iy;
      const cell = (r < N ? 0 : 4004001) + (ix + 1000) * 2001 + (iy + 1000);
      keys[r] = cell * ROW_BITS + r;
    }
    const sorted = keys.subarray(0, rows).sort();
    const { rx0, rx1, rs, src, gStart, gCx, gCy, gR, gS0, gS1, gSc } = this;
    let g = -1;
    let prevCell = -1;
    for (let q = 0; q < rows; q++) {
      const key = sorted[q]!;
      const cell = Math.floor(key / ROW_BITS);
      const r = key - cell * ROW_BITS;
      if (cell !== prevCell) {
        g++;
        gStart[g] = q;
        prevCell = cell;
      }
      src[q] = r;
      rx0[q] = r < N ? gx0[r]! : dx0[r - N]!;
      rx1[q] = r < N ? gx1[r]! : dx1[r - N]!;
      rs[q] = r < N ? 1 / N : -1 / M;
    }
    this.nGroups = g + 1;
    gStart[this.nGroups] = rows;
    for (let k = 0; k < this.nGroups; k++) {
      let sx = 0, sy = 0, s0 = 0, s1 = 0, sc = 0;
      const lo = gStart[k]!, hi = gStart[k + 1]!;
      for (let q = lo; q < hi; q++) {
        sx += rx0[q]!;
        sy += rx1[q]!;
        s0 += rs[q]! * rx0[q]!;
        s1 += rs[q]! * rx1[q]!;
        sc += rs[q]!;
      }
      const cx = sx / (hi - lo), cy = sy / (hi - lo);
      let r2 = 0;
      for (let q = lo; q < hi; q++) {
        const dx = rx0[q]! - cx, dy = rx1[q]! - cy;
        const d = dx * dx + dy * dy;
        if (d > r2) r2 = d;
      }
      gCx[k] = cx;
      gCy[k] = cy;
      // Margin: the side test must hold despite rounding in w·m + b and in the radius.
      gR[k] = Math.sqrt(r2) * (1 + 1e-9) + 1e-12;
      gS0[k] = s0;
      gS1[k] = s1;
      gSc[k] = sc;
    }
  }

  /**
   * ∇ₓD at the particles, ReLU, grouped: units whose hinge misses a group add one shared term. With
   * `recording` set, the classification is kept for regStepGrouped (same parameters, same groups).
   */
  private gradXGrouped(x0: Float64Array, x1: Float64Array, N: number, out: Float64Array): void {
    this.ensure(N, N);
    this.buildGroups(x0, x1, N, x0, x1, 0);
    const { a, w0, w1, b, H, c, rx0, rx1, src, gStart, gCx, gCy, gR, straddle, nw, aw0, aw1, sw0, sw1, sb, saw0, saw1 } = this;
    const rec = this.recording;
    // Per unit once, not per (group, unit): |wᵢ| and aᵢwᵢ (the same products the sums below add).
    for (let i = 0; i < H; i++) {
      nw[i] = Math.sqrt(w0[i]! * w0[i]! + w1[i]! * w1[i]!);
      aw0[i] = a[i]! * w0[i]!;
      aw1[i] = a[i]! * w1[i]!;
    }
    let na = 0, nsAll = 0, nb = 0;
    for (let k = 0; k < this.nGroups; k++) {
      let c0 = 0, c1 = 0, ns = 0;
      const cx = gCx[k]!, cy = gCy[k]!, rad = gR[k]!;
      if (rec) {
        this.actOff[k] = na;
        this.strOff[k] = nsAll;
        this.bitOff[k] = nb;
        if (this.actIdx.length < na + H) this.actIdx = grow(this.actIdx, na + H);
      }
      const actIdx = this.actIdx;
      for (let i = 0; i < H; i++) {
        const t = w0[i]! * cx + w1[i]! * cy + b[i]!;
        const m = nw[i]! * rad;
        if (t > m) {
          c0 += aw0[i]!;
          c1 += aw1[i]!;
          if (rec) actIdx[na++] = i;
        } else if (t >= -m) straddle[ns++] = i;
      }
      // The straddling units' parameters gathered contiguously for the row loop.
      for (let s = 0; s < ns; s++) {
        const i = straddle[s]!;
        sw0[s] = w0[i]!;
        sw1[s] = w1[i]!;
        sb[s] = b[i]!;
        saw0[s] = aw0[i]!;
        saw1[s] = aw1[i]!;
      }
      const lo = gStart[k]!, hi = gStart[k + 1]!;
      if (rec) {
        if (this.strIdx.length < nsAll + ns) this.strIdx = grow(this.strIdx, nsAll + ns);
        this.strIdx.set(straddle.subarray(0, ns), nsAll);
        nsAll += ns;
        if (this.bits.length < nb + (hi - lo) * ns) this.bits = grow(this.bits, nb + (hi - lo) * ns);
      }
      const bits = this.bits;
      for (let q = lo; q < hi; q++) {
        const px = rx0[q]!, py = rx1[q]!;
        let g0 = c0, g1 = c1;
        if (rec) {
          for (let s = 0; s < ns; s++) {
            const on = sw0[s]! * px + sw1[s]! * py + sb[s]! > 0;
            bits[nb++] = on ? 1 : 0;
            if (on) {
              g0 += saw0[s]!;
              g1 += saw1[s]!;
            }
          }
        } else {
          for (let s = 0; s < ns; s++) {
            if (sw0[s]! * px + sw1[s]! * py + sb[s]! > 0) {
              g0 += saw0[s]!;
              g1 += saw1[s]!;
            }
          }
        }
        const p = src[q]!;
        out[2 * p] = c * g0;
        out[2 * p + 1] = c * g1;
      }
    }
    if (rec) {
      this.actOff[this.nGroups] = na;
      this.strOff[this.nGroups] = nsAll;
      this.bitOff[this.nGroups] = nb;
    }
  }

  /** One ReLU step, grouped (see the file comment). V: dR/d∇D per particle, or null. */
  private stepGrouped(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number, alphaD: number,
    V: Float64Array | null, gradOut?: Float64Array): void {
    this.buildGroups(gx0, gx1, N, dx0, dx1, M);
    const { a, w0, w1, b, H, c, rx0, rx1, rs, src, gStart, gCx, gCy, gR, gS0, gS1, gSc, gV0, gV1, rV0, rV1 } = this;
    const nG = this.nGroups;
    if (V) {
      for (let k = 0; k < nG; k++) {
        let v0 = 0, v1 = 0;
        for (let q = gStart[k]!; q < gStart[k + 1]!; q++) {
          const p = src[q]!;
          rV0[q] = p < N ? V[2 * p]! : 0;
          rV1[q] = p < N ? V[2 * p + 1]! : 0;
          v0 += rV0[q]!;
          v1 += rV1[q]!;
        }
        gV0[k] = v0;
        gV1[k] = v1;
      }
    }
    const l2 = 2 / H;
    for (let i = 0; i < H; i++) {
      const wi0 = w0[i]!, wi1 = w1[i]!, bi = b[i]!, ai = a[i]!;
      const nw = Math.sqrt(wi0 * wi0 + wi1 * wi1);
      let S0 = 0, S1 = 0, Sc = 0, R0 = 0, R1 = 0;
      for (let k = 0; k < nG; k++) {
        const t = wi0 * gCx[k]! + wi1 * gCy[k]! + bi;
        const m = nw * gR[k]!;
        if (t > m) {
          S0 += gS0[k]!;
          S1 += gS1[k]!;
          Sc += gSc[k]!;
          if (V) {
            R0 += gV0[k]!;
            R1 += gV1[k]!;
          }
        } else if (t >= -m) {
          const hi = gStart[k + 1]!;
          for (let q = gStart[k]!; q < hi; q++) {
            if (wi0 * rx0[q]! + wi1 * rx1[q]! + bi > 0) {
              S0 += rs[q]! * rx0[q]!;
              S1 += rs[q]! * rx1[q]!;
              Sc += rs[q]!;
              if (V) {
                R0 += rV0[q]!;
                R1 += rV1[q]!;
              }
            }
          }
        }
      }
      // Σ s·relu(u) = w₀S₀ + w₁S₁ + b·Sc; regulariser (ReLU, σ'' = 0): ∂R/∂a = c w·R, ∂R/∂w = c a R.
      let dA = c * (wi0 * S0 + wi1 * S1 + bi * Sc);
      let dW0 = c * ai * S0;
      let dW1 = c * ai * S1;
      const dB = c * ai * Sc + l2 * bi;
      if (V) {
        dA += c * (wi0 * R0 + wi1 * R1);
        dW0 += c * ai * R0;
        dW1 += c * ai * R1;
      }
      dA += l2 * ai;
      dW0 += l2 * wi0;
      dW1 += l2 * wi1;
      this.updateUnit(i, dA, dW0, dW1, dB, alphaD, gradOut);
    }
  }

  /**
   * One ReLU step on the regulariser alone, grouped: the groups, and which units are on at which rows,
   * are those gradXGrouped just recorded on the N generated rows at these parameters (the V
   * computation in step), so nothing is re-classified here. Group-major, each unit's R accumulates
   * over groups, and over rows within a group, in the same order as a unit-major loop would, so the
   * result is bit-for-bit that of re-testing every hinge. V: dR/d∇D per particle.
   */
  private regStepGrouped(N: number, alphaD: number, V: Float64Array, gradOut?: Float64Array): void {
    const { a, w0, w1, H, c, src, gStart, gV0, gV1, rV0, rV1, actIdx, actOff, strIdx, strOff, bits, bitOff, rR0, rR1 } = this;
    const nG = this.nGroups;
    rR0.fill(0, 0, H);
    rR1.fill(0, 0, H);
    for (let k = 0; k < nG; k++) {
      let v0 = 0, v1 = 0;
      const lo = gStart[k]!, hi = gStart[k + 1]!;
      for (let q = lo; q < hi; q++) {
        const p = src[q]!;
        rV0[q] = V[2 * p]!;
        rV1[q] = V[2 * p + 1]!;
        v0 += rV0[q]!;
        v1 += rV1[q]!;
      }
      gV0[k] = v0;
      gV1[k] = v1;
      for (let j = actOff[k]!, e = actOff[k + 1]!; j < e; j++) {
        const i = actIdx[j]!;
        rR0[i] = rR0[i]! + v0;
        rR1[i] = rR1[i]! + v1;
      }
      // Straddling units: each accumulates over the group's rows in row order (bits are row-major).
      const so = strOff[k]!, ns = strOff[k + 1]! - so, bo = bitOff[k]!;
      for (let s = 0; s < ns; s++) {
        const i = strIdx[so + s]!;
        let r0 = rR0[i]!, r1 = rR1[i]!;
        for (let q = lo, j = bo + s; q < hi; q++, j += ns) {
          if (bits[j]) {
            r0 += rV0[q]!;
            r1 += rV1[q]!;
          }
        }
        rR0[i] = r0;
        rR1[i] = r1;
      }
    }
    for (let i = 0; i < H; i++) {
      const R0 = rR0[i]!, R1 = rR1[i]!, ai = a[i]!;
      // ReLU, σ'' = 0: ∂R/∂a = c w·R, ∂R/∂w = c a R, ∂R/∂b = 0.
      const dA = c * (w0[i]! * R0 + w1[i]! * R1);
      const dW0 = c * ai * R0;
      const dW1 = c * ai * R1;
      this.updateUnit(i, dA, dW0, dW1, 0, alphaD, gradOut);
    }
  }

  value(x0: number, x1: number): number {
    let s = 0;
    const { a, w0, w1, b, H } = this;
    if (this.activation === 'relu') {
      for (let i = 0; i < H; i++) {
        const u = w0[i]! * x0 + w1[i]! * x1 + b[i]!;
        if (u > 0) s += a[i]! * u;
      }
    } else {
      for (let i = 0; i < H; i++) s += a[i]! * Math.tanh(w0[i]! * x0 + w1[i]! * x1 + b[i]!);
    }
    return this.c * s;
  }

  /** ∇ₓD at N points (x0, x1), written row-major N×2 into out. */
  gradX(x0: Float64Array, x1: Float64Array, N: number, out: Float64Array): Float64Array {
    const { a, w0, w1, b, H, c } = this;
    const relu = this.activation === 'relu';
    if (relu && !this.direct) {
      this.gradXGrouped(x0, x1, N, out);
      return out;
    }
    for (let p = 0; p < N; p++) {
      const px = x0[p]!;
      const py = x1[p]!;
      let g0 = 0;
      let g1 = 0;
      if (relu) {
        for (let i = 0; i < H; i++) {
          if (w0[i]! * px + w1[i]! * py + b[i]! > 0) {
            g0 += a[i]! * w0[i]!;
            g1 += a[i]! * w1[i]!;
          }
        }
      } else {
        for (let i = 0; i < H; i++) {
          const t = Math.tanh(w0[i]! * px + w1[i]! * py + b[i]!);
          const k = a[i]! * (1 - t * t);
          g0 += k * w0[i]!;
          g1 += k * w1[i]!;
        }
      }
      out[2 * p] = c * g0;
      out[2 * p + 1] = c * g1;
    }
    return out;
  }

  /** Loss eq. 24 (+ eq. 29 when beta > 0) at the current parameters; for checks, not the hot loop. */
  loss(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number, reg?: { beta: number; coupling: NtkCoupling }): number {
    let lg = 0;
    for (let p = 0; p < N; p++) lg += this.value(gx0[p]!, gx1[p]!);
    let ld = 0;
    for (let p = 0; p < M; p++) ld += this.value(dx0[p]!, dx1[p]!);
    let l2 = 0;
    for (let i = 0; i < this.H; i++) l2 += this.a[i]! ** 2 + this.w0[i]! ** 2 + this.w1[i]! ** 2 + this.b[i]! ** 2;
    let r = 0;
    if (reg && reg.beta !== 0) {
      const g = this.gradX(gx0, gx1, N, new Float64Array(2 * N));
      let m0 = 0, m1 = 0, sq = 0;
      for (let p = 0; p < N; p++) {
        m0 += g[2 * p]!;
        m1 += g[2 * p + 1]!;
        sq += g[2 * p]! ** 2 + g[2 * p + 1]! ** 2;
      }
      m0 /= N;
      m1 /= N;
      const { g1, g2 } = reg.coupling;
      r = reg.beta * (g2 * (m0 * m0 + m1 * m1) + ((g1 - g2) / N) * (sq / N));
    }
    return lg / N - ld / M + l2 / this.H + r;
  }

  /**
   * One gradient-descent step of size alphaD on eq. 24 (+ eq. 29), or, with alphaD = 0 and `gradOut`
   * given, just the gradient (layout [a | w₀ | w₁ | b], each length H) for the finite-difference check.
   * With `opts.regOnly` the step is on eq. 29 alone (dx0, dx1, M unused; no L2 term); with no
   * regulariser (reg absent or β = 0) that gradient is zero and nothing moves.
   */
  step(gx0: Float64Array, gx1: Float64Array, N: number, dx0: Float64Array, dx1: Float64Array, M: number, alphaD: number,
    reg?: { beta: number; coupling: NtkCoupling }, gradOut?: Float64Array, opts?: WideStepOptions): void {
    const withLoss = !opts?.regOnly;
    if (!withLoss) {
      M = 0;
      if (!reg || reg.beta === 0) {
        gradOut?.fill(0, 0, 4 * this.H);
        return;
      }
    }
    const rows = N + M;
    this.ensure(rows, N);
    const { rx0, rx1, rs, rsx0, rsx1, a, w0, w1, b, H, c } = this;
    for (let p = 0; p < N; p++) {
      rx0[p] = gx0[p]!;
      rx1[p] = gx1[p]!;
      rs[p] = 1 / N;
    }
    for (let p = 0; p < M; p++) {
      rx0[N + p] = dx0[p]!;
      rx1[N + p] = dx1[p]!;
      rs[N + p] = -1 / M;
    }
    for (let r = 0; r < rows; r++) {
      rsx0[r] = rs[r]! * rx0[r]!;
      rsx1[r] = rs[r]! * rx1[r]!;
    }
    const useReg = reg !== undefined && reg.beta !== 0;
    const V = this.vBuf;
    if (useReg) {
      // dR/d∇D(Xₐ) = β(2g₂⟨∇D⟩/N + 2(g₁ − g₂)/N² ∇D(Xₐ)), from the parameters before this step.
      // On the regulariser-only ReLU path, gradX records its classification for regStepGrouped.
      this.recording = !withLoss && this.activation === 'relu' && !this.direct;
      const G = this.gradX(gx0, gx1, N, this.gradBuf);
      this.recording = false;
      let m0 = 0, m1 = 0;
      for (let p = 0; p < N; p++) {
        m0 += G[2 * p]!;
        m1 += G[2 * p + 1]!;
      }
      m0 /= N;
      m1 /= N;
      const { g1, g2 } = reg!.coupling;
      const kLoc = (2 * (g1 - g2)) / (N * N);
      for (let p = 0; p < N; p++) {
        V[2 * p] = reg!.beta * ((2 * g2 * m0) / N + kLoc * G[2 * p]!);
        V[2 * p + 1] = reg!.beta * ((2 * g2 * m1) / N + kLoc * G[2 * p + 1]!);
      }
    }
    const l2 = 2 / H;
    const relu = this.activation === 'relu';
    if (relu && !this.direct) {
      // regOnly: gradX above just grouped the N generated rows (useReg holds here).
      if (withLoss) this.stepGrouped(gx0, gx1, N, dx0, dx1, M, alphaD, useReg ? V : null, gradOut);
      else this.regStepGrouped(N, alphaD, V, gradOut);
      return;
    }
    for (let i = 0; i < H; i++) {
      const wi0 = w0[i]!;
      const wi1 = w1[i]!;
      const bi = b[i]!;
      const ai = a[i]!;
      let ga = 0, gw0 = 0, gw1 = 0, gb = 0;
      if (!withLoss) {
        // Regulariser only: no loss rows.
      } else if (relu) {
        for (let r = 0; r < rows; r++) {
          const u = wi0 * rx0[r]! + wi1 * rx1[r]! + bi;
          if (u > 0) {
            ga += rs[r]! * u;
            gw0 += rsx0[r]!;
            gw1 += rsx1[r]!;
            gb += rs[r]!;
          }
        }
      } else {
        for (let r = 0; r < rows; r++) {
          const t = Math.tanh(wi0 * rx0[r]! + wi1 * rx1[r]! + bi);
          const dt = 1 - t * t;
          ga += rs[r]! * t;
          gw0 += rsx0[r]! * dt;
          gw1 += rsx1[r]! * dt;
          gb += rs[r]! * dt;
        }
      }
      // ∂/∂a = c Σ s σ(u); ∂/∂w = c a Σ s σ'(u) x; ∂/∂b = c a Σ s σ'(u).
      let dA = c * ga;
      let dW0 = c * ai * gw0;
      let dW1 = c * ai * gw1;
      let dB = c * ai * gb;
      if (useReg) {
        // R depends on φ through Gₐ = c Σᵢ aᵢσ'(uₐᵢ)wᵢ; with sₐᵢ = Vₐ·wᵢ:
        // ∂R/∂aᵢ = c Σₐ σ'sₐᵢ, ∂R/∂wᵢ = c aᵢ Σₐ(σ'Vₐ + σ''sₐᵢ xₐ), ∂R/∂bᵢ = c aᵢ Σₐ σ''sₐᵢ.
        let ra = 0, rw0 = 0, rw1 = 0, rb = 0;
        if (relu) {
          for (let p = 0; p < N; p++) {
            if (wi0 * rx0[p]! + wi1 * rx1[p]! + bi > 0) {
              const v0 = V[2 * p]!;
              const v1 = V[2 * p + 1]!;
              ra += v0 * wi0 + v1 * wi1;
              rw0 += v0;
              rw1 += v1;
            }
          }
        } else {
          for (let p = 0; p < N; p++) {
            const t = Math.tanh(wi0 * rx0[p]! + wi1 * rx1[p]! + bi);
            const d1 = 1 - t * t;
            const d2 = -2 * t * d1;
            const v0 = V[2 * p]!;
            const v1 = V[2 * p + 1]!;
            const s = v0 * wi0 + v1 * wi1;
            ra += d1 * s;
            rw0 += d1 * v0 + d2 * s * rx0[p]!;
            rw1 += d1 * v1 + d2 * s * rx1[p]!;
            rb += d2 * s;
          }
        }
        dA += c * ra;
        dW0 += c * ai * rw0;
        dW1 += c * ai * rw1;
        dB += c * ai * rb;
      }
      if (withLoss) {
        dA += l2 * ai;
        dW0 += l2 * wi0;
        dW1 += l2 * wi1;
        dB += l2 * bi;
      }
      this.updateUnit(i, dA, dW0, dW1, dB, alphaD, gradOut);
    }
  }

  /** One gradient step on unit i's parameters (a, w₀, w₁, b), the gradient also written to `gradOut` (layout [a | w₀ | w₁ | b]). */
  private updateUnit(i: number, dA: number, dW0: number, dW1: number, dB: number, alphaD: number, gradOut: Float64Array | undefined): void {
    const H = this.H;
    if (gradOut) {
      gradOut[i] = dA;
      gradOut[H + i] = dW0;
      gradOut[2 * H + i] = dW1;
      gradOut[3 * H + i] = dB;
    }
    this.a[i] = this.a[i]! - alphaD * dA;
    this.w0[i] = this.w0[i]! - alphaD * dW0;
    this.w1[i] = this.w1[i]! - alphaD * dW1;
    this.b[i] = this.b[i]! - alphaD * dB;
  }
}

/** A typed array of at least `min` elements holding `a`'s contents (capacity doubles). */
function grow<T extends Int32Array | Uint8Array>(a: T, min: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(min, 2 * a.length, 1024));
  next.set(a);
  return next;
}
