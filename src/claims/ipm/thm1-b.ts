/**
 * 002 Theorem 1(b): Δᵢ < 0 and |Nᵢ| ≥ 1 ⇒ locally unstable.
 *
 * As printed it fails for |Nᵢ| = 1: then case (c) applies and can certify stability with Δᵢ < 0
 * (the two cases contradict each other). Derivation: per eigen-direction of ∇ₓ∇ₓ′K = −∇²ₓK (equal
 * for translation-invariant kernels) with curvature h and one generated point, the linearised
 * generator is [[−λ, −p̃h], [μp̃, μp̃|Δ|h/λ]]: trace −λ + μp̃|Δ|h/λ, determinant μp̃h(p̃ − |Δ|) =
 * μp̃h·pᵢ > 0. So it is stable iff λ² > μp̃|Δ|h, which small |Δ| allows.
 * Corrected reading (ipm.thm1.b.corrected): |Nᵢ| ≥ 2. With n ≥ 2 points the characteristic
 * function s + λ + hμ Σ p̃ⱼ²/(s − a p̃ⱼ) (a = μ|Δ|h/λ > 0) runs from +∞ to −∞ between consecutive
 * poles a p̃ⱼ > 0, so it has a real positive root (equal masses: s = a p̃ itself is an eigenvalue).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { systemsOf } from './systems.ts';
import { masses, thm1Base, thm1Stability, THM1_SETUP, type Thm1Instance } from './thm1-common.ts';

const STATEMENT = 'for sufficiently small step size η_d: (b) If Δᵢ < 0 and |Nᵢ| ≥ 1, the equilibrium point is locally unstable.';

function make(id: string, minN: number, expect: 'holds' | 'refuted', notes: string) {
  return property({
    id,
    source: { paper: '002_dc3675b0aaa76cd0.txt', where: 'Theorem 1(b)' },
    statement: STATEMENT,
    checks: `For generated d ≤ 3, kernel (exact RBF, RFF), |Nᵢ| ∈ [${minN}, 4], masses with Δᵢ < 0 (pᵢ = r·Σp̃, r ∈ [0.05, 0.95]), λ, μ: the FD Jacobian of the one-step map at the equilibrium has spectral radius > 1 at η_d = ½ the linearised bound.`,
    tier: 'fast', kind: 'property', expect, notes,
    systems: ['kernel', 'ipm'],
    exercises: ['isolated-points'],
    setup: THM1_SETUP,
    arbitrary: fc.record({ ...thm1Base, pTilde: masses(minN, 4), ratio: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }),
    check: (inst: Thm1Instance, ctx) => {
      const r = thm1Stability(inst, systemsOf(ctx));
      if (r.undecidable) return { undecidable: 1 };
      ensure(r.delta < 0, 'generator produced Δ ≥ 0', { delta: r.delta });
      ensure(r.rho > 1, `Δ = ${r.delta} < 0, |Nᵢ| = ${inst.pTilde.length}, but the equilibrium is stable: ρ = ${r.rho} at η_d = ${r.etaD}`, { ...r, n: inst.pTilde.length });
      return { undecidable: 0, rho: r.rho, etaD: r.etaD, delta: r.delta, n: inst.pTilde.length, jacRelErr: r.jacRelErr };
    },
  });
}

export const ipmThm1B = make('ipm.thm1.b', 1, 'refuted',
  'Refuted as printed for |Nᵢ| = 1: e.g. one generated point with small deficit |Δ| and λ² > μp̃|Δ|h is stable (the case (c) condition holds). See ipm.thm1.b.corrected.');
export const ipmThm1BCorrected = make('ipm.thm1.b.corrected', 2, 'holds',
  'Reading: Δᵢ < 0 and |Nᵢ| ≥ 2 ⇒ unstable. Derivation in src/claims/ipm/thm1-b.ts: with n ≥ 2 the characteristic function has a positive real root between consecutive poles μ|Δ|h p̃ⱼ/λ (or the pole itself for equal masses).');
