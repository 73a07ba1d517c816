import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { svd } from '../../linalg/index.ts';
import { Rng } from '../../random/rng.ts';
import { clampBatch, clampPenalty, clampPerturbation, jacobian, mlpWork, quotient } from '../../systems/jacobian-clamping/index.ts';
import { PAPER, buildGenerator, firstOrderOk, firstOrderRatios, generatorSpec, latent } from './common.ts';

/** Continuity: |L(Q+δ) − L(Q)| ≤ 2|δ|·(dist(Q, [λ_min, λ_max]) + |δ|) (the penalty is a squared distance). */
const CONT_SLACK = 1e-12;
/** Rounding of Q at ε = 1e-5: ε_mach·‖G‖/ε ≈ 1e-10; 1e-9·(1 + σ_max) leaves margin. */
const Q_ATOL = 1e-9;
/** ‖Jδ̂‖ lies in [σ_min, σ_max] up to SVD rounding. */
const SV_RTOL = 1e-12;

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
    'the batch penalty of Algorithm 1 (per-example Q, mean over the batch) equals the mean of the per-example penalties.',
  tier: 'fast', kind: 'property', expect: 'holds',
  arbitrary: fc.record({
    lo: snapped(0, 10),
    width: snapped(0, 30),
    q: fc.oneof(snapped(0, 50), fc.constantFrom(0, 1, 20)),
    delta: fc.double({ min: -1, max: 1, noNaN: true }),
    g: generatorSpec({ act: ['tanh'], nxAtLeastNz: true }),
    salt: fc.integer({ min: 0, max: 1000 }),
  }),
  check: ({ lo, width, q, delta, g, salt }) => {
    const hi = lo + width;
    const L = clampPenalty(q, lo, hi);
    const dist = q < lo ? lo - q : q > hi ? q - hi : 0;
    if (dist === 0) ensure(L === 0, `L = ${L} ≠ 0 for Q = ${q} ∈ [${lo}, ${hi}]`, { L, q, lo, hi });
    else ensure(L > 0, `L = ${L} not > 0 for Q = ${q} outside [${lo}, ${hi}]`, { L, q, lo, hi });
    ensure(Math.abs(L - dist * dist) <= 1e-12 * (1 + dist * dist), `L = ${L} ≠ dist² = ${dist * dist}`, { L, dist });
    const Ld = clampPenalty(q + delta, lo, hi);
    ensure(Math.abs(Ld - L) <= 2 * Math.abs(delta) * (dist + Math.abs(delta)) + CONT_SLACK * (1 + L), `|L(Q+δ) − L(Q)| = ${Math.abs(Ld - L)} too large for δ = ${delta}`, { L, Ld, delta });
    // Q against the Jacobian's singular values.
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
    const w1 = mlpWork(G);
    const w2 = mlpWork(G);
    const qAt = (eps: number) => quotient(G, z, Float64Array.from(u, (x) => x * eps), w1, w2);
    const r = firstOrderRatios((e) => Math.abs(qAt(e) - jn));
    ensure(firstOrderOk(r, Q_ATOL * (1 + smax)), `Q(ε) − ‖Jδ̂‖ is not O(ε): |error|/ε = ${r.join(', ')} at ε = 1e-3, 1e-4, 1e-5`, { r, jn });
    const e1 = r[0]! * 1e-3;
    const e2 = r[2]! * 1e-5;
    // Algorithm 1 on a batch = mean over examples of the penalty of each example's own quotient,
    // recomputed here from the same perturbation stream (δ ~ N(0, I), δ := ε·δ/‖δ‖ per row).
    const zs = [z, latent(g, salt + 1), latent(g, salt + 2)];
    const cfg = { eps: 1, lambdaMin: lo, lambdaMax: hi };
    const batch = clampBatch(G, zs, new Rng(salt), cfg);
    const pr = new Rng(salt);
    let mean = 0;
    zs.forEach((zb, b) => {
      const qb = quotient(G, zb, clampPerturbation(pr, g.nz, cfg.eps), w1, w2);
      ensure(Math.abs(qb - batch.q[b]!) <= 1e-12 * (1 + qb), `batch quotient ${batch.q[b]} ≠ per-example ${qb}`, { b });
      mean += clampPenalty(qb, lo, hi) / zs.length;
    });
    ensure(Math.abs(batch.loss - mean) <= 1e-12 * (1 + mean), `batch loss ${batch.loss} ≠ mean penalty ${mean}`, { loss: batch.loss, mean });
    return { penalty: L, qErrBig: e1, qErrSmall: e2 };
  },
});
