/**
 * The kernel interface every system uses, so one particle model runs with any kernel.
 * Points are Float64Array of length d. Derivatives are optional: a kernel that provides them is
 * checked against central finite differences by properties/kernels.
 */
import type { Matrix } from '../linalg/matrix.ts';

export interface Kernel {
  readonly name: string;
  /** K(x, y). */
  k(x: Float64Array, y: Float64Array): number;
  /** ∇ₓK(x, y), written into `out` (length d) and returned. */
  gradX?(x: Float64Array, y: Float64Array, out?: Float64Array): Float64Array;
  /** ∇²ₓK(x, y), d×d. */
  hessXX?(x: Float64Array, y: Float64Array): Matrix;
  /** ∇ₓ∇ₓ′K(x, x′), d×d (entry (a, b) = ∂²K/∂xₐ∂x′_b). */
  hessXY?(x: Float64Array, y: Float64Array): Matrix;
}
