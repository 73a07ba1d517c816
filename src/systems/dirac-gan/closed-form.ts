/**
 * Closed forms for the Dirac-GAN, derived by hand; the claims compare them against numerical
 * computations on the (possibly user-supplied) system.
 */
import type { DiracLoss } from './dirac-gan.ts';

export interface Complex {
  re: number;
  im: number;
}

/**
 * Eigenvalues of J = [[0, 1], [−1, −β]] (eq. E1–E2): (−β ± √(β² − 4))/2, complex for β < 2.
 * 001 prints (β ± √(β² − 4))/2: those are the eigenvalues of −J, the "dynamical matrix" of
 * ẋ = −Mx. Returned in the order (+root, −root).
 */
export function regularizedEigenvalues(beta: number): [Complex, Complex] {
  const disc = beta * beta - 4;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    // Stable pair: the larger-magnitude root directly, the other from the product λ₁λ₂ = 1.
    const big = (-beta - s) / 2;
    const small = big === 0 ? 0 : 1 / big;
    return [{ re: small, im: 0 }, { re: big, im: 0 }];
  }
  const w = Math.sqrt(-disc) / 2;
  return [{ re: -beta / 2, im: w }, { re: -beta / 2, im: -w }];
}

/** Decay rate −max Re λ of the regularised system: β/2 for β ≤ 2, (β − √(β² − 4))/2 beyond. */
export function decayRate(beta: number): number {
  return beta <= 2 ? beta / 2 : 2 / (beta + Math.sqrt(beta * beta - 4));
}

/** f′(0) of the loss: the coupling strength of the linearised Dirac-GAN at the origin. */
export function couplingAtOrigin(loss: DiracLoss): number {
  return loss === 'gan' ? 0.5 : 1;
}

/**
 * Alternating gradient steps on the linearised game are area-preserving (det = 1) with
 * trace 2 − (h f′(0))²: eigenvalues lie on the unit circle iff h f′(0) ≤ 2 (distinct for < 2).
 */
export function alternatingStepBound(loss: DiracLoss): number {
  return 2 / couplingAtOrigin(loss);
}

/**
 * Largest h for which simultaneous steps with R1 penalty γ > 0 are locally contracting:
 * |1 + hλ| < 1 for both eigenvalues λ of [[0, −c], [c, −γ]] (c = f′(0)) ⇔ h < −2 Re λ/|λ|².
 */
export function simultaneousGpStepBound(loss: DiracLoss, gamma: number): number {
  const c = couplingAtOrigin(loss);
  const disc = gamma * gamma - 4 * c * c;
  if (disc < 0) return gamma / (c * c); // |λ|² = c², Re λ = −γ/2
  const s = Math.sqrt(disc);
  const lams = [(-gamma + s) / 2, (-gamma - s) / 2];
  return Math.min(...lams.map((l) => -2 / l));
}

/**
 * The β minimising the energy θ(T)² + φ(T)² from (1, 0) (the energy is non-increasing,
 * d/dt(θ² + φ²) = −2βφ², so it equals its envelope sup_{t ≥ T}). For large T the minimiser sits
 * where exactly half an oscillation fits in T: ωT = π with ω = √(1 − β²/4), i.e.
 * β*(T) = 2 − π²/T² + O(T⁻³) (log E ≈ −2T + u²/T + 2 log(sin u/u) + const with u = ωT, whose
 * minimiser tends to u = π). Hence the stated bound ε(T) = π²/T².
 */
export function criticalDampingBound(T: number): number {
  return (Math.PI * Math.PI) / (T * T);
}
