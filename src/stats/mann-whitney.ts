/**
 * Mann–Whitney U test (Wilcoxon rank-sum) for two independent samples. Exact null distribution
 * when there are no ties and nx + ny ≤ 50 (subset-sum DP over ranks); otherwise the normal
 * approximation with tie-corrected variance and continuity correction (Hollander & Wolfe §4.1).
 */
import { checkAlternative, checkSample, pFromTails, type Alternative } from './check.ts';
import { normalCdf } from './distributions.ts';
import { rankWithTies } from './ranks.ts';

export const MANN_WHITNEY_EXACT_MAX_N = 50;

export interface MannWhitneyResult {
  /** U for x: #{(i, j): x_i > y_j} + ½ #{x_i = y_j}. */
  U: number;
  pValue: number;
  /** Common-language effect size U/(nx·ny) = P(X > Y) + ½P(X = Y). */
  effect: number;
  /** Rank-biserial correlation 2·effect − 1 ∈ [−1, 1]. */
  rankBiserial: number;
  method: 'exact' | 'normal';
}

/** alternative 'greater': x tends to be larger than y. */
export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>, alternative: Alternative): MannWhitneyResult {
  checkSample('mannWhitneyU', 'x', x, 1);
  checkSample('mannWhitneyU', 'y', y, 1);
  checkAlternative('mannWhitneyU', alternative);
  const nx = x.length;
  const ny = y.length;
  const N = nx + ny;
  const all = new Float64Array(N);
  for (let i = 0; i < nx; i++) all[i] = x[i]!;
  for (let j = 0; j < ny; j++) all[nx + j] = y[j]!;
  const { ranks, tieSizes } = rankWithTies(all);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i]!;
  const U = rx - (nx * (nx + 1)) / 2;
  const effect = U / (nx * ny);
  const rankBiserial = 2 * effect - 1;
  if (tieSizes.length === 0 && N <= MANN_WHITNEY_EXACT_MAX_N) {
    const { le, ge } = exactTails(nx, ny, U);
    return { U, pValue: pFromTails(alternative, ge, le), effect, rankBiserial, method: 'exact' };
  }
  const mu = (nx * ny) / 2;
  let tieTerm = 0;
  for (const t of tieSizes) tieTerm += t * t * t - t;
  const sigma = Math.sqrt(((nx * ny) / 12) * (N + 1 - tieTerm / (N * (N - 1))));
  const pGreater = sigma === 0 ? 1 : normalCdf(-(U - mu - 0.5) / sigma);
  const pLess = sigma === 0 ? 1 : normalCdf((U - mu + 0.5) / sigma);
  return { U, pValue: pFromTails(alternative, pGreater, pLess), effect, rankBiserial, method: 'normal' };
}

/** P(U ≤ u) and P(U ≥ u) under H0 without ties: counts of nx-subsets of ranks {1..N} by U = rank sum − nx(nx+1)/2. */
function exactTails(nx: number, ny: number, u: number): { le: number; ge: number } {
  const maxU = nx * ny;
  // f[k][s]: number of k-subsets of the ranks seen so far with U-contribution s (rank sum minus k(k+1)/2
  // is the number of non-chosen items below chosen ones, ≤ k·(seen − k)).
  let f: Float64Array[] = [];
  for (let k = 0; k <= nx; k++) f.push(new Float64Array(maxU + 1));
  f[0]![0] = 1;
  for (let item = 1; item <= nx + ny; item++) {
    const g = f.map((row) => Float64Array.from(row));
    // Choosing this item as the k-th chosen one adds (item − k) non-chosen items below it.
    for (let k = 1; k <= Math.min(nx, item); k++) {
      const add = item - k;
      if (add > ny) continue;
      const src = f[k - 1]!;
      const dst = g[k]!;
      for (let s = 0; s + add <= maxU; s++) if (src[s]! !== 0) dst[s + add]! += src[s]!;
    }
    f = g;
  }
  const row = f[nx]!;
  let total = 0, le = 0, ge = 0;
  for (let s = 0; s <= maxU; s++) {
    total += row[s]!;
    if (s <= u) le += row[s]!;
    if (s >= u) ge += row[s]!;
  }
  return { le: le / total, ge: ge / total };
}
