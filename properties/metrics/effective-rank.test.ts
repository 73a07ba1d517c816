import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../src/random/rng.ts';
import { effectiveRank, effectiveRankFromEigenvalues } from '../../src/metrics/effective-rank.ts';

describe('effective rank exp(H(λ/Σλ))', () => {
  test.prop([fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 1e6 })])('of a Gram matrix A Aᵀ (n×r) lies in [1, min(n, r)]', (n, r, seed) => {
    const rng = new Rng(seed);
    const A = rng.normals(new Float64Array(n * r));
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = 0; for (let k = 0; k < r; k++) s += A[i * r + k]! * A[j * r + k]!; K[i * n + j] = s; }
    const e = effectiveRank(K, n);
    expect(e).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(e).toBeLessThanOrEqual(Math.min(n, r) + 1e-6);
  });
  test.prop([fc.integer({ min: 1, max: 30 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })])('is n for c·I and 1 for one non-zero eigenvalue', (n, c) => {
    expect(Math.abs(effectiveRankFromEigenvalues(new Float64Array(n).fill(c)) - n)).toBeLessThan(1e-12 * n);
    const v = new Float64Array(n);
    v[0] = c;
    expect(effectiveRankFromEigenvalues(v)).toBe(1);
  });
  test('two equal eigenvalues and the rest zero give 2; a negative eigenvalue is rejected', () => {
    expect(effectiveRankFromEigenvalues([3, 3, 0, 0])).toBeCloseTo(2, 14);
    expect(() => effectiveRankFromEigenvalues([1, -0.5])).toThrow(/PSD/);
  });
});
