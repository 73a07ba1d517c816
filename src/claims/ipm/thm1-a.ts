/**
 * 002 Theorem 1(a): Δᵢ > 0 ⇒ the equilibrium (θᵢ*, x̃ⱼ* = xᵢ) of (12) is locally stable for small η_d.
 * Generated: d ≤ 3, kernel (exact RBF / RFF), |Nᵢ| ∈ [1, 4], masses, pᵢ = (1 + r)Σp̃, r ∈ [0.05, 2],
 * λ, μ. Why it holds: the characteristic equation s + λ + gμ Σ p̃ⱼ²/(s + a p̃ⱼ) = 0 (a = μΔh/λ > 0) per
 * kernel eigen-direction has no root with Re s ≥ 0 (the real part of the left side is ≥ λ there).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { systemsOf } from './systems.ts';
import { masses, thm1Base, thm1Stability, THM1_SETUP } from './thm1-common.ts';

export const ipmThm1A = property({
  id: 'ipm.thm1.a',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: 'Theorem 1(a)' },
  statement: 'if the parameters kᵢ, λ and μ = η_g/η_d are fixed, then, for sufficiently small step size η_d: (a) If Δᵢ > 0, the equilibrium point is locally stable.',
  checks: 'For generated d ≤ 3, kernel (exact RBF, RFF), |Nᵢ| ≤ 4, masses with Δᵢ > 0, λ, μ: spectral radius of the FD Jacobian of the one-step map at the equilibrium < 1, at η_d = ½ the exact linearised bound (and at η_d/8).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['kernel', 'ipm'],
  exercises: ['isolated-points'],
  setup: THM1_SETUP,
  arbitrary: fc.record({ ...thm1Base, pTilde: masses(1, 4), ratio: fc.double({ min: 1.05, max: 3, noNaN: true }) }),
  check: (inst, ctx) => {
    const r = thm1Stability(inst, systemsOf(ctx));
    if (r.undecidable) return { undecidable: 1 };
    ensure(r.delta > 0, 'generator produced Δ ≤ 0', { delta: r.delta });
    ensure(r.rho < 1, `Δ = ${r.delta} > 0 but the equilibrium is unstable: ρ = ${r.rho} at η_d = ${r.etaD}`, { ...r });
    return { undecidable: 0, rho: r.rho, etaD: r.etaD, delta: r.delta, margin: 1 - r.rho, jacRelErr: r.jacRelErr };
  },
});
