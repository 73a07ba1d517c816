/**
 * Principal matrix square roots.
 *
 * sqrtm: scaled product-form Denman–Beavers iteration (Higham, "Functions of Matrices", 2008,
 * eq. (6.29) with determinant scaling (6.31)): one LU per iteration, quadratic convergence, real
 * arithmetic for real A. Needs no Schur vectors (which our eig does not form). mathjs.sqrtm is
 * the unscaled Denman–Beavers on boxed matrices (slow, and without scaling it stalls on
 * badly-scaled inputs).
 *
 * sqrtmPsd: for symmetric positive semi-definite A through eigSym, V·diag(√λ)·Vᵀ; exact
 * symmetry of the result and correct on singular A (where Denman–Beavers cannot start).
 */
import { identity, matrix, type Matrix } from './matrix.ts';
import { checkSquare } from './check.ts';
import { matmulInto } from './arith.ts';
import { luFactor } from './lu.ts';
import { eig } from './eig.ts';
import { eigSym } from './eig-sym.ts';

const MAX_ITS = 100;
/** Stop when ‖M_k − I‖_F ≤ this (M_k → I quadratically; the last step gains the remaining digits). */
const CONVERGED = 1e-14;
/** Turn determinant scaling off once M_k is this close to I (Higham 2008 §6.5: it only helps far from convergence). */
const SCALING_OFF = 1e-2;
/** Relative size of negative eigenvalues that sqrtmPsd treats as rounding and clamps to zero. */
export const PSD_CLAMP_RTOL = 1e-9;

export function sqrtm(A: Matrix): Matrix {
  checkSquare('sqrtm', 'A', A);
  const n = A.rows;
  if (n === 0) return matrix(0, 0);
  const { re, im } = eig(A);
  for (let i = 0; i < n; i++) {
    if (im[i] === 0 && re[i]! <= 0) {
      throw new RangeError(`sqrtm: A has eigenvalue ${re[i]} on the closed negative real axis; the principal square root is not defined (use sqrtmPsd for PSD matrices)`);
    }
  }
  const nn = n * n;
  const X = Float64Array.from(A.data);
  const M = matrix(n, n, A.data);
  const Minv = new Float64Array(nn);
  const tmp = new Float64Array(nn);
  const I = identity(n);
  let scaling = true;
  for (let it = 0; it < MAX_ITS; it++) {
    const f = luFactor(M);
    if (f.singular) throw new RangeError('sqrtm: Denman–Beavers iterate became singular (A is too close to singular)');
    // M⁻¹ column by column.
    let logdet = 0;
    for (let i = 0; i < n; i++) logdet += Math.log(Math.abs(f.lu[i * n + i]!));
    invertFromLU(f.lu, f.perm, n, Minv);
    let mu = 1;
    if (scaling) mu = Math.exp(-logdet / (2 * n));
    const mu2 = mu * mu;
    // X ← ½ μ X (I + μ⁻² M⁻¹)
    for (let i = 0; i < nn; i++) tmp[i] = Minv[i]! / mu2 + I.data[i]!;
    const Xnew = new Float64Array(nn);
    matmulInto(Xnew, X, tmp, n, n, n);
    for (let i = 0; i < nn; i++) X[i] = 0.5 * mu * Xnew[i]!;
    // M ← ½ (I + (μ² M + μ⁻² M⁻¹)/2)
    let dist = 0;
    for (let i = 0; i < nn; i++) {
      const v = 0.5 * (I.data[i]! + 0.5 * (mu2 * M.data[i]! + Minv[i]! / mu2));
      M.data[i] = v;
      const d = v - I.data[i]!;
      dist += d * d;
    }
    dist = Math.sqrt(dist);
    if (dist < SCALING_OFF) scaling = false;
    if (dist <= CONVERGED * Math.sqrt(n)) return matrix(n, n, X);
  }
  throw new RangeError(`sqrtm: Denman–Beavers did not converge in ${MAX_ITS} iterations (A may be nearly defective or ill-conditioned)`);
}

function invertFromLU(lu: Float64Array, perm: Int32Array, n: number, out: Float64Array): void {
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) col[i] = perm[i] === c ? 1 : 0;
    for (let i = 0; i < n; i++) {
      let s = col[i]!;
      for (let j = 0; j < i; j++) s -= lu[i * n + j]! * col[j]!;
      col[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i]!;
      for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * col[j]!;
      col[i] = s / lu[i * n + i]!;
    }
    for (let i = 0; i < n; i++) out[i * n + c] = col[i]!;
  }
}

/** Square root of a symmetric PSD matrix; eigenvalues in [−PSD_CLAMP_RTOL·λmax, 0) are clamped to 0, more negative → RangeError. */
export function sqrtmPsd(A: Matrix): Matrix {
  checkSquare('sqrtmPsd', 'A', A);
  const n = A.rows;
  const { values, vectors } = eigSym(A);
  let lmax = 0;
  for (let i = 0; i < n; i++) lmax = Math.max(lmax, Math.abs(values[i]!));
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = values[i]!;
    if (l < -PSD_CLAMP_RTOL * lmax) {
      throw new RangeError(`sqrtmPsd: A is not positive semi-definite (eigenvalue ${l}, largest |λ| ${lmax})`);
    }
    root[i] = l > 0 ? Math.sqrt(l) : 0;
  }
  const out = matrix(n, n);
  const v = vectors.data;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += v[i * n + k]! * root[k]! * v[j * n + k]!;
      out.data[i * n + j] = out.data[j * n + i] = s;
    }
  }
  return out;
}
