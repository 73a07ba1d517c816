/** Distribution functions used by the tests: normal, binomial, Student t. */
import { erfc, incompleteBeta, lgamma } from './special.ts';

/** Φ(x), with full relative accuracy in the lower tail (through erfc). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Upper tail 1 − Φ(x), accurate for large x. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

// Acklam's rational approximation (relative error < 1.15e-9), refined by one Halley step on normalCdf.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p ∈ (0, 1); ±Infinity at 0 and 1. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  // Halley refinement; in the upper half use the upper tail so the residual is computed without cancellation.
  const e = p <= 0.5 ? normalCdf(x) - p : (1 - p) - normalSf(x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

function lchoose(n: number, k: number): number {
  return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

function checkBinom(fn: string, k: number, n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${fn}: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1], got ${p}`);
  if (Number.isNaN(k)) throw new RangeError(`${fn}: k is NaN`);
}

export function binomialPmf(k: number, n: number, p: number): number {
  checkBinom('binomialPmf', k, n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(lchoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** P(X ≤ k) for X ~ Bin(n, p). Sums whichever tail is smaller (positive terms only, so tails keep relative accuracy). */
export function binomialCdf(k: number, n: number, p: number): number {
  checkBinom('binomialCdf', k, n, p);
  k = Math.floor(k);
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (k <= n * p) return sumPmf(0, k, n, p);
  return Math.max(0, 1 - sumPmf(k + 1, n, n, p));
}

/** P(X ≥ k) for X ~ Bin(n, p), accurate in the upper tail. */
export function binomialSf(k: number, n: number, p: number): number {
  checkBinom('binomialSf', k, n, p);
  k = Math.ceil(k);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (k > n * p) return sumPmf(k, n, n, p);
  return Math.max(0, 1 - sumPmf(0, k - 1, n, p));
}

function sumPmf(from: number, to: number, n: number, p: number): number {
  let s = 0;
  // Add from the small end towards the mode for accuracy.
  if (from === 0) for (let i = from; i <= to; i++) s += binomialPmf(i, n, p);
  else for (let i = to; i >= from; i--) s += binomialPmf(i, n, p);
  return Math.min(1, s);
}

/** P(T ≤ t) for Student's t with df > 0 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) throw new RangeError('studentTCdf: t is NaN');
  if (!(df > 0)) throw new RangeError(`studentTCdf: df must be positive, got ${df}`);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const t2 = t * t;
  if (t2 < df) {
    // Near 0, df/(df + t²) rounds to 1; use the complementary argument t²/(df + t²) instead.
    const centre = 0.5 * incompleteBeta(t2 / (df + t2), 0.5, df / 2);
    return t >= 0 ? 0.5 + centre : 0.5 - centre;
  }
  const tail = 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}
