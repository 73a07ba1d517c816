/** Exact sign test: under H0 each non-zero difference is positive with probability ½ (zeros are dropped). */
import { checkAlternative, checkSample, pFromTails, type Alternative } from './check.ts';
import { binomialCdf, binomialSf } from './distributions.ts';
import { median } from './descriptive.ts';

export interface SignTestResult {
  /** Number of non-zero differences. */
  n: number;
  positives: number;
  pValue: number;
  /** Median of all differences (NaN for an empty sample). */
  effect: number;
}

/** alternative 'greater': differences tend to be positive. */
export function signTest(diffs: ArrayLike<number>, alternative: Alternative): SignTestResult {
  checkSample('signTest', 'diffs', diffs);
  checkAlternative('signTest', alternative);
  let n = 0;
  let positives = 0;
  for (let i = 0; i < diffs.length; i++) {
    if (diffs[i] !== 0) n++;
    if (diffs[i]! > 0) positives++;
  }
  const pGreater = binomialSf(positives, n, 0.5);
  const pLess = binomialCdf(positives, n, 0.5);
  return {
    n,
    positives,
    pValue: n === 0 ? 1 : pFromTails(alternative, pGreater, pLess),
    effect: diffs.length === 0 ? NaN : median(diffs),
  };
}
