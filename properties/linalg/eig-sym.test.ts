/** Laws of eigSym (cyclic Jacobi): residuals A·v = λv, orthonormal eigenvectors, ascending order, trace. */
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { eigSym, fromRows, matmul, matrix, normFro, trace, transpose, identity, relFroError } from '../../src/linalg/index.ts';
import { squareArb, symmetrize } from './arbitraries.ts';

/** Jacobi is backward stable: ‖AV − VΛ‖ ≲ c·n·eps·‖A‖. */
const RESIDUAL_TOL = 1e-13;
/** VᵀV = I to a few ulps per entry. */
const ORTHO_TOL = 1e-13;

describe('eigSym', () => {
  test.prop([squareArb(1, 12)])('A·V = V·Λ column by column, VᵀV = I, values ascending, Σλ = trace', (A0) => {
    const A = symmetrize(A0);
    const n = A.rows;
    const { values, vectors } = eigSym(A);
    const AV = matmul(A, vectors);
    const nrm = normFro(A);
    for (let k = 0; k < n; k++) {
      let r = 0;
      for (let i = 0; i < n; i++) r += (AV.data[i * n + k]! - values[k]! * vectors.data[i * n + k]!) ** 2;
      expect(Math.sqrt(r)).toBeLessThanOrEqual(RESIDUAL_TOL * n * nrm + 1e-300);
    }
    expect(relFroError(matmul(transpose(vectors), vectors), identity(n)) / Math.sqrt(n)).toBeLessThanOrEqual(ORTHO_TOL * n);
    for (let k = 0; k + 1 < n; k++) expect(values[k]!).toBeLessThanOrEqual(values[k + 1]!);
    expect(Math.abs(values.reduce((s, v) => s + v, 0) - trace(A))).toBeLessThanOrEqual(RESIDUAL_TOL * n * nrm + 1e-300);
  });

  test('known spectrum: tridiagonal (2, −1) of size 5 has eigenvalues 2 − 2cos(kπ/6)', () => {
    const n = 5;
    const A = matrix(n, n);
    for (let i = 0; i < n; i++) {
      A.data[i * n + i] = 2;
      if (i + 1 < n) A.data[i * n + i + 1] = A.data[(i + 1) * n + i] = -1;
    }
    const { values } = eigSym(A);
    for (let k = 1; k <= n; k++) expect(values[k - 1]!).toBeCloseTo(2 - 2 * Math.cos((k * Math.PI) / (n + 1)), 14);
  });

  test('diagonal input with a 1e-30 entry: values returned exactly (no rotation is applied)', () => {
    const { values } = eigSym(fromRows([[1, 0], [0, 1e-30]]));
    expect(Array.from(values)).toEqual([1e-30, 1]);
  });

  test('bad input: asymmetric, non-square, NaN', () => {
    expect(() => eigSym(fromRows([[1, 2], [3, 4]]))).toThrow(/eigSym: A must be symmetric, but A\[0\]\[1\] = 2 and A\[1\]\[0\] = 3/);
    expect(() => eigSym(matrix(3, 2))).toThrow('eigSym: A must be square, got 3×2');
    expect(() => eigSym(fromRows([[NaN]]))).toThrow(/eigSym: A has a non-finite entry/);
  });
});
