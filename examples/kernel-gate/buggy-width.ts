/**
 * correct-rbf.ts with ONE bug: the exponent is −‖x − x′‖²/σ² instead of eq. (7)'s −‖x − x′‖²/2σ²
 * (the "σ² vs 2σ²" convention mix-up), with every derivative consistently differentiated from the
 * wrong exponent — so it is a valid kernel, an RBF of width σ/√2, and only claims about the RBF of
 * eq. (7) by name can tell (eq. 26's closed form, §6's peak at r = σ).
 */
import { linalg, type kernels } from 'gan-claims';

function gaussian(sigma: number): kernels.FullKernel {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`rbf: sigma must be a finite positive number, got ${sigma}`);
  const inv = 1 / (sigma * sigma);
  const inv2 = 2 * inv; // derivatives of exp(−r²/σ²): every 1/σ² becomes 2/σ²
  const value = (x: Float64Array, y: Float64Array) => {
    let r2 = 0;
    for (let a = 0; a < x.length; a++) r2 += (x[a]! - y[a]!) ** 2;
    return Math.exp(-r2 * inv); // BUG: should be −r²/2σ²
  };
  // ∂²K/∂xₐ∂x_b = K (rₐ r_b/σ⁴ − δₐ_b/σ²)
  const secondX = (x: Float64Array, y: Float64Array) => {
    const d = x.length;
    const kv = value(x, y);
    const out = linalg.matrix(d, d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) {
      out.data[a * d + b] = kv * ((x[a]! - y[a]!) * (x[b]! - y[b]!) * inv2 * inv2 - (a === b ? inv2 : 0));
    }
    return out;
  };
  return {
    name: `my-rbf-width-bug(${sigma})`,
    translationInvariant: true,
    k: value,
    gradX(x, y, out = new Float64Array(x.length)) {
      const kv = value(x, y);
      for (let a = 0; a < x.length; a++) out[a] = -(x[a]! - y[a]!) * inv2 * kv;
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
