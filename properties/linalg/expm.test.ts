/**
 * Laws of expm (Padé 13 scaling and squaring). The independent computation is RK4 integration of
 * X' = AX, X(0) = I up to t = 1 with small steps; the others are group laws and closed forms.
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { det, expm, fromRows, identity, matmul, matmulInto, matrix, normFro, relFroError, scale, trace, type Matrix } from '../../src/linalg/index.ts';
import { matrixArb, squareArb } from './arbitraries.ts';

/** RK4 steps for t ∈ [0, 1]; with h‖A‖_F ≤ 6e-3 the global error is ≲ N·(h‖A‖)⁵/120·e^{‖A‖} ≈ 1e-10·e^{‖A‖}. */
const RK4_STEPS = 2000;
/** Tolerance of expm vs RK4, relative to e^{‖A‖_F} (the bound on ‖X(t)‖ that the RK4 error scales with). */
const RK4_TOL = 1e-9;
/** expm(A)·expm(−A) = I up to eps·‖e^A‖‖e^{−A}‖ times a modest factor. */
const INVERSE_TOL = 1e-12;

function rk4Expm(A: Matrix, steps: number): Matrix {
  const n = A.rows;
  const nn = n * n;
  const h = 1 / steps;
  const X = identity(n).data;
  const [k1, k2, k3, k4, tmp] = Array.from({ length: 5 }, () => new Float64Array(nn));
  for (let s = 0; s < steps; s++) {
    matmulInto(k1, A.data, X, n, n, n);
    for (let i = 0; i < nn; i++) tmp[i] = X[i]! + (h / 2) * k1[i]!;
    matmulInto(k2, A.data, tmp, n, n, n);
    for (let i = 0; i < nn; i++) tmp[i] = X[i]! + (h / 2) * k2[i]!;
    matmulInto(k3, A.data, tmp, n, n, n);
    for (let i = 0; i < nn; i++) tmp[i] = X[i]! + h * k3[i]!;
    matmulInto(k4, A.data, tmp, n, n, n);
    for (let i = 0; i < nn; i++) X[i]! += (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  }
  return matrix(n, n, X);
}

/** Random A with ‖A‖_F ≤ 12 spread over every Padé degree (3 … 13) and scaling counts s ≥ 1. */
const moderate = fc.tuple(squareArb(1, 6, 1), fc.double({ min: -6, max: Math.log(2), noNaN: true })).map(([A, logc]) => {
  const f = normFro(A);
  return f === 0 ? A : scale(A, (Math.exp(logc) * 6) / Math.max(f, 1));
});

describe('expm', () => {
  test.prop([moderate], { numRuns: 60 })('expm(A) agrees with RK4 integration of X′ = AX to t = 1', (A) => {
    const E = expm(A);
    const R = rk4Expm(A, RK4_STEPS);
    let err = 0;
    for (let i = 0; i < E.data.length; i++) err = Math.max(err, Math.abs(E.data[i]! - R.data[i]!));
    expect(err).toBeLessThanOrEqual(RK4_TOL * Math.exp(normFro(A)));
  });

  test.prop([squareArb(1, 10, 3)])('expm(A)·expm(−A) = I', (A) => {
    const P = expm(A);
    const M = expm(scale(A, -1));
    const bound = normFro(P) * normFro(M);
    expect(normFro(sub(matmul(P, M), identity(A.rows)))).toBeLessThanOrEqual(INVERSE_TOL * A.rows * bound);
  });

  test.prop([squareArb(1, 8, 1)])('det(expm(A)) = exp(trace(A))', (A) => {
    const d = det(expm(A));
    const e = Math.exp(trace(A));
    // Relative error of det through LU: n·κ(e^A)·eps; κ ≤ e^{2‖A‖}.
    expect(Math.abs(d - e)).toBeLessThanOrEqual(1e-12 * A.rows * Math.exp(2 * normFro(A)) * e);
  });

  test.prop([squareArb(1, 8, 2), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true })])(
    'expm((s + t)A) = expm(sA)·expm(tA) (sA and tA commute)',
    (A, s, t) => {
      const lhs = expm(scale(A, s + t));
      const rhs = matmul(expm(scale(A, s)), expm(scale(A, t)));
      const bound = Math.exp((Math.abs(s) + Math.abs(t)) * normFro(A));
      expect(normFro(sub(lhs, rhs))).toBeLessThanOrEqual(1e-12 * A.rows * bound);
    },
  );

  test.prop([matrixArb(1, 8, 50)])('diagonal A: expm is the elementwise exponential of the diagonal', (d) => {
    const n = d.cols;
    const A = matrix(n, n);
    for (let i = 0; i < n; i++) A.data[i * n + i] = d.data[i]!;
    const E = expm(A);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const want = i === j ? Math.exp(d.data[i]!) : 0;
        // Repeated squaring of a diagonal: relative error ≲ s·eps per entry, s ≤ log2(50/5.37)+1.
        expect(Math.abs(E.data[i * n + j]! - want)).toBeLessThanOrEqual(1e-13 * Math.abs(want) + 1e-300);
      }
    }
  });

  test('closed forms: rotation generator and a nilpotent matrix', () => {
    for (const th of [0.1, 1, 3, 10, 100]) {
      const R = expm(fromRows([[0, -th], [th, 0]]));
      expect(relFroError(R, fromRows([[Math.cos(th), -Math.sin(th)], [Math.sin(th), Math.cos(th)]]))).toBeLessThan(1e-13 * Math.max(1, th));
    }
    const N = fromRows([[0, 1, 2], [0, 0, 3], [0, 0, 0]]);
    // e^N = I + N + N²/2 exactly (N³ = 0); N² = [[0,0,3],[0,0,0],[0,0,0]].
    expect(relFroError(expm(N), fromRows([[1, 1, 3.5], [0, 1, 3], [0, 0, 1]]))).toBeLessThan(1e-15);
  });

  test('bad input', () => {
    expect(() => expm(matrix(2, 3))).toThrow('expm: A must be square, got 2×3');
    expect(() => expm(fromRows([[NaN]]))).toThrow(/expm: A has a non-finite entry \(NaN\)/);
  });
});

function sub(A: Matrix, B: Matrix): Matrix {
  const C = matrix(A.rows, A.cols);
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i]! - B.data[i]!;
  return C;
}
