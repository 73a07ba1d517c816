/** Laws of mean/median/std/quantile, bootstrapCI, pearson/spearman, linearFit. Anscombe (1973) quartet I as the textbook case. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { bootstrapCI, linearFit, mean, median, pearson, quantile, spearman, std } from '../../src/stats/index.ts';
import { Rng } from '../../src/random/rng.ts';

const real = fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => (Math.abs(x) < 1e-100 ? 0 : x));

// Anscombe, "Graphs in statistical analysis", Am. Stat. 27 (1973): quartet I has mean x 9, mean y 7.50,
// regression line y = 3.00 + 0.500x, r = 0.816, r² = 0.67.
const AX = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const AY = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

describe('descriptive', () => {
  test('known values: median, type-7 quantiles (R quantile default), sample std', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 14);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(mean(AX)).toBe(9);
  });

  test.prop([fc.array(real, { minLength: 2, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true })])('min ≤ quantile ≤ max, monotone in q; std ≥ 0 and shift-invariant', (xs, q) => {
    const v = quantile(xs, q);
    expect(v).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(v).toBeLessThanOrEqual(Math.max(...xs));
    expect(quantile(xs, Math.min(1, q + 0.1))).toBeGreaterThanOrEqual(v);
    const s = std(xs);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(Math.abs(std(xs.map((x) => x + 7)) - s)).toBeLessThanOrEqual(1e-9 * (1 + s));
  });
});

describe('correlation and regression', () => {
  test('Anscombe quartet I: r = 0.816, slope 0.500, intercept 3.00, r² = 0.67', () => {
    const p = pearson(AX, AY);
    expect(p.r).toBeCloseTo(0.81642, 5);
    // R: cor.test(anscombe$x1, anscombe$y1) → 95 percent confidence interval 0.4243912 0.9506933 (Fisher z).
    expect(p.lo).toBeCloseTo(0.4243912, 6);
    expect(p.hi).toBeCloseTo(0.9506933, 6);
    const f = linearFit(AX, AY);
    expect(f.slope).toBeCloseTo(0.5001, 4);
    expect(f.intercept).toBeCloseTo(3.0001, 4);
    expect(f.r2).toBeCloseTo(p.r * p.r, 12);
    // Textbook p-value of the slope: 0.00217 (t = 4.24 on 9 df).
    expect(p.pValue).toBeCloseTo(0.00217, 4);
    expect(f.slope / f.slopeStdErr).toBeCloseTo(4.24, 2);
  });

  test.prop([fc.array(fc.tuple(real, real), { minLength: 4, maxLength: 40 }), fc.double({ min: 0.5, max: 10, noNaN: true }), real])(
    'pearson: |r| ≤ 1, lo ≤ r ≤ hi, invariant under positive affine maps of x; spearman invariant under monotone maps',
    (pts, a, b) => {
      const x = pts.map((p) => p[0]);
      const y = pts.map((p) => p[1]);
      const r = pearson(x, y);
      fc.pre(!Number.isNaN(r.r));
      expect(Math.abs(r.r)).toBeLessThanOrEqual(1);
      expect(r.lo).toBeLessThanOrEqual(r.r + 1e-12);
      expect(r.hi).toBeGreaterThanOrEqual(r.r - 1e-12);
      expect(r.pValue).toBeGreaterThanOrEqual(0);
      expect(r.pValue).toBeLessThanOrEqual(1);
      // Affine invariance only where a·x + b keeps x's spread above rounding (else the map itself destroys the data).
      const spread = Math.max(...x) - Math.min(...x);
      if (spread > 1e-6 * (Math.abs(b) + Math.max(...x.map(Math.abs)))) {
        expect(Math.abs(pearson(x.map((v) => a * v + b), y).r - r.r)).toBeLessThanOrEqual(1e-6);
      }
      const s = spearman(x, y);
      // A strictly increasing (nonlinear) map: each distinct value ↦ (its index among the sorted distinct values)³.
      const distinct = [...new Set(x)].sort((p, q) => p - q);
      const mono = x.map((v) => distinct.indexOf(v) ** 3);
      if (Number.isNaN(s.r)) expect(spearman(mono, y).r).toBeNaN();
      else expect(spearman(mono, y).r).toBeCloseTo(s.r, 12);
    },
  );

  test.prop([fc.array(real, { minLength: 3, maxLength: 30 }), real, real])('linearFit recovers an exact line; residuals sum to 0 and are orthogonal to x', (x, m, c) => {
    fc.pre(new Set(x).size > 1);
    const y = x.map((v) => m * v + c);
    const f = linearFit(x, y);
    const scale = Math.max(1, Math.abs(m) * Math.max(...x.map(Math.abs)), Math.abs(c));
    expect(Math.abs(f.slope - m) * Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(1e-9 * scale);
    for (const r of f.residuals) expect(Math.abs(r)).toBeLessThanOrEqual(1e-9 * scale);
    const noisy = linearFit(x, x.map((v, i) => m * v + c + ((i * 7919) % 13) - 6));
    const sumR = noisy.residuals.reduce((s, r) => s + r, 0);
    const dotX = noisy.residuals.reduce((s, r, i) => s + r * x[i]!, 0);
    expect(Math.abs(sumR)).toBeLessThanOrEqual(1e-8 * scale * x.length);
    expect(Math.abs(dotX)).toBeLessThanOrEqual(1e-8 * scale * x.length * Math.max(1, ...x.map(Math.abs)));
  });

  test('spearman of a monotone relation is 1; bad input', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]).r).toBeCloseTo(1, 15);
    expect(() => pearson([1, 2, 3], [1, 2])).toThrow('pearson: x and y must have the same length, got 3 and 2');
    expect(() => linearFit([1, 1, 1], [1, 2, 3])).toThrow(/linearFit: x is constant/);
    expect(() => pearson([1, 2, 3, 4], [1, 2, 3, 4], 1.5)).toThrow(/pearson: level must be in \(0, 1\)/);
  });
});

describe('bootstrapCI', () => {
  test.prop([fc.array(real, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 2 ** 31 })], { numRuns: 30 })(
    'deterministic for a seed; lo ≤ hi; constant samples give a point interval',
    (xs, seed) => {
      const a = bootstrapCI(xs, mean, { rng: new Rng(seed), B: 200 });
      const b = bootstrapCI(xs, mean, { rng: new Rng(seed), B: 200 });
      expect(a).toEqual(b);
      expect(a.lo).toBeLessThanOrEqual(a.hi);
      // The mean of a resample lies in [min, max] up to the rounding of its sum.
      const slack = 1e-13 * Math.max(...xs.map(Math.abs));
      expect(a.lo).toBeGreaterThanOrEqual(Math.min(...xs) - slack);
      expect(a.hi).toBeLessThanOrEqual(Math.max(...xs) + slack);
      const c = bootstrapCI(xs.map(() => 3), mean, { rng: new Rng(seed), B: 50 });
      expect([c.lo, c.hi]).toEqual([3, 3]);
    },
  );

  test('normal sample: percentile CI of the mean ≈ x̄ ∓ 1.96·s/√n, each end within 6 % of the half-width', () => {
    // Monte Carlo error of a 2.5 % bootstrap quantile with B = 4000: √(0.025·0.975/B)/φ(1.96) ≈ 0.04 s/√n ≈ 2 %
    // of the half-width; the plug-in variance factor (n−1)/n adds 0.25 %. A wrong level (e.g. 90 %) moves an end by ≥ 8 %.
    const rng = new Rng(7);
    const xs = Array.from({ length: 200 }, () => rng.normal());
    const ci = bootstrapCI(xs, mean, { rng: new Rng(8), B: 4000 });
    const half = (1.96 * std(xs)) / Math.sqrt(xs.length);
    expect(Math.abs(ci.lo - (mean(xs) - half))).toBeLessThan(0.06 * half);
    expect(Math.abs(ci.hi - (mean(xs) + half))).toBeLessThan(0.06 * half);
  });
});
