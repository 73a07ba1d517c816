/**
 * The `ntk` system (`--impl ntk=./my-ntk.ts`): the infinite-width neural tangent kernel of a
 * one-hidden-layer network, the object 001 (App. G, eq. 20) and 004 (§3, eq. 6) reason with.
 *
 *   f(x) = √(c/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ),   Θ(x, y) = lim_{H→∞} ⟨∇_θ f(x), ∇_θ f(y)⟩
 *
 * with the parameterisation of `AnalyticNtkOptions` (ntk-analytic.ts: 'standard' or 'ntk',
 * activation ReLU (arc-cosine kernel, Cho & Saul) or erf (arcsine kernel, Williams)). The built-in
 * is the closed form; a user's may be any other computation of the same limit.
 */
import type { Kernel } from './kernel.ts';
import { analyticNtkFromDots, analyticNtkKernel, type AnalyticNtkOptions } from './ntk-analytic.ts';

export interface Ntk {
  /** Θ(x, y) from the three inner products |x|², |y|², x·y (Θ depends on x, y only through them). */
  fromDots(opts: AnalyticNtkOptions, xx: number, yy: number, xy: number): number;
  /** Θ as a Kernel: k(x, y) and ∇ₓΘ(x, y) (the generator flows of 004 §4 move particles along it). */
  kernel(opts: AnalyticNtkOptions): Kernel;
}

/** The closed forms of ntk-analytic.ts. */
export const analyticNtk: Ntk = { fromDots: analyticNtkFromDots, kernel: analyticNtkKernel };
