/**
 * correct-rbf.ts with ONE bug: the gradient's sign, ∇ₓK = +(x − x′)/σ² · K (differentiating
 * exp(−r²/2σ²) and dropping the minus of the chain rule); K and both Hessian blocks are right.
 * The generator then climbs the wrong way; the FD Jacobian of the dynamics (built on ∇ₓK) no longer
 * matches the linearisation built on the Hessians.
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
    name: `my-rbf-grad-bug(${sigma})`,
    translationInvariant: true,
    k: value,
    gradX(x, y, out = new Float64Array(x.length)) {
      const kv = value(x, y);
      for (let a = 0; a < x.length; a++) out[a] = (x[a]! - y[a]!) * inv * kv; // BUG: lost the minus sign
      return out;
    },
    hessXX: secondX,
    hessXY(x, y) {
      const m = secondX(x, y);
      for (let i = 0; i < m.data.length; i++) m.data[i] = -m.data[i]!;
      return m;
    },
  };
}

const family: kernels.KernelFamily = (sigma) => gaussian(sigma);
export default family;
