/** Laws of spectralRadius. */
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { eigSym, fromRows, matmul, matrix, normFro, scale, spectralRadius, svd, trace } from '../../src/linalg/index.ts';
import { entry, squareArb, symmetrize } from './arbitraries.ts';

/** Backward error of the QR iteration, relative to ‖A‖_F. */
const TOL = 1e-12;

describe('spectralRadius', () => {
  test.prop([squareArb(1, 10)])('|trace|/n ≤ ρ(A) ≤ σ_max(A) (SVD)', (A) => {
    const r = spectralRadius(A);
    const tol = TOL * A.rows * normFro(A);
    expect(r).toBeLessThanOrEqual(svd(A).S[0]! + tol);
    expect(Math.abs(trace(A)) / A.rows).toBeLessThanOrEqual(r + tol);
  });

  // Symmetric input only: for defective eigenvalues ρ is only eps^{1/k}-accurate, so exact-scaling
  // identities would test rounding, not the code.
  test.prop([squareArb(1, 10), entry(5)])('symmetric A: ρ(A) = max|λ| of eigSym, ρ(cA) = |c|ρ(A), ρ(A²) = ρ(A)²', (A0, c) => {
    const A = symmetrize(A0);
    const r = spectralRadius(A);
    const { values } = eigSym(A);
    const tol = TOL * A.rows * normFro(A);
    expect(Math.abs(r - Math.max(Math.abs(values[0]!), Math.abs(values[A.rows - 1]!)))).toBeLessThanOrEqual(tol);
    expect(Math.abs(spectralRadius(scale(A, c)) - Math.abs(c) * r)).toBeLessThanOrEqual(Math.abs(c) * tol);
    expect(Math.abs(spectralRadius(matmul(A, A)) - r * r)).toBeLessThanOrEqual(TOL * A.rows * normFro(A) ** 2);
  });

  test('closed forms: scaled rotation, Dirac-GAN Jacobian, tiny and huge scales, empty and bad input', () => {
    expect(spectralRadius(fromRows([[0, -2], [2, 0]]))).toBeCloseTo(2, 15);
    // [[0, 1], [−1, −β]] has |λ| = 1 for β < 2 (complex pair on the unit circle).
    expect(spectralRadius(fromRows([[0, 1], [-1, -1.5]]))).toBeCloseTo(1, 14);
    expect(spectralRadius(fromRows([[0, -3e-200], [3e-200, 0]])) / 3e-200).toBeCloseTo(1, 14);
    expect(spectralRadius(fromRows([[0, -3e200], [3e200, 0]])) / 3e200).toBeCloseTo(1, 14);
    expect(spectralRadius(matrix(0, 0))).toBe(0);
    expect(() => spectralRadius(matrix(2, 1))).toThrow('spectralRadius: A must be square, got 2×1');
  });
});
