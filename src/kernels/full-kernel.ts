/**
 * A kernel with every derivative the Isolated Points Model needs (002 §2–3): value, ∇ₓK, ∇²ₓK and
 * ∇ₓ∇ₓ′K. The shared `Kernel` interface makes the derivatives optional; the IPM dynamics and the
 * linearisation of Theorem 1 need all of them, so IPM kernels promise them.
 */
import type { Kernel } from './kernel.ts';
import type { Matrix } from '../linalg/matrix.ts';

export interface FullKernel extends Kernel {
  gradX(x: Float64Array, y: Float64Array, out?: Float64Array): Float64Array;
  hessXX(x: Float64Array, y: Float64Array): Matrix;
  hessXY(x: Float64Array, y: Float64Array): Matrix;
  /** K(x, x′) depends on x − x′ only (then ∇ₓ∇ₓ′K = −∇²ₓK and ∇K(x, x) = 0 hold exactly). */
  readonly translationInvariant: boolean;
  /** Input dimension, where the kernel is tied to one (feature maps); undefined for any d. */
  readonly dim?: number;
}

/** Throws a TypeError/RangeError naming `what` unless x is a finite Float64Array of length d (when given). */
export function assertPoint(x: unknown, what: string, d?: number): asserts x is Float64Array {
  if (!(x instanceof Float64Array)) throw new TypeError(`${what} must be a Float64Array`);
  if (d !== undefined && x.length !== d) throw new RangeError(`${what} has length ${x.length}, expected ${d}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) throw new RangeError(`${what} has a non-finite entry (${x[i]}) at index ${i}`);
  }
}

export function assertSameLength(x: Float64Array, y: Float64Array, what = 'x, y'): void {
  if (x.length !== y.length) throw new RangeError(`${what}: lengths ${x.length} and ${y.length} differ`);
}
