/**
 * 1-D Gaussian-mixture targets f_X = Σ_k w_k N(μ_k, σ_k²): density, CDF (and survival function,
 * precise in the upper tail) and quantile F_X⁻¹, the ingredients of the optimal generators of
 * 000 §3 (G = F_X⁻¹∘Φ and its bitonic variant).
 */
import { normalCdfBoth, normalPdf } from '../../stats/normal.ts';

export interface Mixture1D {
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly stds: Float64Array;
}

export function mixture1d(weights: readonly number[], means: readonly number[], stds: readonly number[]): Mixture1D {
  const k = weights.length;
  if (k === 0) throw new RangeError('mixture1d: weights must be non-empty');
  if (means.length !== k || stds.length !== k) throw new RangeError('mixture1d: weights, means, stds must have equal length');
  let s = 0;
  for (const w of weights) {
    if (!(w > 0) || !Number.isFinite(w)) throw new RangeError(`mixture1d: weights must be positive and finite, got ${w}`);
    s += w;
  }
  for (const m of means) if (!Number.isFinite(m)) throw new RangeError(`mixture1d: means must be finite, got ${m}`);
  for (const d of stds) if (!(d > 0) || !Number.isFinite(d)) throw new RangeError(`mixture1d: stds must be positive, got ${d}`);
  return {
    weights: Float64Array.from(weights, (w) => w / s),
    means: Float64Array.from(means),
    stds: Float64Array.from(stds),
  };
}

export function mixturePdf(m: Mixture1D, x: number): number {
  let f = 0;
  for (let k = 0; k < m.weights.length; k++) f += (m.weights[k]! * normalPdf((x - m.means[k]!) / m.stds[k]!)) / m.stds[k]!;
  return f;
}

/** [F_X(x), 1 − F_X(x)], each summed from per-component tails so neither loses relative precision. */
export function mixtureCdfBoth(m: Mixture1D, x: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < m.weights.length; k++) {
    const [c, s] = normalCdfBoth((x - m.means[k]!) / m.stds[k]!);
    lo += m.weights[k]! * c;
    hi += m.weights[k]! * s;
  }
  return [lo, hi];
}

export function mixtureCdf(m: Mixture1D, x: number): number {
  return mixtureCdfBoth(m, x)[0];
}

/**
 * F_X⁻¹(p) (or, with `upper`, the x with 1 − F_X(x) = p). Safeguarded Newton on the tail that is
 * smaller (relative precision in both tails), bracketed by the components' extreme quantiles.
 */
export function mixtureQuantile(m: Mixture1D, p: number, upper = false): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`mixtureQuantile: p must lie in [0, 1], got ${p}`);
  const lowerMass = upper ? 1 - p : p;
  if ((upper && p === 0) || (!upper && p === 1)) return Infinity;
  if ((upper && p === 1) || (!upper && p === 0)) return -Infinity;
  // Solve on the tail with smaller mass: g(x) = tail(x) − target, tail decreasing in x for 'hi'.
  const useUpper = lowerMass > 0.5;
  const target = useUpper ? (upper ? p : 1 - p) : (upper ? 1 - p : p);
  let a = Infinity;
  let b = -Infinity;
  for (let k = 0; k < m.weights.length; k++) {
    a = Math.min(a, m.means[k]! - 40 * m.stds[k]!);
    b = Math.max(b, m.means[k]! + 40 * m.stds[k]!);
  }
  const resid = (x: number): number => {
    const [lo, hi] = mixtureCdfBoth(m, x);
    return useUpper ? target - hi : lo - target; // increasing in x either way
  };
  let x = 0.5 * (a + b);
  for (let it = 0; it < 200; it++) {
    const r = resid(x);
    if (r === 0) return x;
    if (r > 0) b = x;
    else a = x;
    const f = mixturePdf(m, x);
    let nx = f > 0 ? x - r / f : NaN;
    if (!(nx > a && nx < b)) nx = 0.5 * (a + b);
    if (Math.abs(nx - x) <= 1e-15 * Math.max(1, Math.abs(x)) || b - a <= 2e-16 * Math.max(1, Math.abs(x))) return nx;
    x = nx;
  }
  return x;
}
