/** Laws of dot / norm2 / normFro / relFroError. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { dot, fromRows, matmul, norm2, normFro, relFroError, scale, trace, transpose } from '../../src/linalg/index.ts';
import { rectArb, vectorArb } from './arbitraries.ts';

const RTOL = 1e-14;

describe('norms', () => {
  test.prop([fc.integer({ min: 1, max: 30 }).chain((n) => vectorArb(n))])('norm2(x)² = dot(x, x) and norm2 = Math.hypot', (x) => {
    const n = norm2(x);
    expect(Math.abs(n * n - dot(x, x))).toBeLessThanOrEqual(RTOL * 10 * dot(x, x) + 1e-300);
    expect(Math.abs(n - Math.hypot(...x))).toBeLessThanOrEqual(RTOL * 10 * n + 1e-300);
  });

  test.prop([rectArb(8, 8)])('normFro(A)² = trace(AᵀA); normFro(cA) = |c|·normFro(A)', (A) => {
    const f = normFro(A);
    const t = trace(matmul(transpose(A), A));
    expect(Math.abs(f * f - t)).toBeLessThanOrEqual(RTOL * 10 * t + 1e-300);
    expect(Math.abs(normFro(scale(A, -3)) - 3 * f)).toBeLessThanOrEqual(RTOL * 10 * f + 1e-300);
  });

  test.prop([rectArb(6, 6), fc.double({ min: -1, max: 1, noNaN: true })])('relFroError(A(1+δ), A) = |δ| for A ≠ 0', (A, delta) => {
    fc.pre(normFro(A) > 1e-100);
    expect(relFroError(scale(A, 1 + delta), A)).toBeCloseTo(Math.abs(delta), 12);
    expect(relFroError(A, A)).toBe(0);
  });

  test('no overflow or underflow at extreme scales; errors name the function', () => {
    expect(norm2(Float64Array.of(3e200, 4e200))).toBeCloseTo(5e200, -186);
    expect(norm2(Float64Array.of(3e-200, 4e-200))).toBeCloseTo(5e-200, 214);
    expect(normFro(fromRows([[1e300, 1e300]]))).toBeCloseTo(Math.SQRT2 * 1e300, -286);
    expect(() => dot(Float64Array.of(1), Float64Array.of(1, 2))).toThrow('dot: y has length 2, expected 1');
    expect(() => relFroError(fromRows([[1]]), fromRows([[1, 2]]))).toThrow(/relFroError: actual is 1×1 but expected is 1×2/);
    expect(() => norm2(Float64Array.of(NaN))).toThrow(/norm2: x has a non-finite entry/);
  });
});
