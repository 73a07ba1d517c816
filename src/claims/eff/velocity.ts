/**
 * eff.velocity — 001 eq. 25–26: the coarse-grained NTK's double sum reduces to a local term and a
 * mean-field term. Checked: the O(N) form the particle model uses (coupledVelocity, eq. 26) against
 * the literal 4-index sum of eq. 25 (coupledVelocityDirect), for generated gradients, N, g₁, g₂.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensureAllClose } from '../assert.ts';
import { coupledVelocityDirect } from '../../systems/particle-gan/coupling.ts';
import { particleSystem } from './systems.ts';

/** Relative Frobenius tolerance: both sides sum ≤ 200 terms of magnitude ≤ 10³·10³; a few hundred ulps. */
const RTOL = 1e-12;

export const effVelocity = property({
  id: 'eff.velocity',
  source: { paper: '001_cb8436cba21c199a.txt', where: '§IV.A, eq. 25–26' },
  statement: 'dX_a^i/dt = (α_G/N) Σ_{b,j} Γ^{i,j}_{a,b} ∇_j D(X_b) = α_G ((g_1 − g_2)/N ∇_i D(X_a) + g_2 ⟨∇_i D(X)⟩).',
  checks: 'For generated N ∈ [1, 60], d ∈ [1, 3], g₁, g₂ ∈ [0, 10³], α_G and gradients, the O(N) velocity of eq. 26 equals the literal double sum of eq. 25 with Γ = δᵢⱼ(g₁δₐᵦ + g₂(1 − δₐᵦ)) (relative Frobenius error ≤ 1e-12, or absolute ≤ 1e-12·α_G(g₁ + g₂)‖∇D‖ where the result cancels).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['particle-gan'],
  arbitrary: fc.record({
    N: fc.integer({ min: 1, max: 60 }),
    d: fc.integer({ min: 1, max: 3 }),
    g1: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true })),
    g2: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true })),
    alphaG: fc.double({ min: 1e-3, max: 10, noNaN: true }),
    grads: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 180, maxLength: 180 }),
  }),
  check: ({ N, d, g1, g2, alphaG, grads }, ctx) => {
    const grad = new Float64Array(N * d);
    for (let k = 0; k < N * d; k++) grad[k] = grads[k]!;
    const fast = particleSystem(ctx).velocity({ g1, g2 }, alphaG, grad, N, d);
    const direct = coupledVelocityDirect({ g1, g2 }, alphaG, grad, N, d);
    // Error scale: eq. 26 subtracts g₂∇D(Xₐ) from g₁∇D(Xₐ), so when g₂ ≫ g₁ the rounding is relative
    // to α_G(g₁ + g₂)‖∇D‖, not to the (possibly tiny) result.
    let gmax = 0;
    for (const g of grad) gmax = Math.max(gmax, Math.abs(g));
    const relErr = ensureAllClose('eq. 26 vs eq. 25', fast, direct, RTOL, RTOL * alphaG * (g1 + g2) * gmax * Math.sqrt(N * d));
    return { relErr };
  },
});
