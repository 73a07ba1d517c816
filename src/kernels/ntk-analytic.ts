/**
 * Analytic infinite-width NTK of a one-hidden-layer network (Jacot et al. 2018; Lee et al. 2020,
 * the paper's ref. [22]; Cho & Saul's arc-cosine kernel for ReLU, Williams' arcsine kernel for erf).
 *
 * Parameterisation (documented because the paper's numbers depend on it):
 *
 *   f(x) = √(c/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ),   aᵢ ~ N(0, aVar), wᵢ ~ N(0, wVar·I), bᵢ ~ N(0, bVar),
 *
 * all of a, w, b trained. With `param: 'standard'` (the default) the trained coordinates are a, w, b
 * themselves, so
 *
 *   Θ(x, y) = c·( E[σ(u)σ(v)] + aVar·(x·y + 1)·E[σ'(u)σ'(v)] ),
 *
 * with (u, v) ~ N(0, Σ), Σ = [[wVar|x|² + bVar, wVar x·y + bVar], [·, wVar|y|² + bVar]]. The
 * paper's discriminator and App. G generator use c = 2 (the √(2/width) read-out); App. G's numbers
 * (g₁, g₂) ≈ (4.5, 1.1) (ReLU) and (10.6, 5.2) (erf) come out of exactly this form with c = 2, inputs
 * on the unit sphere (see src/claims/eff/appg-values.ts). With `param: 'ntk'` the trained coordinates
 * are the standardised ω = w/√wVar, β = b/√bVar, α = a/√aVar, so Θ = c·(aVar E[σσ] + aVar (wVar x·y + bVar) E[σ'σ']).
 * `c` defaults to 1. The kernel is that of one output; the paper's δᵢⱼ (eq. 20) multiplies it.
 */
import type { Kernel } from './kernel.ts';

export type AnalyticActivation = 'relu' | 'erf';

export interface AnalyticNtkOptions {
  activation: AnalyticActivation;
  /** Variance of the hidden weights' entries. */
  wVar: number;
  /** Variance of the hidden biases (0 allowed). */
  bVar: number;
  /** Variance of the read-out weights (default 1). */
  aVar?: number;
  /** 'standard' (default) or 'ntk' (see the file comment). */
  param?: 'standard' | 'ntk';
  /** Output scale c in √(c/H) (default 1; the paper's networks use 2). */
  c?: number;
}

/** E[σ(u)σ(v)], E[σ'(u)σ'(v)] and their partial derivatives in (s11, s12), for (u,v) ~ N(0, Σ). */
export interface GaussMoments {
  ee: number;
  dd: number;
  /** ∂ee/∂s11, ∂ee/∂s12, ∂dd/∂s11, ∂dd/∂s12 (filled by the *WithGrad variants). */
  ee11: number;
  ee12: number;
  dd11: number;
  dd12: number;
}

export function newMoments(): GaussMoments {
  return { ee: 0, dd: 0, ee11: 0, ee12: 0, dd11: 0, dd12: 0 };
}

/**
 * ReLU: arc-cosine kernels of order 1 and 0 (Cho & Saul 2009), with θ = arccos(s12/√(s11 s22)):
 * E[σσ] = (√det + s12(π − θ))/(2π), E[σ'σ'] = (π − θ)/(2π). Derivatives derived by hand:
 * ∂ee/∂s12 = (π − θ)/(2π), ∂ee/∂s11 = √det/(4π s11), ∂dd/∂s12 = 1/(2π√det), ∂dd/∂s11 = −s12/(4π s11 √det).
 */
export function reluMoments(s11: number, s22: number, s12: number, out: GaussMoments = newMoments()): GaussMoments {
  const q = Math.sqrt(s11 * s22);
  if (q === 0) {
    out.ee = 0; out.dd = 0.25; out.ee11 = 0; out.ee12 = 0.25; out.dd11 = 0; out.dd12 = 0;
    return out;
  }
  let cos = s12 / q;
  if (cos > 1) cos = 1;
  else if (cos < -1) cos = -1;
  const theta = Math.acos(cos);
  const det = Math.max(s11 * s22 - s12 * s12, 0);
  const sd = Math.sqrt(det);
  out.ee = (sd + s12 * (Math.PI - theta)) / (2 * Math.PI);
  out.dd = (Math.PI - theta) / (2 * Math.PI);
  out.ee12 = out.dd;
  out.ee11 = sd / (4 * Math.PI * s11);
  // At det = 0 (x ∥ y) the order-0 arc-cosine kernel has a kink: its derivative is unbounded.
  out.dd12 = sd > 0 ? 1 / (2 * Math.PI * sd) : Infinity;
  out.dd11 = sd > 0 ? -s12 / (4 * Math.PI * s11 * sd) : -Infinity;
  return out;
}

/**
 * erf: Williams' arcsine kernel E[erf(u)erf(v)] = (2/π) arcsin(2s12/√(AB)), A = 1 + 2s11,
 * B = 1 + 2s22; and E[erf'(u)erf'(v)] = (4/π)/√(AB − 4s12²) (erf' = 2e^{−u²}/√π).
 */
export function erfMoments(s11: number, s22: number, s12: number, out: GaussMoments = newMoments()): GaussMoments {
  const A = 1 + 2 * s11;
  const B = 1 + 2 * s22;
  const sab = Math.sqrt(A * B);
  const r = (2 * s12) / sab;
  const om = Math.sqrt(Math.max(1 - r * r, 0));
  out.ee = (2 / Math.PI) * Math.asin(Math.max(-1, Math.min(1, r)));
  const g = A * B - 4 * s12 * s12;
  const gm12 = 1 / Math.sqrt(g);
  out.dd = (4 / Math.PI) * gm12;
  out.ee12 = (2 / Math.PI) * (2 / sab) / om;
  out.ee11 = (2 / Math.PI) * (-r / A) / om;
  const gm32 = gm12 * gm12 * gm12;
  out.dd12 = (4 / Math.PI) * 4 * s12 * gm32;
  out.dd11 = -(4 / Math.PI) * B * gm32;
  return out;
}

function checkOpts(opts: AnalyticNtkOptions): Required<AnalyticNtkOptions> {
  const { activation, wVar, bVar } = opts;
  const aVar = opts.aVar ?? 1;
  const c = opts.c ?? 1;
  const param = opts.param ?? 'standard';
  if (activation !== 'relu' && activation !== 'erf') throw new RangeError(`analyticNtkKernel: activation must be 'relu' or 'erf', got ${String(activation)}`);
  if (!(wVar > 0) || !Number.isFinite(wVar)) throw new RangeError(`analyticNtkKernel: wVar must be a positive finite number, got ${wVar}`);
  if (!(bVar >= 0) || !Number.isFinite(bVar)) throw new RangeError(`analyticNtkKernel: bVar must be a non-negative finite number, got ${bVar}`);
  if (!(aVar >= 0) || !Number.isFinite(aVar)) throw new RangeError(`analyticNtkKernel: aVar must be a non-negative finite number, got ${aVar}`);
  if (!(c > 0) || !Number.isFinite(c)) throw new RangeError(`analyticNtkKernel: c must be a positive finite number, got ${c}`);
  if (param !== 'standard' && param !== 'ntk') throw new RangeError(`analyticNtkKernel: param must be 'standard' or 'ntk', got ${String(param)}`);
  return { activation, wVar, bVar, aVar, c, param };
}

function dotLen(x: Float64Array, y: Float64Array): [number, number, number] {
  if (x.length !== y.length) throw new RangeError(`analyticNtkKernel: x and y must have the same length, got ${x.length} and ${y.length}`);
  let xx = 0, yy = 0, xy = 0;
  for (let i = 0; i < x.length; i++) {
    xx += x[i]! * x[i]!;
    yy += y[i]! * y[i]!;
    xy += x[i]! * y[i]!;
  }
  return [xx, yy, xy];
}

/** Θ as a function of the three inner products (|x|², |y|², x·y): what the universality claims use. */
export function analyticNtkFromDots(opts: AnalyticNtkOptions, xx: number, yy: number, xy: number): number {
  const o = checkOpts(opts);
  const m = (o.activation === 'relu' ? reluMoments : erfMoments)(o.wVar * xx + o.bVar, o.wVar * yy + o.bVar, o.wVar * xy + o.bVar);
  const gw = o.param === 'standard' ? 1 : o.wVar;
  const gb = o.param === 'standard' ? 1 : o.bVar;
  const ga = o.param === 'standard' ? 1 : o.aVar;
  return o.c * (ga * m.ee + o.aVar * (gw * xy + gb) * m.dd);
}

/** The one-hidden-layer infinite-width NTK as a Kernel (k and gradX; see the file comment). */
export function analyticNtkKernel(opts: AnalyticNtkOptions): Kernel {
  const o = checkOpts(opts);
  const moments = o.activation === 'relu' ? reluMoments : erfMoments;
  const gw = o.param === 'standard' ? 1 : o.wVar;
  const gb = o.param === 'standard' ? 1 : o.bVar;
  const ga = o.param === 'standard' ? 1 : o.aVar;
  const m = newMoments();
  return {
    name: `ntk-${o.activation}(wVar=${o.wVar},bVar=${o.bVar},aVar=${o.aVar},${o.param},c=${o.c})`,
    k(x, y) {
      const [xx, yy, xy] = dotLen(x, y);
      moments(o.wVar * xx + o.bVar, o.wVar * yy + o.bVar, o.wVar * xy + o.bVar, m);
      return o.c * (ga * m.ee + o.aVar * (gw * xy + gb) * m.dd);
    },
    /**
     * ∇ₓΘ by the chain rule through s11 = wVar|x|² + bVar (∂/∂x = 2wVar x) and
     * s12 = wVar x·y + bVar (∂/∂x = wVar y), plus the explicit x·y factor. Unbounded for ReLU when x ∥ y.
     */
    gradX(x, y, out = new Float64Array(x.length)) {
      const [xx, yy, xy] = dotLen(x, y);
      moments(o.wVar * xx + o.bVar, o.wVar * yy + o.bVar, o.wVar * xy + o.bVar, m);
      const lin = o.aVar * (gw * xy + gb);
      const d11 = ga * m.ee11 + lin * m.dd11; // ∂Θ/∂s11 / c
      const d12 = ga * m.ee12 + lin * m.dd12; // ∂Θ/∂s12 / c
      const dxy = o.aVar * gw * m.dd; // explicit ∂/∂(x·y) / c
      for (let i = 0; i < x.length; i++) {
        out[i] = o.c * (d11 * 2 * o.wVar * x[i]! + d12 * o.wVar * y[i]! + dxy * y[i]!);
      }
      return out;
    },
  };
}
