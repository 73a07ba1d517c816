/** fast-check arbitraries of float64 matrices for the linalg laws (not a test file). */
import { fc } from '@fast-check/vitest';
import { matrix, type Matrix } from '../../src/linalg/index.ts';

/**
 * Entries in [−b, b], no NaN/∞. fast-check biases towards 0, ±b and tiny values (useful edge cases);
 * magnitudes below 1e-100 are flushed to 0 because the laws compare relative errors, and products of
 * such entries underflow into subnormals where no relative accuracy exists (the huge-dynamic-range
 * cases are tested separately).
 */
export const entry = (b = 10) =>
  fc.double({ min: -b, max: b, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-100 ? 0 : x));

export function matrixArb(rows: number, cols: number, b = 10): fc.Arbitrary<Matrix> {
  return fc.array(entry(b), { minLength: rows * cols, maxLength: rows * cols }).map((d) => matrix(rows, cols, d));
}

export function squareArb(minN = 1, maxN = 12, b = 10): fc.Arbitrary<Matrix> {
  return fc.integer({ min: minN, max: maxN }).chain((n) => matrixArb(n, n, b));
}

export function rectArb(maxM = 10, maxN = 10, b = 10): fc.Arbitrary<Matrix> {
  return fc.tuple(fc.integer({ min: 1, max: maxM }), fc.integer({ min: 1, max: maxN })).chain(([m, n]) => matrixArb(m, n, b));
}

export function vectorArb(n: number, b = 10): fc.Arbitrary<Float64Array> {
  return fc.array(entry(b), { minLength: n, maxLength: n }).map((d) => Float64Array.from(d));
}

export function symmetrize(A: Matrix): Matrix {
  const n = A.rows;
  const S = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S.data[i * n + j] = 0.5 * (A.data[i * n + j]! + A.data[j * n + i]!);
  return S;
}

/** max |a_ij| (0 for an empty matrix). */
export function maxAbs(A: Matrix | Float64Array): number {
  const d = A instanceof Float64Array ? A : A.data;
  let m = 0;
  for (let i = 0; i < d.length; i++) m = Math.max(m, Math.abs(d[i]!));
  return m;
}
