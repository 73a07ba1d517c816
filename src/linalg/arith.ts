/** Elementwise and product arithmetic on dense row-major matrices. Every function returns a new Matrix. */
import { matrix, type Matrix } from './matrix.ts';
import { checkMatrix, checkSameShape, checkSquare, checkVector } from './check.ts';

export function matmul(A: Matrix, B: Matrix): Matrix {
  checkMatrix('matmul', 'A', A);
  checkMatrix('matmul', 'B', B);
  if (A.cols !== B.rows) throw new RangeError(`matmul: A is ${A.rows}×${A.cols} but B is ${B.rows}×${B.cols} (inner dimensions differ)`);
  const C = matrix(A.rows, B.cols);
  matmulInto(C.data, A.data, B.data, A.rows, A.cols, B.cols);
  return C;
}

/** C ← A·B for raw row-major buffers (A m×k, B k×n); i-k-j loop order so the inner loop is contiguous. No checks. */
export function matmulInto(C: Float64Array, A: Float64Array, B: Float64Array, m: number, k: number, n: number): void {
  C.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p]!;
      if (a === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) C[ci + j]! += a * B[bp + j]!;
    }
  }
}

export function matvec(A: Matrix, x: Float64Array): Float64Array {
  checkMatrix('matvec', 'A', A);
  checkVector('matvec', 'x', x, A.cols);
  const y = new Float64Array(A.rows);
  const { data, cols } = A;
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[i * cols + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

export function transpose(A: Matrix): Matrix {
  checkMatrix('transpose', 'A', A);
  const T = matrix(A.cols, A.rows);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) T.data[j * A.rows + i] = A.data[i * A.cols + j]!;
  return T;
}

export function add(A: Matrix, B: Matrix): Matrix {
  checkSameShape('add', A, B);
  const C = matrix(A.rows, A.cols);
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i]! + B.data[i]!;
  return C;
}

export function sub(A: Matrix, B: Matrix): Matrix {
  checkSameShape('sub', A, B);
  const C = matrix(A.rows, A.cols);
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i]! - B.data[i]!;
  return C;
}

export function scale(A: Matrix, s: number): Matrix {
  checkMatrix('scale', 'A', A);
  if (!Number.isFinite(s)) throw new RangeError(`scale: s must be finite, got ${s}`);
  const C = matrix(A.rows, A.cols);
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i]! * s;
  return C;
}

export function trace(A: Matrix): number {
  checkSquare('trace', 'A', A);
  let t = 0;
  for (let i = 0; i < A.rows; i++) t += A.data[i * A.cols + i]!;
  return t;
}
