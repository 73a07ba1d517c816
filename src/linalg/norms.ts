/** Vector products and norms. norm2/normFro use scaled accumulation so huge/tiny entries do not overflow. */
import type { Matrix } from './matrix.ts';
import { checkSameShape, checkMatrix, checkVector } from './check.ts';

export function dot(x: Float64Array, y: Float64Array): number {
  checkVector('dot', 'x', x);
  checkVector('dot', 'y', y, x.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

/** Euclidean norm (LAPACK dnrm2-style scaling: no overflow for entries near 1e200). */
export function norm2(x: Float64Array): number {
  checkVector('norm2', 'x', x);
  return scaledNorm(x);
}

export function normFro(A: Matrix): number {
  checkMatrix('normFro', 'A', A);
  return scaledNorm(A.data);
}

/** ‖actual − expected‖_F / ‖expected‖_F; when expected is zero, returns ‖actual‖_F (absolute error). */
export function relFroError(actual: Matrix, expected: Matrix): number {
  checkSameShape('relFroError', actual, expected, 'actual', 'expected');
  const d = new Float64Array(actual.data.length);
  for (let i = 0; i < d.length; i++) d[i] = actual.data[i]! - expected.data[i]!;
  const den = scaledNorm(expected.data);
  const num = scaledNorm(d);
  return den === 0 ? num : num / den;
}

export function scaledNorm(x: Float64Array): number {
  let scale = 0;
  let ssq = 1;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]!);
    if (a === 0) continue;
    if (scale < a) {
      ssq = 1 + ssq * (scale / a) * (scale / a);
      scale = a;
    } else ssq += (a / scale) * (a / scale);
  }
  return scale * Math.sqrt(ssq);
}
