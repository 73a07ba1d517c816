import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { svd } from '../../linalg/index.ts';
import { Rng } from '../../random/rng.ts';
import { clampPerturbation, jacobian, zerosLike, type Mlp } from '../../systems/jacobian-clamping/index.ts';
import { PAPER, buildGenerator, firstOrderOk, firstOrderRatios, generatorSpec, jcSystem, latent, referenceClampLoss } from './common.ts';

/** Continuity: |L(Q+δ) − L(Q)| ≤ 2|δ|·(dist(Q, [λ_min, λ_max]) + |δ|) (the penalty is a squared distance). */
const CONT_SLACK = 1e-12;
/** Rounding of Q at ε = 1e-5: ε_mach·‖G‖/ε ≈ 1e-10; 1e-9·(1 + σ_max) leaves margin. */
const Q_ATOL = 1e-9;
/** ‖Jδ̂‖ lies in [σ_min, σ_max] up to SVD rounding. */
const SV_RTOL = 1e-12;
/** A perturbation norm ≠ 1, so a Q that forgets to divide by ‖z − z′‖ = ε differs from Algorithm 1's. */
const EPS_OFF_UNIT = 0.37;
/**
 * ∂(mean L)/∂θ vs central differences of the reference loss with step GRAD_H·max(1, |θ|): truncation
 * O(h²) (and O(h·|ΔL″|) where Q crosses λ within h, L being C¹ piecewise quadratic) plus rounding
 * ε_mach·L/h ≈ 1e-10·L; allowed GRAD_RTOL of the largest entry plus GRAD_ATOL·(1 + L).
 */
const GRAD_H = 1e-6;
const GRAD_RTOL = 1e-5;
const GRAD_ATOL = 1e-8;
/** The weight and the prefilled value of the gradient buffer (the step ADDS weight·∇L into it). */
const GRAD_WEIGHT = 2;
const GRAD_PREFILL = 0.25;

/** Central differences of the reference batch loss in every W and b entry of G. */
function lossGradFD(G: Mlp, zs: readonly Float64Array[], deltas: readonly Float64Array[], lo: number, hi: number): { W: Float64Array[]; b: Float64Array[] } {
  const fd = zerosLike(G);
  const at = (arr: Float64Array, out: Float64Array) => {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i]!;
      const h = GRAD_H * Math.max(1, Math.abs(v));
      arr[i] = v + h;
      const up = referenceClampLoss(G, zs, deltas, lo, hi).loss;
      arr[i] = v - h;
      const dn = referenceClampLoss(G, zs, deltas, lo, hi).loss;
      arr[i] = v;
      out[i] = (up - dn) / (2 * h);
    }
  };
  G.W.forEach((w, l) => at(w, fd.W[l]!));
  G.b.forEach((b, l) => at(b, fd.b[l]!));
  return fd;
}

/**
 * Doubles with magnitudes below 1e-12 snapped to 0: a distance below ≈1e-154 squares to 0 in float64
 * (underflow), which only subnormal-scale inputs can produce; snapping keeps "L > 0 outside" decidable.
 */
const snapped = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => (Math.abs(v) < 1e-12 ? 0 : v));

export const jcClampLoss = property({
  id: 'jc.clamp-loss',
  source: { paper: PAPER, where: '§4, Algorithm 1' },
  statement:
    'Q := ‖G(z) − G(z′)‖/‖z − z′‖; L_max = (max(Q, λ_max) − λ_max)²; L_min = (min(Q, λ_min) − λ_min)²; L = L_max + L_min. … The rough effect of this technique should be to encourage all of the singular values of J_z to lie within [λ_min, λ_max].',
  checks:
    'For generated 0 ≤ λ_min ≤ λ_max and Q ≥ 0: L = 0 iff Q ∈ [λ_min, λ_max], L > 0 outside, L = dist(Q, [λ_min, λ_max])², and |L(Q+δ) − L(Q)| ≤ 2|δ|(dist + |δ|) (continuity); ' +
    'for generated tanh generators (n_x ≥ n_z) and random unit perturbations δ̂, ‖Jδ̂‖ ∈ [σ_min(J), σ_max(J)] and Q(ε) − ‖Jδ̂‖ = O(ε) (|error|/ε bounded for ε = 1e-3, 1e-4, 1e-5); ' +
    'Algorithm 1\'s perturbations δ := ε·δ/‖δ‖ have norm ε; the batch penalty of Algorithm 1 (per-example Q, mean over the batch) at ε = 1 and ε = 0.37 equals the mean of the per-example penalties computed from the definition (reference forward pass); ' +
    'and the generator step\'s ∂(mean L)/∂θ_G (added with a weight into a prefilled buffer) equals central differences of that reference loss in every weight and bias. All through the jacobian-clamping system.',
  tier: 'fast', kind: 'property', expect: 'holds', systems: ['jacobian-clamping'],
  arbitrary: fc.record({
    lo: snapped(0, 10),
    width: snapped(0, 30),
    q: fc.oneof(snapped(0, 50), fc.constantFrom(0, 1, 20)),
    delta: fc.double({ min: -1, max: 1, noNaN: true }),
    g: generatorSpec({ act: ['tanh'], nxAtLeastNz: true }),
    salt: fc.integer({ min: 0, max: 1000 }),
  }),
  check: ({ lo, width, q, delta, g, salt }, ctx) => {
    const jc = jcSystem(ctx);
    const hi = lo + width;
    const L = jc.penalty(q, lo, hi);
    const dist = q < lo ? lo - q : q > hi ? q - hi : 0;
    if (dist === 0) ensure(L === 0, `L = ${L} ≠ 0 for Q = ${q} ∈ [${lo}, ${hi}]`, { L, q, lo, hi });
    else ensure(L > 0, `L = ${L} not > 0 for Q = ${q} outside [${lo}, ${hi}]`, { L, q, lo, hi });
    ensure(Math.abs(L - dist * dist) <= 1e-12 * (1 + dist * dist), `L = ${L} ≠ dist² = ${dist * dist}`, { L, dist });
    const Ld = jc.penalty(q + delta, lo, hi);
    ensure(Math.abs(Ld - L) <= 2 * Math.abs(delta) * (dist + Math.abs(delta)) + CONT_SLACK * (1 + L), `|L(Q+δ) − L(Q)| = ${Math.abs(Ld - L)} too large for δ = ${delta}`, { L, Ld, delta });
    // Q against the singular values of the built-in analytic Jacobian (not the system's).
    const G = buildGenerator(g);
    const z = latent(g, salt);
    const S = svd(jacobian(G, z)).S;
    const smax = S[0]!;
    const smin = g.nx >= g.nz ? S[g.nz - 1]! : 0;
    const u = new Rng(g.seed + salt).unitVector(g.nz);
    const J = jacobian(G, z);
    let jn = 0;
    for (let i = 0; i < g.nx; i++) {
      let s = 0;
      for (let a = 0; a < g.nz; a++) s += J.data[i * g.nz + a]! * u[a]!;
      jn += s * s;
    }
    jn = Math.sqrt(jn);
    ensure(jn >= smin * (1 - SV_RTOL) - 1e-15 && jn <= smax * (1 + SV_RTOL) + 1e-15, `‖Jδ̂‖ = ${jn} outside [σ_min, σ_max] = [${smin}, ${smax}]`, { jn, smin, smax });
    const qAt = (eps: number) => jc.quotient(G, z, Float64Array.from(u, (x) => x * eps));
    const r = firstOrderRatios((e) => Math.abs(qAt(e) - jn));
    ensure(firstOrderOk(r, Q_ATOL * (1 + smax)), `Q(ε) − ‖Jδ̂‖ is not O(ε): |error|/ε = ${r.join(', ')} at ε = 1e-3, 1e-4, 1e-5`, { r, jn });
    const e1 = r[0]! * 1e-3;
    const e2 = r[2]! * 1e-5;
    // Algorithm 1 on a batch = mean over examples of the penalty of each example's own quotient,
    // recomputed here from the definition with the same perturbations (δ ~ N(0, I), δ := ε·δ/‖δ‖ per row).
    const zs = [z, latent(g, salt + 1), latent(g, salt + 2)];
    let gradErr = 0;
    for (const eps of [1, EPS_OFF_UNIT]) {
      const cfg = { eps, lambdaMin: lo, lambdaMax: hi };
      const pr = new Rng(salt);
      // Algorithm 1's δ := ε·δ/‖δ‖, as the trainer draws it (clampPerturbation): norm ε.
      const deltas = zs.map(() => clampPerturbation(pr, g.nz, eps));
      for (const d of deltas) {
        const dn = Math.hypot(...d);
        ensure(Math.abs(dn - eps) <= 1e-12 * eps, `Algorithm 1's perturbation has norm ${dn}, not ε = ${eps}`, { dn, eps });
      }
      const withGrad = eps !== 1;
      const grad = zerosLike(G);
      if (withGrad) [...grad.W, ...grad.b].forEach((a) => a.fill(GRAD_PREFILL));
      const batch = jc.clampBatch(G, zs, deltas, cfg, withGrad ? grad : undefined, withGrad ? GRAD_WEIGHT : undefined);
      const ref = referenceClampLoss(G, zs, deltas, lo, hi);
      ensure(batch.q.length === zs.length, `clampBatch returned ${batch.q.length} quotients for ${zs.length} latents`, { eps });
      zs.forEach((_zb, b) => {
        const qb = ref.q[b]!;
        ensure(Math.abs(qb - batch.q[b]!) <= 1e-12 * (1 + qb), `batch quotient ${batch.q[b]} ≠ ‖G(z) − G(z′)‖/‖z − z′‖ = ${qb} at ε = ${eps}`, { b, eps });
      });
      ensure(Math.abs(batch.loss - ref.loss) <= 1e-12 * (1 + ref.loss), `batch loss ${batch.loss} ≠ mean penalty ${ref.loss} at ε = ${eps}`, { loss: batch.loss, mean: ref.loss, eps });
      if (withGrad) {
        const fd = lossGradFD(G, zs, deltas, lo, hi);
        const got = [...grad.W, ...grad.b];
        const want = [...fd.W, ...fd.b];
        let scale = 0;
        for (const w of want) for (const v of w) scale = Math.max(scale, Math.abs(v));
        const tol = GRAD_RTOL * scale + GRAD_ATOL * (1 + ref.loss);
        got.forEach((arr, k) => arr.forEach((v, i) => {
          const e = Math.abs(v - GRAD_PREFILL - GRAD_WEIGHT * want[k]![i]!);
          gradErr = Math.max(gradErr, e / (scale || 1));
          ensure(e <= GRAD_WEIGHT * tol, `clamp step: ∂L/∂θ entry ${i} of parameter array ${k} is ${(v - GRAD_PREFILL) / GRAD_WEIGHT}, central differences give ${want[k]![i]} (added with weight ${GRAD_WEIGHT} into a buffer holding ${GRAD_PREFILL})`, { k, i, eps });
        }));
      }
    }
    return { penalty: L, qErrBig: e1, qErrSmall: e2, gradRelErr: gradErr };
  },
});
