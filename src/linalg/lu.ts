/**
 * LU factorisation with partial pivoting (Doolittle, row-major, in place) and what it gives:
 * solve, inv, det, logdet. Hand-written: numeric.solve has no singularity signal and mathjs
 * lusolve converts to its own boxed types (slow for the small systems the claims solve per step).
 */
import { matrix, identity, type Matrix } from './matrix.ts';
import { checkMatrix, checkSquare, checkVector } from './check.ts';

export interface LU {
  n: number;
  /** L (unit lower, below diagonal) and U (upper) packed row-major. */
  lu: Float64Array;
  /** perm[i] = original row now in position i. */
  perm: Int32Array;
  /** +1 or −1: parity of the row permutation. */
  sign: number;
  /**
   * True when a pivot is exactly zero or below n·eps times the largest entry of its column in A
   * (column-relative, so a badly column-scaled but regular matrix is not called singular). Only
   * solve/inv act on it; det uses the pivots as they are.
   */
  singular: boolean;
}

export function luFactor(A: Matrix): LU {
  const n = A.rows;
  const lu = Float64Array.from(A.data);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1;
  const colMax = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) colMax[j] = Math.max(colMax[j]!, Math.abs(lu[i * n + j]!));
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) { best = v; p = i; }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!; lu[k * n + j] = lu[p * n + j]!; lu[p * n + j] = t;
      }
      const t = perm[k]!; perm[k] = perm[p]!; perm[p] = t;
      sign = -sign;
    }
    const piv = lu[k * n + k]!;
    if (best <= n * Number.EPSILON * colMax[k]!) singular = true;
    if (piv === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k]! /= piv);
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= f * lu[k * n + j]!;
    }
  }
  return { n, lu, perm, sign, singular };
}

/** Solves L U x = P b in place for one right-hand side stored with stride `stride` at offset `off`. */
function luSolveColumn(f: LU, x: Float64Array): void {
  const { n, lu } = f;
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!;
    x[i] = s / lu[i * n + i]!;
  }
}

/** Solves A x = b (b a vector) or A X = B (B a matrix). Singular (to working precision) A → RangeError. */
export function solve(A: Matrix, b: Float64Array): Float64Array;
export function solve(A: Matrix, b: Matrix): Matrix;
export function solve(A: Matrix, b: Float64Array | Matrix): Float64Array | Matrix;
export function solve(A: Matrix, b: Float64Array | Matrix): Float64Array | Matrix {
  checkSquare('solve', 'A', A);
  const n = A.rows;
  if (b instanceof Float64Array) checkVector('solve', 'b', b, n);
  else {
    checkMatrix('solve', 'b', b);
    if (b.rows !== n) throw new RangeError(`solve: b has ${b.rows} rows, expected ${n} (A is ${n}×${n})`);
  }
  const f = luFactor(A);
  if (f.singular) throw new RangeError(`solve: A is singular to working precision (${n}×${n})`);
  if (b instanceof Float64Array) {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = b[f.perm[i]!]!;
    luSolveColumn(f, x);
    return x;
  }
  return luSolveMatrix(f, b);
}

function luSolveMatrix(f: LU, B: Matrix): Matrix {
  const n = f.n;
  const X = matrix(n, B.cols);
  const col = new Float64Array(n);
  for (let c = 0; c < B.cols; c++) {
    for (let i = 0; i < n; i++) col[i] = B.data[f.perm[i]! * B.cols + c]!;
    luSolveColumn(f, col);
    for (let i = 0; i < n; i++) X.data[i * B.cols + c] = col[i]!;
  }
  return X;
}

export function inv(A: Matrix): Matrix {
  checkSquare('inv', 'A', A);
  const f = luFactor(A);
  if (f.singular) throw new RangeError(`inv: A is singular to working precision (${A.rows}×${A.rows})`);
  return luSolveMatrix(f, identity(A.rows));
}

/** Determinant from the LU pivots (exactly 0 when a pivot is exactly 0). */
export function det(A: Matrix): number {
  checkSquare('det', 'A', A);
  const f = luFactor(A);
  let d = f.sign;
  for (let i = 0; i < f.n; i++) d *= f.lu[i * f.n + i]!;
  return d === 0 ? 0 : d; // no −0

}

/** log|det A| and the sign of det A (sign 0 and logAbsDet −∞ for an exactly singular A); no overflow for large n. */
export function logdet(A: Matrix): { sign: number; logAbsDet: number } {
  checkSquare('logdet', 'A', A);
  const f = luFactor(A);
  let sign = f.sign;
  let s = 0;
  for (let i = 0; i < f.n; i++) {
    const p = f.lu[i * f.n + i]!;
    if (p === 0) return { sign: 0, logAbsDet: -Infinity };
    if (p < 0) sign = -sign;
    s += Math.log(Math.abs(p));
  }
  return { sign, logAbsDet: s };
}
