import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { svd } from '../../linalg/index.ts';
import { Rng } from '../../random/rng.ts';
import { meanLogConditionNumber } from '../../metrics/condition-number.ts';
import { cloneMlp, jacobian, type Mlp } from '../../systems/jacobian-clamping/index.ts';
import { PAPER, buildGenerator, generatorSpec, jcSystem, latent } from './common.ts';

/**
 * κ(M) = λ_max/λ_min loses relative accuracy ≈ ε_mach·κ (the smallest eigenvalue carries absolute
 * error ≈ ε·λ_max); instances with κ > KAPPA_MAX are numerically singular and only checked for ≥ 1.
 */
const KAPPA_MAX = 1e8;
const KAPPA_RTOL = 1e-12;
/** Isometry: Q has orthonormal columns to rounding, so κ(QᵀQ) = 1 + O(ε). */
const ISO_ATOL = 1e-12;
const BATCH = 4;

/** Scale the generator's output layer by c: G ↦ c·G, J ↦ cJ, M ↦ c²M. */
function scaled(G: Mlp, c: number): Mlp {
  const H = cloneMlp(G);
  const L = H.W.length - 1;
  for (let i = 0; i < H.W[L]!.length; i++) H.W[L]![i]! *= c;
  for (let i = 0; i < H.b[L]!.length; i++) H.b[L]![i]! *= c;
  return H;
}

/** A linear generator z ↦ Qz with orthonormal columns (Gram–Schmidt on a Gaussian matrix): an isometry. */
function isometry(seed: number, nz: number, nx: number): Mlp {
  const rng = new Rng(seed);
  const Q = new Float64Array(nx * nz);
  for (let c = 0; c < nz; c++) {
    const v = rng.normals(new Float64Array(nx));
    for (let p = 0; p < c; p++) {
      let d = 0;
      for (let r = 0; r < nx; r++) d += v[r]! * Q[r * nz + p]!;
      for (let r = 0; r < nx; r++) v[r]! -= d * Q[r * nz + p]!;
    }
    const n = Math.hypot(...v);
    for (let r = 0; r < nx; r++) Q[r * nz + c] = v[r]! / n;
  }
  return { sizes: [nz, nx], acts: ['identity'], W: [Q], b: [new Float64Array(nx)] };
}

export const jcConditionNumber = property({
  id: 'jc.condition-number',
  source: { paper: PAPER, where: '§2 (condition number of M_z), Fig. 1–2' },
  statement:
    'The condition number is defined for M_z as λ_max/λ_min. If the condition number is high, we say that the metric tensor is "poorly conditioned". … compute the average log-condition number across a fixed batch of z.',
  checks:
    'For generated tanh/ReLU generators (n_x ≥ n_z) and latents, through the jacobian-clamping system: κ(M_z) ≥ 1; κ(M_z) = (σ_max(J)/σ_min(J))² from the SVD of the built-in analytic Jacobian; κ is unchanged when G is scaled by c ∈ [1e-3, 1e3]; ' +
    'κ = 1 and M_z = I for a linear isometry z ↦ Qz (QᵀQ = I); and the batch mean of ln κ (the system\'s, and the metrics\' from its M_z, as the report plots) equals the mean of 2·ln(σ_max/σ_min) over the batch.',
  tier: 'fast', kind: 'property', expect: 'holds', systems: ['jacobian-clamping'],
  arbitrary: fc.record({
    g: generatorSpec({ nxAtLeastNz: true }),
    c: fc.double({ min: -3, max: 3, noNaN: true }).map((e) => 10 ** e),
    isoSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }),
  check: ({ g, c, isoSeed }, ctx) => {
    const jc = jcSystem(ctx);
    const G = buildGenerator(g);
    const Gc = scaled(G, c);
    const zs = Array.from({ length: BATCH }, (_, i) => latent(g, i + 1));
    const Ms = zs.map((z) => jc.metricTensor(G, z));
    let worst = 0;
    let svdLogSum = 0;
    let finiteAll = true;
    for (let b = 0; b < BATCH; b++) {
      const k = jc.conditionNumber(G, zs[b]!);
      ensure(k >= 1, `κ(M_z) = ${k} < 1`, { k });
      const S = svd(jacobian(G, zs[b]!)).S;
      const kSvd = (S[0]! / S[S.length - 1]!) ** 2;
      if (!(k <= KAPPA_MAX)) { finiteAll = false; continue; }
      svdLogSum += 2 * Math.log(S[0]! / S[S.length - 1]!);
      const tol = KAPPA_RTOL * k * k; // relative error ≈ ε·κ
      ensure(Math.abs(k - kSvd) <= tol + 1e-12 * k, `κ(M_z) = ${k} ≠ (σ_max/σ_min)² = ${kSvd}`, { k, kSvd });
      const kc = jc.conditionNumber(Gc, zs[b]!);
      ensure(Math.abs(kc - k) <= tol + 1e-12 * k, `κ(c·G) = ${kc} ≠ κ(G) = ${k} for c = ${c}`, { k, kc, c });
      worst = Math.max(worst, Math.abs(kc - k) / k);
    }
    if (finiteAll) {
      const plotted = meanLogConditionNumber(Ms);
      const direct = jc.meanLogCondition(G, zs);
      const fromSvd = svdLogSum / BATCH;
      ensure(Math.abs(plotted - fromSvd) <= 1e-9 * (1 + Math.abs(fromSvd)) && Math.abs(direct - fromSvd) <= 1e-9 * (1 + Math.abs(fromSvd)),
        `mean log κ: metrics ${plotted}, system ${direct}, from SVD ${fromSvd}`, { plotted, direct, fromSvd });
    }
    const iso = isometry(isoSeed, g.nz, g.nx);
    const kIso = jc.conditionNumber(iso, zs[0]!);
    ensure(Math.abs(kIso - 1) <= ISO_ATOL * 10, `κ of an isometry = ${kIso} ≠ 1`, { kIso });
    const MisoEye = jc.metricTensor(iso, zs[0]!);
    let offI = 0;
    for (let i = 0; i < g.nz; i++) for (let j = 0; j < g.nz; j++) offI = Math.max(offI, Math.abs(MisoEye.data[i * g.nz + j]! - (i === j ? 1 : 0)));
    ensure(offI <= ISO_ATOL * 10, `QᵀQ ≠ I (max deviation ${offI})`, { offI });
    return { worstScaleRelChange: worst, isoKappaMinus1: kIso - 1 };
  },
});
