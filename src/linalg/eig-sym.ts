/**
 * Symmetric eigendecomposition by the cyclic Jacobi method (Golub & Van Loan §8.5, with the
 * Rutishauser stable rotation formulas). Chosen over tridiagonal QL for its high relative
 * accuracy on small eigenvalues (what Fréchet distances, PSD square roots and NTK spectra need)
 * and its simplicity; for n ≤ 64 it converges in ~6–10 sweeps.
 */
import { matrix, type Matrix } from './matrix.ts';
import { checkSquare } from './check.ts';
import { scaleInPlace, unitExponent } from './workspace.ts';

export interface SymmetricEigen {
  /** Ascending. */
  values: Float64Array;
  /** Column k is the unit eigenvector of values[k]. */
  vectors: Matrix;
}

/** Relative asymmetry max|A − Aᵀ| / max|A| above which eigSym refuses the input. */
export const SYMMETRY_RTOL = 1e-8;
const MAX_SWEEPS = 100;

export function eigSym(A: Matrix): SymmetricEigen {
  checkSquare('eigSym', 'A', A);
  const n = A.rows;
  const a = new Float64Array(n * n);
  let amax = 0;
  for (let i = 0; i < n * n; i++) amax = Math.max(amax, Math.abs(A.data[i]!));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const u = A.data[i * n + j]!;
      const l = A.data[j * n + i]!;
      if (Math.abs(u - l) > SYMMETRY_RTOL * amax) {
        throw new RangeError(`eigSym: A must be symmetric, but A[${i}][${j}] = ${u} and A[${j}][${i}] = ${l}`);
      }
      a[i * n + j] = a[j * n + i] = 0.5 * (u + l);
    }
  }
  // Unit scale (exact): the convergence test sums squares of entries, which underflow below ~1e-154.
  const e = unitExponent(amax);
  scaleInPlace(a, -e);
  const V = matrix(n, n);
  const v = V.data;
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i]! * a[i * n + i]!;
      for (let j = i + 1; j < n; j++) off += a[i * n + j]! * a[i * n + j]!;
    }
    if (off === 0 || off <= Number.EPSILON * Number.EPSILON * 1e-2 * diag) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        // Skip rotations that cannot change the diagonal in float64 (keeps tiny eigenvalues accurate).
        if (Math.abs(apq) < 1e-300 || (Math.abs(app) + 1e20 * Math.abs(apq) === Math.abs(app) && Math.abs(aqq) + 1e20 * Math.abs(apq) === Math.abs(aqq))) {
          a[p * n + q] = a[q * n + p] = 0;
          continue;
        }
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        const tau = s / (1 + c);
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          const nkp = akp - s * (akq + tau * akp);
          const nkq = akq + s * (akp - tau * akq);
          a[k * n + p] = a[p * n + k] = nkp;
          a[k * n + q] = a[q * n + k] = nkq;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = vkp - s * (vkq + tau * vkp);
          v[k * n + q] = vkq + s * (vkp - tau * vkq);
        }
      }
    }
  }
  // Sort ascending, permuting eigenvector columns along.
  const idx = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i]! - a[j * n + j]! || i - j);
  const values = new Float64Array(n);
  const vectors = matrix(n, n);
  for (let k = 0; k < n; k++) {
    const src = idx[k]!;
    values[k] = a[src * n + src]!;
    for (let i = 0; i < n; i++) vectors.data[i * n + k] = v[i * n + src]!;
  }
  scaleInPlace(values, e);
  return { values, vectors };
}
