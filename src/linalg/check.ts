/**
 * Argument checks shared by the linalg functions: every public entry point validates shape and
 * finiteness up front and throws a RangeError naming the function and the argument.
 */
import type { Matrix } from './matrix.ts';

export function checkMatrix(fn: string, name: string, A: Matrix): void {
  if (A === null || typeof A !== 'object' || !(A.data instanceof Float64Array)) {
    throw new TypeError(`${fn}: ${name} must be a Matrix {rows, cols, data: Float64Array}`);
  }
  if (A.data.length !== A.rows * A.cols) {
    throw new RangeError(`${fn}: ${name} has data length ${A.data.length}, expected ${A.rows}×${A.cols}`);
  }
  checkFinite(fn, name, A.data);
}

export function checkSquare(fn: string, name: string, A: Matrix): void {
  checkMatrix(fn, name, A);
  if (A.rows !== A.cols) throw new RangeError(`${fn}: ${name} must be square, got ${A.rows}×${A.cols}`);
}

export function checkVector(fn: string, name: string, x: Float64Array, length?: number): void {
  if (!(x instanceof Float64Array)) throw new TypeError(`${fn}: ${name} must be a Float64Array`);
  if (length !== undefined && x.length !== length) {
    throw new RangeError(`${fn}: ${name} has length ${x.length}, expected ${length}`);
  }
  checkFinite(fn, name, x);
}

export function checkFinite(fn: string, name: string, d: Float64Array): void {
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) throw new RangeError(`${fn}: ${name} has a non-finite entry (${d[i]}) at index ${i}`);
  }
}

export function checkSameShape(fn: string, A: Matrix, B: Matrix, a = 'A', b = 'B'): void {
  checkMatrix(fn, a, A);
  checkMatrix(fn, b, B);
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new RangeError(`${fn}: ${a} is ${A.rows}×${A.cols} but ${b} is ${B.rows}×${B.cols}`);
  }
}
