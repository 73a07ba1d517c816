/** Laws of svd (one-sided Jacobi): reconstruction, orthonormal factors, order, and S² = eig(AᵀA) by eigSym. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { eigSym, fromRows, identity, matmul, matrix, normFro, relFroError, svd, transpose, type Matrix } from '../../src/linalg/index.ts';
import { matrixArb, rectArb } from './arbitraries.ts';

/** Backward stable: ‖U S Vᵀ − A‖ ≲ c·max(m,n)·eps·‖A‖. */
const RECON_TOL = 1e-13;
const ORTHO_TOL = 1e-13;
/** σ² vs λ(AᵀA): λ carries absolute error ~eps·‖A‖², so compare on that scale. */
const GRAM_TOL = 1e-12;

function usvt(U: Matrix, S: Float64Array, V: Matrix): Matrix {
  const k = S.length;
  const US = matrix(U.rows, k);
  for (let i = 0; i < U.rows; i++) for (let j = 0; j < k; j++) US.data[i * k + j] = U.data[i * k + j]! * S[j]!;
  return matmul(US, transpose(V));
}

/** Rank-deficient: columns repeated or zeroed. */
const deficient = fc.tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 8 })).chain(([m, n]) =>
  fc.tuple(matrixArb(m, n), fc.array(fc.nat(n - 1), { minLength: n, maxLength: n })).map(([A, pick]) => {
    const B = matrix(m, n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) B.data[i * n + j] = A.data[i * n + Math.min(pick[j]!, 1)]! * (pick[j]! % 3 === 2 ? 0 : 1);
    return B;
  }),
);

describe('svd', () => {
  test.prop([fc.oneof(rectArb(10, 10), deficient)])('A = U·S·Vᵀ, UᵀU = VᵀV = I, S descending ≥ 0, shapes thin', (A) => {
    const { U, S, V } = svd(A);
    const k = Math.min(A.rows, A.cols);
    expect([U.rows, U.cols, S.length, V.rows, V.cols]).toEqual([A.rows, k, k, A.cols, k]);
    const nrm = normFro(A);
    expect(normFro(sub2(usvt(U, S, V), A))).toBeLessThanOrEqual(RECON_TOL * Math.max(A.rows, A.cols) * nrm + 1e-300);
    expect(relFroError(matmul(transpose(U), U), identity(k))).toBeLessThanOrEqual(ORTHO_TOL * k);
    expect(relFroError(matmul(transpose(V), V), identity(k))).toBeLessThanOrEqual(ORTHO_TOL * k);
    for (let i = 0; i < k; i++) {
      expect(S[i]!).toBeGreaterThanOrEqual(0);
      if (i + 1 < k) expect(S[i]!).toBeGreaterThanOrEqual(S[i + 1]!);
    }
  });

  test.prop([rectArb(8, 8)])('S² equals the top eigenvalues of AᵀA (or AAᵀ) from the Jacobi eigSym', (A) => {
    const { S } = svd(A);
    const G = A.rows >= A.cols ? matmul(transpose(A), A) : matmul(A, transpose(A));
    const lam = Array.from(eigSym(G).values).reverse();
    const nrm2 = normFro(A) ** 2;
    for (let i = 0; i < S.length; i++) expect(Math.abs(S[i]! ** 2 - lam[i]!)).toBeLessThanOrEqual(GRAM_TOL * nrm2 + 1e-300);
  });

  test('hand-computed: [[3, 0], [4, 5]] has singular values √45 and √5', () => {
    const { S } = svd(fromRows([[3, 0], [4, 5]]));
    expect(S[0]).toBeCloseTo(Math.sqrt(45), 14);
    expect(S[1]).toBeCloseTo(Math.sqrt(5), 14);
  });

  test('zero matrix and NaN input', () => {
    const { U, S } = svd(matrix(3, 2));
    expect(Array.from(S)).toEqual([0, 0]);
    expect(relFroError(matmul(transpose(U), U), identity(2))).toBeLessThan(1e-15);
    expect(() => svd(fromRows([[1, Infinity]]))).toThrow(/svd: A has a non-finite entry \(Infinity\)/);
  });
});

function sub2(A: Matrix, B: Matrix): Matrix {
  const C = matrix(A.rows, A.cols);
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i]! - B.data[i]!;
  return C;
}
