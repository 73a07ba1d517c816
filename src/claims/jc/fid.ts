import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { matrix, type Matrix } from '../../linalg/matrix.ts';
import { Rng } from '../../random/rng.ts';
import { frechetDistance } from '../../metrics/fid.ts';
import { PAPER } from './common.ts';

/**
 * Tolerances relative to the scale Tr C + Tr C_w + ‖m − m_w‖². The cross term goes through two
 * Jacobi eigendecompositions; the square root of a rounded eigenvalue μ ± ε·‖S‖ moves by up to
 * √(ε‖S‖) when μ ≈ 0 (rank-deficient covariances), so zero-distance checks allow √ε ≈ 1.5e-8 relative.
 */
const ZERO_RTOL = 3e-8;
const RTOL = 1e-9;

function randomCov(rng: Rng, d: number, rank: number, scale: number): Matrix {
  const A = rng.normals(new Float64Array(d * rank));
  const C = matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    let s = 0;
    for (let r = 0; r < rank; r++) s += A[i * rank + r]! * A[j * rank + r]!;
    C.data[i * d + j] = (scale * s) / rank;
  }
  return C;
}

/** Q diag(c) Qᵀ with Q a random orthogonal matrix (Gram–Schmidt). */
function rotated(Q: Float64Array, c: Float64Array): Matrix {
  const d = c.length;
  const C = matrix(d, d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += Q[i * d + k]! * c[k]! * Q[j * d + k]!;
    C.data[i * d + j] = s;
  }
  return C;
}

function orthogonal(rng: Rng, d: number): Float64Array {
  const Q = new Float64Array(d * d);
  for (let c = 0; c < d; c++) {
    const v = rng.normals(new Float64Array(d));
    for (let p = 0; p < c; p++) {
      let dt = 0;
      for (let r = 0; r < d; r++) dt += v[r]! * Q[r * d + p]!;
      for (let r = 0; r < d; r++) v[r]! -= dt * Q[r * d + p]!;
    }
    const n = Math.hypot(...v);
    for (let r = 0; r < d; r++) Q[r * d + c] = v[r]! / n;
  }
  return Q;
}

const tr = (C: Matrix) => { let t = 0; for (let i = 0; i < C.rows; i++) t += C.data[i * C.cols + i]!; return t; };

export const jcFid = property({
  id: 'jc.fid',
  source: { paper: PAPER, where: '§2, eq. 4' },
  statement: 'If the activations on the real data are N(m, C) and the activations on the fake data are N(m_w, C_w), the FID is given by: ‖m − m_w‖²₂ + Tr(C + C_w − 2(CC_w)^{1/2}) (4).',
  checks:
    'For generated dimensions d ≤ 6, means, and PSD covariances (full or low rank, scales 1e-2…1e2): the Fréchet distance is ≥ 0, is 0 between identical Gaussians, is symmetric, ' +
    'equals ‖m − m_w‖² when C = C_w, equals Σ(√cᵢ − √c_wᵢ)² + ‖m − m_w‖² for diagonal C, C_w and for commuting C = Q diag(c) Qᵀ, C_w = Q diag(c_w) Qᵀ.',
  tier: 'fast', kind: 'property', expect: 'holds',
  arbitrary: fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    d: fc.integer({ min: 1, max: 6 }),
    rankA: fc.integer({ min: 1, max: 6 }),
    rankB: fc.integer({ min: 1, max: 6 }),
    scaleA: fc.double({ min: -2, max: 2, noNaN: true }).map((e) => 10 ** e),
    scaleB: fc.double({ min: -2, max: 2, noNaN: true }).map((e) => 10 ** e),
  }),
  check: ({ seed, d, rankA, rankB, scaleA, scaleB }) => {
    const rng = new Rng(seed);
    const ma = rng.normals(new Float64Array(d));
    const mb = rng.normals(new Float64Array(d), 0, 2);
    const Ca = randomCov(rng, d, rankA, scaleA);
    const Cb = randomCov(rng, d, rankB, scaleB);
    let m2 = 0;
    for (let i = 0; i < d; i++) m2 += (ma[i]! - mb[i]!) ** 2;
    const scale = tr(Ca) + tr(Cb) + m2;
    const a = { mean: ma, cov: Ca };
    const b = { mean: mb, cov: Cb };
    const fab = frechetDistance(a, b);
    const fba = frechetDistance(b, a);
    ensure(fab >= -ZERO_RTOL * scale, `FD = ${fab} < 0`, { fab, scale });
    ensure(Math.abs(fab - fba) <= ZERO_RTOL * scale, `FD not symmetric: ${fab} vs ${fba}`, { fab, fba });
    const faa = frechetDistance(a, { mean: Float64Array.from(ma), cov: Ca });
    ensure(Math.abs(faa) <= ZERO_RTOL * 2 * tr(Ca), `FD(a, a) = ${faa} ≠ 0`, { faa });
    const fEq = frechetDistance(a, { mean: mb, cov: Ca });
    ensure(Math.abs(fEq - m2) <= ZERO_RTOL * (2 * tr(Ca) + m2), `equal covariances: FD = ${fEq} ≠ ‖m − m_w‖² = ${m2}`, { fEq, m2 });
    // Diagonal and commuting covariances.
    const ca = Float64Array.from({ length: d }, () => scaleA * rng.uniform() * (rng.uniform() < 0.2 ? 0 : 1));
    const cb = Float64Array.from({ length: d }, () => scaleB * rng.uniform());
    let expected = m2;
    for (let i = 0; i < d; i++) expected += (Math.sqrt(ca[i]!) - Math.sqrt(cb[i]!)) ** 2;
    const I = new Float64Array(d * d);
    for (let i = 0; i < d; i++) I[i * d + i] = 1;
    const sc = m2 + ca.reduce((s, v) => s + v, 0) + cb.reduce((s, v) => s + v, 0);
    let worst = 0;
    for (const Q of [I, orthogonal(rng, d)]) {
      const f = frechetDistance({ mean: ma, cov: rotated(Q, ca) }, { mean: mb, cov: rotated(Q, cb) });
      const err = Math.abs(f - expected);
      ensure(err <= RTOL * sc + ZERO_RTOL * sc * (Q === I ? 0 : 1) + ZERO_RTOL * sc * (ca.some((v) => v === 0) ? 1 : 0),
        `commuting covariances: FD = ${f} ≠ Σ(√c − √c_w)² + ‖Δm‖² = ${expected}`, { f, expected, diagonal: Q === I });
      worst = Math.max(worst, err / sc);
    }
    return { fd: fab, commutingRelErr: worst };
  },
});
