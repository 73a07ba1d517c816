/** Paired (one-sample) t-test on differences: t = mean/(sd/√n) with n − 1 degrees of freedom. */
import { checkAlternative, checkSample, pFromTails, type Alternative } from './check.ts';
import { studentTCdf } from './distributions.ts';
import { mean, std } from './descriptive.ts';

export interface PairedTResult {
  t: number;
  df: number;
  pValue: number;
  /** Cohen's d for paired data: mean/sd of the differences. */
  effect: number;
}

export function pairedT(diffs: ArrayLike<number>, alternative: Alternative): PairedTResult {
  checkSample('pairedT', 'diffs', diffs, 2);
  checkAlternative('pairedT', alternative);
  const n = diffs.length;
  const m = mean(diffs);
  const s = std(diffs);
  const df = n - 1;
  if (s === 0) {
    // Degenerate: all differences equal. The t statistic is ±∞ (or undefined when m = 0).
    const t = m === 0 ? 0 : m > 0 ? Infinity : -Infinity;
    const pG = m > 0 ? 0 : 1;
    const pL = m < 0 ? 0 : 1;
    return { t, df, pValue: m === 0 ? 1 : pFromTails(alternative, pG, pL), effect: m === 0 ? 0 : t };
  }
  const t = m / (s / Math.sqrt(n));
  return { t, df, pValue: pFromTails(alternative, studentTCdf(-t, df), studentTCdf(t, df)), effect: m / s };
}
