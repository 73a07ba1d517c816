/**
 * Fréchet distance between Gaussians (003 eq. 4; Heusel et al. 2017):
 *   d² = ‖m − m_w‖² + Tr(C + C_w − 2 (C C_w)^{1/2}).
 * C·C_w is not symmetric, so its square root is taken through a similar symmetric matrix:
 * C C_w = C^{1/2} (C^{1/2} C_w C^{1/2}) C^{-1/2}, hence Tr (C C_w)^{1/2} = Σ √μᵢ with μᵢ the
 * eigenvalues of the PSD matrix S = C^{1/2} C_w C^{1/2}. Two symmetric eigendecompositions,
 * no complex square roots, and singular C (fewer samples than features) is fine.
 */
import type { Matrix } from '../linalg/matrix.ts';
import { matrix } from '../linalg/matrix.ts';
import { eigSym } from '../linalg/index.ts';

export interface GaussianStats {
  mean: Float64Array;
  cov: Matrix;
}

/** Sample mean and unbiased (n − 1) covariance of n feature rows (as numpy.cov, as FID implementations use). */
export function gaussianStats(rows: Float64Array[] | Matrix): GaussianStats {
  const isMat = !Array.isArray(rows);
  const n = isMat ? (rows as Matrix).rows : (rows as Float64Array[]).length;
  if (n < 2) throw new RangeError(`gaussianStats: rows must hold at least 2 samples, got ${n}`);
  const d = isMat ? (rows as Matrix).cols : (rows as Float64Array[])[0]!.length;
  const row = (i: number): Float64Array =>
    isMat ? (rows as Matrix).data.subarray(i * d, (i + 1) * d) : (rows as Float64Array[])[i]!;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const r = row(i);
    if (r.length !== d) throw new RangeError(`gaussianStats: row ${i} has length ${r.length}, expected ${d}`);
    for (let a = 0; a < d; a++) {
      if (!Number.isFinite(r[a]!)) throw new RangeError(`gaussianStats: rows[${i}][${a}] is not finite (${r[a]})`);
      mean[a]! += r[a]!;
    }
  }
  for (let a = 0; a < d; a++) mean[a]! /= n;
  const cov = matrix(d, d);
  const c = cov.data;
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const r = row(i);
    for (let a = 0; a < d; a++) centred[a] = r[a]! - mean[a]!;
    for (let a = 0; a < d; a++) {
      const ca = centred[a]!;
      for (let b = a; b < d; b++) c[a * d + b]! += ca * centred[b]!;
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = c[a * d + b]! / (n - 1);
      c[a * d + b] = v;
      c[b * d + a] = v;
    }
  }
  return { mean, cov };
}

/** Symmetric PSD square root via eigSym; eigenvalues below 0 (rounding) are clamped to 0. */
function sqrtPsd(C: Matrix): Matrix {
  const { values, vectors } = eigSym(C);
  const n = C.rows;
  const out = matrix(n, n);
  const V = vectors.data;
  for (let k = 0; k < n; k++) {
    const s = Math.sqrt(Math.max(values[k]!, 0));
    if (s === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = V[i * n + k]! * s;
      for (let j = 0; j < n; j++) out.data[i * n + j]! += vik * V[j * n + k]!;
    }
  }
  return out;
}

/** Tr (A B)^{1/2} for symmetric PSD A, B (the cross term of eq. 4). */
export function traceSqrtProduct(A: Matrix, B: Matrix): number {
  const n = A.rows;
  const R = sqrtPsd(A);
  // S = R B R, symmetrised against rounding.
  const RB = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) {
    const rik = R.data[i * n + k]!;
    if (rik === 0) continue;
    for (let j = 0; j < n; j++) RB[i * n + j]! += rik * B.data[k * n + j]!;
  }
  const S = matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += RB[i * n + k]! * R.data[k * n + j]!;
    S.data[i * n + j] = s;
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const v = 0.5 * (S.data[i * n + j]! + S.data[j * n + i]!);
    S.data[i * n + j] = v;
    S.data[j * n + i] = v;
  }
  const mu = eigSym(S).values;
  let t = 0;
  for (let i = 0; i < n; i++) t += Math.sqrt(Math.max(mu[i]!, 0));
  return t;
}

function checkStats(fn: string, name: string, s: GaussianStats, d?: number): void {
  if (!s || !(s.mean instanceof Float64Array) || !s.cov) throw new TypeError(`${fn}: ${name} must be {mean: Float64Array, cov: Matrix}`);
  const n = s.mean.length;
  if (s.cov.rows !== n || s.cov.cols !== n) throw new RangeError(`${fn}: ${name}.cov must be ${n}×${n}, got ${s.cov.rows}×${s.cov.cols}`);
  if (d !== undefined && n !== d) throw new RangeError(`${fn}: ${name} has dimension ${n}, expected ${d}`);
  for (const v of s.mean) if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}.mean has a non-finite entry`);
  for (const v of s.cov.data) if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name}.cov has a non-finite entry`);
}

/**
 * Eq. 4. Not clamped at 0: a tiny negative value is rounding and is reported as such (a check
 * of "≥ 0" must be able to see it).
 */
export function frechetDistance(a: GaussianStats, b: GaussianStats): number {
  checkStats('frechetDistance', 'a', a);
  const d = a.mean.length;
  checkStats('frechetDistance', 'b', b, d);
  let m2 = 0;
  for (let i = 0; i < d; i++) m2 += (a.mean[i]! - b.mean[i]!) ** 2;
  let tr = 0;
  for (let i = 0; i < d; i++) tr += a.cov.data[i * d + i]! + b.cov.data[i * d + i]!;
  return m2 + tr - 2 * traceSqrtProduct(a.cov, b.cov);
}
