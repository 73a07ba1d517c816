/** Descriptive statistics of a sample of finite numbers. */
import { checkSample } from './check.ts';

export function mean(xs: ArrayLike<number>): number {
  checkSample('mean', 'xs', xs, 1);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample standard deviation (divisor n − 1), two-pass for accuracy. */
export function std(xs: ArrayLike<number>): number {
  checkSample('std', 'xs', xs, 2);
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's and NumPy's default). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  checkSample('quantile', 'xs', xs, 1);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  const s = Float64Array.from(xs).sort();
  return sortedQuantile(s, q);
}

export function sortedQuantile(s: Float64Array, q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export function median(xs: ArrayLike<number>): number {
  checkSample('median', 'xs', xs, 1);
  return quantile(xs, 0.5);
}
