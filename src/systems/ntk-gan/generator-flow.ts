/**
 * 004 "Consequence: the generator minimizes the MMD". With the IPM discriminator fₜ = f₀ + t·f_α̂,
 * the generator's gradient E_z[∇θ g(z)ᵀ ∇ₓ(c∘f)(g(z))] only sees ∇f_α̂ (f₀ is fixed). For a
 * generator that moves its samples freely (a particle model), one step is
 *   xᵢ ← xᵢ − η ∇f_α̂(xᵢ),
 * a forward-Euler step of the MMD gradient flow of Arbel et al. (2019): ∂MMD²/∂xᵢ = (2/n)∇f_α̂(xᵢ)
 * for a symmetric kernel, so dMMD²/dt = −(2/n)Σᵢ‖∇f_α̂(xᵢ)‖² ≤ 0 in continuous time.
 */
import type { Kernel } from '../../kernels/kernel.ts';
import { mmd2Biased } from '../../metrics/mmd.ts';
import { witnessGradient } from './ipm-closed-form.ts';
import { checkPointList } from './training-measure.ts';

export interface GeneratorFlowResult {
  /** MMD²_k(α̂_s, β̂) after s steps, s = 0…steps (length steps + 1, or shorter if diverged). */
  mmd2: Float64Array;
  /** (2/n)Σᵢ‖∇f_α̂(xᵢ)‖² at each step before moving: the continuous-time rate of decrease. */
  rate: Float64Array;
  /** Final particle positions. */
  xs: Float64Array[];
  divergedAtStep?: number;
}

/** One simultaneous step of every particle along −∇f_α̂; returns (2/n)Σ‖∇f_α̂(xᵢ)‖² before the step. */
export function generatorParticleStep(kernel: Kernel, xs: Float64Array[], ys: readonly Float64Array[], eta: number): number {
  const n = xs.length;
  const d = xs[0]!.length;
  const grads = xs.map((x) => witnessGradient(kernel, xs, ys, x, new Float64Array(d)));
  let rate = 0;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      rate += grads[i]![a]! ** 2;
      xs[i]![a]! -= eta * grads[i]![a]!;
    }
  }
  return (2 / n) * rate;
}

/** One step of a particle generator: the new positions from the current ones (the `ntk-gan` system's generatorStep). */
export type ParticleStep = (kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[], eta: number) => Float64Array[];

/** (2/n)Σᵢ‖∇f_α̂(xᵢ)‖²: the continuous-time rate of decrease of MMD² under xᵢ' = −∇f_α̂(xᵢ). */
export function mmdDescentRate(kernel: Kernel, xs: readonly Float64Array[], ys: readonly Float64Array[]): number {
  const d = xs[0]!.length;
  let rate = 0;
  for (const x of xs) for (const g of witnessGradient(kernel, xs, ys, x, new Float64Array(d))) rate += g * g;
  return (2 / xs.length) * rate;
}

/**
 * `steps` particle steps from xs0, recording MMD²_k(α̂_s, β̂) (src/metrics) after each. `step` is the
 * particle update (default: generatorParticleStep, in place; the claims pass the `ntk-gan` system's).
 */
export function runGeneratorFlow(kernel: Kernel, xs0: readonly Float64Array[], ys: readonly Float64Array[], eta: number, steps: number, step?: ParticleStep): GeneratorFlowResult {
  const d = checkPointList('runGeneratorFlow', 'xs0', xs0);
  checkPointList('runGeneratorFlow', 'ys', ys, d);
  if (!(eta > 0) || !Number.isFinite(eta)) throw new RangeError(`runGeneratorFlow: eta must be finite and > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`runGeneratorFlow: steps must be a non-negative integer, got ${steps}`);
  const xs = xs0.map((x) => Float64Array.from(x));
  const mmd2 = new Float64Array(steps + 1);
  const rate = new Float64Array(steps);
  mmd2[0] = mmd2Biased(kernel, xs, ys);
  for (let s = 0; s < steps; s++) {
    if (step) {
      rate[s] = mmdDescentRate(kernel, xs, ys);
      const next = step(kernel, xs, ys, eta);
      if (next.length !== xs.length) throw new RangeError(`runGeneratorFlow: the step returned ${next.length} particles, expected ${xs.length}`);
      next.forEach((x, i) => { xs[i] = Float64Array.from(x); });
    } else {
      rate[s] = generatorParticleStep(kernel, xs, ys, eta);
    }
    const v = mmd2Biased(kernel, xs, ys);
    mmd2[s + 1] = v;
    if (!Number.isFinite(v) || xs.some((x) => x.some((c) => !Number.isFinite(c)))) {
      return { mmd2: mmd2.slice(0, s + 2), rate: rate.slice(0, s + 1), xs, divergedAtStep: s + 1 };
    }
  }
  return { mmd2, rate, xs };
}
