import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { add, fromRows, identity, matmul, matrix, matvec, normFro, scale, sub, trace, transpose } from '../../src/linalg/index.ts';
import { matrixArb, squareArb } from './arbitraries.ts';

/** Products of O(10)-sized entries over k ≤ 8 terms: a few ulps of the summed magnitudes. */
const RTOL = 1e-13;

const dims = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }));

/** |X − Y| entrywise bounded by RTOL times the entrywise magnitude bound of |A||B| style sums. */
function closeTo(X: Float64Array, Y: Float64Array, scaleBound: number): boolean {
  for (let i = 0; i < X.length; i++) if (Math.abs(X[i]! - Y[i]!) > RTOL * scaleBound + 1e-300) return false;
  return true;
}

describe('linalg arithmetic', () => {
  test('matmul on a hand-computed 2×3 · 3×2 product', () => {
    const C = matmul(fromRows([[1, 2, 3], [4, 5, 6]]), fromRows([[7, 8], [9, 10], [11, 12]]));
    expect(Array.from(C.data)).toEqual([58, 64, 139, 154]);
  });

  test.prop([dims.chain(([m, k, n]) => fc.tuple(matrixArb(m, k), matrixArb(k, n)))])('(AB)ᵀ = BᵀAᵀ', ([A, B]) => {
    const lhs = transpose(matmul(A, B));
    const rhs = matmul(transpose(B), transpose(A));
    expect(lhs.rows).toBe(rhs.rows);
    expect(closeTo(lhs.data, rhs.data, 100 * A.cols)).toBe(true);
  });

  test.prop([dims.chain(([m, k, n]) => fc.tuple(matrixArb(m, k), matrixArb(k, n), matrixArb(k, n)))])('A(B + C) = AB + AC', ([A, B, C]) => {
    expect(closeTo(matmul(A, add(B, C)).data, add(matmul(A, B), matmul(A, C)).data, 200 * A.cols)).toBe(true);
  });

  test.prop([dims.chain(([m, k]) => fc.tuple(matrixArb(m, k), matrixArb(k, 1)))])('matvec(A, x) equals A·x as a k×1 matrix, entry by entry exact', ([A, X]) => {
    const y = matvec(A, X.data);
    // Same summation order, so bit-identical.
    expect(Array.from(y)).toEqual(Array.from(matmul(A, X).data));
  });

  test.prop([fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(matrixArb(n, n), matrixArb(n, n)))])('trace(AB) = trace(BA)', ([A, B]) => {
    const t1 = trace(matmul(A, B));
    const t2 = trace(matmul(B, A));
    expect(Math.abs(t1 - t2)).toBeLessThanOrEqual(RTOL * 100 * A.rows * A.rows + 1e-300);
  });

  test.prop([squareArb(1, 8)])('A·I = I·A = A exactly; A − A = 0; A + A = 2A', (A) => {
    const I = identity(A.rows);
    expect(Array.from(matmul(A, I).data)).toEqual(Array.from(A.data));
    expect(Array.from(matmul(I, A).data)).toEqual(Array.from(A.data));
    expect(normFro(sub(A, A))).toBe(0);
    expect(Array.from(add(A, A).data)).toEqual(Array.from(scale(A, 2).data));
  });

  test('shape errors name function and argument', () => {
    expect(() => matmul(matrix(2, 3), matrix(2, 3))).toThrow(/matmul: A is 2×3 but B is 2×3/);
    expect(() => add(matrix(2, 3), matrix(3, 2))).toThrow(RangeError);
    expect(() => matvec(matrix(2, 3), new Float64Array(2))).toThrow(/matvec: x has length 2, expected 3/);
    expect(() => trace(matrix(2, 3))).toThrow(/trace: A must be square, got 2×3/);
    expect(() => scale(fromRows([[1, NaN]]), 2)).toThrow(/scale: A has a non-finite entry \(NaN\)/);
    expect(() => scale(identity(2), Infinity)).toThrow(/scale: s must be finite/);
  });
});
