import fc from 'fast-check';
import { property, type ClaimContext } from '../claim.ts';
import { ensure } from '../assert.ts';
import { eigSym } from '../../linalg/index.ts';
import { matrix } from '../../linalg/matrix.ts';
import {
  gramMatrix, integrateDiscriminatorFlow, lsganLoss, lsganPrintedLoss, trainingMeasure, type DiscriminatorLoss,
} from '../../systems/ntk-gan/index.ts';
import {
  PAPER, distinctGridSets, ensureFieldIsKernelGradient, ensureScaledClose, f0Fn, f0Spec, kernelSpec, makeKernel, maxAbs, ntkGanSystem, ntkSystem, points, toF64,
} from './common.ts';

/**
 * Closed form (expm, Padé scaling-and-squaring) vs RK4, error relative to 1 + max|f₀| (the size of
 * f₀ − ρ): RK4 with h·4‖A‖ ≤ H_RATE has local error
 * ≈ (h·4‖A‖)⁵/120 per step, so ≤ 1e-9 relative over the run; 1e-7 leaves margin for rounding.
 */
const RTOL = 1e-7;
/** RK4 step bound: h·4·max_i Σ_j |K_ij| w_j ≤ 0.05. */
const H_RATE = 0.05;
/** Convergence on the support: |f_T − ρ| ≤ 1e-6·(1 + ‖f₀ − ρ‖∞) at T = 25/(4 λ_min(A)) (e^{−25} ≈ 1e-11). */
const CONV_RTOL = 1e-6;
/** λ_min(W^{1/2}KW^{1/2}) below this is treated as not positive definite (the theorem's premise). */
const PD_THRESHOLD = 1e-6;
/** Grid spacing of the distinct support points. */
const SPACING = 0.5;
/** The system's velocity vs the kernel gradient of L from a′, b′ (sums of ≤ 8 terms: a few ulps). */
const FIELD_RTOL = 1e-10;

const LSGAN_ALT: DiscriminatorLoss = {
  name: 'lsgan(−(f−1)² on fakes, −(f+1)² on targets)',
  a: (v) => -((v - 1) ** 2),
  da: (v) => -2 * (v - 1),
  b: (v) => (v + 1) ** 2,
  db: (v) => 2 * (v + 1),
};

interface Reading {
  loss: DiscriminatorLoss;
  /** ρ on the fakes; −that on the targets. */
  rhoFake: number;
}

const arbitrary = fc.integer({ min: 1, max: 2 }).chain((d) => fc.record({
  kernel: kernelSpec,
  sets: distinctGridSets(d, SPACING, 4, 4),
  us: points(d, 1, 2),
  f0: f0Spec(d),
  t: fc.double({ min: 0.05, max: 3, noNaN: true }),
}));

type Input = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never;

function checkReading(input: Input, r: Reading, convergence: boolean, ctx: ClaimContext): Record<string, number> {
  const sys = ntkGanSystem(ctx);
  const kernel = makeKernel(input.kernel, ntkSystem(ctx));
  const xs = toF64(input.sets.xs);
  const ys = toF64(input.sets.ys);
  const us = toF64(input.us);
  const f0 = f0Fn(input.f0);
  const gamma = trainingMeasure(xs, ys);
  const N = gamma.points.length;
  const rho = Float64Array.from(gamma.points, (_, i) => (i < gamma.n ? r.rhoFake : -r.rhoFake));
  const f0S = Float64Array.from(gamma.points, f0);
  const f0U = Float64Array.from(us, f0);
  const K = gramMatrix(kernel, gamma.points);
  let rate = 0;
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let j = 0; j < N; j++) s += Math.abs(K.data[i * N + j]!) * gamma.weights[j]!;
    rate = Math.max(rate, 4 * s);
  }
  const steps = Math.max(4, Math.ceil((input.t * rate) / H_RATE));
  // The system's flow field (checked against the kernel gradient of L at f₀ and at f_t, so a bug
  // shared by field and closed form is caught) integrated by the built-in RK4, vs its closed form.
  const field = sys.discriminatorField(kernel, gamma, r.loss, us);
  const fieldErr0 = ensureFieldIsKernelGradient(`velocity at f₀ (${r.loss.name}) vs Σ_z k(·,z)∂L/∂f(z)`, field, kernel, xs, ys, us, r.loss, f0S, f0U, FIELD_RTOL);
  const flow = integrateDiscriminatorFlow(kernel, gamma, r.loss, f0S, { t: input.t, steps, us, f0Us: f0U }, field);
  const closed = sys.lsganClosedForm(kernel, gamma, rho, f0S, input.t, us, f0U);
  const numeric = Float64Array.from([...flow.support, ...flow.at]);
  const cf = Float64Array.from([...closed.support, ...closed.at]);
  const scale = 1 + maxAbs(f0S) + maxAbs(f0U);
  ensure(flow.divergedAtStep === undefined, `flow of ${r.loss.name} left the finite range at step ${flow.divergedAtStep}`, { step: flow.divergedAtStep ?? -1 });
  const fieldErrT = ensureFieldIsKernelGradient(`velocity at f_t (${r.loss.name}) vs Σ_z k(·,z)∂L/∂f(z)`, field, kernel, xs, ys, us, r.loss, flow.support, flow.at, FIELD_RTOL);
  const err = ensureScaledClose(`f_t by RK4 (${r.loss.name}) vs exp(−4tT)(f₀ − ρ) + ρ`, numeric, cf, RTOL, scale);
  const ev: Record<string, number> = { scaledErr: err, fieldScaledErr: Math.max(fieldErr0, fieldErrT), steps };
  if (convergence) {
    // λ_min of A = KW through the similar symmetric W^{1/2} K W^{1/2}.
    const S = matrix(N, N);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) S.data[i * N + j] = Math.sqrt(gamma.weights[i]! * gamma.weights[j]!) * K.data[i * N + j]!;
    const lmin = eigSym(S).values[0]!;
    ev.lambdaMin = lmin;
    ev.convergenceChecked = lmin > PD_THRESHOLD ? 1 : 0;
    if (lmin > PD_THRESHOLD) {
      const T = 25 / (4 * lmin);
      const late = sys.lsganClosedForm(kernel, gamma, rho, f0S, T, [], new Float64Array(0));
      const dev = maxAbs(late.support.map((v, i) => v - rho[i]!));
      const bound = CONV_RTOL * (1 + maxAbs(f0S.map((v, i) => v - rho[i]!)));
      ensure(dev <= bound, `f_T does not reach ρ on the support: max |f_T − ρ| = ${dev} at T = ${T}`, { dev, bound, T, lmin });
      ev.convergenceDev = dev;
    }
  }
  return ev;
}

const statement =
  'L_α̂(f) = E_{x∼α̂}[(f(x) + 1)²] − E_{y∼β̂}[(f(y) − 1)²]. LSGAN Discriminator. In the infinite-width regime: f_t = exp(−4tT_{k,γ̂})(f_0 − ρ) + ρ, ρ(x) = 1 if x ∈ supp α̂, −1 if x ∈ supp β̂. ' +
  'f_1 is optimal when k is strictly positive definite (f_1|supp γ̂ = ρ) but T_{k,γ̂} smoothes ρ on the whole domain.';

/**
 * As printed: gradient ascent ∂ₜf = T_{k,γ̂}(∇^{γ̂}L) on the printed L. There ∇^{γ̂}L = 4(f + 1) on
 * the fakes and −4(f − 1) on the targets, i.e. ∂ₜf = 4T·S(f + ρ) with S = diag(±1): the first term
 * is unbounded above, so ascent pushes f → +∞ on the fakes; it is not −4T(f − ρ). Refuted on the
 * first instance (one fake, one target, f₀ = 0).
 */
export const ntkLsganClosedForm = property({
  id: 'ntk.lsgan-closed-form',
  source: { paper: PAPER, where: '"LSGAN Discriminator"' },
  statement,
  checks:
    'For generated distinct supports (grid spacing 0.5, d ≤ 2, ≤ 4 + 4 points), kernels (RBF, ReLU/erf NTK), f₀ and t ∈ [0.05, 3]: RK4 integration of the system\'s ∂ₜf = T_{k,γ̂}(∇^{γ̂}L(f)) for the loss exactly as printed, ' +
    'with ρ exactly as printed (+1 on supp α̂, −1 on supp β̂), equals its exp(−4tT)(f₀ − ρ) + ρ on the support and off it; ' +
    'the flow\'s velocity at f₀ and at f_t equals the kernel gradient Σ_z k(·,z)∂L/∂f(z) computed from a′, b′ (relative 1e-10).',
  tier: 'fast', kind: 'property', expect: 'refuted',
  systems: ['ntk-gan', 'ntk'],
  notes:
    'Refuted as printed: the printed objective E_α̂(f+1)² − E_β̂(f−1)² gives ∇^{γ̂}L = 4(f+1) on fakes (growth), not −4(f−ρ). ' +
    'It holds (ntk.lsgan-closed-form.corrected) for L = −E_α̂[(f+1)²] − E_β̂[(f−1)²] with ρ = −1 on supp α̂, +1 on supp β̂ (the sign of the first term and of ρ swapped), ' +
    'or equivalently for L = −E_α̂[(f−1)²] − E_β̂[(f+1)²] with ρ as printed.',
  arbitrary,
  check: (input, ctx) => checkReading(input, { loss: lsganPrintedLoss, rhoFake: 1 }, false, ctx),
});

/**
 * Derivation. With L = E_α̂ a∘f − E_β̂ b∘f the L²(γ̂) gradient is 2a′(f) on fakes and −2b′(f) on
 * targets (γ̂-weights 1/(2n), 1/(2m)). For a = −(·+1)², b = (·−1)²: −4(f + 1) and −4(f − 1), i.e.
 * ∇^{γ̂}L = −4(f − ρ) with ρ = −1 on fakes, +1 on targets, so ∂ₜf = −4T(f − ρ) (ρ is constant) and
 * f_t − ρ = e^{−4tT}(f₀ − ρ). On supp γ̂, T = K·W is similar to W^{1/2}KW^{1/2} ⪰ 0; if K ≻ 0 every
 * eigenvalue is > 0 and f_t → ρ there. The mirror reading a = −(·−1)², b = (·+1)² gives ρ as printed.
 */
export const ntkLsganClosedFormCorrected = property({
  id: 'ntk.lsgan-closed-form.corrected',
  source: { paper: PAPER, where: '"LSGAN Discriminator" (sign convention established here)' },
  statement,
  checks:
    'Same instances: for L = −E_α̂[(f+1)²] − E_β̂[(f−1)²] with ρ = −1 on supp α̂, +1 on supp β̂, and for L = −E_α̂[(f−1)²] − E_β̂[(f+1)²] with ρ as printed, ' +
    'RK4 integration of the system\'s flow equals its exp(−4tT_{k,γ̂})(f₀ − ρ) + ρ on and off the support (relative 1e-7), the velocity at f₀ and f_t equals the kernel gradient Σ_z k(·,z)∂L/∂f(z) from a′, b′ (relative 1e-10); when λ_min(W^{1/2}KW^{1/2}) > 1e-6, f_T = ρ on the support at T = 25/(4λ_min).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['ntk-gan', 'ntk'],
  notes:
    'Holds when both squares enter the maximised objective with a minus sign. Reading (a): L = −E_α̂[(f+1)²] − E_β̂[(f−1)²] (LSGAN coding −1 fake / +1 real), ρ = −1 on fakes, +1 on targets. ' +
    'Reading (b): L = −E_α̂[(f−1)²] − E_β̂[(f+1)²], ρ as printed. The poster\'s objective lacks the minus on its first term.',
  arbitrary,
  check: (input, ctx) => {
    const a = checkReading(input, { loss: lsganLoss, rhoFake: -1 }, true, ctx);
    const b = checkReading(input, { loss: LSGAN_ALT, rhoFake: 1 }, false, ctx);
    return { ...a, scaledErrMirror: b.scaledErr };
  },
});
