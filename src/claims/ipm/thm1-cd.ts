/**
 * 002 Theorem 1(c), (d): one generated point (|Nᵢ| = 1, mass p̃).
 *   (c) μΔk₁p̃ + min{λ², μp̃²k₃} > 0 ⇒ stable;   (d) μΔk₂p̃ + min{λ², μp̃²k₄} < 0 ⇒ unstable.
 * Derivation (per eigen-direction of ∇ₓ∇ₓ′K(xᵢ,xᵢ) = g and −∇²ₓK(xᵢ,xᵢ) = h, which share
 * eigenvectors for translation-invariant kernels): the linearised generator [[−λ, −p̃g], [μp̃, −μp̃Δh/λ]]
 * has trace −(λ² + μp̃Δh)/λ and determinant μp̃(Δh + p̃g), so the direction is stable iff
 *   μΔp̃h + min{λ², μp̃²g} > 0   (both λ² + μp̃Δh > 0 and μp̃Δh + μp̃²g > 0).
 * Over h ∈ [k₁, k₂], g ∈ [k₃, k₄] the worst case for Δ < 0 is h = k₂ (largest curvature), not k₁:
 * (c) as printed is refuted by anisotropic kernels (RFF with k₁ < k₂) when Δ < 0, while for the
 * RBF (k₁ = k₂) it is exact. Corrected (c): μΔp̃·(Δ ≥ 0 ? k₁ : k₂) + min{λ², μp̃²k₃} > 0.
 * (d) as printed is right: the direction with h = k₂ has g ≤ k₄, so the printed inequality makes
 * its trace or determinant condition fail.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { systemsOf, type IpmSystems } from './systems.ts';
import { buildRegion, thm1Base, thm1Stability, THM1_SETUP, type Thm1Instance } from './thm1-common.ts';

type Cond = 'c' | 'c.corrected' | 'd';

/** Left side of (19), (20) or the corrected (19) for one generated point of mass p̃. */
export function thm1Condition(cond: Cond, mu: number, delta: number, p: number, lambda: number, k: { k1: number; k2: number; k3: number; k4: number }): number {
  if (cond === 'c') return mu * delta * k.k1 * p + Math.min(lambda * lambda, mu * p * p * k.k3);
  if (cond === 'd') return mu * delta * k.k2 * p + Math.min(lambda * lambda, mu * p * p * k.k4);
  return mu * delta * (delta >= 0 ? k.k1 : k.k2) * p + Math.min(lambda * lambda, mu * p * p * k.k3);
}

/**
 * λ is generated on the scale where (19)/(20) are decided: λ² = u·μp̃·max(|Δ|, 0.05p̃)·(k₁+k₂)/2,
 * u = 0.1·eᵗ, t ∈ [0, ln 100] (a plain λ range would make nearly every instance vacuous).
 */
/** |left side| below this fraction of its terms' size is the boundary of (19)/(20), which the theorem excludes: skipped. */
const PREMISE_RTOL = 1e-4;

const arbitrary = fc.record({
  ...thm1Base,
  lambda: fc.constant(1),
  p1: fc.double({ min: 0.05, max: 1, noNaN: true }),
  ratio: fc.double({ min: 0.05, max: 3, noNaN: true }),
  logU: fc.double({ min: 0, max: Math.log(100), noNaN: true }),
});

function instanceOf(a: Omit<Thm1Instance, 'pTilde' | 'ratio'> & { p1: number; ratio: number; logU: number }, sys: IpmSystems): Thm1Instance {
  const base: Thm1Instance = { ...a, pTilde: [a.p1], lambda: 1 };
  const b = buildRegion(base, sys);
  const { k1, k2 } = b.consts;
  const lam2 = 0.1 * Math.exp(a.logU) * a.mu * a.p1 * Math.max(Math.abs(b.delta), 0.05 * a.p1) * 0.5 * (k1 + k2);
  return { ...base, lambda: Math.sqrt(lam2) };
}

function make(id: string, cond: Cond, expect: 'holds' | 'refuted', statement: string, notes?: string) {
  const wantStable = cond !== 'd';
  return property({
    id,
    source: { paper: '002_dc3675b0aaa76cd0.txt', where: `Theorem 1(${cond[0]}), eq. (${cond === 'd' ? 20 : 19})` },
    statement,
    checks: `For generated d ≤ 3, kernel (exact RBF, RFF with k₁ < k₂), one generated point, masses, μ and λ on the scale of the condition: whenever ${cond === 'd' ? '(20)' : cond === 'c' ? '(19) as printed' : 'the corrected (19)'} holds with k₁…k₄ computed from the kernel (eq. 17), the FD Jacobian at the equilibrium has spectral radius ${wantStable ? '< 1' : '> 1'}.`,
    tier: 'fast', kind: 'property', expect, notes,
    systems: ['kernel', 'ipm'],
    exercises: ['isolated-points'],
    setup: THM1_SETUP,
    arbitrary,
    check: (a, ctx) => {
      const sys = systemsOf(ctx);
      const inst = instanceOf(a, sys);
      const b = buildRegion(inst, sys);
      const lhs = thm1Condition(cond, inst.mu, b.delta, inst.pTilde[0]!, inst.lambda, b.consts);
      const k = b.consts;
      const size = inst.lambda ** 2 + inst.mu * Math.abs(b.delta) * k.k2 * inst.pTilde[0]! + inst.mu * inst.pTilde[0]! ** 2 * k.k4;
      if (Math.abs(lhs) < PREMISE_RTOL * size) return { premise: 0 };
      const premise = cond === 'd' ? lhs < 0 : lhs > 0;
      if (!premise) return { premise: 0 };
      const r = thm1Stability(inst, sys);
      if (r.undecidable) return { premise: 1, undecidable: 1 };
      const facts = { ...r, lhs, lambda: inst.lambda, ...b.consts };
      if (wantStable) ensure(r.rho < 1, `condition (${cond}) = ${lhs} > 0 but unstable: ρ = ${r.rho} (Δ = ${r.delta}, k₁ = ${b.consts.k1}, k₂ = ${b.consts.k2})`, facts);
      else ensure(r.rho > 1, `condition (20) = ${lhs} < 0 but stable: ρ = ${r.rho}`, facts);
      return { premise: 1, undecidable: 0, rho: r.rho, lhs, delta: r.delta, anisotropy: b.consts.k2 / b.consts.k1 };
    },
  });
}

const C = 'If |Nᵢ| = 1 and μΔᵢk₁p̃₁ + min{λ², μp̃₁²k₃} > 0 (19), the equilibrium point is locally stable.';
export const ipmThm1C = make('ipm.thm1.c', 'c', 'refuted', C,
  'Refuted as printed for anisotropic kernels (k₁ < k₂, e.g. random Fourier features) with Δᵢ < 0: the direction of largest curvature k₂ is unstable when λ² < μp̃|Δ|k₂ although (19) with k₁ holds. Exact for the RBF (k₁ = k₂). See ipm.thm1.c.corrected.');
export const ipmThm1CCorrected = make('ipm.thm1.c.corrected', 'c.corrected', 'holds', C,
  'Reading: μΔᵢp̃₁·(Δᵢ ≥ 0 ? k₁ : k₂) + min{λ², μp̃₁²k₃} > 0 ⇒ stable. Derivation in src/claims/ipm/thm1-cd.ts (per-direction trace/determinant of the 2×2 linearisation, worst case over h ∈ [k₁, k₂]).');
export const ipmThm1D = make('ipm.thm1.d', 'd', 'holds', 'If |Nᵢ| = 1 and μΔᵢk₂p̃₁ + min{λ², μp̃₁²k₄} < 0 (20), the equilibrium point is locally unstable.');
