/** Laws of solve / inv / det (LU with partial pivoting). */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { det, fromRows, identity, inv, logdet, matmul, matrix, matvec, normFro, relFroError, solve, type Matrix } from '../../src/linalg/index.ts';
import { matrixArb, squareArb, vectorArb } from './arbitraries.ts';

/** Backward error of GEPP: ‖b − Ax‖ ≤ c·n·eps·‖A‖·‖x‖ (growth factor small for these sizes). */
const RESIDUAL_TOL = 1e-13;
/** det vs Leibniz: both accumulate n·eps relative to the permanent-like sum Σ|terms|. */
const DET_RTOL = 1e-13;
/** Below this, products of pivots (and Leibniz terms) underflow into subnormals: no relative accuracy exists. */
const UNDERFLOW = 1e-280;

/** Diagonally dominant shift keeps the matrix well conditioned so inv·A = I is a fair relative check. */
const wellConditioned = squareArb(1, 10).map((A) => {
  const n = A.rows;
  const B = matrix(n, n, A.data);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.abs(A.data[i * n + j]!);
    B.data[i * n + i] = s + 1;
  }
  return B;
});

function norm(x: Float64Array): number {
  return Math.hypot(...x);
}

/** Leibniz formula Σ_σ sgn(σ) Π a_{i,σ(i)} (independent of LU), and Σ|terms| as its rounding scale. */
function leibniz(A: Matrix): { value: number; scale: number } {
  const n = A.rows;
  const perm = Array.from({ length: n }, (_, i) => i);
  let value = 0;
  let scale = 0;
  const rec = (k: number, sign: number): void => {
    if (k === n) {
      let p = sign;
      for (let i = 0; i < n; i++) p *= A.data[i * n + perm[i]!]!;
      value += p;
      scale += Math.abs(p);
      return;
    }
    for (let i = k; i < n; i++) {
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
      rec(k + 1, i === k ? sign : -sign);
      [perm[k], perm[i]] = [perm[i]!, perm[k]!];
    }
  };
  rec(0, 1);
  return { value, scale };
}

describe('solve, inv, det', () => {
  test.prop([fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(matrixArb(n, n), vectorArb(n)))])('solve: ‖b − Ax‖ ≤ tol·n·‖A‖‖x‖ (or RangeError for singular A)', ([A, b]) => {
    let x: Float64Array;
    try {
      x = solve(A, b);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect(String(e)).toMatch(/solve: A is singular/);
      // Only allowed when A really is (numerically) singular: det ≈ 0 relative to Hadamard's bound.
      expect(Math.abs(det(A))).toBeLessThanOrEqual(1e-12 * Math.pow(normFro(A), A.rows) + UNDERFLOW);
      return;
    }
    const r = matvec(A, x);
    for (let i = 0; i < r.length; i++) r[i] = b[i]! - r[i]!;
    expect(norm(r)).toBeLessThanOrEqual(RESIDUAL_TOL * A.rows * normFro(A) * norm(x) + 1e-300);
  });

  test.prop([wellConditioned])('inv(A)·A = I and solve(A, B) = inv(A)·B for well-conditioned A', (A) => {
    const n = A.rows;
    expect(relFroError(matmul(inv(A), A), identity(n))).toBeLessThanOrEqual(1e-13 * n);
    const B = matrix(n, 2, Float64Array.from({ length: 2 * n }, (_, i) => i - n));
    const X = solve(A, B);
    expect(relFroError(matmul(A, X), B)).toBeLessThanOrEqual(1e-13 * n);
  });

  test.prop([squareArb(1, 6)])('det agrees with the Leibniz formula', (A) => {
    const { value, scale } = leibniz(A);
    // Error scale: Leibniz's own rounding (Σ|terms|) and LU's backward error (n·eps·‖row‖ in each row,
    // moving det by up to Hadamard's Π‖row_i‖ — nonzero even where A is exactly singular and Σ|terms| = 0).
    const n = A.rows;
    let hadamard = 1;
    for (let i = 0; i < n; i++) hadamard *= Math.hypot(...A.data.subarray(i * n, (i + 1) * n));
    expect(Math.abs(det(A) - value)).toBeLessThanOrEqual(DET_RTOL * n * Math.max(scale, hadamard) + UNDERFLOW);
  });

  test.prop([fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(matrixArb(n, n), matrixArb(n, n)))])('det(AB) = det(A)·det(B); logdet agrees with det', ([A, B]) => {
    const lhs = det(matmul(A, B));
    const rhs = det(A) * det(B);
    const bound = Math.pow(normFro(A) * normFro(B), A.rows);
    expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-12 * A.rows * bound + UNDERFLOW);
    const d = det(A);
    const ld = logdet(A);
    if (Math.abs(d) < UNDERFLOW) {
      // det underflowed (or A is singular); logdet must then be exactly singular or below the underflow level.
      expect(ld.sign === 0 || ld.logAbsDet < Math.log(UNDERFLOW) + 1).toBe(true);
    } else {
      expect(ld.sign).toBe(Math.sign(d));
      expect(Math.abs(ld.logAbsDet - Math.log(Math.abs(d)))).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ld.logAbsDet)));
    }
  });

  test('singular and bad input', () => {
    expect(() => solve(fromRows([[1, 2], [2, 4]]), Float64Array.of(1, 1))).toThrow(/solve: A is singular/);
    expect(() => inv(fromRows([[0, 0], [0, 0]]))).toThrow(/inv: A is singular/);
    expect(det(fromRows([[1, 2], [2, 4]]))).toBe(0);
    expect(() => solve(identity(2), Float64Array.of(1, 2, 3))).toThrow('solve: b has length 3, expected 2');
    expect(() => solve(identity(2), matrix(3, 1))).toThrow(/solve: b has 3 rows, expected 2/);
    expect(() => solve(matrix(2, 3), Float64Array.of(1, 2))).toThrow('solve: A must be square, got 2×3');
    expect(() => solve(identity(2), Float64Array.of(1, NaN))).toThrow(/solve: b has a non-finite entry \(NaN\) at index 1/);
    expect(() => det(fromRows([[1, 2]]))).toThrow('det: A must be square, got 1×2');
  });
});
