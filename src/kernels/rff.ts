/**
 * Random Fourier features (Rahimi & Recht, cited as [24] in 002 §7) for the RBF kernel, with
 * PAIRED cos/sin features: a(x) = s·[cos(ω₁·x) … cos(ω_m·x), sin(ω₁·x) … sin(ω_m·x)], s = √(c/m).
 * Then K(x, x′) = (c/m) Σₖ cos(ωₖ·(x − x′)) exactly, so the kernel is translation invariant and
 * ∇ₓK(x, x) = (c/m) Σₖ (−sin·cos + cos·sin) ωₖ = 0 term by term in floating point, as Assumption 1
 * (eq. 16) needs. At x = x′: −∇²ₓK = ∇ₓ∇ₓ′K = (c/m) Σₖ ωₖωₖᵀ, so k₁ = k₃ and k₂ = k₄ (eq. 17).
 * With ωₖ ~ N(0, I/σ²) and c = 1 the kernel approximates exp(−‖x − x′‖²/2σ²).
 */
import type { Rng } from '../random/rng.ts';
import type { FeatureMap } from './finite-feature.ts';
import { assertWidth } from './rbf.ts';

export interface RffMap extends FeatureMap {
  /** Frequencies, m×d row-major. */
  readonly omega: Float64Array;
  readonly frequencies: number;
  /** Feature scale s = √(c/m). */
  readonly scale: number;
}

/** Feature map from given frequencies (m×d row-major); `weight` c multiplies the kernel. */
export function rffFeatureMap(omega: Float64Array, d: number, weight = 1): RffMap {
  if (!(omega instanceof Float64Array)) throw new TypeError('rffFeatureMap: omega must be a Float64Array');
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`rffFeatureMap: d must be a positive integer, got ${d}`);
  if (omega.length === 0 || omega.length % d !== 0) throw new RangeError(`rffFeatureMap: omega length ${omega.length} is not a positive multiple of d = ${d}`);
  if (!(weight > 0) || !Number.isFinite(weight)) throw new RangeError(`rffFeatureMap: weight must be finite and positive, got ${weight}`);
  for (let i = 0; i < omega.length; i++) if (!Number.isFinite(omega[i]!)) throw new RangeError(`rffFeatureMap: omega has a non-finite entry at ${i}`);
  const m = omega.length / d;
  const s = Math.sqrt(weight / m);
  const cs = new Float64Array(m);
  const sn = new Float64Array(m);
  const phases = (x: Float64Array) => {
    if (x.length !== d) throw new RangeError(`rff: point has dimension ${x.length}, expected ${d}`);
    for (let k = 0; k < m; k++) {
      let ph = 0;
      for (let a = 0; a < d; a++) ph += omega[k * d + a]! * x[a]!;
      cs[k] = Math.cos(ph);
      sn[k] = Math.sin(ph);
    }
  };
  return {
    name: `rff(m=${m}, d=${d}${weight === 1 ? '' : `, c=${weight}`})`,
    dim: d,
    size: 2 * m,
    omega,
    frequencies: m,
    scale: s,
    translationInvariant: true,
    features(x, out) {
      phases(x);
      for (let k = 0; k < m; k++) {
        out[k] = s * cs[k]!;
        out[m + k] = s * sn[k]!;
      }
      return out;
    },
    jacobian(x, out) {
      phases(x);
      for (let k = 0; k < m; k++) {
        for (let a = 0; a < d; a++) {
          const w = omega[k * d + a]!;
          out[k * d + a] = -s * sn[k]! * w;
          out[(m + k) * d + a] = s * cs[k]! * w;
        }
      }
      return out;
    },
    gradDot(x, theta, out) {
      phases(x);
      out.fill(0, 0, d);
      for (let k = 0; k < m; k++) {
        // (s·cos)·θ_sin − (s·sin)·θ_cos: with θ = a(x) the two products are the same two
        // floats in swapped order, so ∇K(x, x) = 0 exactly, not just to rounding.
        const c = s * cs[k]! * theta[m + k]! - s * sn[k]! * theta[k]!;
        for (let a = 0; a < d; a++) out[a] += c * omega[k * d + a]!;
      }
      return out;
    },
    weightedHessian(x, w, out) {
      phases(x);
      out.fill(0, 0, d * d);
      for (let k = 0; k < m; k++) {
        // ∇²cos(ω·x) = −cos ωωᵀ, ∇²sin(ω·x) = −sin ωωᵀ
        const c = -s * (cs[k]! * w[k]! + sn[k]! * w[m + k]!);
        for (let a = 0; a < d; a++) {
          const ca = c * omega[k * d + a]!;
          for (let b = 0; b < d; b++) out[a * d + b] += ca * omega[k * d + b]!;
        }
      }
      return out;
    },
  };
}

/** Draw m frequencies ωₖ ~ N(0, I/σ²): the RBF of width σ by random features. */
export function drawRff(rng: Rng, d: number, m: number, sigma: number, weight = 1): RffMap {
  assertWidth(sigma);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`drawRff: m must be a positive integer, got ${m}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`drawRff: d must be a positive integer, got ${d}`);
  const omega = rng.normals(new Float64Array(m * d), 0, 1 / sigma);
  return rffFeatureMap(omega, d, weight);
}
