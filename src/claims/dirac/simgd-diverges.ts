import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { couplingAtOrigin } from '../../systems/dirac-gan/index.ts';
import { simultaneousStep } from '../../integrators/index.ts';
import { spectralRadius } from '../../linalg/index.ts';
import { MESCHEDER, norm, stepJacobian, system } from './common.ts';

/** Steps followed from each start. */
const STEPS = 200;
/** The FD Jacobian of the one-step map is exact up to rounding for this field at the origin (f′ is smooth): 1e-8 relative. */
const RHO_RTOL = 1e-8;
/**
 * Norm identity of simultaneous steps: v(x) ⊥ x for the unregularised Dirac-GAN, so
 * ‖x + hv‖² = ‖x‖² + h²‖v‖² exactly; over STEPS steps rounding accumulates to ~STEPS·ε relative.
 */
const IDENTITY_RTOL = 1e-10;
/** ‖x_{k+1}‖² − ‖x_k‖² cancels: rounding x_{k+1}'s components costs ~2ε‖x‖², so allow 16 ulps of ‖x‖² absolutely. */
const CANCEL_ULPS = 16;

export const diracSimgdDiverges = property({
  id: 'dirac.simgd-diverges',
  source: MESCHEDER,
  statement: 'Simultaneous gradient descent … the unregularized Dirac-GAN does not converge: the Jacobian of the update at the equilibrium has eigenvalues 1 ± ih·f′(0) with modulus > 1 for every h > 0, and trajectories move away from the equilibrium.',
  checks:
    `For generated h ∈ (0, 2], loss f ∈ {standard GAN, linear/WGAN} and non-zero start, simultaneous steps: the central-difference Jacobian of the one-step map at (0, 0) has spectral radius √(1 + h²f′(0)²) > 1, and along ${STEPS} steps every step satisfies ‖x_{k+1}‖² − ‖x_k‖² = h²‖v(x_k)‖² > 0 (v ⊥ x; to rounding) and ‖x_N‖ > ‖x_0‖.`,
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['dirac-gan'],
  arbitrary: fc.record({
    h: fc.double({ min: 1e-3, max: 2, noNaN: true }),
    loss: fc.constantFrom<'gan' | 'wgan'>('gan', 'wgan'),
    r0: fc.double({ min: 1e-3, max: 2, noNaN: true }),
    angle: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  }),
  check: ({ h, loss, r0, angle }, ctx) => {
    const field = system(ctx).ganField(loss, 0);
    const step = simultaneousStep(field, 2, h);
    const rho = spectralRadius(stepJacobian(step));
    const c = couplingAtOrigin(loss);
    ensureClose(`spectral radius of the simultaneous step (h = ${h}, ${loss})`, rho, Math.sqrt(1 + h * h * c * c), { rtol: RHO_RTOL });
    ensure(rho > 1, `spectral radius ${rho} ≤ 1`, { h, loss, rho });
    const x = Float64Array.of(r0 * Math.cos(angle), r0 * Math.sin(angle));
    const v = new Float64Array(2);
    let n2 = x[0]! * x[0]! + x[1]! * x[1]!;
    for (let k = 0; k < STEPS; k++) {
      field(x, v);
      const gain = h * h * (v[0]! * v[0]! + v[1]! * v[1]!);
      step(x);
      const next = x[0]! * x[0]! + x[1]! * x[1]!;
      ensureClose(`step ${k}: ‖x_{k+1}‖² − ‖x_k‖² vs h²‖v‖²`, next - n2, gain, { rtol: IDENTITY_RTOL, atol: CANCEL_ULPS * Number.EPSILON * next });
      n2 = next;
    }
    // Each step adds h²‖v‖² > 0; with the GAN loss f′(θψ) → 0 as θψ grows, so growth saturates
    // below rounding per step, but the trajectory as a whole must have moved away.
    ensure(norm(x) > r0, `‖x‖ did not grow over ${STEPS} steps (${r0} → ${norm(x)})`, { h, loss, r0 });
    return { spectralRadius: rho, growth: Math.sqrt(n2) / r0, finalNorm: norm(x) };
  },
});
