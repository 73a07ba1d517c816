/**
 * The joint dynamics in parameter space for a finite feature map (002 eq. 4 and 9):
 *   θᵏ⁺¹ = θᵏ + η_d (Σᵢ pᵢ a(xᵢ) − Σⱼ p̃ⱼ a(x̃ⱼᵏ) − λθᵏ)                        (4)
 *   x̃ⱼᵏ⁺¹ = x̃ⱼᵏ + η_g p̃ⱼ ∇f(x̃ⱼᵏ, θᵏ)      ('simultaneous', eq. 9)
 *        or x̃ⱼᵏ + η_g p̃ⱼ ∇f(x̃ⱼᵏ, θᵏ⁺¹)    ('alternating', eq. 11b)
 * Applied to the points of one isolated region it is the region system (12). The state is one
 * vector [θ (F); x̃ (Ng·d)] so the same map feeds finite-difference Jacobians. No allocation per step.
 */
import type { FeatureMap } from '../../kernels/finite-feature.ts';
import { checkPoints, checkSteps, type IpmPoints, type IpmSteps, type Scheme } from './types.ts';

export class ParamSpaceIpm {
  readonly F: number;
  readonly d: number;
  readonly ng: number;
  /** State [θ; x̃], length F + Ng·d. */
  readonly state: Float64Array;
  readonly theta: Float64Array;
  readonly x: Float64Array;
  private readonly meanTrue: Float64Array;
  private readonly feat: Float64Array;
  private readonly grads: Float64Array;
  private readonly gbuf: Float64Array;

  constructor(
    readonly map: FeatureMap,
    readonly points: IpmPoints,
    readonly steps: IpmSteps,
    readonly scheme: Scheme = 'simultaneous',
    theta0?: Float64Array,
  ) {
    const { nr, ng } = checkPoints(points, 'ParamSpaceIpm');
    checkSteps(steps, 'ParamSpaceIpm');
    if (map.dim !== points.d) throw new RangeError(`ParamSpaceIpm: feature map dimension ${map.dim} ≠ points dimension ${points.d}`);
    this.F = map.size;
    this.d = points.d;
    this.ng = ng;
    this.state = new Float64Array(this.F + ng * this.d);
    this.theta = this.state.subarray(0, this.F);
    this.x = this.state.subarray(this.F);
    if (theta0 !== undefined) {
      if (theta0.length !== this.F) throw new RangeError(`ParamSpaceIpm: theta0 has length ${theta0.length}, expected ${this.F}`);
      this.theta.set(theta0);
    }
    this.x.set(points.genX);
    this.feat = new Float64Array(this.F);
    this.meanTrue = new Float64Array(this.F);
    for (let i = 0; i < nr; i++) {
      map.features(points.trueX.subarray(i * this.d, (i + 1) * this.d), this.feat);
      for (let f = 0; f < this.F; f++) this.meanTrue[f] += points.p[i]! * this.feat[f]!;
    }
    this.grads = new Float64Array(ng * this.d);
    this.gbuf = new Float64Array(this.d);
  }

  /** f(x) = a(x)ᵀθ. */
  value(x: Float64Array): number {
    this.map.features(x, this.feat);
    let s = 0;
    for (let f = 0; f < this.F; f++) s += this.feat[f]! * this.theta[f]!;
    return s;
  }

  /** One step of (4)+(9) (or (11b)) applied to `state` in place. */
  stepState(state: Float64Array): void {
    const { F, d, ng, map, feat, grads } = this;
    const { lambda, etaD, etaG } = this.steps;
    const pT = this.points.pTilde;
    const theta = state.subarray(0, F);
    const x = state.subarray(F);
    if (this.scheme === 'simultaneous') {
      for (let j = 0; j < ng; j++) map.gradDot(x.subarray(j * d, (j + 1) * d), theta, grads.subarray(j * d, (j + 1) * d));
    }
    // θ ← θ + η_d (mean_true − Σ p̃ a(x̃) − λθ)
    for (let f = 0; f < F; f++) theta[f] = (1 - etaD * lambda) * theta[f]! + etaD * this.meanTrue[f]!;
    for (let j = 0; j < ng; j++) {
      map.features(x.subarray(j * d, (j + 1) * d), feat);
      const c = etaD * pT[j]!;
      for (let f = 0; f < F; f++) theta[f] -= c * feat[f]!;
    }
    if (this.scheme === 'alternating') {
      for (let j = 0; j < ng; j++) map.gradDot(x.subarray(j * d, (j + 1) * d), theta, grads.subarray(j * d, (j + 1) * d));
    }
    for (let j = 0; j < ng; j++) {
      const c = etaG * pT[j]!;
      for (let a = 0; a < d; a++) x[j * d + a] += c * grads[j * d + a]!;
    }
  }

  step(): void {
    this.stepState(this.state);
  }

  /** The one-step map as a pure function of the state (for finite-difference Jacobians). */
  map1(state: Float64Array): Float64Array {
    const out = Float64Array.from(state);
    this.stepState(out);
    return out;
  }

  /** Gradient of the current discriminator at x into out. */
  grad(x: Float64Array, out: Float64Array = this.gbuf): Float64Array {
    return this.map.gradDot(x, this.theta, out);
  }
}
