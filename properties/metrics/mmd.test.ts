import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../src/random/rng.ts';
import { rbfKernel } from '../../src/kernels/rbf.ts';
import { mmd2Biased, mmd2Unbiased } from '../../src/metrics/mmd.ts';

describe('mmd', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 })], { numRuns: 100 })(
    'biased = unbiased + the diagonal correction',
    (seed, n, m) => {
      const rng = new Rng(seed);
      const k = rbfKernel(1);
      const xs = Array.from({ length: n }, () => rng.normals(new Float64Array(2)));
      const ys = Array.from({ length: m }, () => rng.normals(new Float64Array(2)));
      // With k(x, x) = 1: Σᵢⱼ = Σ_{i≠j} + n, so biased − unbiased = (1/n − S_x/(n²(n−1))) + (same for y).
      let sx = 0, sy = 0;
      xs.forEach((a, i) => xs.forEach((b, j) => { if (i !== j) sx += k.k(a, b); }));
      ys.forEach((a, i) => ys.forEach((b, j) => { if (i !== j) sy += k.k(a, b); }));
      const corr = 1 / n - sx / (n * n * (n - 1)) + 1 / m - sy / (m * m * (m - 1));
      expect(mmd2Biased(k, xs, ys) - mmd2Unbiased(k, xs, ys)).toBeCloseTo(corr, 12);
    },
  );
  test('the unbiased estimator is unbiased: exact expectation over all samples of a 3-atom law', () => {
    const k = rbfKernel(0.7);
    const A = [Float64Array.of(0), Float64Array.of(1), Float64Array.of(2.5)];
    const p = [0.5, 0.3, 0.2];
    const q = [0.2, 0.2, 0.6];
    let pop = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) pop += (p[i]! * p[j]! + q[i]! * q[j]! - 2 * p[i]! * q[j]!) * k.k(A[i]!, A[j]!);
    let e = 0;
    for (let a = 0; a < 9; a++) for (let b = 0; b < 9; b++) {
      const xi = [a % 3, Math.floor(a / 3)];
      const yi = [b % 3, Math.floor(b / 3)];
      const w = p[xi[0]!]! * p[xi[1]!]! * q[yi[0]!]! * q[yi[1]!]!;
      e += w * mmd2Unbiased(k, xi.map((i) => A[i]!), yi.map((i) => A[i]!));
    }
    expect(e).toBeCloseTo(pop, 13);
  });
  test('rejects bad inputs', () => {
    const k = rbfKernel(1);
    expect(() => mmd2Biased(k, [], [Float64Array.of(0)])).toThrow(/xs/);
    expect(() => mmd2Biased(k, [Float64Array.of(0)], [Float64Array.of(0, 1)])).toThrow(/dimension/);
    expect(() => mmd2Unbiased(k, [Float64Array.of(0)], [Float64Array.of(0), Float64Array.of(1)])).toThrow(/at least 2/);
  });
});
