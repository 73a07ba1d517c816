import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure, ensureClose } from '../assert.ts';
import { decayRate } from '../../systems/dirac-gan/index.ts';
import { APP_E, eigenvalues, fieldJacobian, system } from './common.ts';

/**
 * Numerical eigenvalues of the defective matrix at β = 2 are resolved to O(√ε) ≈ 1.5e-8, so an
 * imaginary part or a gap between real roots below RESOLVE is "zero", and β within BETA_SNAP of 2
 * (whose exact roots differ by less than √(4·BETA_SNAP) ≈ 6e-5 … but whose rounding cannot be
 * told apart from the double root below ~1e-14) is generated as exactly 2.
 */
const RESOLVE = 1e-7;
const BETA_SNAP = 1e-9;
/** The decay rate −max Re λ is compared with its closed form to this absolute tolerance (same √ε reason). */
const DECAY_ATOL = 1e-7;

export const diracRegimes = property({
  id: 'dirac.regimes',
  source: APP_E,
  statement: 'Note the overdamped, underdamped, and critically damped regions … critical damping at β = 2.',
  checks:
    'For generated β ∈ [0, 10] (β = 2 included), the numerical eigenvalues of the field\'s Jacobian are a complex pair for β < 2, a double real −1 at β = 2, two distinct negative reals for β > 2; the decay rate −max Re λ is below 1 away from β = 2 and equals its maximum 1 at β = 2.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['dirac-gan'],
  arbitrary: fc.record({
    beta: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(2)).map((b) => (Math.abs(b - 2) < BETA_SNAP ? 2 : b)),
  }),
  check: ({ beta }, ctx) => {
    const [l1, l2] = eigenvalues(fieldJacobian(system(ctx).regularizedField(beta)));
    const complexPair = Math.abs(l1!.im) > RESOLVE && Math.abs(l1!.im + l2!.im) <= RESOLVE;
    const realDistinct = Math.abs(l1!.im) <= RESOLVE && Math.abs(l2!.im) <= RESOLVE && Math.abs(l1!.re - l2!.re) > RESOLVE;
    const regime = complexPair ? 'underdamped' : realDistinct ? 'overdamped' : 'critical';
    const expected = beta < 2 ? 'underdamped' : beta > 2 ? 'overdamped' : 'critical';
    // Near β = 2 the roots are genuinely closer than the resolution; only classify where they are resolvable.
    const resolvable = Math.sqrt(Math.abs(beta * beta - 4)) > 10 * RESOLVE;
    if (resolvable || beta === 2) {
      ensure(regime === expected, `β = ${beta}: eigenvalues ${JSON.stringify([l1, l2])} look ${regime}, expected ${expected}`, { beta, l1, l2 });
    }
    if (expected === 'overdamped' || expected === 'critical') ensure(l1!.re < 0 && l2!.re < 0, `β = ${beta}: real eigenvalues must be negative`, { l1, l2 });
    if (beta === 2) {
      ensureClose('double eigenvalue at β = 2', l1!.re, -1, { atol: DECAY_ATOL });
      ensureClose('double eigenvalue at β = 2', l2!.re, -1, { atol: DECAY_ATOL });
    }
    const decay = -Math.max(l1!.re, l2!.re);
    ensureClose(`decay rate at β = ${beta}`, decay, decayRate(beta), { atol: DECAY_ATOL });
    ensure(decay <= 1 + DECAY_ATOL, `decay rate ${decay} at β = ${beta} exceeds the critical value 1`, { beta, decay });
    return { decay, underdamped: regime === 'underdamped' };
  },
});
