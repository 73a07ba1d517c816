/**
 * eff.reg-identity — 001 eq. 28–29: the NTK form of the gradient regulariser,
 * (β/N²)Σₐᵦ ∇D(Xₐ)ᵀΓₐᵦ∇D(X_b) = β(g₂|⟨∇D⟩|² + (g₁ − g₂)/N ⟨|∇D|²⟩). The double sum is computed
 * literally (regularizerDirect, not part of the system) and compared with the system's reduced form
 * (`particle-gan`'s regularizer), the one the discriminator's loss uses.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensureClose } from '../assert.ts';
import { regularizerDirect } from '../../systems/particle-gan/coupling.ts';
import { particleSystem } from './systems.ts';

/** Both sides are sums of ≤ N² products of O(10⁶): relative 1e-11 leaves room for N² roundings. */
const RTOL = 1e-11;

export const effRegIdentity = property({
  id: 'eff.reg-identity',
  source: { paper: '001_cb8436cba21c199a.txt', where: '§V, eq. 28–29' },
  statement: '(β/N²) Σ_{a,b} ∇_i D(X_a) Γ^{i,j}_{a,b} ∇_j D(X_b) = β (g_2 |⟨∇D(X)⟩|² + (g_1 − g_2)/N ⟨|∇D(X)|²⟩).',
  checks: 'For generated N ∈ [1, 50], d ∈ [1, 3], g₁, g₂ ≥ 0, β and gradients: the literal double sum equals eq. 29 (rtol 1e-11, atol 1e-12 of the scale of the terms).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['particle-gan'],
  arbitrary: fc.record({
    N: fc.integer({ min: 1, max: 50 }),
    d: fc.integer({ min: 1, max: 3 }),
    g1: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true })),
    g2: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true })),
    beta: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e4, noNaN: true })),
    grads: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 150, maxLength: 150 }),
  }),
  check: ({ N, d, g1, g2, beta, grads }, ctx) => {
    const grad = Float64Array.from({ length: N * d }, (_, k) => grads[k]!);
    const direct = regularizerDirect({ g1, g2 }, beta, grad, N, d);
    const reduced = particleSystem(ctx).regularizer({ g1, g2 }, beta, grad, N, d);
    let scale = 0;
    for (const g of grad) scale += g * g;
    const termScale = beta * (g1 + g2) * scale / N;
    const err = ensureClose('eq. 28 vs eq. 29', reduced, direct, { rtol: RTOL, atol: 1e-12 * termScale });
    return { relErr: err / Math.max(Math.abs(direct), termScale, Number.MIN_VALUE) };
  },
});
