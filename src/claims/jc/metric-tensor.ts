import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { eigSym, jacobianFD, svd } from '../../linalg/index.ts';
import { conditionNumberFromEigenvalues } from '../../metrics/condition-number.ts';
import { kinkMargin, mlpWork } from '../../systems/jacobian-clamping/index.ts';
import { PAPER, buildGenerator, firstOrderOk, firstOrderRatios, generatorSpec, jcSystem, latent, referenceForward } from './common.ts';

/** Analytic J vs central differences (h = ε^{1/3}): error O(h²‖G‴‖ + ε/h) ≈ 1e-10 relative; 1e-6 is loose but catches any wrong entry. */
const JAC_RTOL = 1e-6;
/** eig(JᵀJ) (Jacobi) vs σ(J)² (one-sided Jacobi SVD): both backward stable, error ≈ 1e-15·σ_max². */
const EIG_RTOL = 1e-10;
/** ReLU: the perturbation used below the kink margin. */
const EPS_SMALL = 1e-4;
/**
 * Rounding: the difference quotient carries ε_mach·‖G(z)‖/ε ≈ 1e-16·10/1e-4 = 1e-11; and an
 * eigenvalue of M at 0 (rank-deficient J) is computed as ±ε_mach·λ_max, whose square root is
 * √(ε_mach·λ_max) ≈ 1.5e-8·√λ_max. Allowed: 1e-9(1 + √λ_max) + √(1e-15·λ_max).
 */
const QUOTIENT_ATOL = 1e-9;
const SQRT_ROUNDING = 1e-15;
/** ReLU: below the kink margin G is affine along v_k, so the quotient equals √λ_k exactly (up to rounding). */
const RELU_ATOL = 1e-9;
/** G(z) of the system vs the reference forward pass: the same sums, possibly in another order (≈ 1e-15 relative). */
const FORWARD_RTOL = 1e-12;
/** M_z vs JᵀJ summed here: one dot product of ≤ 6 terms per entry, ≈ 1e-15·‖J‖². */
const METRIC_RTOL = 1e-12;

export const jcMetricTensor = property({
  id: 'jc.metric-tensor',
  source: { paper: PAPER, where: '§2, eq. 5' },
  statement:
    'Consider the eigenvalues λ_1, …, λ_{n_z} and eigenvectors v_1, …, v_{n_z} of M_z. Then for ε ∈ R and k ∈ [1, n_z], lim_{‖ε‖→0} ‖G(z) − G(z + εv_k)‖/‖εv_k‖ = √λ_k (5). … the eigenvalues of M_z are identical to the squared singular values of J_z.',
  checks:
    'For generated MLP generators (n_z ≤ 4, n_x ≤ 6, 1–2 hidden layers of width ≤ 8, tanh or ReLU, random gain) and latents z, through the jacobian-clamping system: G(z) equals a reference forward pass; ' +
    'the system\'s Jacobian J_z (n_x × n_z) equals central differences of the reference forward pass; its metric tensor M_z (n_z × n_z) equals JᵀJ summed here and is symmetric; ' +
    'eig(M_z) (the built-in Jacobi eigensolver) equals the squared singular values of J_z (SVD; zeros when n_x < n_z); and for every eigenpair, ‖G(z) − G(z + εv_k)‖/‖εv_k‖ → √λ_k with error O(ε) ' +
    '(tanh: |error|/ε stays bounded for ε = ±1e-3, 1e-4, 1e-5; ReLU: exact for ε below the distance to the nearest kink).',
  tier: 'fast', kind: 'property', expect: 'holds', systems: ['jacobian-clamping'],
  arbitrary: fc.record({ g: generatorSpec(), salt: fc.integer({ min: 0, max: 1000 }) }),
  check: ({ g, salt }, ctx) => {
    const jc = jcSystem(ctx);
    const G = buildGenerator(g);
    const z = latent(g, salt);
    const work = mlpWork(G);
    const x = jc.generate(G, z);
    const xRef = referenceForward(G, z);
    ensure(x.length === g.nx, `G(z) has ${x.length} entries, expected n_x = ${g.nx}`, { len: x.length });
    for (let i = 0; i < g.nx; i++) ensure(Math.abs(x[i]! - xRef[i]!) <= FORWARD_RTOL * (1 + Math.abs(xRef[i]!)), `G(z)[${i}] = ${x[i]} ≠ reference ${xRef[i]}`, { i });
    const J = jc.jacobian(G, z);
    ensure(J.rows === g.nx && J.cols === g.nz && J.data.length === g.nx * g.nz, `J_z is ${J.rows} × ${J.cols}, expected n_x × n_z = ${g.nx} × ${g.nz}`, { rows: J.rows, cols: J.cols });
    // Only a filter (which instances are smooth enough for central differences), not checked.
    const margin = kinkMargin(G, z, work);
    const fdOk = g.act !== 'relu' || margin > 1e-3;
    let jacErr = 0;
    if (fdOk) {
      const Jfd = jacobianFD((v) => referenceForward(G, v), z);
      let num = 0, den = 0;
      for (let i = 0; i < J.data.length; i++) { num += (J.data[i]! - Jfd.data[i]!) ** 2; den += J.data[i]! ** 2; }
      jacErr = Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
      ensure(jacErr <= JAC_RTOL || Math.sqrt(num) <= 1e-12, `analytic Jacobian vs central differences: relative error ${jacErr}`, { jacErr });
    }
    const M = jc.metricTensor(G, z);
    ensure(M.rows === g.nz && M.cols === g.nz && M.data.length === g.nz * g.nz, `M_z is ${M.rows} × ${M.cols}, expected n_z × n_z = ${g.nz} × ${g.nz}`, { rows: M.rows, cols: M.cols });
    let jScale = 0;
    for (const v of J.data) jScale += v * v;
    for (let a = 0; a < g.nz; a++) for (let b = 0; b < g.nz; b++) {
      let s = 0;
      for (let r = 0; r < g.nx; r++) s += J.data[r * g.nz + a]! * J.data[r * g.nz + b]!;
      const m = M.data[a * g.nz + b]!;
      ensure(Math.abs(m - s) <= METRIC_RTOL * (1e-300 + jScale), `M_z[${a}][${b}] = ${m} ≠ (JᵀJ)[${a}][${b}] = ${s}`, { a, b, m, s });
      ensure(Math.abs(m - M.data[b * g.nz + a]!) <= METRIC_RTOL * (1e-300 + jScale), `M_z is not symmetric at (${a}, ${b})`, { a, b });
    }
    const eig = eigSym(M);
    const spec = { values: eig.values, vectors: eig.vectors, conditionNumber: conditionNumberFromEigenvalues(eig.values) };
    const sv = svd(J).S; // descending
    const lamMax = Math.max(spec.values[g.nz - 1]!, 1e-300);
    for (let k = 0; k < g.nz; k++) {
      const s = k < sv.length ? sv[k]! : 0;
      const lam = spec.values[g.nz - 1 - k]!;
      ensure(Math.abs(lam - s * s) <= EIG_RTOL * lamMax, `eigenvalue ${lam} of M_z ≠ σ_${k + 1}(J)² = ${s * s}`, { lam, sigma2: s * s, k });
    }
    // Eq. 5 along each eigenvector.
    const g0 = referenceForward(G, z);
    const quotient = (v: Float64Array, eps: number): number => {
      const zp = Float64Array.from(z, (zi, a) => zi + eps * v[a]!);
      const g1 = referenceForward(G, zp);
      let s = 0;
      for (let i = 0; i < g0.length; i++) s += (g0[i]! - g1[i]!) ** 2;
      return Math.sqrt(s) / Math.abs(eps);
    };
    let worstOrder = 0;
    const sqrtMax = Math.sqrt(lamMax);
    for (let k = 0; k < g.nz; k++) {
      const v = Float64Array.from({ length: g.nz }, (_, a) => spec.vectors.data[a * g.nz + k]!);
      const target = Math.sqrt(Math.max(spec.values[k]!, 0));
      if (g.act === 'relu') {
        if (!(margin > 0)) continue;
        const eps = Math.min(EPS_SMALL, margin / 2);
        for (const e of [eps, -eps]) {
          const q = quotient(v, e);
          ensure(Math.abs(q - target) <= RELU_ATOL * (1 + sqrtMax) + (1e-15 * (1 + sqrtMax)) / eps + Math.sqrt(SQRT_ROUNDING * lamMax), `ReLU quotient ${q} ≠ √λ_${k + 1} = ${target} at ε = ${e} (kink margin ${margin})`, { q, target, e, margin });
        }
      } else {
        for (const sign of [1, -1]) {
          const r = firstOrderRatios((e) => Math.abs(quotient(v, sign * e) - target));
          const atol = QUOTIENT_ATOL * (1 + sqrtMax) + Math.sqrt(SQRT_ROUNDING * lamMax);
          ensure(firstOrderOk(r, atol), `quotient along v_${k + 1} does not converge to √λ = ${target} at O(ε): |error|/ε = ${r.join(', ')} at ε = ${sign}·(1e-3, 1e-4, 1e-5)`, { r, target, k, sign });
          if (Math.max(r[0]!, r[1]!) > 1e-4) worstOrder = Math.max(worstOrder, r[2]! / Math.max(r[0]!, r[1]!));
        }
      }
    }
    return { jacRelErr: jacErr, conditionNumber: spec.conditionNumber, worstRatioGrowth: worstOrder, kinkMargin: Number.isFinite(margin) ? margin : -1 };
  },
});
