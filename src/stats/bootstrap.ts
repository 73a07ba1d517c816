/** Percentile bootstrap confidence interval (Efron & Tibshirani 1993, §13.3), resampling with the caller's seeded Rng. */
import type { Rng } from '../random/rng.ts';
import { checkLevel, checkSample } from './check.ts';
import { sortedQuantile } from './descriptive.ts';

export interface BootstrapOptions {
  rng: Rng;
  /** Number of resamples (default 2000). */
  B?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

export interface BootstrapCI {
  /** statistic(values) on the original sample. */
  estimate: number;
  lo: number;
  hi: number;
  level: number;
  B: number;
}

export function bootstrapCI(values: ArrayLike<number>, statistic: (xs: Float64Array) => number, opts: BootstrapOptions): BootstrapCI {
  checkSample('bootstrapCI', 'values', values, 1);
  if (typeof statistic !== 'function') throw new TypeError('bootstrapCI: statistic must be a function');
  if (!opts || typeof opts.rng?.int !== 'function') throw new TypeError('bootstrapCI: opts.rng must be an Rng');
  const B = opts.B ?? 2000;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`bootstrapCI: B must be a positive integer, got ${B}`);
  checkLevel('bootstrapCI', level);
  const n = values.length;
  const src = Float64Array.from(values);
  const estimate = statistic(Float64Array.from(src));
  const stats = new Float64Array(B);
  const sample = new Float64Array(n);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) sample[i] = src[opts.rng.int(n)]!;
    const s = statistic(sample);
    if (!Number.isFinite(s)) throw new RangeError(`bootstrapCI: statistic returned a non-finite value (${s}) on resample ${b}`);
    stats[b] = s;
  }
  stats.sort();
  const alpha = 1 - level;
  return { estimate, lo: sortedQuantile(stats, alpha / 2), hi: sortedQuantile(stats, 1 - alpha / 2), level, B };
}
