/**
 * The 1-D generators of 000 §3, as the object a reader of Thm 1 would write: a generator G maps
 * the latent Z ~ N(0, 1) to X = G(Z), and
 *
 * - for a piecewise-monotone ("polytonic", Def. 1 / Assumption 1) G with pieces G_p of sign s_p,
 *   the density of G(Z) is eq. (1a): f_{G(Z)}(x) = Σ_{p ∈ P(x)} s_p φ(G_p⁻¹(x)) / ∂_z G_p(G_p⁻¹(x)),
 *   each summand > 0 by eq. (1b) (the 1/|G_p′| is the change-of-variables Jacobian);
 * - for a Gaussian-mixture target f_X = Σ_k w_k N(μ_k, σ_k²) the optimal generators are
 *   monotone  G(z) = F_X⁻¹(Φ(z)),           G′(z) = φ(z)/f_X(G(z))  (Thm 1 with P = 1),
 *   bitonic   G(z) = F_X⁻¹(2Φ(|z|) − 1),    G′(z) = sign(z)·2φ(z)/f_X(G(z))  (V-shaped, G(0) = −∞),
 *   whose slopes blow up where f_X is small (§3, "more constrained in low-density regions").
 *
 * Targets and polytonic generators are plain data (`Mixture1D`: normalised weights, means, stds;
 * `PolytonicGenerator`: breakpoints and pieces o_p + s_p(a_p u + b_p u³), u = z − c_p). `Generator1d`
 * is what a user may re-implement (`--impl generator-1d=./file.ts`); the ib.thm1.*, ib.low-density-slope
 * and ib.bitonic-discontinuities claims read it and compare it with independent computations
 * (exact bin probabilities from Φ-masses, F_X as a sum of normal CDFs, finite differences, KS tests).
 */
import type { Mixture1D } from './mixture.ts';
import type { PolytonicGenerator } from './polytonic.ts';
import { pushforwardDensity } from './polytonic.ts';
import { bitonicOptimal, bitonicOptimalSlope, monotoneOptimal, monotoneOptimalSlope } from './optimal.ts';

export interface Generator1d {
  /**
   * Eq. (1a) at x: the density of G(Z) and its summands s_p φ(G_p⁻¹(x))/∂_z G_p(G_p⁻¹(x)), one per
   * piece p whose range contains x (their sum is `density`; each is > 0 by eq. 1b).
   */
  pushforwardDensity(g: PolytonicGenerator, x: number): { density: number; terms: number[] };
  /** Monotone optimal generator G(z) = F_X⁻¹(Φ(z)) (full relative precision in both tails). */
  monotone(m: Mixture1D, z: number): number;
  /** Its slope G′(z) = φ(z)/f_X(G(z)) (eq. 1a with P = 1), in closed form. */
  monotoneSlope(m: Mixture1D, z: number): number;
  /** Bitonic (V-shaped) optimal generator G(z) = F_X⁻¹(2Φ(|z|) − 1). */
  bitonic(m: Mixture1D, z: number): number;
  /** Its slope G′(z) = sign(z)·2φ(z)/f_X(G(z)), in closed form. */
  bitonicSlope(m: Mixture1D, z: number): number;
}

export const generator1d: Generator1d = {
  pushforwardDensity(g, x) {
    const { density, terms } = pushforwardDensity(g, x);
    return { density, terms: terms.map((t) => t.term) };
  },
  monotone: monotoneOptimal,
  monotoneSlope: monotoneOptimalSlope,
  bitonic: bitonicOptimal,
  bitonicSlope: bitonicOptimalSlope,
};
