/**
 * 002 Corollary 1: Nr = Ng = N, all masses 1/N. Among equilibria with supp P_g ⊆ supp P_r (every
 * generated point sitting on some true point) the only stable one is P_g = P_r (a bijection).
 * Checked on the GLOBAL function-space system with the exact RBF and true points ≥ 40σ apart, so
 * that cross-region kernel values underflow to exactly 0 (the isolation assumption, eq. 10, holds
 * exactly in float64). Stability from the FD Jacobian of the whole one-step map (all regions).
 * Why: a non-bijective assignment puts ≥ 2 points in some region (Δ < 0, |Nᵢ| ≥ 2: unstable by
 * Thm 1(b), corrected reading); a bijection gives Δᵢ = 0, |Nᵢ| = 1, (19) = min{λ², μk/N²} > 0.
 * The kernel is the `kernel` system's K_σ (the separation relies on its Gaussian tail underflowing),
 * the map the `ipm` system's function-space step; the analytic Jacobian is the independent side.
 */
import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { spectralRadius } from '../../linalg/spectral.ts';
import { relFroError } from '../../linalg/norms.ts';
import { Rng } from '../../random/rng.ts';
import { functionSpaceJacobianFD, kernelConstants, reducedGenerator, reducedJacobian, simultaneousStepBound, type RegionEquilibrium } from '../../systems/isolated-points/index.ts';
import { checkKernelConstants, ETA_FRACTION, JAC_RTOL } from './thm1-common.ts';
import { systemsOf } from './systems.ts';

/** Separation of true points in units of σ: exp(−40²/2) underflows to 0. */
const SEPARATION = 40;

export const ipmCor1 = property({
  id: 'ipm.cor1',
  source: { paper: '002_dc3675b0aaa76cd0.txt', where: 'Corollary 1, eq. (21)' },
  statement: 'Suppose the kernel satisfies Assumption 1, and the number of true and generated points are equal so that N_r = N_g = N for some N. Also, suppose that p_j = p̃_j = 1/N for all j. Then, the only stable equilibrium of the generated distribution P_g with supp(P_g) ⊆ supp(P_r) is P_g = P_r.',
  checks: 'For generated N ≤ 5, d ≤ 3, σ, λ, μ and an assignment of generated points onto true points (exact RBF, true points 40σ apart): the FD Jacobian of the global one-step map at that equilibrium has spectral radius < 1 iff the assignment is a bijection (η_d = ½ the linearised bound).',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['kernel', 'ipm'],
  exercises: ['isolated-points'],
  arbitrary: fc.integer({ min: 2, max: 5 }).chain((N) => fc.record({
    N: fc.constant(N),
    assign: fc.oneof(fc.array(fc.integer({ min: 0, max: N - 1 }), { minLength: N, maxLength: N }), fc.shuffledSubarray([...Array(N).keys()], { minLength: N, maxLength: N })),
    d: fc.integer({ min: 1, max: 3 }), sigma: fc.double({ min: 0.2, max: 3, noNaN: true }),
    lambda: fc.double({ min: 0.05, max: 2, noNaN: true }), mu: fc.double({ min: 0.1, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })),
  check: ({ N, assign, d, sigma, lambda, mu, seed }, ctx) => {
    const { kernel, ipm } = systemsOf(ctx);
    const rng = new Rng(seed);
    const trueX = new Float64Array(N * d);
    for (let i = 0; i < N; i++) {
      trueX[i * d] = i * SEPARATION * sigma;
      for (let a = 1; a < d; a++) trueX[i * d + a] = rng.range(-1, 1) * sigma;
    }
    const xs = new Float64Array(N * d);
    assign.forEach((i, j) => xs.set(trueX.subarray(i * d, (i + 1) * d), j * d));
    const eq: RegionEquilibrium = { d, trueX, p: new Float64Array(N).fill(1 / N), xs, pTilde: new Float64Array(N).fill(1 / N), lambda };
    const K = kernel(sigma);
    // the premise: Assumption 1 at the true points (translation invariance makes one point enough)
    const x0 = trueX.subarray(0, d);
    checkKernelConstants(K, x0, kernelConstants(K, x0));
    const { bound, maxRe } = simultaneousStepBound(reducedGenerator(K, eq, mu), lambda);
    const etaD = ETA_FRACTION * bound;
    const J = functionSpaceJacobianFD(K, eq, etaD, mu, 'simultaneous', undefined, ipm);
    const jacRelErr = relFroError(J, reducedJacobian(K, eq, etaD, mu));
    ensure(jacRelErr <= JAC_RTOL, `analytic vs FD Jacobian ${jacRelErr}`, { jacRelErr });
    const rho = spectralRadius(J);
    const bijection = new Set(assign).size === N;
    ensure(bijection === rho < 1, bijection ? `bijection P_g = P_r but unstable: ρ = ${rho}` : `assignment ${JSON.stringify(assign)} (P_g ≠ P_r) is stable: ρ = ${rho}`, { rho, maxRe, etaD, assign });
    return { rho, etaD, bijection: bijection ? 1 : 0, jacRelErr };
  },
});
