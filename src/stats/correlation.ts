/**
 * Pearson and Spearman correlation with Fisher-z confidence intervals. p-values test ρ = 0 two-sided
 * with t = r√((n−2)/(1−r²)) ~ t_{n−2} (for Spearman the same t approximation, as in scipy). The
 * Spearman CI uses the Fieller–Hartley–Pearson (1957) standard error √(1.06/(n−3)).
 */
import { checkLevel, checkSample } from './check.ts';
import { normalQuantile, studentTCdf } from './distributions.ts';
import { rankWithTies } from './ranks.ts';

export interface CorrelationResult {
  r: number;
  lo: number;
  hi: number;
  /** Two-sided p-value for H0: ρ = 0. */
  pValue: number;
  n: number;
  level: number;
}

function checkPair(fn: string, x: ArrayLike<number>, y: ArrayLike<number>, level: number): void {
  checkSample(fn, 'x', x, 3);
  checkSample(fn, 'y', y);
  if (y.length !== x.length) throw new RangeError(`${fn}: x and y must have the same length, got ${x.length} and ${y.length}`);
  checkLevel(fn, level);
}

function pearsonR(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
  mx /= n;
  my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx, dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function withInterval(r: number, n: number, level: number, se: number): CorrelationResult {
  if (Number.isNaN(r)) return { r, lo: NaN, hi: NaN, pValue: NaN, n, level };
  const zq = normalQuantile(0.5 + level / 2);
  const z = Math.atanh(r);
  const lo = n > 3 ? Math.tanh(z - zq * se) : -1;
  const hi = n > 3 ? Math.tanh(z + zq * se) : 1;
  let pValue: number;
  if (Math.abs(r) === 1) pValue = 0;
  else {
    const t = r * Math.sqrt((n - 2) / (1 - r * r));
    pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), n - 2));
  }
  return { r, lo: Number.isNaN(lo) ? r : lo, hi: Number.isNaN(hi) ? r : hi, pValue, n, level };
}

/** Pearson's r (NaN fields if x or y is constant). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): CorrelationResult {
  checkPair('pearson', x, y, level);
  const n = x.length;
  return withInterval(pearsonR(x, y), n, level, 1 / Math.sqrt(n - 3));
}

/** Spearman's ρ: Pearson's r of the mid-ranks. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): CorrelationResult {
  checkPair('spearman', x, y, level);
  const n = x.length;
  const r = pearsonR(rankWithTies(x).ranks, rankWithTies(y).ranks);
  return withInterval(r, n, level, Math.sqrt(1.06 / (n - 3)));
}
