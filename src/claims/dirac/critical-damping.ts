import fc from 'fast-check';
import { property } from '../claim.ts';
import { ensure } from '../assert.ts';
import { criticalDampingBound, minimize1d, regularizedEndpoint } from '../../systems/dirac-gan/index.ts';
import { APP_E, system } from './common.ts';

/** RK4 step: the energy is ~e^{−2T}; RK4's relative error ~T·dt⁴ ≈ 5e-6 moves the minimiser far less than ε(T). */
const DT = 0.02;
/**
 * The search: a grid over [1.5, 2.5], then golden section in every grid-local minimum. The energy
 * dips at ωT = kπ; consecutive dips are ≥ 3π²/T² ≥ 0.03 apart in β for T ≤ 30, so a 0.005 grid puts
 * points between them.
 */
const SEARCH = { lo: 1.5, hi: 2.5, grid: 201 };
/** A grid over the whole range [0, 10] guards against a lower energy outside the search window. */
const SCAN = { lo: 0, hi: 10, grid: 101 };
/** Resolution of the located minimiser (golden-section tolerance plus RK4 error on the location). */
const LOCATE_ATOL = 1e-6;

export const diracCriticalDamping = property({
  id: 'dirac.critical-damping',
  source: APP_E,
  statement: '… giving us critical damping at β = 2. Critical regularization is demonstrated to result in convergence (θ(T) = 0) within a Dirac-GAN.',
  checks:
    'For generated T ∈ [5, 30], RK4 from (θ, φ) = (1, 0): the β minimising the energy envelope sup_{t≥T}(θ² + φ²) = θ(T)² + φ(T)² lies in [2 − ε(T), 2] with ε(T) = π²/T² (derived: the minimiser sits where ωT = π, so β*(T) = 2 − π²/T² + O(T⁻³)), hence → 2 as T grows; a 101-point grid over β ∈ [0, 10] finds nothing lower. The grid minimiser of |θ(T)| is reported beside it: it hits zeros of the oscillation the energy is immune to.',
  tier: 'fast', kind: 'property', expect: 'holds',
  systems: ['dirac-gan'],
  arbitrary: fc.record({ T: fc.double({ min: 5, max: 30, noNaN: true }) }),
  check: ({ T }, ctx) => {
    const sys = system(ctx);
    const logEnergy = (b: number) => Math.log(regularizedEndpoint(sys, b, T, DT).energy);
    const best = minimize1d(logEnergy, SEARCH.lo, SEARCH.hi, SEARCH.grid);
    let thetaArgmin = { beta: 0, abs: Infinity };
    for (let i = 0; i < SCAN.grid; i++) {
      const beta = SCAN.lo + ((SCAN.hi - SCAN.lo) * i) / (SCAN.grid - 1);
      const end = regularizedEndpoint(sys, beta, T, DT);
      ensure(Math.log(end.energy) >= best.f - 1e-9, `T = ${T}: energy at β = ${beta} is below the minimum found near 2 (β = ${best.x})`, { T, beta, best });
      if (Math.abs(end.theta) < thetaArgmin.abs) thetaArgmin = { beta, abs: Math.abs(end.theta) };
    }
    const eps = criticalDampingBound(T);
    const offset = best.x - 2;
    ensure(offset <= LOCATE_ATOL && offset >= -eps - LOCATE_ATOL, `T = ${T}: energy minimiser β* = ${best.x} is outside [2 − π²/T², 2] = [${2 - eps}, 2]`, {
      T, betaStar: best.x, eps,
    });
    return { betaStarOffset: offset, offsetOverBound: -offset / eps, gridArgminAbsTheta: thetaArgmin.beta };
  },
});
