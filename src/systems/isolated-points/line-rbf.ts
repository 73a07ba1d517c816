/**
 * One generated point and one true point under the exact RBF (or a sum of RBFs of several widths,
 * eq. 28's multi-scale kernel) in the function-space dynamics (002 eq. 5 with eq. 9, simultaneous):
 * the setting of Fig. 4. Every kernel bump is centred on the line through the two points and the
 * gradient of a radial bump at a point of that line lies along it, so the point never leaves the
 * line and the dynamics are exactly one-dimensional; this class integrates them on the line.
 *
 *   fᵏ(x) = sᵏ [c′ᵏ K(x, x*) + Σⱼ w′ⱼ K(x, x̃ʲ)],  sᵏ = (1 − η_dλ)ᵏ,
 *   x̃ᵏ⁺¹ = x̃ᵏ + η_g p̃ ∂ₓfᵏ(x̃ᵏ),  fᵏ⁺¹ = (1 − η_dλ) fᵏ + η_d (p K(·, x*) − p̃ K(·, x̃ᵏ)),
 * with K = Σ_σ exp(−(x − y)²/2σ²). The decay is kept in one scale sᵏ (so each step appends one
 * weight instead of rescaling all of them), and the sum over the history is exact: O(k) per step.
 * It is checked against the general FunctionSpaceIpm (d = 1) in properties/.
 */
export interface LineRbfSetup {
  /** Kernel widths; several = the concatenated (multi-scale) kernel, a sum of RBFs. */
  widths: readonly number[];
  lambda: number;
  etaD: number;
  etaG: number;
  /** Signed start position on the line; the true point is at 0. */
  start: number;
  /** True and generated masses (Fig. 4: 1 and 1). */
  p?: number;
  pTilde?: number;
}

export class LineRbf {
  x: number;
  k = 0;
  private s = 1;
  private c = 0;
  private ys: Float64Array;
  private ws: Float64Array;
  private readonly inv2s2: Float64Array;
  private readonly invS2: Float64Array;

  constructor(readonly setup: LineRbfSetup, capacity = 1024) {
    const { widths, lambda, etaD, etaG, start } = setup;
    if (!Array.isArray(widths) || widths.length === 0 || widths.some((w) => !(w > 0 && Number.isFinite(w)))) throw new RangeError(`LineRbf: widths must be positive numbers, got ${JSON.stringify(widths)}`);
    for (const [k, v] of [['lambda', lambda], ['etaD', etaD], ['etaG', etaG]] as const) if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`LineRbf: ${k} must be a finite number ≥ 0, got ${v}`);
    if (!Number.isFinite(start)) throw new RangeError(`LineRbf: start must be finite, got ${start}`);
    this.x = start;
    this.ys = new Float64Array(capacity);
    this.ws = new Float64Array(capacity);
    this.inv2s2 = Float64Array.from(widths, (w) => 1 / (2 * w * w));
    this.invS2 = Float64Array.from(widths, (w) => 1 / (w * w));
  }

  /** ∂ₓK(x, y) summed over the widths. */
  private dK(x: number, y: number): number {
    const u = x - y;
    let g = 0;
    for (let i = 0; i < this.inv2s2.length; i++) g -= u * this.invS2[i]! * Math.exp(-u * u * this.inv2s2[i]!);
    return g;
  }

  /** ∂ₓfᵏ at x. */
  grad(x: number): number {
    let g = this.c * this.dK(x, 0);
    const { ys, ws } = this;
    for (let j = 0; j < this.k; j++) g += ws[j]! * this.dK(x, ys[j]!);
    return this.s * g;
  }

  /** fᵏ at x. */
  value(x: number): number {
    const K = (u: number) => { let v = 0; for (let i = 0; i < this.inv2s2.length; i++) v += Math.exp(-u * u * this.inv2s2[i]!); return v; };
    let f = this.c * K(x);
    for (let j = 0; j < this.k; j++) f += this.ws[j]! * K(x - this.ys[j]!);
    return this.s * f;
  }

  /** Folds the scale into the weights (keeps them finite when (1 − η_dλ)ᵏ underflows). */
  private renormalise(): void {
    this.c *= this.s;
    for (let j = 0; j < this.k; j++) this.ws[j] *= this.s;
    this.s = 1;
  }

  step(): void {
    const { lambda, etaD, etaG } = this.setup;
    const p = this.setup.p ?? 1, pt = this.setup.pTilde ?? 1;
    const g = this.grad(this.x);
    this.s *= 1 - etaD * lambda;
    if (this.s < 1e-150) this.renormalise();
    // Weights are stored divided by the running scale, so they never need rescaling.
    this.c += (etaD * p) / this.s;
    if (this.k === this.ys.length) {
      const y2 = new Float64Array(2 * this.k); y2.set(this.ys); this.ys = y2;
      const w2 = new Float64Array(2 * this.k); w2.set(this.ws); this.ws = w2;
    }
    this.ys[this.k] = this.x;
    this.ws[this.k] = (-etaD * pt) / this.s;
    this.k++;
    this.x += etaG * pt * g;
  }
}
