/**
 * logisticFit against independent computations: the score of a directly written log-likelihood is
 * zero at the fit (central finite differences); coefficients of simulated data are recovered within
 * their standard errors; a separating line's slope is recovered from separable labels (the use in
 * eff.fourier-boundary); bad input is rejected naming the argument.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { logisticFit } from '../../src/stats/index.ts';
import { Rng } from '../../src/random/rng.ts';

function logLik(X: number[][], y: number[], b: number[]): number {
  let s = 0;
  X.forEach((row, i) => {
    const eta = b[0]! + row.reduce((a, v, j) => a + v * b[j + 1]!, 0);
    const p = 1 / (1 + Math.exp(-eta));
    s += y[i] === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return s;
}

function simulate(rng: Rng, n: number, b: number[], scale: number[]) {
  const X: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = scale.map((s, j) => (j % 2 ? rng.normal() : rng.range(-1, 1)) * s + j);
    const eta = b[0]! + row.reduce((a, v, j) => a + v * b[j + 1]!, 0);
    X.push(row);
    y.push(rng.uniform() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { X, y };
}

const coefs = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 4 });
const scales = (k: number) => fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: k, maxLength: k });

describe('logisticFit', () => {
  test.prop([coefs.chain((b) => fc.tuple(fc.constant(b), scales(b.length - 1))), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 60 })(
    'ridge 0: the finite-difference score of the log-likelihood vanishes at the fit',
    ([b, scale], seed) => {
      const { X, y } = simulate(new Rng(seed), 300, b.map((v, j) => (j ? v / scale[j - 1]! : v)), scale);
      if (y.every((v) => v === y[0])) return;
      const f = logisticFit(X, y, 0);
      if (!f.converged) return; // (quasi-)separable draw: no finite MLE to check
      f.coef.forEach((_, j) => {
        const h = 1e-5 * Math.max(1, Math.abs(f.coef[j]!));
        const up = f.coef.slice(); up[j]! += h;
        const dn = f.coef.slice(); dn[j]! -= h;
        const score = (logLik(X, y, up) - logLik(X, y, dn)) / (2 * h);
        // FD rounding: ~ε·|ℓ|/h; the score's natural size is n·|x|
        expect(Math.abs(score)).toBeLessThan(1e-4 * (1 + X.reduce((a, r) => a + Math.abs(r[Math.max(0, j - 1)]!), 0)));
      });
    },
  );

  test.prop([coefs, fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 40 })('recovers simulated coefficients within 5 standard errors', (b, seed) => {
    const scale = b.slice(1).map(() => 1);
    const { X, y } = simulate(new Rng(seed), 3000, b, scale);
    const f = logisticFit(X, y, 0);
    expect(f.converged).toBe(true);
    b.forEach((v, j) => expect(Math.abs(f.coef[j]! - v)).toBeLessThan(5 * f.stdErr[j]!));
  });

  test.prop([fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 60 })(
    'separable labels y = [x₂ > a + s·x₁]: the ridge fit converges and its boundary slope −b₁/b₂ is within 0.25 of s',
    (s, a, seed) => {
      const rng = new Rng(seed);
      const X: number[][] = [], y: number[] = [];
      for (let i = 0; i < 400; i++) {
        const x1 = rng.range(-2, 2), x2 = a + s * x1 + rng.range(-2, 2);
        X.push([x1, x2]);
        y.push(x2 > a + s * x1 ? 1 : 0);
      }
      const f = logisticFit(X, y);
      expect(f.converged).toBe(true);
      expect(Math.abs(-f.coef[1]! / f.coef[2]! - s)).toBeLessThan(0.25);
    },
  );

  test('rejects bad input naming the argument', () => {
    expect(() => logisticFit([[1], [2]], [0, 2])).toThrow(/y must be 0 or 1/);
    expect(() => logisticFit([[1], [1]], [0, 1])).toThrow(/feature 0 is constant/);
    expect(() => logisticFit([[1], [2], [3]], [0, 1])).toThrow(/X has 3 rows/);
    expect(() => logisticFit([[1], [2]], [0, 1], -1)).toThrow(/ridge/);
  });
});
