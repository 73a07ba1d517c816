/**
 * Thin singular value decomposition by one-sided Jacobi (Hestenes; Demmel & Veselić 1992):
 * orthogonalise the columns of A by plane rotations accumulated in V. High relative accuracy
 * for small singular values and no bidiagonalisation code to get wrong; fine for the n ≤ ~100
 * matrices of this project. numeric.svd is not used: it requires m ≥ n and loses orthogonality
 * of U for rank-deficient inputs.
 */
import { matrix, type Matrix } from './matrix.ts';
import { checkMatrix } from './check.ts';
import { maxAbs, scaleInPlace, unitExponent } from './workspace.ts';

export interface SVD {
  /** m×k, orthonormal columns (k = min(m, n)). */
  U: Matrix;
  /** k singular values, descending. */
  S: Float64Array;
  /** n×k, orthonormal columns. A = U·diag(S)·Vᵀ. */
  V: Matrix;
}

const MAX_SWEEPS = 80;

export function svd(A: Matrix): SVD {
  checkMatrix('svd', 'A', A);
  if (A.rows >= A.cols) return svdTall(A.rows, A.cols, A.data, false);
  // A = U S Vᵀ  ⇔  Aᵀ = V S Uᵀ: decompose the tall transpose and swap factors.
  const t = new Float64Array(A.rows * A.cols);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) t[j * A.rows + i] = A.data[i * A.cols + j]!;
  return svdTall(A.cols, A.rows, t, true);
}

function svdTall(m: number, n: number, data: Float64Array, swap: boolean): SVD {
  // Work column-major: column j of A is w[j*m .. j*m+m).
  const w = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = data[i * n + j]!;
  // Unit scale (exact): column inner products square the entries.
  const e = unitExponent(maxAbs(w));
  scaleInPlace(w, -e);
  const v = new Float64Array(n * n); // column-major too
  for (let j = 0; j < n; j++) v[j * n + j] = 1;
  const tol = Number.EPSILON * m;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        const cp = p * m, cq = q * m;
        for (let i = 0; i < m; i++) {
          const x = w[cp + i]!, y = w[cq + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = w[cp + i]!, y = w[cq + i]!;
          w[cp + i] = c * x - s * y;
          w[cq + i] = s * x + c * y;
        }
        const vp = p * n, vq = q * n;
        for (let i = 0; i < n; i++) {
          const x = v[vp + i]!, y = v[vq + i]!;
          v[vp + i] = c * x - s * y;
          v[vq + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += w[j * m + i]! * w[j * m + i]!;
    sv[j] = Math.sqrt(s);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => sv[j]! - sv[i]! || i - j);
  const U = matrix(m, n);
  const V = matrix(n, n);
  const S = new Float64Array(n);
  const smax = n > 0 ? sv[order[0]!]! : 0;
  const rankTol = smax * Number.EPSILON * Math.max(m, n);
  const filled: number[] = []; // output columns of U already orthonormal
  for (let k = 0; k < n; k++) {
    const j = order[k]!;
    S[k] = sv[j]!;
    for (let i = 0; i < n; i++) V.data[i * n + k] = v[j * n + i]!;
    if (sv[j]! > rankTol && sv[j]! > 0) {
      for (let i = 0; i < m; i++) U.data[i * n + k] = w[j * m + i]! / sv[j]!;
      filled.push(k);
    }
  }
  scaleInPlace(S, e);
  // Rank-deficient: complete U with orthonormal columns (Gram–Schmidt on unit vectors) so UᵀU = I.
  for (let k = 0; k < n; k++) {
    if (filled.includes(k)) continue;
    // Project every unit vector off the filled columns; the largest residual has norm² ≥ (m − r)/m > 0.
    const col = new Float64Array(m);
    let best: Float64Array | null = null;
    let bestNorm = 0;
    for (let e = 0; e < m; e++) {
      col.fill(0);
      col[e] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (const f of filled) {
          let d = 0;
          for (let i = 0; i < m; i++) d += U.data[i * n + f]! * col[i]!;
          for (let i = 0; i < m; i++) col[i]! -= d * U.data[i * n + f]!;
        }
      }
      let nn = 0;
      for (let i = 0; i < m; i++) nn += col[i]! * col[i]!;
      if (nn > bestNorm) { bestNorm = nn; best = Float64Array.from(col); }
    }
    const nn = Math.sqrt(bestNorm);
    for (let i = 0; i < m; i++) U.data[i * n + k] = best![i]! / nn;
    filled.push(k);
  }
  return swap ? { U: V, S, V: U } : { U, S, V };
}
