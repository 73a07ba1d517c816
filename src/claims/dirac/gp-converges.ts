import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { couplingAtOrigin, decayRate, minimize1d, simultaneousGpStepBound } from '../../systems/dirac-gan/index.ts';
import { simultaneousStep } from '../../integrators/index.ts';
import { spectralRadius } from '../../linalg/index.ts';
import { APP_E, MESCHEDER, norm, stepJacobian, system } from './common.ts';

/** FD Jacobians of these smooth maps at the origin are exact to ~1e-10; spectral radii compared to 1e-8 relative. */
const RHO_RTOL = 1e-8;
/** "Converges": the distance to the equilibrium shrinks by this factor along the predicted number of steps. */
const SHRINK = 1e-3;
/** Starts within this radius (local convergence). */
const START_RADIUS = 0.1;
/** Generated h as a fraction of the derived stability bound. */
const H_FRACTION = { min: 0.1, max: 0.9 };
/** Golden-section tolerance on the minimising β (the minimum is a cusp at β = 2, located to ~1e-9). */
const ARGMIN_ATOL = 1e-6;

export const diracGpConverges = property({
  id: 'dirac.gp-converges',
  source: { paper: `${MESCHEDER.paper}; 001_cb8436cba21c199a.txt`, where: `${MESCHEDER.where}; ${APP_E.where}` },
  statement: 'With a gradient penalty the Dirac-GAN is locally convergent for simultaneous gradient descent with small enough step size; in continuous time the regularised system is critically damped at β = 2.',
  checks:
    'R1-penalised Dirac-GAN (γ ∈ [0.1, 5], both losses), h generated below the derived bound h* = min −2Re λ/|λ|²: the FD Jacobian of the simultaneous step at (0, 0) has spectral radius ρ = max|1 + hλ| < 1, and a start within 0.1 shrinks by 1e-3 in ⌈2 log(1e-3)/log ρ⌉ steps. For the App. E system and generated h ∈ (0, 0.5]: (ρ_h(β) − 1)/h → −decay(β) with error ≤ h(1 + β²)/2, and the β minimising ρ_h is 2 (to 1e-6).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['dirac-gan'],
  arbitrary: fc.record({
    loss: fc.constantFrom<'gan' | 'wgan'>('gan', 'wgan'),
    gamma: fc.double({ min: 0.1, max: 5, noNaN: true }),
    hFrac: fc.double({ min: H_FRACTION.min, max: H_FRACTION.max, noNaN: true }),
    r0: fc.double({ min: 1e-4, max: START_RADIUS, noNaN: true }),
    angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    hSmall: fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
    beta: fc.double({ min: 0, max: 10, noNaN: true }),
  }),
  check: ({ loss, gamma, hFrac, r0, angle, hSmall, beta }, ctx) => {
    const sys = system(ctx);
    // (a) local convergence of simultaneous steps with the gradient penalty.
    const h = hFrac * simultaneousGpStepBound(loss, gamma);
    const step = simultaneousStep(sys.ganField(loss, gamma), 2, h);
    const rho = spectralRadius(stepJacobian(step));
    const c = couplingAtOrigin(loss);
    const disc = gamma * gamma - 4 * c * c;
    const lams = disc < 0
      ? [{ re: -gamma / 2, im: Math.sqrt(-disc) / 2 }]
      : [{ re: (-gamma + Math.sqrt(disc)) / 2, im: 0 }, { re: (-gamma - Math.sqrt(disc)) / 2, im: 0 }];
    const rhoClosed = Math.max(...lams.map((l) => Math.hypot(1 + h * l.re, h * l.im)));
    ensureClose(`spectral radius of the penalised step (γ = ${gamma}, h = ${h}, ${loss})`, rho, rhoClosed, { rtol: RHO_RTOL });
    ensure(rho < 1, `spectral radius ${rho} ≥ 1 below the step bound`, { gamma, h, loss });
    const steps = Math.ceil((2 * Math.log(SHRINK)) / Math.log(rho));
    const x = Float64Array.of(r0 * Math.cos(angle), r0 * Math.sin(angle));
    for (let k = 0; k < steps; k++) step(x);
    ensure(norm(x) <= SHRINK * r0, `after ${steps} steps ‖x‖ = ${norm(x)} > ${SHRINK}·‖x_0‖`, { gamma, h, loss, r0 });
    // (b) the discrete picture tends to the continuous one as h → 0 (App. E system).
    const rhoOf = (b: number) => spectralRadius(stepJacobian(simultaneousStep(sys.regularizedField(b), 2, hSmall)));
    const rate = (rhoOf(beta) - 1) / hSmall;
    ensureClose(`(ρ_h(β) − 1)/h vs −decay(β) at β = ${beta}, h = ${hSmall}`, rate, -decayRate(beta), { atol: (hSmall * (1 + beta * beta)) / 2 });
    const argmin = minimize1d(rhoOf, 0, 10, 201, 1e-10).x;
    ensureClose(`β minimising ρ_h (h = ${hSmall})`, argmin, 2, { atol: ARGMIN_ATOL });
    return { spectralRadius: rho, steps, argminBeta: argmin };
  },
});
