/**
 * 002 §6, eq. (26): one true point x₀ and one fixed generated point x̃₀ (masses 1, Dirac-GAN); the
 * RBF discriminator run to convergence gives L_g(θ*, x̃₀) = (1/λ)(1 − exp(−‖x₀ − x̃₀‖²/2σ²)).
 * Check: iterate eq. (5) in function space with η_g = 0 until (1 − η_dλ)ᵏ < 1e-15 and compare
 * −fᵏ(x̃₀) with the closed form (independent: iteration vs formula). The iteration is the `ipm`
 * system's function-space step with the `kernel` system's K_σ, which must be eq. (7)'s Gaussian.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensureClose } from '../assert.ts';
import { Rng } from '../../random/rng.ts';
import { systemsOf } from './systems.ts';

/** Remaining transient (1 − η_dλ)ᵏ ≤ 1e-15 plus rounding over ≤ 4000 steps of a 2-term sum. */
const RTOL = 1e-11;
/** Absolute floor in units of 1/λ: the loss is ~r²/2σ²λ near r = 0. */
const ATOL = 1e-13;

export const ipmEq26 = property({
  id: 'ipm.eq26',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: '§6, eq. (26)' },
  statement: 'If we fix the generated point, x̃₀, and let an RBF discriminator run to the convergence, … the resulting generator loss in (8) is given by L_g(θ*, x̃₀) = (1/λ)(1 − e^{−‖x₀ − x̃₀‖²/2σ²}). (26)',
  checks: 'For generated d ≤ 4, σ, x₀, x̃₀ (distance r/σ ∈ [0, 6]), λ, η_d: eq. (5) iterated with the generated point frozen until (1 − η_dλ)ᵏ < 1e-15 gives −fᵏ(x̃₀) equal to (1/λ)(1 − e^{−r²/2σ²}).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['kernel', 'ipm'],
  arbitrary: fc.record({
    d: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    sigma: fc.double({ min: 0.05, max: 20, noNaN: true }), rOverSigma: fc.double({ min: 0, max: 6, noNaN: true }),
    lambda: fc.double({ min: 0.01, max: 10, noNaN: true }), etaLambda: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
  }),
  check: ({ d, seed, sigma, rOverSigma, lambda, etaLambda }, ctx) => {
    const { kernel, ipm } = systemsOf(ctx);
    const rng = new Rng(seed);
    const x0 = rng.normals(new Float64Array(d), 0, sigma);
    const u = rng.unitVector(d);
    const xt = x0.map((v, a) => v + rOverSigma * sigma * u[a]!);
    const etaD = etaLambda / lambda;
    const sys = ipm.functionSpace(kernel(sigma), { d, trueX: x0, p: Float64Array.of(1), genX: xt, pTilde: Float64Array.of(1) }, { lambda, etaD, etaG: 0 }, 'simultaneous');
    const steps = Math.ceil(Math.log(1e-15) / Math.log(1 - etaLambda));
    for (let k = 0; k < steps; k++) sys.step();
    const loss = -sys.f.value(xt); // eq. (8) with one point of mass 1
    const r = Math.hypot(...x0.map((v, a) => v - xt[a]!));
    const closed = (1 / lambda) * (1 - Math.exp(-(r * r) / (2 * sigma * sigma)));
    const err = ensureClose('converged generator loss vs eq. (26)', loss, closed, { rtol: RTOL, atol: ATOL / lambda });
    return { steps, absErrTimesLambda: err * lambda, loss: loss * lambda };
  },
});
