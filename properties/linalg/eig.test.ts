/**
 * Laws of eig (Francis QR). Independent checks: the trace and determinant (Leibniz / LU) as the sum
 * and product of the spectrum, the characteristic polynomial from principal minors for 2×2 and 3×3,
 * the smallest singular value of A − λI from the Jacobi SVD (backward error), the Jacobi eigSym on
 * symmetric input, and spectra known in closed form (triangular, companion, cyclic permutation).
 */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { det, eig, eigSym, fromRows, matrix, normFro, svd, trace, type Matrix } from '../../src/linalg/index.ts';
import { squareArb, symmetrize, matrixArb } from './arbitraries.ts';

/** Backward-stable QR: ‖δA‖ ≲ c·n·eps·‖A‖; 1e-12 leaves ×100 headroom for n ≤ 12 and for balancing. */
const BACKWARD_TOL = 1e-12;
/** Characteristic-polynomial residual relative to the sum of its term magnitudes. */
const CHARPOLY_RTOL = 1e-12;
/** Symmetric eigenvalues are perfectly conditioned (Weyl): |Δλ| ≤ ‖δA‖₂. */
const SYM_TOL = 1e-12;

type C = [number, number];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const cabs = (a: C) => Math.hypot(a[0], a[1]);

/** σ_min(A − λI) through the real 2n×2n embedding [[A − aI, bI], [−bI, A − aI]] (singular values of A − λI, each twice). */
function sigmaMinShifted(A: Matrix, a: number, b: number): number {
  const n = A.rows;
  const M = matrix(2 * n, 2 * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = A.data[i * n + j]! - (i === j ? a : 0);
      M.data[i * 2 * n + j] = v;
      M.data[(n + i) * 2 * n + n + j] = v;
    }
    M.data[i * 2 * n + n + i] = b;
    M.data[(n + i) * 2 * n + i] = -b;
  }
  const S = svd(M).S;
  return S[S.length - 1]!;
}

describe('eig', () => {
  test.prop([squareArb(1, 12)])('Σλ = trace(A) and Σ Im λ = 0', (A) => {
    const { re, im } = eig(A);
    expect(re.length).toBe(A.rows);
    const scale = A.rows * normFro(A);
    expect(Math.abs(re.reduce((s, x) => s + x, 0) - trace(A))).toBeLessThanOrEqual(BACKWARD_TOL * scale);
    expect(Math.abs(im.reduce((s, x) => s + x, 0))).toBeLessThanOrEqual(BACKWARD_TOL * scale);
  });

  test.prop([squareArb(1, 10)])('Πλ = det(A) (relative to ‖A‖_F^n, Hadamard’s bound on |det|)', (A) => {
    const { re, im } = eig(A);
    let p: C = [1, 0];
    for (let i = 0; i < re.length; i++) p = cmul(p, [re[i]!, im[i]!]);
    const bound = Math.pow(normFro(A), A.rows);
    expect(Math.abs(p[0] - det(A))).toBeLessThanOrEqual(BACKWARD_TOL * A.rows * bound + 1e-300);
    expect(Math.abs(p[1])).toBeLessThanOrEqual(BACKWARD_TOL * A.rows * bound + 1e-300);
  });

  test.prop([squareArb(1, 8)], { numRuns: 60 })('every λ has σ_min(A − λI) ≤ tol·‖A‖_F (independent SVD)', (A) => {
    const { re, im } = eig(A);
    const nrm = normFro(A);
    for (let i = 0; i < re.length; i++) {
      expect(sigmaMinShifted(A, re[i]!, im[i]!)).toBeLessThanOrEqual(BACKWARD_TOL * A.rows * nrm + 1e-300);
    }
  });

  test.prop([fc.integer({ min: 2, max: 3 }).chain((n) => matrixArb(n, n))])('2×2 and 3×3: each λ is a root of the characteristic polynomial from principal minors', (A) => {
    const a = (i: number, j: number) => A.data[i * A.rows + j]!;
    let coeffs: number[]; // monic, highest degree first after the leading 1
    if (A.rows === 2) coeffs = [-(a(0, 0) + a(1, 1)), a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0)];
    else {
      const c2 = a(0, 0) + a(1, 1) + a(2, 2);
      const c1 = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0) + a(0, 0) * a(2, 2) - a(0, 2) * a(2, 0) + a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1);
      const c0 =
        a(0, 0) * (a(1, 1) * a(2, 2) - a(1, 2) * a(2, 1)) - a(0, 1) * (a(1, 0) * a(2, 2) - a(1, 2) * a(2, 0)) + a(0, 2) * (a(1, 0) * a(2, 1) - a(1, 1) * a(2, 0));
      coeffs = [-c2, c1, -c0];
    }
    const { re, im } = eig(A);
    for (let k = 0; k < re.length; k++) {
      const lam: C = [re[k]!, im[k]!];
      // Horner in complex arithmetic. Scale Σ|c_k|(|λ| + ‖A‖_F)^k: a backward error of size ~eps·‖A‖
      // moves λ by up to that much (more near multiple roots), so the residual is judged on that scale;
      // a λ wrong by O(‖A‖) still leaves a residual of the scale's own order.
      const r = cabs(lam) + normFro(A);
      let p: C = [1, 0];
      let mag = 1;
      for (const c of coeffs) {
        p = cmul(p, lam);
        p = [p[0] + c, p[1]];
        mag = mag * r + Math.abs(c);
      }
      expect(cabs(p)).toBeLessThanOrEqual(CHARPOLY_RTOL * mag + 1e-300);
    }
  });

  test.prop([squareArb(1, 12)])('symmetric A: eig agrees with the Jacobi eigSym', (A0) => {
    const A = symmetrize(A0);
    const { re, im } = eig(A);
    const { values } = eigSym(A);
    const sorted = Float64Array.from(re).sort();
    const tol = SYM_TOL * A.rows * normFro(A) + 1e-300;
    for (let i = 0; i < A.rows; i++) {
      expect(Math.abs(im[i]!)).toBeLessThanOrEqual(tol);
      expect(Math.abs(sorted[i]! - values[i]!)).toBeLessThanOrEqual(tol);
    }
  });

  test.prop([squareArb(1, 12)])('upper-triangular A: eigenvalues are the diagonal entries', (A0) => {
    const n = A0.rows;
    const A = matrix(n, n, A0.data);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) A.data[i * n + j] = 0;
    const diag = Array.from({ length: n }, (_, i) => A.data[i * n + i]!).sort((x, y) => Math.abs(y) - Math.abs(x) || y - x);
    const { re, im } = eig(A);
    // Triangular input is already Schur form: deflation is immediate, values exact.
    expect(Array.from(re)).toEqual(diag);
    expect(Array.from(im).every((v) => v === 0)).toBe(true);
  });

  test.prop([fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 6 }).map((r) => [...new Set(r)])])(
    'companion matrix of Π(x − r_i) with distinct integer roots has exactly those eigenvalues',
    (roots) => {
      // Coefficients of Π(x − r) by repeated multiplication (exact in float64 for these sizes).
      let c = [1];
      for (const r of roots) {
        const next = new Array(c.length + 1).fill(0);
        for (let i = 0; i < c.length; i++) { next[i] += c[i]; next[i + 1] -= r * c[i]; }
        c = next;
      }
      const n = roots.length;
      const A = matrix(n, n);
      for (let j = 0; j < n; j++) A.data[j] = -c[j + 1]!;
      for (let i = 1; i < n; i++) A.data[i * n + i - 1] = 1;
      const { re, im } = eig(A);
      // Compare as multisets (sorted by value): roots ±r have equal modulus, so eig's order between them rests on rounding.
      const want = [...roots].sort((x, y) => x - y);
      const idx = Array.from(re, (_, i) => i).sort((i, j) => re[i]! - re[j]!);
      // Distinct integer roots within [−6, 6]: condition number of the roots ≲ 1e5, so 1e-8 absolute.
      for (let i = 0; i < n; i++) {
        expect(Math.abs(re[idx[i]!]! - want[i]!)).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(im[idx[i]!]!)).toBeLessThanOrEqual(1e-8);
      }
    },
  );

  test.prop([fc.integer({ min: 1, max: 16 })])('cyclic permutation of size n has the n-th roots of unity as eigenvalues', (n) => {
    const A = matrix(n, n);
    for (let i = 0; i < n; i++) A.data[i * n + ((i + 1) % n)] = 1;
    const { re, im } = eig(A);
    for (let i = 0; i < n; i++) expect(Math.abs(Math.hypot(re[i]!, im[i]!) - 1)).toBeLessThanOrEqual(1e-13);
    // Each k-th root of unity is matched by one computed eigenvalue (normal matrix: perfectly conditioned).
    for (let k = 0; k < n; k++) {
      const ang = (2 * Math.PI * k) / n;
      const dist = Math.min(...Array.from(re, (r, i) => Math.hypot(r - Math.cos(ang), im[i]! - Math.sin(ang))));
      expect(dist).toBeLessThanOrEqual(1e-12);
    }
  });

  test.prop([squareArb(1, 12)])('sorted by descending modulus, then real part, then imaginary part; complex values come in conjugate pairs', (A) => {
    const { re, im } = eig(A);
    for (let i = 0; i + 1 < re.length; i++) {
      const m0 = Math.hypot(re[i]!, im[i]!), m1 = Math.hypot(re[i + 1]!, im[i + 1]!);
      expect(m0 > m1 || (m0 === m1 && (re[i]! > re[i + 1]! || (re[i] === re[i + 1] && im[i]! >= im[i + 1]!)))).toBe(true);
    }
    for (let i = 0; i < re.length; i++) {
      if (im[i] !== 0) expect(Array.from(re).some((r, j) => r === re[i] && im[j] === -im[i]!)).toBe(true);
    }
  });

  test('hard cases: Jordan block, zero matrix, huge dynamic range, rotation', () => {
    const J = fromRows([[2, 1, 0], [0, 2, 1], [0, 0, 2]]);
    for (const v of eig(J).re) expect(Math.abs(v - 2)).toBeLessThanOrEqual(1e-5); // defective: eps^{1/3} sensitivity
    expect(Array.from(eig(matrix(4, 4)).re)).toEqual([0, 0, 0, 0]);
    const D = fromRows([[1e150, 1], [1, 1e-150]]);
    expect(eig(D).re[0]).toBeCloseTo(1e150, -140);
    const R = eig(fromRows([[0, -3], [3, 0]]));
    expect(Array.from(R.re)).toEqual([0, 0]);
    expect(Array.from(R.im)).toEqual([3, -3]);
  });

  test('bad input: non-square and NaN are RangeErrors naming eig and A', () => {
    expect(() => eig(matrix(2, 3))).toThrow('eig: A must be square, got 2×3');
    expect(() => eig(fromRows([[1, NaN], [0, 1]]))).toThrow(/eig: A has a non-finite entry \(NaN\) at index 1/);
    expect(() => eig(fromRows([[Infinity]]))).toThrow(RangeError);
  });
});

describe('eig on a near-defective cluster (regression)', () => {
  // fixtures/linalg/eig-near-defective-18.json: an IPM generator on which 120 QR sweeps per root did
  // not converge. Compared with LAPACK's eigenvalues as multisets (sorted by real, then imaginary part).
  test('converges and matches numpy.linalg.eigvals to 1e-8 of the spectral scale', async () => {
    const { readFileSync } = await import('node:fs');
    const j = JSON.parse(readFileSync(new URL('../../fixtures/linalg/eig-near-defective-18.json', import.meta.url), 'utf8'));
    const M = matrix(j.rows, j.rows);
    M.data.set(j.data);
    const { re, im } = eig(M);
    const ours = Array.from(re, (r, i) => [r, im[i]!] as [number, number]);
    const ref = (j.numpyEigRe as number[]).map((r, i) => [r, j.numpyEigIm[i]] as [number, number]);
    const scale = Math.max(...ref.map(([r, i]) => Math.hypot(r, i)));
    // Multisets matched greedily by distance; near-defective roots are sensitive (~√(ε·scale)).
    const used = new Set<number>();
    for (const [r, i] of ref) {
      let best = -1, dist = Infinity;
      ours.forEach(([a, b], k) => { const dd = Math.hypot(a - r, b - i); if (!used.has(k) && dd < dist) { dist = dd; best = k; } });
      used.add(best);
      expect(dist).toBeLessThan(1e-8 * scale + 1e-7 * Math.sqrt(scale));
    }
  });
});
