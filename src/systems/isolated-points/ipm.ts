/**
 * The `ipm` system (`--impl ipm=./file.ts`): the Isolated Points Model's dynamics (002 §2) as a
 * user writes them — the simultaneous gradient step of the discriminator and the generated points.
 *
 * Data (eq. 1): true points xᵢ with masses pᵢ, generated points x̃ⱼ with masses p̃ⱼ; ridge λ,
 * steps η_d, η_g (μ = η_g/η_d). Two representations of the same step:
 *   parameter space, f(x, θ) = a(x)ᵀθ (eq. 2):
 *     θᵏ⁺¹  = θᵏ + η_d (Σᵢ pᵢ a(xᵢ) − Σⱼ p̃ⱼ a(x̃ⱼᵏ) − λθᵏ)                     (4)
 *     x̃ⱼᵏ⁺¹ = x̃ⱼᵏ + η_g p̃ⱼ ∇ₓf(x̃ⱼᵏ, θᵏ)       'simultaneous' (9)
 *           = x̃ⱼᵏ + η_g p̃ⱼ ∇ₓf(x̃ⱼᵏ, θᵏ⁺¹)     'alternating'  (11b)
 *   function space, any kernel K (eq. 5, 6):
 *     fᵏ⁺¹ = fᵏ + η_d (Σᵢ pᵢ K(·, xᵢ) − Σⱼ p̃ⱼ K(·, x̃ⱼᵏ) − λfᵏ)                 (5)
 *     x̃ⱼᵏ⁺¹ = x̃ⱼᵏ + η_g p̃ⱼ ∇fᵏ(x̃ⱼᵏ)  (or ∇fᵏ⁺¹ for 'alternating').
 * The claims check these against closed forms (θ* and f* of Theorem 1, eq. 26), against each other
 * (eq. 4 ⇔ 5), and linearise them by finite differences at an equilibrium, comparing with the
 * analytic linearisation J = I + η_d M of region.ts (the Jacobian Theorems 1–2 are about).
 * The built-in delegates to ParamSpaceIpm and FunctionSpaceIpm.
 */
import type { FeatureMap } from '../../kernels/finite-feature.ts';
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { FunctionSpaceIpm, type BaseFunction } from './function-space.ts';
import { ParamSpaceIpm } from './param-space.ts';
import type { IpmPoints, IpmSteps, Scheme } from './types.ts';

/** A discriminator as the generator sees it: f and ∇ₓf. */
export interface Discriminator {
  value(x: Float64Array): number;
  grad(x: Float64Array, out: Float64Array): Float64Array;
}

/** A function-space run of (5) + (9)/(11b), from f⁰ = f_init + Σᵢ c⁰ᵢ K(·, xᵢ) (+ bumps added). */
export interface IpmRun {
  /** Generated points x̃ᵏ, Ng×d row-major; claims may overwrite them between steps. */
  readonly x: Float64Array;
  /** The current discriminator fᵏ. */
  readonly f: Discriminator;
  /** fᵏ ← fᵏ + w K(·, z) (a perturbation, or part of a constructed f⁰). */
  addBump(z: Float64Array, w: number): void;
  /** One step k → k + 1 of (5) and (9) (or 11b). */
  step(): void;
}

export interface IpmStart {
  /** An initial function added to f⁰ (e.g. a(·)ᵀθ⁰, or a perturbation); it decays by (1 − η_dλ) per step under (5). */
  f0?: BaseFunction;
  /** Initial weights c⁰ᵢ on K(·, xᵢ) (e.g. Theorem 1's f* = (Δᵢ/λ) K(·, xᵢ)). */
  c0?: Float64Array;
}

export interface Ipm {
  /**
   * One step of (4) + (9) (or 11b) from θᵏ = `theta` and X̃ᵏ = `points.genX`; returns new arrays
   * (θᵏ⁺¹, X̃ᵏ⁺¹) and leaves the inputs unchanged.
   */
  paramStep(map: FeatureMap, points: IpmPoints, steps: IpmSteps, scheme: Scheme, theta: Float64Array): { theta: Float64Array; genX: Float64Array };
  /** Starts a function-space run of (5) + (9) (or 11b) with kernel K at X̃⁰ = `points.genX`. */
  functionSpace(kernel: FullKernel, points: IpmPoints, steps: IpmSteps, scheme: Scheme, start?: IpmStart): IpmRun;
}

export const isolatedPoints: Ipm = {
  paramStep(map, points, steps, scheme, theta) {
    const sys = new ParamSpaceIpm(map, points, steps, scheme, theta);
    sys.step();
    return { theta: sys.theta.slice(), genX: sys.x.slice() };
  },
  functionSpace: (kernel, points, steps, scheme, start) => new FunctionSpaceIpm(kernel, points, steps, scheme, start?.f0 ?? null, start?.c0),
};
