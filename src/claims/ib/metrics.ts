/**
 * ib.metrics — 000 §5.2: the implicit-bias metrics behave as defined.
 *
 * Independent computations: the Jacobian Frobenius norm (closed form Σ 1[a>0] v wᵀ) against
 * ∂h/∂x from the backward pass; the closed-form NTK Gram against J Jᵀ with J's rows from the
 * backward pass; activation change against sign flips (100%) and positive rescalings (0%);
 * spline updates against function-preserving rescalings (w, b, v) → (kw, kb, v/k), which leave
 * ξ, β, μ unchanged while the raw weights move; effective rank against its closed values. The
 * backward pass is the system's (`shallow-relu-gan`, `--impl`): a wrong ∂h/∂x or ∂h/∂θ breaks the
 * JFN or NTK comparison; the metrics themselves are the reference's (src/systems/shallow-relu-gan/metrics.ts).
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose, ensureAllClose } from '../assert.ts';
import { Rng } from '../../random/rng.ts';
import {
  activationChangePct, breakplaneOrientationUpdate, cloneNet, deltaSlopeUpdate, jacobianFrobenius,
  ntkGram, paramCount, updateNorms, weightNorms,
} from '../../systems/shallow-relu-gan/index.ts';
import { effectiveRank, effectiveRankFromEigenvalues } from '../../metrics/effective-rank.ts';
import { randomNet, randomPoints } from './nets.ts';
import { ganSystem } from './systems.ts';

/** Closed form vs backward pass: sums of ≤ 16·3 products, rounding only. */
const RTOL = 1e-10;
/** Function-preserving rescaling: ξ, μ recomputed after multiplying/dividing by k, a few ulps. */
const INVARIANCE_ATOL = 1e-12;
/** Effective rank of I and of uuᵀ: Jacobi eigenvalues to ~1e-15 relative, entropy of n terms. */
const ERANK_RTOL = 1e-9;

export const ibMetrics = property({
  id: 'ib.metrics',
  source: { paper: '000_cdda2fe4dacffe72.txt', where: '§5.2, "Our implicit bias metrics include …"' },
  statement: 'Our implicit bias metrics include Jacobian Frobenius norms (JFNs) ‖∇_z G(z)‖_F of G w.r.t. latent z, averaged over P_z, norms of weights and their updates after training, spline parameters (Def. 2) and the change of activation pattern |ΔAct_G%|, and the effective rank of the neural tangent kernels (NTKs) rank_eff(NTK).',
  checks: 'For generated shallow nets (d ∈ 1..3, D ∈ 1..2, H ∈ 1..16) and 8 inputs: JFN ≥ 0, equals the mean ‖∂h/∂x‖_F from the backward pass (rtol 1e-10) and scales by |k| when V is scaled by k; activation change is 0% for identical parameters, 0% under (w, b) → (kw, kb), k > 0, 100% under (w, b) → (−w, −b), within [0, 100] for a perturbation; update norms are 0 for identical parameters and their groups add up in squares; the closed-form NTK Gram equals J Jᵀ from the backward pass (rtol 1e-10) and its effective rank lies in [1, nD]; effective rank is n for c·I and 1 for c·uuᵀ; breakplane-orientation and delta-slope updates are 0 under the function-preserving rescaling (w, b, v) → (kw, kb, v/k) while the raw update is not, orientation update is 2 under w → −w in 1-D, and delta-slope update equals mean_i ‖Δv_i‖·‖w_i‖ when only V moves.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['shallow-relu-gan'],
  arbitrary: fc.record({
    d: fc.integer({ min: 1, max: 3 }),
    D: fc.integer({ min: 1, max: 2 }),
    H: fc.integer({ min: 1, max: 16 }),
    k: fc.double({ min: 0.05, max: 20, noNaN: true }),
    vscale: fc.double({ min: -5, max: 5, noNaN: true }).filter((v) => Math.abs(v) > 1e-3),
    n: fc.integer({ min: 2, max: 12 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }),
  check: ({ d, D, H, k, vscale, n, seed }, ctx) => {
    const sys = ganSystem(ctx);
    const net = randomNet(d, H, D, seed);
    const npts = 8;
    const X = randomPoints(npts, d, seed + 7);
    // JFN: closed form vs backward pass.
    const jfn = jacobianFrobenius(net, X, npts);
    ensure(jfn >= 0, 'JFN must be ≥ 0', { jfn });
    const gy = new Float64Array(D);
    let ref = 0;
    for (let s = 0; s < npts; s++) {
      const x = X.subarray(s * d, (s + 1) * d);
      let f2 = 0;
      for (let j = 0; j < D; j++) {
        gy.fill(0);
        gy[j] = 1;
        const gx = sys.backward(net, x, 1, gy).gX;
        for (let q = 0; q < d; q++) f2 += gx[q]! ** 2;
      }
      ref += Math.sqrt(f2) / npts;
    }
    ensureClose('JFN closed form vs backward pass', jfn, ref, { rtol: RTOL, atol: 1e-300 });
    const scaled = cloneNet(net);
    for (let i = 0; i < scaled.V.length; i++) scaled.V[i] *= vscale;
    ensureClose('JFN after V → kV vs |k|·JFN', jacobianFrobenius(scaled, X, npts), Math.abs(vscale) * jfn, { rtol: RTOL, atol: 1e-300 });
    // Activation change.
    ensure(activationChangePct(net, cloneNet(net), X, npts) === 0, 'activation change of identical parameters must be 0');
    const pos = cloneNet(net);
    for (let i = 0; i < pos.W.length; i++) pos.W[i] *= k;
    for (let i = 0; i < H; i++) { pos.b[i] *= k; for (let j = 0; j < D; j++) pos.V[j * H + i] /= k; }
    ensure(activationChangePct(net, pos, X, npts) === 0, 'activation change under positive rescaling must be 0');
    const neg = cloneNet(net);
    for (let i = 0; i < neg.W.length; i++) neg.W[i] = -neg.W[i]!;
    for (let i = 0; i < H; i++) neg.b[i] = -neg.b[i]!;
    ensure(activationChangePct(net, neg, X, npts) === 100, 'activation change under (w, b) → −(w, b) must be 100%');
    const pert = cloneNet(net);
    const rng = new Rng(seed + 11);
    for (let i = 0; i < pert.theta.length; i++) pert.theta[i] += 0.5 * rng.normal();
    const act = activationChangePct(net, pert, X, npts);
    ensure(act >= 0 && act <= 100, 'activation change must lie in [0, 100]', { act });
    // Norms.
    const u0 = updateNorms(net, cloneNet(net));
    ensure(u0.total === 0, 'update norm of identical parameters must be 0', { ...u0 });
    const u = updateNorms(net, pert);
    ensureClose('update norm² = sum of group norms²', u.total ** 2, u.W ** 2 + u.b ** 2 + u.V ** 2 + u.c ** 2, { rtol: 1e-12 });
    const wn = weightNorms(net);
    ensureClose('weight norm² = sum of group norms²', wn.total ** 2, wn.W ** 2 + wn.b ** 2 + wn.V ** 2 + wn.c ** 2, { rtol: 1e-12 });
    // NTK: closed form vs J Jᵀ from the backward pass.
    const Xn = randomPoints(n, d, seed + 3);
    const K = ntkGram(net, Xn, n);
    const m = n * D;
    const P = paramCount(d, H, D);
    const J = new Float64Array(m * P);
    for (let s = 0; s < n; s++) {
      const x = Xn.subarray(s * d, (s + 1) * d);
      for (let j = 0; j < D; j++) {
        gy.fill(0);
        gy[j] = 1;
        J.set(sys.backward(net, x, 1, gy).gTheta, (s * D + j) * P);
      }
    }
    const JJ = new Float64Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) { let t = 0; for (let p = 0; p < P; p++) t += J[a * P + p]! * J[b * P + p]!; JJ[a * m + b] = t; }
    const ntkErr = ensureAllClose('NTK closed form vs J Jᵀ', K, JJ, RTOL);
    const er = effectiveRank(K, m);
    ensure(er >= 1 - 1e-12 && er <= m + 1e-9, `effective rank ${er} outside [1, ${m}]`, { er, m });
    const I = new Float64Array(m * m);
    for (let a = 0; a < m; a++) I[a * m + a] = k;
    ensureClose('effective rank of c·I', effectiveRank(I, m), m, { rtol: ERANK_RTOL });
    const uvec = randomPoints(m, 1, seed + 5);
    const R1 = new Float64Array(m * m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) R1[a * m + b] = k * uvec[a]! * uvec[b]!;
    ensureClose('effective rank of c·uuᵀ', effectiveRank(R1, m), 1, { rtol: ERANK_RTOL });
    ensureClose('effective rank of equal eigenvalues', effectiveRankFromEigenvalues(new Float64Array(m).fill(k)), m, { rtol: 1e-12 });
    // Spline updates.
    ensure(updateNorms(net, pos).total > 0 || k === 1, 'rescaling must move raw parameters');
    const bo = breakplaneOrientationUpdate(net, pos);
    const ds = deltaSlopeUpdate(net, pos);
    ensureClose('breakplane orientation update under function-preserving rescaling', bo, 0, { atol: INVARIANCE_ATOL });
    let muScale = 0;
    for (let i = 0; i < H; i++) {
      let nw = 0;
      for (let q = 0; q < d; q++) nw += net.W[i * d + q]! ** 2;
      let nv = 0;
      for (let j = 0; j < D; j++) nv += net.V[j * H + i]! ** 2;
      muScale = Math.max(muScale, Math.sqrt(nw * nv));
    }
    ensureClose('delta-slope update under function-preserving rescaling', ds, 0, { atol: INVARIANCE_ATOL * Math.max(1, muScale) });
    if (d === 1) ensureClose('orientation update under w → −w (1-D)', breakplaneOrientationUpdate(net, neg), 2, { rtol: 1e-15 });
    const vOnly = cloneNet(net);
    let expected = 0;
    for (let i = 0; i < H; i++) {
      let nw = 0;
      for (let q = 0; q < d; q++) nw += net.W[i * d + q]! ** 2;
      let dv = 0;
      for (let j = 0; j < D; j++) { const delta = 0.3 * rng.normal(); vOnly.V[j * H + i] += delta; dv += delta * delta; }
      expected += (Math.sqrt(dv) * Math.sqrt(nw)) / H;
    }
    ensureClose('delta-slope update when only V moves', deltaSlopeUpdate(net, vOnly), expected, { rtol: 1e-12, atol: 1e-300 });
    return { jfn, activationChangePerturbed: act, ntkRelErr: ntkErr, ntkEffectiveRank: er, orientationUpdateRescaled: bo, deltaSlopeUpdateRescaled: ds };
  },
});
