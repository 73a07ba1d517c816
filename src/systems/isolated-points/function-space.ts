/**
 * The joint dynamics in function space (002 eq. 5 with eq. 9 or 11b) for any kernel, including
 * the exact RBF that has no finite feature map. The discriminator is kept as a weighted sum of
 * kernel bumps plus a decaying initial function:
 *   fᵏ(x) = βᵏ f⁰(x) + Σᵢ cᵢᵏ K(x, xᵢ) + Σₘ bₘᵏ K(x, zₘ),
 * and one step of (5) multiplies every weight by (1 − η_dλ), adds η_d pᵢ to cᵢ and appends the
 * bumps −η_d p̃ⱼ K(·, x̃ⱼᵏ). Bumps at a centre equal to the previous one of the same generated
 * point are merged (a fixed generated point keeps one bump). Storage grows by Ng bumps per step.
 */
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { checkPoints, checkSteps, type IpmPoints, type IpmSteps, type Scheme } from './types.ts';

/** An initial discriminator f⁰ with its gradient (e.g. Theorem 3's constructed f⁰). */
export interface BaseFunction {
  value(x: Float64Array): number;
  grad(x: Float64Array, out: Float64Array): Float64Array;
}

export class BumpDiscriminator {
  beta = 1;
  /** Weights on the true points. */
  readonly c: Float64Array;
  centers: Float64Array;
  weights: Float64Array;
  count = 0;
  private readonly tmp: Float64Array;

  constructor(
    readonly kernel: FullKernel,
    readonly d: number,
    readonly trueX: Float64Array,
    readonly base: BaseFunction | null = null,
    capacity = 64,
  ) {
    this.c = new Float64Array(trueX.length / d);
    this.centers = new Float64Array(capacity * d);
    this.weights = new Float64Array(capacity);
    this.tmp = new Float64Array(d);
  }

  value(x: Float64Array): number {
    const { d, kernel } = this;
    let s = this.base && this.beta !== 0 ? this.beta * this.base.value(x) : 0;
    for (let i = 0; i < this.c.length; i++) if (this.c[i] !== 0) s += this.c[i]! * kernel.k(x, this.trueX.subarray(i * d, (i + 1) * d));
    for (let m = 0; m < this.count; m++) s += this.weights[m]! * kernel.k(x, this.centers.subarray(m * d, (m + 1) * d));
    return s;
  }

  grad(x: Float64Array, out: Float64Array): Float64Array {
    const { d, kernel, tmp } = this;
    out.fill(0);
    if (this.base && this.beta !== 0) {
      this.base.grad(x, tmp);
      for (let a = 0; a < d; a++) out[a] += this.beta * tmp[a]!;
    }
    for (let i = 0; i < this.c.length; i++) {
      if (this.c[i] === 0) continue;
      kernel.gradX(x, this.trueX.subarray(i * d, (i + 1) * d), tmp);
      for (let a = 0; a < d; a++) out[a] += this.c[i]! * tmp[a]!;
    }
    for (let m = 0; m < this.count; m++) {
      kernel.gradX(x, this.centers.subarray(m * d, (m + 1) * d), tmp);
      for (let a = 0; a < d; a++) out[a] += this.weights[m]! * tmp[a]!;
    }
    return out;
  }

  scale(s: number): void {
    this.beta *= s;
    for (let i = 0; i < this.c.length; i++) this.c[i] *= s;
    for (let m = 0; m < this.count; m++) this.weights[m] *= s;
  }

  /** Add w·K(·, z); `mergeWith` is the index of a bump to merge into when its centre equals z. */
  addBump(z: Float64Array, w: number, mergeWith = -1): number {
    const d = this.d;
    if (mergeWith >= 0) {
      let same = true;
      for (let a = 0; a < d; a++) if (this.centers[mergeWith * d + a] !== z[a]) same = false;
      if (same) {
        this.weights[mergeWith] += w;
        return mergeWith;
      }
    }
    if (this.count === this.weights.length) {
      const cap = 2 * this.weights.length;
      const c2 = new Float64Array(cap * d);
      c2.set(this.centers);
      const w2 = new Float64Array(cap);
      w2.set(this.weights);
      this.centers = c2;
      this.weights = w2;
    }
    this.centers.set(z, this.count * d);
    this.weights[this.count] = w;
    return this.count++;
  }
}

export class FunctionSpaceIpm {
  readonly d: number;
  readonly ng: number;
  readonly x: Float64Array;
  readonly f: BumpDiscriminator;
  private readonly grads: Float64Array;
  private readonly last: Int32Array;

  constructor(
    readonly kernel: FullKernel,
    readonly points: IpmPoints,
    readonly steps: IpmSteps,
    readonly scheme: Scheme = 'simultaneous',
    base: BaseFunction | null = null,
    /** Initial weights on the true points (e.g. the equilibrium's Δᵢ/λ). */
    c0?: Float64Array,
  ) {
    const { ng } = checkPoints(points, 'FunctionSpaceIpm');
    checkSteps(steps, 'FunctionSpaceIpm');
    this.d = points.d;
    this.ng = ng;
    this.x = Float64Array.from(points.genX);
    this.f = new BumpDiscriminator(kernel, this.d, points.trueX, base, 64);
    if (c0) this.f.c.set(c0);
    this.grads = new Float64Array(ng * this.d);
    this.last = new Int32Array(ng).fill(-1);
  }

  /** Add an extra bump to the current discriminator (for perturbations and constructed f⁰). */
  addBump(z: Float64Array, w: number): void {
    this.f.addBump(z, w);
  }

  step(): void {
    const { d, ng, x, f, grads } = this;
    const { lambda, etaD, etaG } = this.steps;
    const { p, pTilde } = this.points;
    if (this.scheme === 'simultaneous') for (let j = 0; j < ng; j++) f.grad(x.subarray(j * d, (j + 1) * d), grads.subarray(j * d, (j + 1) * d));
    f.scale(1 - etaD * lambda); // eq. 5: −λ fᵏ
    for (let i = 0; i < p.length; i++) f.c[i] += etaD * p[i]!; // + η_d pᵢ K(·, xᵢ)
    for (let j = 0; j < ng; j++) this.last[j] = f.addBump(x.subarray(j * d, (j + 1) * d), -etaD * pTilde[j]!, this.last[j]!); // − η_d p̃ⱼ K(·, x̃ⱼᵏ)
    if (this.scheme === 'alternating') for (let j = 0; j < ng; j++) f.grad(x.subarray(j * d, (j + 1) * d), grads.subarray(j * d, (j + 1) * d));
    for (let j = 0; j < ng; j++) {
      const c = etaG * pTilde[j]!;
      for (let a = 0; a < d; a++) x[j * d + a] += c * grads[j * d + a]!;
    }
  }
}
