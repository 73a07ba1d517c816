/**
 * 002 §6 (role of the kernel width). With the discriminator converged (eq. 26) the generator sees
 * L(r) = (1/λ)(1 − e^{−r²/2σ²}), so ‖∇L‖ = (r/σ²λ) e^{−r²/2σ²}: vanishing for r ≪ σ (∝ r) and for
 * r ≫ σ (Gaussian tail), largest at r = σ. A multi-scale kernel (eq. 28, widths σ₁ < … < σ_S with
 * ratio q between neighbours) has ‖∇L‖ = Σₛ (r/σₛ²λ) e^{−r²/2σₛ²} ≥ e^{−1/2}/(qλσ_S) on [σ₁, σ_S]:
 * every r lies in some [σₛ/q, σₛ], where that term alone is ≥ (1/q)·e^{−1/2}/σₛ ≥ e^{−1/2}/(qσ_S).
 * Each single width is much weaker somewhere in [σ₁, σ_S]: the widest at r = σ₁ has ratio ≈ e^{1/2}/q²
 * ≤ 0.103 (q ≥ 4) to the multi-scale gradient, every other one is exponentially small at r = σ_S.
 * Gradients are computed from the kernel implementations (∇L = −(1/λ)∇ₓK(x̃, x₀) from f* of region.ts),
 * not from the formula, and the formula's derivative is cross-checked. The kernels are the `kernel`
 * system's K_σ (the statement is about the RBF's width, so its closed form is what K_σ must meet).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { sumKernels } from '../../kernels/multiscale.ts';
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { equilibriumDiscriminator } from '../../systems/isolated-points/index.ts';
import { kernelOf } from './systems.ts';

/** "Small": below this fraction of the peak gradient at r = σ/100 (analytically e^{1/2}/100 ≈ 0.0165) and r = 100σ (≈ 0). */
const SMALL = 0.02;
/** Log-grid points per decade of r. */
const PER_DECADE = 40;
/** Each single width must fall below this fraction of the multi-scale gradient somewhere in [σ₁, σ_S] (≈0.103 at q = 4, see header). */
const WEAKER = 0.15;

/** ‖∇L_g‖ at distance r for the converged discriminator f* = (1/λ)(K(·, x₀) − K(·, x̃₀)). */
function gradAt(kernel: FullKernel, r: number, lambda: number): number {
  const x0 = Float64Array.of(0, 0);
  const xt = Float64Array.of(r, 0);
  const fs = equilibriumDiscriminator(kernel, { d: 2, trueX: x0, p: Float64Array.of(1), xs: xt, pTilde: Float64Array.of(1), lambda });
  return Math.hypot(...fs.grad(xt)); // L_g = −f*(x̃₀): ∇L_g = −∇f*(x̃₀)
}

export const ipmKernelWidth = property({
  id: 'ipm.kernel-width',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: '§6, §8 (eq. 26–28)' },
  statement: 'if the kernel width σ is very large, the loss will have a small gradient when x̃₀ is close to x₀ … if σ is very small, the loss will have a small gradient when x̃₀ is far from x₀. … The overall kernel (28) will have a heavy tail component due to the "wide" kernel K₁(x). … since K₂(x) has a small width, the kernel will have a "sharp" component.',
  checks: `For generated σ, λ: ‖∇L_g‖ at r = σ/100 and 100σ is < ${SMALL} of its value at σ and the maximum over a log grid of r is at σ (grid resolution); for generated 2–4 widths with ratio q ∈ [4, 8]: the multi-scale gradient is ≥ e^{−1/2}/(qλσ_max) on all of [σ_min, σ_max] and every single width drops below ${WEAKER} of it somewhere there.`,
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['kernel'],
  exercises: ['isolated-points'],
  arbitrary: fc.record({
    sigma: fc.double({ min: 0.01, max: 100, noNaN: true }), lambda: fc.double({ min: 0.01, max: 10, noNaN: true }),
    s1: fc.double({ min: 0.01, max: 1, noNaN: true }), q: fc.double({ min: 4, max: 8, noNaN: true }), S: fc.integer({ min: 2, max: 4 }),
  }),
  check: ({ sigma, lambda, s1, q, S }, ctx) => {
    const rbfKernel = kernelOf(ctx);
    const K = rbfKernel(sigma);
    const peak = gradAt(K, sigma, lambda);
    ensureClose('‖∇L‖ at r = σ vs derivative of eq. (26)', peak, Math.exp(-0.5) / (sigma * lambda), { rtol: 1e-12 });
    const near = gradAt(K, sigma / 100, lambda) / peak;
    const far = gradAt(K, 100 * sigma, lambda) / peak;
    ensure(near < SMALL && far < SMALL, `gradient not small away from σ: ratio ${near} at σ/100, ${far} at 100σ`, { near, far });
    let best = 0;
    let argmax = 0;
    for (let i = -3 * PER_DECADE; i <= 3 * PER_DECADE; i++) {
      const r = sigma * 10 ** (i / PER_DECADE);
      const g = gradAt(K, r, lambda);
      if (g > best) [best, argmax] = [g, r];
    }
    ensure(Math.abs(Math.log10(argmax / sigma)) <= 1 / PER_DECADE, `largest gradient at r = ${argmax}, not near σ = ${sigma}`, { argmax, sigma });
    // multi-scale
    const widths = Array.from({ length: S }, (_, s) => s1 * q ** s);
    const multi = sumKernels(widths.map((w) => rbfKernel(w)));
    const singles = widths.map((w) => rbfKernel(w));
    const smax = widths[S - 1]!;
    const bound = Math.exp(-0.5) / (q * lambda * smax);
    let minMulti = Infinity;
    const weakest = widths.map(() => Infinity);
    for (let r = s1; r <= smax * (1 + 1e-12); r *= 10 ** (1 / PER_DECADE)) {
      const gm = gradAt(multi, r, lambda);
      minMulti = Math.min(minMulti, gm * lambda * smax);
      ensure(gm >= bound, `multi-scale gradient ${gm} at r = ${r} below e^{−1/2}/(qλσ_max) = ${bound}`, { r, gm, bound });
      singles.forEach((k, s) => { weakest[s] = Math.min(weakest[s]!, gradAt(k, r, lambda) / gm); });
    }
    weakest.forEach((w, s) => ensure(w < WEAKER, `single width σ = ${widths[s]} never drops below ${WEAKER} of the multi-scale gradient on [σ₁, σ_S] (min ratio ${w})`, { w }));
    return { nearRatio: near, farRatio: far, multiMinTimesLambdaSigmaMax: minMulti, boundTimesLambdaSigmaMax: bound * lambda * smax, worstSingleRatio: Math.max(...weakest) };
  },
});
