/**
 * Wilcoxon signed-rank test on paired differences (zeros dropped, Wilcoxon's convention; ties get
 * mid-ranks). Exact null distribution for n ≤ 25 by dynamic programming over doubled ranks (exact
 * also with ties, as the conditional permutation distribution); beyond, the normal approximation
 * with tie-corrected variance and continuity correction (Hollander & Wolfe, Nonparametric
 * Statistical Methods, 3rd ed., §3.1).
 */
import { checkAlternative, checkSample, pFromTails, type Alternative } from './check.ts';
import { normalCdf } from './distributions.ts';
import { rankWithTies } from './ranks.ts';

export const WILCOXON_EXACT_MAX_N = 25;

export interface WilcoxonResult {
  /** W⁺: the sum of ranks of the positive differences. */
  statistic: number;
  pValue: number;
  /** Matched-pairs rank-biserial correlation (W⁺ − W⁻)/(W⁺ + W⁻) ∈ [−1, 1]. */
  effect: number;
  /** Number of non-zero differences. */
  n: number;
  method: 'exact' | 'normal';
}

export function wilcoxonSignedRank(diffs: ArrayLike<number>, alternative: Alternative): WilcoxonResult {
  checkSample('wilcoxonSignedRank', 'diffs', diffs);
  checkAlternative('wilcoxonSignedRank', alternative);
  const d: number[] = [];
  for (let i = 0; i < diffs.length; i++) if (diffs[i] !== 0) d.push(diffs[i]!);
  const n = d.length;
  if (n === 0) return { statistic: 0, pValue: 1, effect: 0, n: 0, method: 'exact' };
  const { ranks, tieSizes } = rankWithTies(d.map(Math.abs));
  let wPlus = 0;
  for (let i = 0; i < n; i++) if (d[i]! > 0) wPlus += ranks[i]!;
  const total = (n * (n + 1)) / 2;
  const effect = (2 * wPlus - total) / total;
  if (n <= WILCOXON_EXACT_MAX_N) {
    // counts[s] = number of sign patterns with Σ(2·rank of positives) = s.
    const r2 = Array.from(ranks, (r) => Math.round(2 * r));
    const maxS = r2.reduce((a, b) => a + b, 0);
    let counts = new Float64Array(maxS + 1);
    counts[0] = 1;
    let reach = 0;
    for (const r of r2) {
      const next = Float64Array.from(counts);
      for (let s = 0; s <= reach; s++) if (counts[s]! !== 0) next[s + r]! += counts[s]!;
      reach += r;
      counts = next;
    }
    const obs = Math.round(2 * wPlus);
    const totalCount = Math.pow(2, n);
    let le = 0;
    let ge = 0;
    for (let s = 0; s <= maxS; s++) {
      if (s <= obs) le += counts[s]!;
      if (s >= obs) ge += counts[s]!;
    }
    return { statistic: wPlus, pValue: pFromTails(alternative, ge / totalCount, le / totalCount), effect, n, method: 'exact' };
  }
  const mu = total / 2;
  let tieTerm = 0;
  for (const t of tieSizes) tieTerm += t * t * t - t;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const pGreater = sigma === 0 ? 1 : normalCdf(-(wPlus - mu - 0.5) / sigma);
  const pLess = sigma === 0 ? 1 : normalCdf((wPlus - mu + 0.5) / sigma);
  return { statistic: wPlus, pValue: pFromTails(alternative, pGreater, pLess), effect, n, method: 'normal' };
}
