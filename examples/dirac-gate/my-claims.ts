/**
 * A claim of the user's own, run next to the built-in ones with `--claims ./my-claims.ts`:
 * the regularised system dissipates energy, d/dt (θ² + φ²) = −2βφ² (from eq. E1–E2).
 */
import { fc, property, ensureClose, dirac, type DiracGan } from './deps.ts';

export const energyDissipation = property({
  id: 'my.dirac.energy-dissipation',
  source: { paper: '001_cb8436cba21c199a.txt', where: 'App. E, eq. E1–E2' },
  statement: 'The regularised Dirac-GAN loses energy at rate 2βφ².',
  checks: 'For generated β ≥ 0 and states (θ, φ): ⟨x, v(x)⟩ = −βφ² for the field v of the implementation under test.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['dirac-gan'],
  arbitrary: fc.record({
    beta: fc.double({ min: 0, max: 20, noNaN: true }),
    theta: fc.double({ min: -10, max: 10, noNaN: true }),
    phi: fc.double({ min: -10, max: 10, noNaN: true }),
  }),
  check: ({ beta, theta, phi }, ctx) => {
    const field = ctx.impl<DiracGan>('dirac-gan', dirac.diracGan).regularizedField(beta);
    const v = new Float64Array(2);
    field(Float64Array.of(theta, phi), v);
    // Cancellation in θφ − θφ: allow a few ulps of the terms' size.
    const scale = Math.abs(theta * phi) + beta * phi * phi;
    ensureClose('⟨x, v(x)⟩', theta * v[0]! + phi * v[1]!, -beta * phi * phi, { atol: 8 * Number.EPSILON * scale });
  },
});
