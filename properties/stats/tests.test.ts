/**
 * Laws of the hypothesis tests: p-values in [0, 1], symmetry under swapping samples / negating
 * differences, exact null distributions against brute-force enumeration, and textbook examples:
 * Hollander & Wolfe (1973) as reproduced in R's ?wilcox.test (signed rank: V = 40, p = 0.01953;
 * rank sum: W = 35, p = 0.1272) and Student's sleep data (R: t = 4.0621, df = 9, p = 0.002833).
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { mannWhitneyU, normalCdf, pairedT, signTest, wilcoxonSignedRank, rankWithTies, type Alternative } from '../../src/stats/index.ts';

const ALTS: Alternative[] = ['greater', 'less', 'two-sided'];
const flip = (a: Alternative): Alternative => (a === 'greater' ? 'less' : a === 'less' ? 'greater' : a);
/** Integer-valued samples so that ties and zeros are common. */
const small = fc.integer({ min: -5, max: 5 });
const sample = (min: number, max: number) => fc.array(small, { minLength: min, maxLength: max });
const real = fc.double({ min: -100, max: 100, noNaN: true });

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

describe('p-values and symmetry', () => {
  test.prop([sample(0, 40), fc.constantFrom(...ALTS)])('sign test and signed-rank: p ∈ [0, 1]; negating diffs flips the alternative', (d, alt) => {
    const neg = d.map((x) => -x);
    for (const f of [signTest, wilcoxonSignedRank]) {
      const p = f(d, alt).pValue;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Math.abs(f(neg, flip(alt)).pValue - p)).toBeLessThanOrEqual(1e-12);
    }
  });

  test.prop([sample(1, 30), sample(1, 30), fc.constantFrom(...ALTS)])('Mann–Whitney: p ∈ [0, 1]; swapping x and y flips the alternative and U ↦ nx·ny − U', (x, y, alt) => {
    const a = mannWhitneyU(x, y, alt);
    const b = mannWhitneyU(y, x, flip(alt));
    expect(a.pValue).toBeGreaterThanOrEqual(0);
    expect(a.pValue).toBeLessThanOrEqual(1);
    expect(Math.abs(a.pValue - b.pValue)).toBeLessThanOrEqual(1e-12);
    expect(a.U + b.U).toBe(x.length * y.length);
    expect(a.effect).toBeCloseTo(1 - b.effect, 12);
  });

  test.prop([fc.array(real, { minLength: 2, maxLength: 30 }), fc.constantFrom(...ALTS)])('paired t: p ∈ [0, 1]; negation flips the alternative', (d, alt) => {
    const r = pairedT(d, alt);
    expect(r.pValue).toBeGreaterThanOrEqual(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
    expect(Math.abs(pairedT(d.map((x) => -x), flip(alt)).pValue - r.pValue)).toBeLessThanOrEqual(1e-12);
  });
});

describe('exact null distributions against brute force', () => {
  test.prop([sample(0, 12), fc.constantFrom(...ALTS)])('sign test p equals enumeration of all 2ⁿ sign patterns', (d, alt) => {
    const nz = d.filter((x) => x !== 0);
    const n = nz.length;
    const pos = nz.filter((x) => x > 0).length;
    let ge = 0, le = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      let c = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) c++;
      if (c >= pos) ge++;
      if (c <= pos) le++;
    }
    const N = 2 ** n;
    const want = alt === 'greater' ? ge / N : alt === 'less' ? le / N : Math.min(1, (2 * Math.min(ge, le)) / N);
    const r = signTest(d, alt);
    expect(r.n).toBe(n);
    expect(r.positives).toBe(pos);
    expect(Math.abs(r.pValue - want)).toBeLessThanOrEqual(1e-12);
  });

  test.prop([sample(1, 12), fc.constantFrom(...ALTS)])('signed-rank exact p equals enumeration of all 2ⁿ sign patterns over the mid-ranks', (d, alt) => {
    const nz = d.filter((x) => x !== 0);
    const n = nz.length;
    const { ranks } = rankWithTies(nz.map(Math.abs));
    let obs = 0;
    for (let i = 0; i < n; i++) if (nz[i]! > 0) obs += ranks[i]!;
    let ge = 0, le = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      let w = 0;
      for (let i = 0; i < n; i++) if (mask & (1 << i)) w += ranks[i]!;
      if (w >= obs - 1e-9) ge++;
      if (w <= obs + 1e-9) le++;
    }
    const N = 2 ** n;
    const want = n === 0 ? 1 : alt === 'greater' ? ge / N : alt === 'less' ? le / N : Math.min(1, (2 * Math.min(ge, le)) / N);
    const r = wilcoxonSignedRank(d, alt);
    expect(r.statistic).toBeCloseTo(obs, 12);
    expect(Math.abs(r.pValue - want)).toBeLessThanOrEqual(1e-12);
  });

  test.prop([fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 12 }).chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: 1, max: v.length - 1 }))), fc.constantFrom(...ALTS)])(
    'Mann–Whitney exact p (no ties) equals enumeration of all C(N, nx) splits',
    ([vals, nx], alt) => {
      const x = vals.slice(0, nx);
      const y = vals.slice(nx);
      const N = vals.length;
      const Ux = (xs: number[], ys: number[]) => xs.reduce((s, a) => s + ys.filter((b) => a > b).length, 0);
      const obs = Ux(x, y);
      let ge = 0, le = 0, total = 0;
      for (let mask = 0; mask < 1 << N; mask++) {
        let c = 0;
        for (let i = 0; i < N; i++) if (mask & (1 << i)) c++;
        if (c !== nx) continue;
        const xs = vals.filter((_, i) => mask & (1 << i));
        const ys = vals.filter((_, i) => !(mask & (1 << i)));
        const u = Ux(xs, ys);
        total++;
        if (u >= obs) ge++;
        if (u <= obs) le++;
      }
      const want = alt === 'greater' ? ge / total : alt === 'less' ? le / total : Math.min(1, (2 * Math.min(ge, le)) / total);
      const r = mannWhitneyU(x, y, alt);
      expect(r.method).toBe('exact');
      expect(r.U).toBe(obs);
      expect(Math.abs(r.pValue - want)).toBeLessThanOrEqual(1e-12);
    },
  );

  test.prop([fc.integer({ min: 26, max: 60 }), fc.integer({ min: 0, max: 1000 })])('signed-rank: the normal approximation used for n > 25 is within 0.01 of the exact p', (n, seed) => {
    // Deterministic pseudo-random distinct magnitudes with signs from the seed.
    const d = Array.from({ length: n }, (_, i) => (i + 1) * (((seed * 7919 + i * 104729) % 3) === 0 ? -1 : 1));
    const approx = wilcoxonSignedRank(d, 'greater');
    expect(approx.method).toBe('normal');
    // Exact p (no ties: magnitudes 1..n) from the counts of subset sums of {1, …, n}.
    const maxS = (n * (n + 1)) / 2;
    let counts = new Float64Array(maxS + 1);
    counts[0] = 1;
    for (let r = 1; r <= n; r++) {
      const next = Float64Array.from(counts);
      for (let s = 0; s + r <= maxS; s++) next[s + r]! += counts[s]!;
      counts = next;
    }
    let ge = 0;
    for (let s = Math.round(approx.statistic); s <= maxS; s++) ge += counts[s]!;
    expect(Math.abs(approx.pValue - ge / 2 ** n)).toBeLessThanOrEqual(0.01);
  });
});

/** Exact conditional null of Σ(doubled ranks of a chosen k-subset) by DP: counts[k][s] (k = -1: any subset size, for signed ranks). */
function subsetSumCounts(r2: number[], k: number): Float64Array {
  const maxS = r2.reduce((a, b) => a + b, 0);
  if (k < 0) {
    let c = new Float64Array(maxS + 1);
    c[0] = 1;
    for (const r of r2) {
      const next = Float64Array.from(c);
      for (let s = 0; s + r <= maxS; s++) next[s + r]! += c[s]!;
      c = next;
    }
    return c;
  }
  let f = Array.from({ length: k + 1 }, () => new Float64Array(maxS + 1));
  f[0]![0] = 1;
  for (const r of r2) {
    const g = f.map((row) => Float64Array.from(row));
    for (let j = 1; j <= k; j++) for (let s = 0; s + r <= maxS; s++) g[j]![s + r]! += f[j - 1]![s]!;
    f = g;
  }
  return f[k]!;
}

function upperTail(counts: Float64Array, obs: number): number {
  let ge = 0, total = 0;
  for (let s = 0; s < counts.length; s++) {
    total += counts[s]!;
    if (s >= obs) ge += counts[s]!;
  }
  return ge / total;
}

/**
 * Normal approximation vs exact conditional p for n > 25 with heavy ties (≤ 9 distinct values): the
 * continuity-corrected approximation's own error reaches ~0.01 there (seen: 0.0101 at n = 26 with 4
 * distinct magnitudes); dropping the tie correction moves p by several times this.
 */
const NORMAL_APPROX_TOL = 0.015;

describe('normal approximations with ties against the exact conditional distribution', () => {
  test.prop([fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 30, maxLength: 60 })])('signed-rank with tied magnitudes (n > 25)', (d) => {
    const nz = d.filter((x) => x !== 0);
    fc.pre(nz.length > 25);
    const r = wilcoxonSignedRank(d, 'greater');
    expect(r.method).toBe('normal');
    const { ranks } = rankWithTies(nz.map(Math.abs));
    const exact = upperTail(subsetSumCounts(Array.from(ranks, (x) => Math.round(2 * x)), -1), Math.round(2 * r.statistic));
    expect(Math.abs(r.pValue - exact)).toBeLessThanOrEqual(NORMAL_APPROX_TOL);
  });

  /** Mean and variance of the exact conditional null (from the DP counts), in units of the doubled statistic. */
  function moments(c: Float64Array): { mean: number; variance: number } {
    let t = 0, m1 = 0, m2 = 0;
    for (let s = 0; s < c.length; s++) { t += c[s]!; m1 += s * c[s]!; m2 += s * s * c[s]!; }
    const mean = m1 / t;
    return { mean, variance: m2 / t - mean * mean };
  }

  const heavy = fc.integer({ min: 1, max: 3 }).chain((B) => fc.array(fc.integer({ min: -B, max: B }), { minLength: 30, maxLength: 50 }));

  test.prop([heavy])('signed-rank normal approximation uses the exact conditional (tie-corrected) variance', (d) => {
    const nz = d.filter((x) => x !== 0);
    fc.pre(nz.length > 25);
    const r = wilcoxonSignedRank(nz, 'greater');
    const { ranks } = rankWithTies(nz.map(Math.abs));
    const { mean, variance } = moments(subsetSumCounts(Array.from(ranks, (x) => Math.round(2 * x)), -1));
    // Doubled statistic: W⁺ = s/2, so mean/2 and variance/4; continuity correction ½ on W⁺.
    const want = normalCdf(-(r.statistic - mean / 2 - 0.5) / Math.sqrt(variance / 4));
    expect(Math.abs(r.pValue - want)).toBeLessThanOrEqual(1e-9);
  });

  test.prop([fc.integer({ min: 0, max: 3 }).chain((B) => fc.tuple(fc.array(fc.integer({ min: 0, max: B + 1 }), { minLength: 8, maxLength: 25 }), fc.array(fc.integer({ min: 0, max: B + 1 }), { minLength: 8, maxLength: 25 })))], { numRuns: 30 })(
    'Mann–Whitney normal approximation uses the exact conditional (tie-corrected) variance',
    ([x, y]) => {
      const r = mannWhitneyU(x, y, 'greater');
      fc.pre(r.method === 'normal');
      const { ranks } = rankWithTies([...x, ...y]);
      const { variance } = moments(subsetSumCounts(Array.from(ranks, (v) => Math.round(2 * v)), x.length));
      // U = rank sum − nx(nx+1)/2 shares the rank sum's variance (variance/4 in doubled units).
      const sd = Math.sqrt(variance / 4);
      const want = sd === 0 ? 1 : normalCdf(-(r.U - (x.length * y.length) / 2 - 0.5) / sd);
      expect(Math.abs(r.pValue - want)).toBeLessThanOrEqual(1e-9);
    },
  );

  test.prop([sample(12, 25), sample(12, 25)], { numRuns: 20 })('Mann–Whitney with ties (N > 50 or ties → normal)', (x, y) => {
    const r = mannWhitneyU(x, y, 'greater');
    expect(r.method).toBe('normal');
    const { ranks } = rankWithTies([...x, ...y]);
    const r2 = Array.from(ranks, (v) => Math.round(2 * v));
    const obs2 = r2.slice(0, x.length).reduce((a, b) => a + b, 0);
    const exact = upperTail(subsetSumCounts(r2, x.length), obs2);
    expect(Math.abs(r.pValue - exact)).toBeLessThanOrEqual(NORMAL_APPROX_TOL);
  });
});

describe('textbook examples and effect sizes', () => {
  test('Hollander & Wolfe depression data (R ?wilcox.test): V = 40, one-sided p = 0.01953', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = wilcoxonSignedRank(x.map((v, i) => v - y[i]!), 'greater');
    expect(r.statistic).toBe(40);
    expect(r.pValue).toBeCloseTo(10 / 512, 12); // 0.01953
  });

  test('Hollander & Wolfe permeability data (R ?wilcox.test): W = 35, p = 0.1272 (greater)', () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = mannWhitneyU(x, y, 'greater');
    expect(r.U).toBe(35);
    expect(r.pValue).toBeCloseTo(0.1272, 4);
    expect(r.effect).toBeCloseTo(35 / 50, 12);
  });

  test("Student's sleep data (R t.test paired): t = 4.0621, df = 9, p = 0.002833; sign test 9/9 non-zero positive", () => {
    const d = [1.2, 2.4, 1.3, 1.3, 0, 1, 1.8, 0.8, 4.6, 1.4];
    const t = pairedT(d, 'two-sided');
    expect(t.t).toBeCloseTo(4.0621, 4);
    expect(t.df).toBe(9);
    expect(t.pValue).toBeCloseTo(0.002833, 6);
    expect(t.effect).toBeCloseTo(1.58 / 1.2299954832, 8);
    const s = signTest(d, 'greater');
    expect([s.n, s.positives]).toEqual([9, 9]);
    expect(s.pValue).toBeCloseTo(1 / 512, 15);
    expect(s.effect).toBe(1.3);
  });

  test.prop([fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 })])('Mann–Whitney on completely separated samples: p = 1/C(N, nx) (exact) and tiny', (nx, ny) => {
    const x = Array.from({ length: nx }, (_, i) => 100 + i);
    const y = Array.from({ length: ny }, (_, i) => i * 0.5);
    const r = mannWhitneyU(x, y, 'greater');
    expect(r.effect).toBe(1);
    expect(r.rankBiserial).toBe(1);
    if (r.method === 'exact') expect(r.pValue).toBeCloseTo(1 / choose(nx + ny, nx), 15);
    if (nx >= 7 && ny >= 7) expect(r.pValue).toBeLessThan(1e-3); // 1/C(14, 7) = 1/3432
  });

  test('large separated samples: normal approximation gives a tiny p', () => {
    const x = Array.from({ length: 40 }, (_, i) => 10 + i);
    const y = Array.from({ length: 40 }, (_, i) => -i);
    const r = mannWhitneyU(x, y, 'two-sided');
    expect(r.method).toBe('normal');
    expect(r.pValue).toBeLessThan(1e-12);
  });

  test('bad input names function and argument', () => {
    expect(() => signTest([1, NaN], 'greater')).toThrow('signTest: diffs[1] must be a finite number, got NaN');
    expect(() => mannWhitneyU([], [1], 'less')).toThrow('mannWhitneyU: x needs at least 1 values, got 0');
    expect(() => wilcoxonSignedRank([1], 'bigger' as Alternative)).toThrow(/wilcoxonSignedRank: alternative must be/);
    expect(() => pairedT([1], 'less')).toThrow('pairedT: diffs needs at least 2 values, got 1');
  });
});
