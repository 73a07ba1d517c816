/**
 * Sample mean with its CLT standard error (Welford), and the two-sided z bound a family of such
 * means must stay inside under a stated false-alarm rate: used where a claim compares an average
 * of i.i.d. terms (units of a random network, seeds) with its exact expectation.
 */
import { normalQuantile } from './normal.ts';

export class RunningMean {
  n = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }

  /** Sample variance (n − 1 denominator); NaN below two values. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : NaN;
  }

  /** Standard error of the mean. */
  get se(): number {
    return Math.sqrt(this.variance / this.n);
  }
}

/**
 * Two-sided critical z for `tests` simultaneous z-tests at family-wise level `alpha` (Bonferroni):
 * P(any |Z| > z) ≤ alpha under the normal approximation.
 */
export function bonferroniZ(alpha: number, tests: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`bonferroniZ: alpha must be in (0, 1), got ${alpha}`);
  if (!(Number.isInteger(tests) && tests >= 1)) throw new RangeError(`bonferroniZ: tests must be a positive integer, got ${tests}`);
  return normalQuantile(alpha / (2 * tests), true);
}
