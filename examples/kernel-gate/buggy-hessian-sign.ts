/**
 * correct-rbf.ts with ONE bug: the mixed Hessian block ∇ₓ∇ₓ′K is returned as ∇²ₓK (forgetting that
 * ∂/∂x′ of a function of x − x′ flips the sign), so k₃, k₄ of Assumption 1 come out negative and
 * the analytic linearisation of Theorem 1 disagrees with the finite-difference one.
 */
import { linalg, type kernels } from 'gan-claims';

function gaussian(sigma: number): kernels.FullKernel {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`rbf: sigma must be a finite positive number, got ${sigma}`);
  const inv = 1 / (sigma * sigma);
  const value = (x: Float64Array, y: Float64Array) => {
    let r2 = 0;
    for (let a = 0; a < x.length; a++) r2 += (x[a]! - y[a]!) ** 2;
    return Math.exp(-0.5 * r2 * inv);
  };
  // ∂²K/∂xₐ∂x_b = K (rₐ r_b/σ⁴ − δₐ_b/σ²)
  const secondX = (x: Float64Array, y: Float64Array) => {
    const d = x.length;
    const kv = value(x, y);
    const out = linalg.matrix(d, d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      out.data[a * d + b] = kv * ((x[a]! - y[a]!) * (x[b]! - y[b]!) * inv * inv - (a === b ? inv : 0));
    }
    return out;
  };
  return {
    name: `my-rbf-hessian-bug(${sigma})`,
    translationInvariant: true,
    k: value,
    gradX(x, y, out = new Float64Array(x.length)) {
      const kv = value(x, y);
      for (let a = 0; a < x.length; a++) out[a] = -(x[a]! - y[a]!) * inv * kv;
      return out;
    },
    hessXX: secondX,
    hessXY(x, y) {
      return secondX(x, y); // BUG: ∇ₓ∇ₓ′K = −∇²ₓK for a translation-invariant kernel
    },
  };
}

const family: kernels.KernelFamily = (sigma) => gaussian(sigma);
export default family;
