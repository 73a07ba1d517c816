/**
 * Eigenvalues of a general real square matrix: balancing, Householder reduction to upper
 * Hessenberg form, then the Francis implicit double-shift QR iteration (EISPACK hqr, as in
 * Numerical Recipes 3rd ed. §11.6) with exceptional shifts every 10 iterations.
 *
 * Hand-written rather than numeric.eig: numeric 1.2.6's eig throws "eig: internal error" on the
 * cyclic permutation matrix for every n ≥ 4 (checked 2026-11-22; our exceptional shifts handle it,
 * see properties/linalg/eig.test.ts), and it was ~28× slower at n = 32 (nested JS arrays per
 * call). This version works in one reused Float64Array.
 */
import type { Matrix } from './matrix.ts';
import { checkSquare } from './check.ts';
import { maxAbs, scaleInPlace, scratch, unitExponent } from './workspace.ts';

export interface Eigenvalues {
  re: Float64Array;
  im: Float64Array;
}

const EPS = Number.EPSILON;
/**
 * Iterations per eigenvalue before giving up: LAPACK dlahqr's ITMAX = 30·max(10, n). (A fixed 120
 * failed on an 18 × 18 IPM generator with a near-defective cluster of eigenvalues at ~1e-9, where
 * the exceptional shifts needed ~200 sweeps; NumPy's LAPACK converged.)
 */
const maxIts = (n: number) => 30 * Math.max(10, n);

/**
 * Eigenvalues of A (complex pairs as re ± i·im), sorted by descending modulus, then descending
 * real part, then descending imaginary part (so a conjugate pair lists +im first).
 */
export function eig(A: Matrix): Eigenvalues {
  checkSquare('eig', 'A', A);
  const n = A.rows;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  if (n === 0) return { re, im };
  const a = scratch('eig.a', n * n);
  a.set(A.data);
  // Work at unit scale (exact power-of-2 factor): hqr squares entries in its shifts and 2×2 blocks.
  const e = unitExponent(maxAbs(A.data));
  scaleInPlace(a, -e, n * n);
  balance(a, n);
  hessenberg(a, n);
  hqr(a, n, re, im);
  scaleInPlace(re, e);
  scaleInPlace(im, e);
  return sortEigenvalues(re, im);
}

/** Eigenvalues of an already upper-Hessenberg n×n buffer (destroyed). Exposed for callers with their own workspace. */
export function hqrInPlace(a: Float64Array, n: number, re: Float64Array, im: Float64Array): void {
  hqr(a, n, re, im);
}

export function sortEigenvalues(re: Float64Array, im: Float64Array): Eigenvalues {
  const n = re.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const mod = new Float64Array(n);
  for (let i = 0; i < n; i++) mod[i] = Math.hypot(re[i]!, im[i]!);
  idx.sort((i, j) => mod[j]! - mod[i]! || re[j]! - re[i]! || im[j]! - im[i]!);
  const r2 = new Float64Array(n);
  const i2 = new Float64Array(n);
  for (let k = 0; k < n; k++) { r2[k] = re[idx[k]!]!; i2[k] = im[idx[k]!]!; }
  return { re: r2, im: i2 };
}

/** Parlett–Reinsch balancing by powers of 2 (exact in floating point): similar matrix, eigenvalues unchanged. */
function balance(a: Float64Array, n: number): void {
  const RADIX = 2;
  const sqrdx = RADIX * RADIX;
  let done = false;
  let guard = 0;
  while (!done && guard++ < 100) {
    done = true;
    for (let i = 0; i < n; i++) {
      let r = 0;
      let c = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(a[j * n + i]!);
        r += Math.abs(a[i * n + j]!);
      }
      // Non-finite sums cannot occur at unit scale, but would make the loops below spin forever: skip them.
      if (c === 0 || r === 0 || !Number.isFinite(c + r)) continue;
      let g = r / RADIX;
      let f = 1;
      const s = c + r;
      while (c < g) { f *= RADIX; c *= sqrdx; }
      g = r * RADIX;
      while (c > g) { f /= RADIX; c /= sqrdx; }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        const gi = 1 / f;
        for (let j = 0; j < n; j++) a[i * n + j]! *= gi;
        for (let j = 0; j < n; j++) a[j * n + i]! *= f;
      }
    }
  }
}

/** Householder reduction to upper Hessenberg form in place (orthogonal similarity; transforms not kept). */
function hessenberg(a: Float64Array, n: number): void {
  const v = scratch('eig.v', n);
  for (let k = 0; k < n - 2; k++) {
    // Householder vector for column k, rows k+1..n-1.
    let alpha = 0;
    for (let i = k + 1; i < n; i++) alpha = Math.max(alpha, Math.abs(a[i * n + k]!));
    if (alpha === 0) continue;
    let sigma = 0;
    for (let i = k + 1; i < n; i++) {
      v[i] = a[i * n + k]! / alpha;
      sigma += v[i]! * v[i]!;
    }
    let norm = Math.sqrt(sigma);
    if (v[k + 1]! < 0) norm = -norm;
    v[k + 1]! += norm; // v = x + sign(x1)‖x‖e1
    const h = norm * v[k + 1]!; // vᵀv / 2
    if (h === 0) continue;
    // A ← (I − vvᵀ/h) A : rows k+1.., columns k..
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k + 1; i < n; i++) s += v[i]! * a[i * n + j]!;
      s /= h;
      for (let i = k + 1; i < n; i++) a[i * n + j]! -= s * v[i]!;
    }
    // A ← A (I − vvᵀ/h) : all rows, columns k+1..
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = k + 1; j < n; j++) s += a[row + j]! * v[j]!;
      s /= h;
      for (let j = k + 1; j < n; j++) a[row + j]! -= s * v[j]!;
    }
    for (let i = k + 2; i < n; i++) a[i * n + k] = 0;
  }
}

/** Francis double-shift QR on an upper Hessenberg matrix (NR3 Unsymmeig::hqr, 0-based). */
function hqr(a: Float64Array, n: number, wr: Float64Array, wi: Float64Array): void {
  let anorm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(a[i * n + j]!);
  let nn = n - 1;
  let t = 0;
  let p = 0, q = 0, r = 0, s = 0, w = 0, x = 0, y = 0, z = 0;
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l > 0; l--) {
        s = Math.abs(a[(l - 1) * n + l - 1]!) + Math.abs(a[l * n + l]!);
        if (s === 0) s = anorm;
        if (Math.abs(a[l * n + l - 1]!) <= EPS * s) {
          a[l * n + l - 1] = 0;
          break;
        }
      }
      x = a[nn * n + nn]!;
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        y = a[(nn - 1) * n + nn - 1]!;
        w = a[nn * n + nn - 1]! * a[(nn - 1) * n + nn]!;
        if (l === nn - 1) {
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + (p >= 0 ? z : -z);
            wr[nn - 1] = wr[nn] = x + z;
            if (z !== 0) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn - 1] = z;
            wi[nn] = -z;
          }
          nn -= 2;
        } else {
          if (its >= maxIts(n)) throw new Error(`eig: QR iteration did not converge after ${maxIts(n)} iterations (n = ${n})`);
          if (its > 0 && its % 10 === 0) {
            // Exceptional shift (EISPACK): breaks cycles of the standard Francis shift.
            t += x;
            for (let i = 0; i <= nn; i++) a[i * n + i]! -= x;
            s = Math.abs(a[nn * n + nn - 1]!) + Math.abs(a[(nn - 1) * n + nn - 2]!);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = a[m * n + m]!;
            r = x - z;
            s = y - z;
            p = (r * s - w) / a[(m + 1) * n + m]! + a[m * n + m + 1]!;
            q = a[(m + 1) * n + m + 1]! - z - r - s;
            r = a[(m + 2) * n + m + 1]!;
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(a[m * n + m - 1]!) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(a[(m - 1) * n + m - 1]!) + Math.abs(z) + Math.abs(a[(m + 1) * n + m + 1]!));
            if (u <= EPS * v) break;
          }
          for (let i = m; i < nn - 1; i++) {
            a[(i + 2) * n + i] = 0;
            if (i !== m) a[(i + 2) * n + i - 1] = 0;
          }
          for (let k = m; k < nn; k++) {
            if (k !== m) {
              p = a[k * n + k - 1]!;
              q = a[(k + 1) * n + k - 1]!;
              r = 0;
              if (k + 1 !== nn) r = a[(k + 2) * n + k - 1]!;
              if ((x = Math.abs(p) + Math.abs(q) + Math.abs(r)) !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const sq = Math.sqrt(p * p + q * q + r * r);
            if ((s = p >= 0 ? sq : -sq) !== 0) {
              if (k === m) {
                if (l !== m) a[k * n + k - 1] = -a[k * n + k - 1]!;
              } else a[k * n + k - 1] = -s * x;
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = a[k * n + j]! + q * a[(k + 1) * n + j]!;
                if (k + 1 !== nn) {
                  p += r * a[(k + 2) * n + j]!;
                  a[(k + 2) * n + j]! -= p * z;
                }
                a[(k + 1) * n + j]! -= p * y;
                a[k * n + j]! -= p * x;
              }
              const mmin = nn < k + 3 ? nn : k + 3;
              for (let i = l; i <= mmin; i++) {
                p = x * a[i * n + k]! + y * a[i * n + k + 1]!;
                if (k + 1 !== nn) {
                  p += z * a[i * n + k + 2]!;
                  a[i * n + k + 2]! -= p * r;
                }
                a[i * n + k + 1]! -= p * q;
                a[i * n + k]! -= p;
              }
            }
          }
        }
      }
    } while (l + 1 < nn);
  }
}
