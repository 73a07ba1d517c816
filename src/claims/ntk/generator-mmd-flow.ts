import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { mmd2Biased } from '../../metrics/mmd.ts';
import { runGeneratorFlow } from '../../systems/ntk-gan/index.ts';
import { PAPER, erfNtkSpec, makeKernel, ntkGanSystem, ntkSystem, points, rbfSpec, toF64, witnessGradientRef } from './common.ts';

/**
 * Safe step for the RBF kernel, derived: ∂MMD²/∂xᵢ = (2/n)∇f_α̂(xᵢ), so the particle step is a
 * gradient step of size s = ηn/2 on MMD²(X). ‖∇²φ‖ ≤ 1/σ² for φ(r) = e^{−|r|²/2σ²}; Gershgorin on the
 * Hessian of MMD² in X gives L ≤ 6/(nσ²); the descent lemma needs s < 2/L, i.e. η < 2σ²/3. We use
 * η = u·σ²/2 with u ∈ (0, 1], inside that bound.
 */
const ETA_FACTOR = 0.5;
const STEPS = 25;
/** Monotonicity slack: rounding of an MMD² made of ≤ 100 terms ≤ 1. */
const MONO_ATOL = 1e-14;
/** First-order check step, as a fraction of σ² (RBF) or absolute (erf NTK). */
const FD_ETA = 1e-6;
/** (MMD²₀ − MMD²₁)/η vs (2/n)Σ‖∇f_α̂‖²: O(η) truncation + rounding/η ≈ 1e-10; 1e-4 relative is loose enough, and a factor-2 error is caught. */
const RATE_RTOL = 1e-4;
const RATE_ATOL = 1e-8;
/**
 * One step at the run's η vs xᵢ − η∇f_α̂(xᵢ) (gradient at the current positions of all particles):
 * a few ulps of max|x| + η·max‖∇f_α̂‖. A sequential (Gauss–Seidel) update differs at O(η²) and passes
 * the first-order rate check; this is where it is caught.
 */
const STEP_RTOL = 1e-12;

export const ntkGeneratorMmdFlow = property({
  id: 'ntk.generator-mmd-flow',
  source: { paper: PAPER, where: '"Consequence: the generator minimizes the MMD"' },
  statement: 'The generator minimizes the MMD, defined with the NTK of f, between fake and target distributions (thanks to Arbel et al. (2019)).',
  checks:
    `For generated configurations (1–5 fakes, 1–5 targets in [−2,2]^d, d ≤ 3): with the RBF kernel and step η = u·σ²/2 (u ∈ (0,1], below the descent-lemma bound 2σ²/3), ${STEPS} of the system's particle steps xᵢ ← xᵢ − η∇f_α̂(xᵢ) never increase MMD²_k; ` +
    'and for RBF and the erf NTK, a tiny step of the system decreases MMD² at the rate (2/n)Σ‖∇f_α̂(xᵢ)‖² (finite differences of MMD² vs the witness gradient from the kernel\'s ∇ₓk), i.e. ∂MMD²/∂xᵢ = (2/n)∇f_α̂(xᵢ) and the step is −η∇f_α̂; one RBF step at η equals xᵢ − η∇f_α̂(xᵢ) with ∇f_α̂ at the current positions of all particles (relative 1e-12).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['ntk-gan', 'ntk'],
  notes: 'The ReLU NTK is left out: its gradient ∇ₓk(x, y) is unbounded as x → y (the arc-cosine kernel of degree 0 is not differentiable on the diagonal), so ∇f_α̂ is undefined at the particles themselves.',
  arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) => fc.record({
    rbf: rbfSpec,
    erf: erfNtkSpec,
    xs: points(d, 1, 5),
    ys: points(d, 1, 5),
    u: fc.double({ min: 0.01, max: 1, noNaN: true }),
  })),
  check: ({ rbf, erf, xs: xs0, ys: ys0, u }, ctx) => {
    const sys = ntkGanSystem(ctx);
    const ntk = ntkSystem(ctx);
    const xs = toF64(xs0);
    const ys = toF64(ys0);
    const kr = makeKernel(rbf, ntk);
    const eta = u * ETA_FACTOR * rbf.sigma * rbf.sigma;
    // The system's particle step, MMD² measured by src/metrics after each step.
    const run = runGeneratorFlow(kr, xs, ys, eta, STEPS, sys.generatorStep);
    ensure(run.divergedAtStep === undefined, `RBF particle flow diverged at step ${run.divergedAtStep}`);
    let worst = -Infinity;
    for (let s = 0; s < STEPS; s++) {
      const inc = run.mmd2[s + 1]! - run.mmd2[s]!;
      worst = Math.max(worst, inc);
      ensure(inc <= MONO_ATOL, `MMD² increased at step ${s + 1}: ${run.mmd2[s]} → ${run.mmd2[s + 1]} (η = ${eta})`, { step: s + 1, before: run.mmd2[s]!, after: run.mmd2[s + 1]!, eta });
    }
    const ev: Record<string, number> = { worstIncrease: worst, mmd2Start: run.mmd2[0]!, mmd2End: run.mmd2[STEPS]! };
    // The step itself: simultaneous, along −∇f_α̂ from the kernel's gradient (common.ts).
    const stepped = sys.generatorStep(kr, xs, ys, eta);
    const grads = xs.map((x) => witnessGradientRef(kr, xs, ys, x));
    let stepErr = 0;
    let stepScale = 0;
    xs.forEach((x, i) => x.forEach((v, a) => {
      stepErr = Math.max(stepErr, Math.abs(stepped[i]![a]! - (v - eta * grads[i]![a]!)));
      stepScale = Math.max(stepScale, Math.abs(v) + eta * Math.abs(grads[i]![a]!));
    }));
    ensure(stepErr <= STEP_RTOL * Math.max(stepScale, 1e-300), `particle step ≠ xᵢ − η∇f_α̂(xᵢ) (simultaneous): max error ${stepErr} (η = ${eta})`, { stepErr, stepScale, eta });
    ev.stepErr = stepErr;
    for (const [label, kernel, h] of [['rbf', kr, FD_ETA * rbf.sigma * rbf.sigma], ['erf', makeKernel(erf, ntk), FD_ETA]] as const) {
      const before = mmd2Biased(kernel, xs, ys);
      // (2/n)Σ‖∇f_α̂(xᵢ)‖² from the kernel's gradient (common.ts), not from the system.
      let rate = 0;
      for (const x of xs) for (const g of witnessGradientRef(kernel, xs, ys, x)) rate += g * g;
      rate *= 2 / xs.length;
      const moved = sys.generatorStep(kernel, xs, ys, h);
      const after = mmd2Biased(kernel, moved, ys);
      const fdRate = (before - after) / h;
      const err = Math.abs(fdRate - rate);
      ensure(err <= RATE_RTOL * rate + RATE_ATOL, `${label}: MMD² decrease rate ${fdRate} ≠ (2/n)Σ‖∇f_α̂‖² = ${rate}`, { fdRate, rate, h });
      ev[`${label}RateErr`] = err;
    }
    return ev;
  },
});
