import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { mmd2Biased } from '../../metrics/mmd.ts';
import { evaluateLoss, integrateDiscriminatorFlow, ipmLoss, trainingMeasure } from '../../systems/ntk-gan/index.ts';
import {
  PAPER, dbl, ensureFieldIsKernelGradient, ensureScaledClose, f0Fn, f0Spec, kernelSpec, makeKernel, maxAbs, ntkGanSystem, ntkSystem, points, toF64, witnessRef,
} from './common.ts';

/**
 * Error of the flow vs the closed form, relative to max|f₀| + t·(max|f_α̂| + max k(u,u)). The IPM
 * velocity is constant, so RK4 is exact up to rounding: a few ulps per kernel sum times ≤ 10 points
 * times the steps; 1e-10 leaves margin.
 */
const FLOW_RTOL = 1e-10;
/**
 * Same for the loss identity L(f_t) = L(f₀) + t·MMD², relative to |L(f₀)| + max|f₀| + t·max k: L(f_t)
 * is a mean of values of size |f₀| + t|f_α̂|, each rounded by ulps of that size (without the max|f₀|
 * term, --runs 2000 found L(f₀) = 0, t = 1e-12 where t·MMD² ≈ 1e-22 is a few ulps of f₀ ≈ 2e-7).
 */
const LOSS_RTOL = 1e-10;
/** RK4 steps: any number is exact for a constant field; several make the check exercise the stepping. */
const STEPS = 8;
/** Absolute floor for the loss identity: shrunk instances reach subnormal losses (≈1e-310) where relative rounding is meaningless. */
const SUBNORMAL_FLOOR = 1e-300;

/**
 * 004 "IPM Discriminator and MMD". The factor convention (derivation): ∇^{γ̂} is the gradient in
 * L²(γ̂), the Riesz representer of dL w.r.t. ⟨g, h⟩_{γ̂} = ∫ g h dγ̂. For L(f) = E_α̂ f − E_β̂ f and
 * γ̂ = (α̂ + β̂)/2 it is dα̂/dγ̂ − dβ̂/dγ̂ (= 2 on fakes, −2 on targets for disjoint supports), and
 *   T_{k,γ̂}(∇^{γ̂}L)(u) = ∫ k(u, z)(dα̂/dγ̂ − dβ̂/dγ̂)(z) dγ̂(z) = E_α̂ k(x, u) − E_β̂ k(y, u) = f_α̂(u):
 * the ½ in γ̂ cancels against the 2 in the Radon–Nikodym derivative, so the printed f_t = f₀ + t f_α̂
 * is exact. (T_{k,γ̂} ∘ ∇^{γ̂} does not depend on how γ̂ is normalised; pairing T_{k,γ̂} with the
 * Euclidean gradient ∂L/∂f(z) = ±1/n instead would give f₀ + (t/2) f_α̂.) Then
 * L(f_t) − L(f₀) = t(E_α̂ f_α̂ − E_β̂ f_α̂) = t‖μ_α̂ − μ_β̂‖²_H, the biased (V-statistic) MMD².
 */
export const ntkIpmLinear = property({
  id: 'ntk.ipm-linear',
  source: { paper: PAPER, where: '"IPM Discriminator and MMD"' },
  statement:
    'In the infinite-width regime: f_t = f_0 + t f_α̂, f_α̂ = E_{x∼α̂}[k(x,·)] − E_{y∼β̂}[k(y,·)], L_α̂(f_t) = L_α̂(f_0) + t MMD²_k(α̂, β̂).',
  checks:
    'For generated empirical α̂, β̂ (1–5 points each in [−2,2]^d, d ≤ 3, repeats allowed), kernels (RBF, analytic ReLU and erf NTK), f₀(u) = a·sin(w·u + c) and t ∈ [0, 5]: ' +
    'RK4 integration of the system\'s ∂ₜf = T_{k,γ̂}(∇^{γ̂}L(f)) (L²(γ̂) gradient, γ̂ = (α̂+β̂)/2) on supp γ̂ and on off-support points equals its f₀ + t f_α̂, which equals f₀ + t·(kernel sums); its witness is E_α̂ k(x,·) − E_β̂ k(y,·); ' +
    'its velocity T_{k,γ̂}(∇^{γ̂}L) equals the kernel gradient Σ_z k(·,z)∂L/∂f(z) = f_α̂ everywhere; ' +
    'and L(f_t) = L(f₀) + t·MMD²_k with the biased (plug-in) MMD². Convention: ∇^{γ̂} is the L²(γ̂) gradient (with the Euclidean gradient the rate would be t/2).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['ntk-gan', 'ntk'],
  notes: 'Exact when ∇^{γ̂} is the gradient in L²(γ̂): the 2 = dα̂/dγ̂ from γ̂ = (α̂+β̂)/2 cancels the ½ of T_{k,γ̂}. MMD² is the biased V-statistic between the empirical measures.',
  arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) => fc.record({
    kernel: kernelSpec,
    xs: points(d, 1, 5),
    ys: points(d, 1, 5),
    us: points(d, 1, 3),
    f0: f0Spec(d),
    t: dbl(0, 5),
  })),
  check: ({ kernel: ks, xs: xs0, ys: ys0, us: us0, f0: f0s, t }, ctx) => {
    const sys = ntkGanSystem(ctx);
    const kernel = makeKernel(ks, ntkSystem(ctx));
    const xs = toF64(xs0);
    const ys = toF64(ys0);
    const us = toF64(us0);
    const f0 = f0Fn(f0s);
    const gamma = trainingMeasure(xs, ys);
    const f0Support = Float64Array.from(gamma.points, f0);
    const f0Us = Float64Array.from(us, f0);
    const all = [...gamma.points, ...us];
    const f0All = Float64Array.from(all, f0);
    // References from kernel sums (common.ts), not from the system.
    const fa = witnessRef(kernel, xs, ys, all);
    const witnessScale = maxAbs(fa) + maxAbs(all.map((u) => kernel.k(u, u)));
    const scale = maxAbs(f0All) + t * witnessScale;
    // The system's flow field, integrated by the built-in RK4, against the system's closed form.
    const field = sys.discriminatorField(kernel, gamma, ipmLoss, us);
    const flow = integrateDiscriminatorFlow(kernel, gamma, ipmLoss, f0Support, { t, steps: STEPS, us, f0Us }, field);
    ensure(flow.divergedAtStep === undefined, 'IPM flow diverged', { step: flow.divergedAtStep });
    const closed = sys.ipmClosedForm(kernel, xs, ys, all, f0All, t);
    const numeric = Float64Array.from([...flow.support, ...flow.at]);
    const flowErr = ensureScaledClose('f_t by RK4 of the system\'s flow vs its f₀ + t·f_α̂', numeric, closed, FLOW_RTOL, scale);
    // Each side against the kernel sums, so a bug shared by both (a rate t/2 in flow and closed form) is caught.
    const closedErr = ensureScaledClose('closed form vs f₀ + t·(E_α̂ k(x,·) − E_β̂ k(y,·))', closed, Float64Array.from(f0All, (v, i) => v + t * fa[i]!), FLOW_RTOL, scale);
    const sw = Float64Array.from(all, (u) => sys.witness(kernel, xs, ys, u));
    const witnessErr = ensureScaledClose('f_α̂ vs E_α̂ k(x,·) − E_β̂ k(y,·)', sw, fa, FLOW_RTOL, witnessScale);
    // T_{k,γ̂}(∇^{γ̂}L) = f_α̂ at every evaluation point (the factor statement itself): the velocity of the flow.
    const fieldErr = ensureFieldIsKernelGradient('T_{k,γ̂}(∇^{γ̂}L) vs Σ_z k(·,z)∂L/∂f(z) = f_α̂', field, kernel, xs, ys, us, ipmLoss, f0Support, f0Us, FLOW_RTOL);
    // Loss identity with the biased MMD² (src/metrics).
    const n = xs.length;
    const L0 = evaluateLoss(ipmLoss, f0Support.subarray(0, n), f0Support.subarray(n));
    const Lt = evaluateLoss(ipmLoss, flow.support.subarray(0, n), flow.support.subarray(n));
    const mmd2 = mmd2Biased(kernel, xs, ys);
    const lossErr = ensureClose('L(f_t) vs L(f₀) + t·MMD²', Lt, L0 + t * mmd2, { atol: LOSS_RTOL * (Math.abs(L0) + maxAbs(f0Support) + t * witnessScale) + SUBNORMAL_FLOOR });
    return { flowScaledErr: flowErr, closedScaledErr: closedErr, witnessScaledErr: witnessErr, operatorScaledErr: fieldErr, lossErr, mmd2 };
  },
});
