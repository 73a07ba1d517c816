import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { jacobianFD, svd } from '../../linalg/index.ts';
import { jacobian, kinkMargin, metricSpectrum, mlpApply, mlpWork } from '../../systems/jacobian-clamping/index.ts';
import { PAPER, buildGenerator, firstOrderOk, firstOrderRatios, generatorSpec, latent } from './common.ts';

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

export const jcMetricTensor = property({
  id: 'jc.metric-tensor',
  source: { paper: PAPER, where: '§2, eq. 5' },
  statement:
    'Consider the eigenvalues λ_1, …, λ_{n_z} and eigenvectors v_1, …, v_{n_z} of M_z. Then for ε ∈ R and k ∈ [1, n_z], lim_{‖ε‖→0} ‖G(z) − G(z + εv_k)‖/‖εv_k‖ = √λ_k (5). … the eigenvalues of M_z are identical to the squared singular values of J_z.',
  checks:
    'For generated MLP generators (n_z ≤ 4, n_x ≤ 6, 1–2 hidden layers of width ≤ 8, tanh or ReLU, random gain) and latents z: the analytic Jacobian equals central differences; ' +
    'eig(M_z) (Jacobi on JᵀJ) equals the squared singular values of J_z (SVD; zeros when n_x < n_z); and for every eigenpair, ‖G(z) − G(z + εv_k)‖/‖εv_k‖ → √λ_k with error O(ε) ' +
    '(tanh: |error|/ε stays bounded for ε = ±1e-3, 1e-4, 1e-5; ReLU: exact for ε below the distance to the nearest kink).',
  tier: 'fast', kind: 'property', expect: 'holds',
  arbitrary: fc.record({ g: generatorSpec(), salt: fc.integer({ min: 0, max: 1000 }) }),
  check: ({ g, salt }) => {
    const G = buildGenerator(g);
    const z = latent(g, salt);
    const work = mlpWork(G);
    const J = jacobian(G, z, work);
    const margin = kinkMargin(G, z, work);
    const fdOk = g.act !== 'relu' || margin > 1e-3;
    let jacErr = 0;
    if (fdOk) {
      const Jfd = jacobianFD((x) => mlpApply(G, x), z);
      let num = 0, den = 0;
      for (let i = 0; i < J.data.length; i++) { num += (J.data[i]! - Jfd.data[i]!) ** 2; den += J.data[i]! ** 2; }
      jacErr = Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
      ensure(jacErr <= JAC_RTOL || Math.sqrt(num) <= 1e-12, `analytic Jacobian vs central differences: relative error ${jacErr}`, { jacErr });
    }
    const spec = metricSpectrum(G, z);
    const sv = svd(J).S; // descending
    const lamMax = Math.max(spec.values[g.nz - 1]!, 1e-300);
    for (let k = 0; k < g.nz; k++) {
      const s = k < sv.length ? sv[k]! : 0;
      const lam = spec.values[g.nz - 1 - k]!;
      ensure(Math.abs(lam - s * s) <= EIG_RTOL * lamMax, `eigenvalue ${lam} of M_z ≠ σ_${k + 1}(J)² = ${s * s}`, { lam, sigma2: s * s, k });
    }
    // Eq. 5 along each eigenvector.
    const g0 = mlpApply(G, z, work);
    const quotient = (v: Float64Array, eps: number): number => {
      const zp = Float64Array.from(z, (zi, a) => zi + eps * v[a]!);
      const g1 = mlpApply(G, zp, work);
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
