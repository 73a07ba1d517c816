/**
 * One-sample Kolmogorov–Smirnov statistic D_n = sup |F_n − F| and the DKW critical value
 * ε(α) = √(ln(2/α)/(2n)) (Massart's tight constant: P(D_n > ε) ≤ 2e^{−2nε²} for every n),
 * used by the ib property checks. Private until src/stats offers a KS test.
 */
export function ksStatistic(samples: Float64Array, cdf: (x: number) => number): number {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

export function dkwCritical(n: number, alpha: number): number {
  return Math.sqrt(Math.log(2 / alpha) / (2 * n));
}
