/**
 * Cross-checks against an independent implementation, mathjs (det, inv, expm). Our own routines
 * replace it for speed (src/linalg/expm.ts says why); agreeing with it on random inputs is an
 * independent check. `numeric` is not used at all: its eig throws "internal error" on the 5×5 zero
 * matrix and on cyclic permutations, and on the symmetric 5×5 matrix with off-diagonal entries
 * (−6.2e-15, −0.0063, −2.857, −3.951)/2 it returns −2.4378939 where eigSym and NumPy give −2.4378964.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import * as mathjs from 'mathjs';
import { det, expm, inv, normFro, toRows, type Matrix } from '../../src/linalg/index.ts';
import { squareArb } from './arbitraries.ts';

/** Relative Frobenius agreement between two float64 implementations of well-conditioned problems. */
const RTOL = 1e-9;
/** inv is compared only where cond(A) ≤ 1e6: rounding in either implementation grows like cond·ε. */
const MAX_COND = 1e6;

function relDiff(a: number[][], b: number[][]): number {
  let num = 0, den = 0;
  a.forEach((row, i) => row.forEach((x, j) => { num += (x - b[i]![j]!) ** 2; den += b[i]![j]! ** 2; }));
  return Math.sqrt(num) / Math.max(Math.sqrt(den), Number.MIN_VALUE);
}

describe('linalg against mathjs', () => {
  test.prop([squareArb(1, 6, 4)])('det equals mathjs.det', (A) => {
    const ours = det(A);
    const ref = mathjs.det(toRows(A)) as number;
    expect(Math.abs(ours - ref)).toBeLessThanOrEqual(RTOL * Math.max(1, Math.abs(ref), normFro(A) ** A.rows));
  });

  test.prop([squareArb(1, 6, 4)])('inv equals mathjs.inv on well-conditioned matrices', (A) => {
    let ours: Matrix;
    try { ours = inv(A); } catch { return; } // singular: our RangeError is checked by the lu laws
    const cond = normFro(A) * normFro(ours);
    fc.pre(cond <= MAX_COND);
    expect(relDiff(toRows(ours), mathjs.inv(toRows(A)) as number[][])).toBeLessThan(RTOL * cond);
  });

  test.prop([squareArb(1, 6, 2)])('expm equals mathjs.expm', (A) => {
    const ref = (mathjs.expm(mathjs.matrix(toRows(A))) as mathjs.Matrix).toArray() as number[][];
    expect(relDiff(toRows(expm(A)), ref)).toBeLessThan(RTOL * Math.max(1, Math.exp(normFro(A))));
  });
});
