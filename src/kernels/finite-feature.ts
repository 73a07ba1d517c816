/**
 * Finite feature maps a: ℝᵈ → ℝᶠ and the kernel they induce, K(x, x′) = a(x)ᵀa(x′) (002 eq. 6).
 * A linear discriminator f(x, θ) = a(x)ᵀθ (eq. 2) needs a(x), its Jacobian (for ∇f = Jᵀθ, eq. 9)
 * and θ-weighted second derivatives (for ∇²f, the linearisation of Theorem 1).
 */
import { matrix, type Matrix } from '../linalg/matrix.ts';
import { assertSameLength, type FullKernel } from './full-kernel.ts';

export interface FeatureMap {
  readonly name: string;
  /** Input dimension d. */
  readonly dim: number;
  /** Number of features F. */
  readonly size: number;
  /** a(x) into out (length F). */
  features(x: Float64Array, out: Float64Array): Float64Array;
  /** Jacobian ∂a_f/∂x_b into out (F×d, row-major). */
  jacobian(x: Float64Array, out: Float64Array): Float64Array;
  /** ∇ₓ(a(x)ᵀθ) = J(x)ᵀθ into out (length d), without forming J. */
  gradDot(x: Float64Array, theta: Float64Array, out: Float64Array): Float64Array;
  /** Σ_f w_f ∇²a_f(x) into out (d×d, row-major). */
  weightedHessian(x: Float64Array, w: Float64Array, out: Float64Array): Float64Array;
  /** K(x, x′) depends on x − x′ only. */
  readonly translationInvariant: boolean;
}

/** The kernel K = a(x)ᵀa(x′) of a feature map, with its derivatives from those of a. */
export function featureKernel(map: FeatureMap): FullKernel {
  const d = map.dim;
  const F = map.size;
  const ax = new Float64Array(F);
  const ay = new Float64Array(F);
  const jx = new Float64Array(F * d);
  const jy = new Float64Array(F * d);
  const check = (x: Float64Array, y: Float64Array) => {
    assertSameLength(x, y);
    if (x.length !== d) throw new RangeError(`${map.name}: points must have dimension ${d}, got ${x.length}`);
  };
  return {
    name: `features(${map.name})`,
    dim: d,
    translationInvariant: map.translationInvariant,
    k(x, y) {
      check(x, y);
      map.features(x, ax);
      map.features(y, ay);
      let s = 0;
      for (let f = 0; f < F; f++) s += ax[f]! * ay[f]!;
      return s;
    },
    gradX(x, y, out = new Float64Array(d)) {
      check(x, y);
      map.features(y, ay);
      return map.gradDot(x, ay, out);
    },
    hessXX(x, y): Matrix {
      check(x, y);
      map.features(y, ay);
      const m = matrix(d, d);
      map.weightedHessian(x, ay, m.data);
      return m;
    },
    hessXY(x, y): Matrix {
      check(x, y);
      map.jacobian(x, jx);
      map.jacobian(y, jy);
      const m = matrix(d, d);
      for (let f = 0; f < F; f++) {
        for (let a = 0; a < d; a++) {
          const ja = jx[f * d + a]!;
          for (let b = 0; b < d; b++) m.data[a * d + b] += ja * jy[f * d + b]!;
        }
      }
      return m;
    },
  };
}
