/**
 * The `kernel` system (`--impl kernel=./file.ts`): a user's kernel as the ipm.* claims draw it, a
 * FAMILY parameterised by the width σ, σ ↦ K_σ, because the claims generate σ (002 eq. 7 writes the
 * RBF as K(x, x′) = exp(−‖x − x′‖²/2σ²); §6 and eq. 28 vary σ). A user's RBF is written the same
 * way: `(sigma) => ({ k, gradX, hessXX, hessXY, ... })`.
 *
 * Each K_σ carries the derivatives behind 002's constants (Assumption 1, eq. 16–17):
 *   ∇ₓK (eq. 9's generator step), ∇²ₓK (−∇²ₓK(xᵢ, xᵢ) ∈ [k₁, k₂]I) and ∇ₓ∇ₓ′K (∈ [k₃, k₄]I).
 *
 * The contract is the RBF of eq. (7): claims about "a kernel satisfying Assumption 1" (Thm 1, Cor 1,
 * the equilibrium, Thm 3) check the derivatives against finite differences of the actual dynamics;
 * claims about the RBF by name (eq. 26, §6 kernel width, Thm 2) also check it against the
 * Gaussian's closed forms, so a kernel of the wrong width is caught there. Figures with the paper's
 * exact kernel stay on the built-in `rbfKernel`.
 */
import type { FullKernel } from './full-kernel.ts';
import { rbfKernel } from './rbf.ts';

export interface KernelFamily {
  /** K_σ for a width σ > 0 (throws a RangeError naming σ otherwise). */
  (sigma: number): FullKernel;
}

/** The built-in family: the exact RBF of eq. (7). */
export const rbfFamily: KernelFamily = (sigma) => rbfKernel(sigma);
