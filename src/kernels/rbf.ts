/**
 * The RBF kernel of 002 eq. (7), K(x, x′) = exp(−‖x − x′‖²/2σ²), exact (no feature map), with its
 * closed-form derivatives. With r = x − x′:
 *   ∇ₓK = −K r/σ²,   ∇²ₓK = K (r rᵀ/σ⁴ − I/σ²),   ∇ₓ∇ₓ′K = K (I/σ² − r rᵀ/σ⁴),
 * so at x = x′ Assumption 1 holds with k₁ = k₂ = k₃ = k₄ = 1/σ² (002 below eq. 17).
 */
import { matrix, type Matrix } from '../linalg/matrix.ts';
import { assertSameLength, type FullKernel } from './full-kernel.ts';

export function assertWidth(sigma: number, what = 'sigma'): void {
  if (typeof sigma !== 'number' || !Number.isFinite(sigma) || !(sigma > 0)) {
    throw new RangeError(`${what} must be a finite positive number, got ${sigma}`);
  }
}

export function rbfKernel(sigma: number): FullKernel {
  assertWidth(sigma);
  const s2 = sigma * sigma;
  const inv2s2 = 1 / (2 * s2);
  const sqdist = (x: Float64Array, y: Float64Array): number => {
    assertSameLength(x, y);
    let r2 = 0;
    for (let a = 0; a < x.length; a++) {
      const r = x[a]! - y[a]!;
      r2 += r * r;
    }
    return r2;
  };
  const hess = (x: Float64Array, y: Float64Array, sign: 1 | -1): Matrix => {
    // sign = +1: ∇²ₓK = K(rrᵀ/σ⁴ − I/σ²); sign = −1: ∇ₓ∇ₓ′K = −∇²ₓK.
    const d = x.length;
    const kv = Math.exp(-sqdist(x, y) * inv2s2);
    const m = matrix(d, d);
    for (let a = 0; a < d; a++) {
      const ra = x[a]! - y[a]!;
      for (let b = 0; b < d; b++) {
        const rb = x[b]! - y[b]!;
        m.data[a * d + b] = sign * kv * ((ra * rb) / (s2 * s2) - (a === b ? 1 / s2 : 0));
      }
    }
    return m;
  };
  return {
    name: `rbf(σ=${sigma})`,
    translationInvariant: true,
    k: (x, y) => Math.exp(-sqdist(x, y) * inv2s2),
    gradX(x, y, out = new Float64Array(x.length)) {
      const kv = Math.exp(-sqdist(x, y) * inv2s2);
      for (let a = 0; a < x.length; a++) out[a] = (-kv * (x[a]! - y[a]!)) / s2;
      return out;
    },
    hessXX: (x, y) => hess(x, y, 1),
    hessXY: (x, y) => hess(x, y, -1),
  };
}
