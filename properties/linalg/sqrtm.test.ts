/** Laws of sqrtm (scaled Denman–Beavers) and sqrtmPsd (eigSym). */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { eig, eigSym, fromRows, matmul, matrix, normFro, relFroError, sqrtm, sqrtmPsd, transpose, type Matrix } from '../../src/linalg/index.ts';
import { matrixArb, squareArb } from './arbitraries.ts';

/** ‖X² − A‖/‖A‖: Denman–Beavers is stable near convergence; residual ≲ c·n·eps·‖X‖²/‖A‖ (‖X‖² ≤ κ-ish·‖A‖). */
const SQUARE_TOL = 1e-12;

/** Shift by the largest Gershgorin radius + δ: every eigenvalue has real part ≥ δ > 0 (no eig needed). */
function rightHalfPlane(A: Matrix, delta: number): Matrix {
  const n = A.rows;
  let r = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += Math.abs(A.data[i * n + j]!);
    r = Math.max(r, s - A.data[i * n + i]!);
  }
  const B = matrix(n, n, A.data);
  for (let i = 0; i < n; i++) B.data[i * n + i]! += r + delta;
  return B;
}

const rhp = fc.tuple(squareArb(1, 10, 5), fc.double({ min: 0.05, max: 5, noNaN: true })).map(([A, d]) => rightHalfPlane(A, d));

describe('sqrtm', () => {
  test.prop([rhp])('sqrtm(A)² = A and the root is principal (eigenvalues in the open right half-plane)', (A) => {
    const X = sqrtm(A);
    expect(relFroError(matmul(X, X), A)).toBeLessThanOrEqual(SQUARE_TOL * A.rows);
    const { re } = eig(X);
    for (const v of re) expect(v).toBeGreaterThan(0);
  });

  test.prop([rhp])('uniqueness of the principal root: sqrtm(B²) = B for B with spectrum in the right half-plane', (B) => {
    const X = sqrtm(matmul(B, B));
    // Conditioning of the square root map at B²: ≲ ‖B‖·‖B⁻¹‖-like; the Gershgorin shift keeps it moderate.
    expect(relFroError(X, B)).toBeLessThanOrEqual(1e-9);
  });

  test.prop([fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(matrixArb(n, n), fc.double({ min: 0.01, max: 3, noNaN: true })))])(
    'SPD A = BBᵀ + cI: sqrtm (Denman–Beavers) agrees with sqrtmPsd (Jacobi eigendecomposition)',
    ([B, c]) => {
      const n = B.rows;
      const A = matmul(B, transpose(B));
      for (let i = 0; i < n; i++) A.data[i * n + i]! += c * (1 + normFro(B));
      expect(relFroError(sqrtm(A), sqrtmPsd(A))).toBeLessThanOrEqual(1e-11 * n);
    },
  );

  test('principal root of a rotation by 90° is the rotation by 45°; negative or zero eigenvalue → RangeError', () => {
    const X = sqrtm(fromRows([[0, -1], [1, 0]]));
    const c = Math.SQRT1_2;
    expect(relFroError(X, fromRows([[c, -c], [c, c]]))).toBeLessThan(1e-14);
    expect(() => sqrtm(fromRows([[-1, 0], [0, 4]]))).toThrow(/sqrtm: A has eigenvalue -1 on the closed negative real axis/);
    expect(() => sqrtm(fromRows([[0, 1], [0, 0]]))).toThrow(/sqrtm: A has eigenvalue 0/);
    expect(() => sqrtm(matrix(1, 2))).toThrow('sqrtm: A must be square, got 1×2');
  });
});

describe('sqrtmPsd', () => {
  test.prop([fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })).chain(([n, k]) => matrixArb(n, k))])(
    'A = BBᵀ (possibly rank-deficient): X symmetric PSD with X² = A',
    (B) => {
      const A = matmul(B, transpose(B));
      const X = sqrtmPsd(A);
      const n = A.rows;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(X.data[i * n + j]).toBe(X.data[j * n + i]);
      // Clamped eigenvalues of size ~eps·‖A‖ contribute √(eps‖A‖) to X but only eps‖A‖ to X².
      expect(normFro(sub(matmul(X, X), A))).toBeLessThanOrEqual(1e-12 * n * normFro(A) + 1e-300);
      const { values } = eigSym(X);
      expect(values[0]!).toBeGreaterThanOrEqual(-1e-12 * n * Math.sqrt(normFro(A)));
    },
  );

  test('indefinite input → RangeError', () => {
    expect(() => sqrtmPsd(fromRows([[1, 0], [0, -1]]))).toThrow(/sqrtmPsd: A is not positive semi-definite \(eigenvalue -1/);
    expect(() => sqrtmPsd(fromRows([[1, 2], [0, 1]]))).toThrow(/eigSym: A must be symmetric/);
  });
});

function sub(A: Matrix, B: Matrix): Matrix {
  const C = matrix(A.rows, A.cols);
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i]! - B.data[i]!;
  return C;
}
