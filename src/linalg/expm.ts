/**
 * Matrix exponential by scaling and squaring with Padé approximants of degree 3, 5, 7, 9 or 13
 * (Higham, "The scaling and squaring method for the matrix exponential revisited", SIAM J.
 * Matrix Anal. Appl. 26(4), 2005, Algorithm 2.3; θ_m from its Table 2.3). Hand-written over
 * reused Float64Array buffers: mathjs.expm (fixed-degree Padé on boxed matrices, no degree
 * selection by norm) was ~4× slower at n = 32 in our measurement, and numeric has no expm.
 */
import { matrix, type Matrix } from './matrix.ts';
import { checkSquare } from './check.ts';
import { matmulInto } from './arith.ts';
import { luFactor } from './lu.ts';
import { scratch } from './workspace.ts';

const THETA: Record<number, number> = {
  3: 1.495585217958292e-2,
  5: 2.539398330063230e-1,
  7: 9.504178996162932e-1,
  9: 2.097847961257068e0,
  13: 5.371920351148152e0,
};

const PADE: Record<number, readonly number[]> = {
  3: [120, 60, 12, 1],
  5: [30240, 15120, 3360, 420, 30, 1],
  7: [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1],
  9: [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1],
  13: [
    64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000,
    10559470521600, 670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
  ],
};

function norm1(a: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(a[i * n + j]!);
    if (s > best) best = s;
  }
  return best;
}

export function expm(A: Matrix): Matrix {
  checkSquare('expm', 'A', A);
  const n = A.rows;
  const nn = n * n;
  const out = matrix(n, n);
  if (n === 0) return out;
  const buf = scratch('expm', 8 * nn);
  const a = buf.subarray(0, nn);
  const a2 = buf.subarray(nn, 2 * nn);
  const a4 = buf.subarray(2 * nn, 3 * nn);
  const a6 = buf.subarray(3 * nn, 4 * nn);
  const u = buf.subarray(4 * nn, 5 * nn);
  const v = buf.subarray(5 * nn, 6 * nn);
  const t1 = buf.subarray(6 * nn, 7 * nn);
  const t2 = buf.subarray(7 * nn, 8 * nn);
  a.set(A.data);
  const nrm = norm1(a, n);
  let s = 0;
  let m = 13;
  for (const deg of [3, 5, 7, 9]) {
    if (nrm <= THETA[deg]!) { m = deg; break; }
  }
  if (m === 13) {
    s = Math.max(0, Math.ceil(Math.log2(nrm / THETA[13]!)));
    if (s > 0) {
      const f = Math.pow(2, -s);
      for (let i = 0; i < nn; i++) a[i]! *= f;
    }
  }
  const b = PADE[m]!;
  matmulInto(a2, a, a, n, n, n);
  if (m === 13) {
    matmulInto(a4, a2, a2, n, n, n);
    matmulInto(a6, a4, a2, n, n, n);
    // U = A·[A6(b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I]
    for (let i = 0; i < nn; i++) t1[i] = b[13]! * a6[i]! + b[11]! * a4[i]! + b[9]! * a2[i]!;
    matmulInto(t2, a6, t1, n, n, n);
    for (let i = 0; i < nn; i++) t2[i]! += b[7]! * a6[i]! + b[5]! * a4[i]! + b[3]! * a2[i]!;
    for (let i = 0; i < n; i++) t2[i * n + i]! += b[1]!;
    matmulInto(u, a, t2, n, n, n);
    // V = A6(b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I
    for (let i = 0; i < nn; i++) t1[i] = b[12]! * a6[i]! + b[10]! * a4[i]! + b[8]! * a2[i]!;
    matmulInto(v, a6, t1, n, n, n);
    for (let i = 0; i < nn; i++) v[i]! += b[6]! * a6[i]! + b[4]! * a4[i]! + b[2]! * a2[i]!;
    for (let i = 0; i < n; i++) v[i * n + i]! += b[0]!;
  } else {
    // Odd part U = A·Σ b_{2k+1} A^{2k}, even part V = Σ b_{2k} A^{2k}, powers of A2 built in turn.
    t1.fill(0); // Σ odd coefficients times powers
    v.fill(0);
    for (let i = 0; i < n; i++) { t1[i * n + i] = b[1]!; v[i * n + i] = b[0]!; }
    let pw = a2; // current even power A^{2k}
    let spare = a4;
    for (let k = 1; 2 * k <= m; k++) {
      if (k > 1) {
        matmulInto(spare, pw, a2, n, n, n);
        const tmp = pw; pw = spare; spare = tmp === a2 ? a6 : tmp;
      }
      const be = b[2 * k]!;
      const bo = 2 * k + 1 <= m ? b[2 * k + 1]! : 0;
      for (let i = 0; i < nn; i++) { v[i]! += be * pw[i]!; t1[i]! += bo * pw[i]!; }
    }
    matmulInto(u, a, t1, n, n, n);
  }
  // R = (V − U)⁻¹ (V + U)
  const P = matrix(n, n);
  for (let i = 0; i < nn; i++) { P.data[i] = v[i]! - u[i]!; t1[i] = v[i]! + u[i]!; }
  const f = luFactor(P);
  if (f.singular) throw new RangeError(`expm: Padé denominator is singular (A has ‖A‖₁ = ${nrm})`);
  const col = scratch('expm.col', n);
  const lu = f.lu;
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) col[i] = t1[f.perm[i]! * n + c]!;
    for (let i = 0; i < n; i++) {
      let acc = col[i]!;
      for (let j = 0; j < i; j++) acc -= lu[i * n + j]! * col[j]!;
      col[i] = acc;
    }
    for (let i = n - 1; i >= 0; i--) {
      let acc = col[i]!;
      for (let j = i + 1; j < n; j++) acc -= lu[i * n + j]! * col[j]!;
      col[i] = acc / lu[i * n + i]!;
    }
    for (let i = 0; i < n; i++) t2[i * n + c] = col[i]!;
  }
  // Undo the scaling: square s times.
  let cur = t2;
  let nxt = t1;
  for (let k = 0; k < s; k++) {
    matmulInto(nxt, cur, cur, n, n, n);
    const tmp = cur; cur = nxt; nxt = tmp;
  }
  out.data.set(cur.subarray(0, nn));
  return out;
}
