/**
 * Laws of the distribution functions. Reference values: Abramowitz & Stegun (1964) Table 26.1
 * (Φ(1) = 0.8413447461, Φ(1.96) = 0.9750021049, Φ(−3) = 0.0013498980), and the 0.975 quantile
 * 1.959963984540054 (NIST/SEMATECH e-Handbook §1.3.6.7.1, "1.96"); closed forms for t with 1 and
 * 2 degrees of freedom; exact binomial sums by BigInt combinatorics.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { binomialCdf, binomialPmf, binomialSf, erf, lgamma, normalCdf, normalQuantile, normalSf, studentTCdf } from '../../src/stats/index.ts';

/** Relative accuracy expected of the erfc-based Φ and of the Lanczos lgamma. */
const RTOL = 1e-13;

function choose(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

/** Exact P(X ≤ k), X ~ Bin(n, ½), as a double from BigInt numerator / 2ⁿ. */
function exactHalfCdf(k: number, n: number): number {
  let s = 0n;
  for (let i = 0; i <= k; i++) s += choose(n, i);
  return Number(s) / Math.pow(2, n);
}

describe('normal distribution', () => {
  test('textbook values (A&S Table 26.1; NIST 1.96)', () => {
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 10);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021049, 10);
    expect(normalCdf(-3) / 0.001349898031630095).toBeCloseTo(1, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
  });

  test.prop([fc.double({ min: -37, max: 5, noNaN: true })])('normalQuantile(normalCdf(x)) = x', (x) => {
    const back = normalQuantile(normalCdf(x));
    // The round trip is limited by the spacing of p = Φ(x): |Δx| ≈ eps·Φ(x)/φ(x) (+ a few ulps of x).
    const p = normalCdf(x);
    const phi = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    expect(Math.abs(back - x)).toBeLessThanOrEqual(4 * Number.EPSILON * (Math.abs(x) + p / phi) + 1e-300);
  });

  test.prop([fc.double({ min: -30, max: 30, noNaN: true })])('Φ(x) + Φ(−x) = 1, Φ increasing, normalSf(x) = Φ(−x)', (x) => {
    expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
    expect(normalCdf(x + 1e-3)).toBeGreaterThanOrEqual(normalCdf(x));
    expect(normalSf(x)).toBe(normalCdf(-x));
  });

  test.prop([fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true })])('normalCdf(normalQuantile(p)) = p (relative)', (p) => {
    const x = normalQuantile(p);
    const phi = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    // Rounding of x (ulp(x)) moves Φ by φ(x)·ulp(x).
    expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(RTOL * p + 4 * Number.EPSILON * Math.abs(x) * phi + 1e-300);
  });
});

describe('binomial', () => {
  test('hand-computed: P(X ≥ 9 | n = 10, ½) = 11/1024, P(X ≤ 2 | 10, ½) = 56/1024, P(X = 3 | 5, 0.3) = 0.1323', () => {
    expect(binomialSf(9, 10, 0.5)).toBeCloseTo(11 / 1024, 15);
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 15);
    expect(binomialPmf(3, 5, 0.3)).toBeCloseTo(10 * 0.027 * 0.49, 15);
  });

  test.prop([fc.integer({ min: 0, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: -1, max: n + 1 })))])(
    'binomialCdf(k, n, ½) equals the exact BigInt sum; cdf(k) + sf(k+1) = 1',
    ([n, k]) => {
      const exact = k < 0 ? 0 : k >= n ? 1 : exactHalfCdf(k, n);
      expect(Math.abs(binomialCdf(k, n, 0.5) - exact)).toBeLessThanOrEqual(1e-12 * exact + 1e-300);
      expect(Math.abs(binomialCdf(k, n, 0.5) + binomialSf(k + 1, n, 0.5) - 1)).toBeLessThanOrEqual(1e-12);
    },
  );

  test.prop([fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true })])('Σ_k pmf = 1 and cdf is the running sum', (n, p) => {
    let s = 0;
    for (let k = 0; k <= n; k++) {
      s += binomialPmf(k, n, p);
      expect(Math.abs(binomialCdf(k, n, p) - Math.min(1, s))).toBeLessThanOrEqual(1e-12);
    }
    expect(Math.abs(s - 1)).toBeLessThanOrEqual(1e-12);
  });
});

describe('Student t and lgamma', () => {
  test.prop([fc.double({ min: -1e3, max: 1e3, noNaN: true })])('df = 1 (Cauchy) and df = 2 closed forms', (t) => {
    expect(Math.abs(studentTCdf(t, 1) - (0.5 + Math.atan(t) / Math.PI))).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(studentTCdf(t, 2) - (0.5 + t / (2 * Math.sqrt(2 + t * t))))).toBeLessThanOrEqual(1e-13);
  });

  test('t table: t_{0.975, 10} = 2.228 (two-sided 5 %); large df → normal', () => {
    expect(studentTCdf(2.228138851986274, 10)).toBeCloseTo(0.975, 12);
    expect(studentTCdf(1.96, 1e7)).toBeCloseTo(normalCdf(1.96), 7);
  });

  test.prop([fc.integer({ min: 1, max: 170 })])('lgamma(n) = ln((n−1)!)', (n) => {
    let f = 0;
    for (let i = 2; i < n; i++) f += Math.log(i);
    expect(Math.abs(lgamma(n) - f)).toBeLessThanOrEqual(RTOL * Math.max(1, Math.abs(f)) + 1e-15);
  });

  test('bad input', () => {
    expect(() => normalQuantile(1.5)).toThrow('normalQuantile: p must lie in [0, 1], got 1.5');
    expect(() => binomialCdf(1, -1, 0.5)).toThrow(/binomialCdf: n must be a non-negative integer/);
    expect(() => studentTCdf(1, 0)).toThrow(/studentTCdf: df must be positive/);
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });
});
