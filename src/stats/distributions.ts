/** Distribution functions used by the tests: normal, binomial, Student t. */
import { incompleteBeta, lgamma } from './special.ts';

export { normalCdf, normalSf, normalQuantile } from './normal.ts';

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
