/**
 * Theorem 1's kernel constants (002 Assumption 1, eq. 17) at a point xᵢ, for any kernel:
 *   −∇²ₓK(xᵢ, xᵢ) ∈ [k₁, k₂] I,   ∇ₓ∇ₓ′K(xᵢ, xᵢ) ∈ [k₃, k₄] I,
 * i.e. k₁, k₂ the extreme eigenvalues of the first matrix, k₃, k₄ of the second (symmetrised).
 * Also reports ‖∇ₓK(xᵢ, xᵢ)‖ (eq. 16 asks for 0) and whether all four are positive.
 */
import type { FullKernel } from '../../kernels/full-kernel.ts';
import { eigSym } from '../../linalg/eig-sym.ts';
import { matrix } from '../../linalg/matrix.ts';

export interface KernelConstants {
  k1: number;
  k2: number;
  k3: number;
  k4: number;
  gradNorm: number;
  /** Assumption 1 holds at xᵢ: ∇K = 0 and k₁, k₃ > 0. */
  satisfied: boolean;
}

export function kernelConstants(kernel: FullKernel, xi: Float64Array): KernelConstants {
  const d = xi.length;
  const g = kernel.gradX(xi, xi, new Float64Array(d));
  const H = kernel.hessXX(xi, xi).data;
  const G = kernel.hessXY(xi, xi).data;
  const negH = matrix(d, d);
  const Gs = matrix(d, d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      negH.data[a * d + b] = -0.5 * (H[a * d + b]! + H[b * d + a]!);
      Gs.data[a * d + b] = 0.5 * (G[a * d + b]! + G[b * d + a]!);
    }
  }
  const e1 = eigSym(negH).values;
  const e2 = eigSym(Gs).values;
  const gradNorm = Math.hypot(...g);
  const k1 = e1[0]!;
  const k3 = e2[0]!;
  return { k1, k2: e1[d - 1]!, k3, k4: e2[d - 1]!, gradNorm, satisfied: gradNorm === 0 && k1 > 0 && k3 > 0 };
}
