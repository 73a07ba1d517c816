/**
 * ib.thm1.density — 000 Thm 1, eq. (1a): the density of G(Z), Z ~ N(0, 1), for a piecewise
 * monotone G is Σ_{p active at x} s_p φ(G_p⁻¹(x)) / ∂_z G_p(G_p⁻¹(x)).
 *
 * Independent reference: the exact probability of a bin [lo, hi] from the pushforward's
 * definition, Σ_p Φ-mass of the preimage interval of [lo, hi] under piece p (normal CDF, no
 * derivative involved). The density of eq. (1a) is integrated over the bin by adaptive
 * Gauss–Legendre, split where the set of active pieces changes. The density is the system's
 * (`generator-1d`, `--impl`); the bin probabilities, jump points and bin placement are the
 * reference's (built-in Φ-masses of preimage intervals).
 */
import { property } from '../claim.ts';
import { ensureClose } from '../assert.ts';
import fc from 'fast-check';
import { binProbability, densityBreaks, generatorValue, adaptiveIntegrate } from '../../systems/generator-1d/index.ts';
import { buildPolytonic, polytonicSpecArb } from './arbitraries.ts';
import { generatorSystem } from './systems.ts';

/** Bin probability relative tolerance: adaptive quadrature converged to 1e-12 plus Φ's 1e-15 relative error. */
const RTOL = 1e-9;
/** Absolute floor: bins far in the tails hold ~1e-300; below 1e-14 relative accuracy of the quadrature is not meaningful. */
const ATOL = 1e-14;

export const ibThm1Density = property({
  id: 'ib.thm1.density',
  source: { paper: '000_cdda2fe4dacffe72.txt', where: '§3, Thm 1, eq. (1a)' },
  statement: 'Under Assumption 1, if X = G(Z) ~ f_X, where Z ~ N(0, 1) implies that G_p must satisfy Σ_{p∈P(x)} s_p φ(G_p⁻¹(x))/∂_z G_p(z(x)) = f_X(x), ∀x ∈ X (Density Matching).',
  checks: 'For generated polytonic G (P ∈ 1..5 alternating pieces, piecewise linear or cubic-smooth, continuous or not) and a generated bin [lo, hi]: ∫_lo^hi of the eq. (1a) density (adaptive Gauss–Legendre) equals the exact P(G(Z) ∈ [lo, hi]) from Φ-masses of the pieces\' preimage intervals (rtol 1e-9); every term is ≥ 0.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['generator-1d'],
  arbitrary: fc.record({
    spec: polytonicSpecArb,
    zStar: fc.double({ min: -4, max: 4, noNaN: true }),
    width: fc.double({ min: 1e-3, max: 5, noNaN: true }),
    frac: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  check: ({ spec, zStar, width, frac }, ctx) => {
    const sys = generatorSystem(ctx);
    const g = buildPolytonic(spec);
    const lo = generatorValue(g, zStar) - frac * width;
    const hi = lo + width;
    const exact = binProbability(g, lo, hi);
    let minTerm = Infinity;
    const dens = (x: number) => {
      const { density, terms } = sys.pushforwardDensity(g, x);
      for (const t of terms) minTerm = Math.min(minTerm, t);
      return density;
    };
    const integral = adaptiveIntegrate(dens, lo, hi, densityBreaks(g));
    const err = ensureClose('∫ eq.(1a) density over the bin vs exact bin probability', integral, exact, { rtol: RTOL, atol: ATOL });
    if (minTerm < 0) ensureClose('smallest eq.(1a) term (must be ≥ 0)', minTerm, 0, { atol: 0 });
    return exact > 1e-10 ? { pieces: g.pieces.length, exact, relErr: err / exact } : { pieces: g.pieces.length, exact };
  },
});
