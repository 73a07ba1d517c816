import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import { drawRff } from '../../../src/kernels/rff.ts';
import { featureKernel } from '../../../src/kernels/finite-feature.ts';
import { relFroError, spectralRadius } from '../../../src/linalg/index.ts';
import { Rng } from '../../../src/random/rng.ts';
import {
  excessMass, functionSpaceJacobianFD, reducedJacobian, reducedGenerator, simultaneousStepBound, thm1Equilibrium, kernelConstants,
  type RegionEquilibrium,
} from '../../../src/systems/isolated-points/index.ts';

/** FD Jacobian of the bump dynamics vs the analytic reduced Jacobian (central differences). */
const JAC_RTOL = 1e-6;

const inst = fc.record({
  d: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }), sigma: fc.double({ min: 0.3, max: 3, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), lambda: fc.double({ min: 0.05, max: 2, noNaN: true }), mu: fc.double({ min: 0.1, max: 10, noNaN: true }),
  etaD: fc.double({ min: 1e-3, max: 0.2, noNaN: true }), spread: fc.boolean(), alternating: fc.boolean(),
});

describe('region linearisation (eq. 11–12)', () => {
  test.prop([inst], { numRuns: 120 })('reducedJacobian equals the FD Jacobian of the function-space map, at Thm 1 and at spread-out equilibria configurations', (c) => {
    const rng = new Rng(c.seed);
    const xi = rng.normals(new Float64Array(c.d));
    const pT = Float64Array.from({ length: c.n }, () => rng.range(0.1, 1));
    let eq: RegionEquilibrium = thm1Equilibrium(xi, rng.range(0.1, 2), pT, c.lambda);
    // arbitrary distinct positions: not an equilibrium, but the linearisation formula around the
    // f* of those positions is still exact for the map's derivative when ∇f* ≠ 0 only shifts x̃
    if (c.spread) eq = { ...eq, xs: eq.xs.map((v) => v + c.sigma * rng.normal()) };
    const K = rbfKernel(c.sigma);
    const scheme = c.alternating ? 'alternating' : 'simultaneous';
    const err = relFroError(functionSpaceJacobianFD(K, eq, c.etaD, c.mu, scheme), reducedJacobian(K, eq, c.etaD, c.mu, scheme));
    expect(err).toBeLessThan(JAC_RTOL);
  });
  test.prop([inst], { numRuns: 100 })('the step bound is exact: ρ(I + η M) < 1 just below η*, > 1 just above (stable instances)', (c) => {
    const rng = new Rng(c.seed);
    const xi = rng.normals(new Float64Array(c.d));
    const pT = Float64Array.from({ length: c.n }, () => rng.range(0.1, 1));
    const pi = 1.5 * pT.reduce((a, b) => a + b, 0); // Δ > 0: stable (Thm 1a)
    const eq = thm1Equilibrium(xi, pi, pT, c.lambda);
    const K = rbfKernel(c.sigma);
    const { bound, maxRe } = simultaneousStepBound(reducedGenerator(K, eq, c.mu), c.lambda);
    expect(maxRe).toBeLessThan(0);
    expect(excessMass(pi, pT)).toBeGreaterThan(0);
    expect(spectralRadius(reducedJacobian(K, eq, 0.99 * bound, c.mu))).toBeLessThan(1);
    if (bound < 2 / c.lambda) expect(spectralRadius(reducedJacobian(K, eq, 1.01 * bound, c.mu))).toBeGreaterThan(1);
  });
  test.prop([fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 100 })(
    'kernel constants: RBF k₁ = k₂ = k₃ = k₄ = 1/σ²; RFF k₁ = k₃, k₂ = k₄ = extreme eigenvalues of (1/m)Σωωᵀ',
    (d, m, sigma, seed) => {
      const x = new Rng(seed).normals(new Float64Array(d));
      const r = kernelConstants(rbfKernel(sigma), x);
      for (const k of [r.k1, r.k2, r.k3, r.k4]) expect(Math.abs(k * sigma * sigma - 1)).toBeLessThan(1e-12);
      expect(r.gradNorm).toBe(0);
      const map = drawRff(new Rng(seed + 1), d, m, sigma);
      const q = kernelConstants(featureKernel(map), x);
      expect(Math.abs(q.k1 - q.k3)).toBeLessThanOrEqual(1e-10 * q.k4);
      expect(Math.abs(q.k2 - q.k4)).toBeLessThanOrEqual(1e-10 * q.k4);
      let tr = 0;
      for (let k = 0; k < m; k++) for (let a = 0; a < d; a++) tr += map.omega[k * d + a]! ** 2 / m;
      expect(q.k1 * d - 1e-9 * tr).toBeLessThanOrEqual(tr);
      expect(q.k2 * d + 1e-9 * tr).toBeGreaterThanOrEqual(tr);
      expect(q.gradNorm).toBe(0);
    },
  );
  test('rejects bad input', () => {
    expect(() => excessMass(-1, [0.5])).toThrow(RangeError);
    expect(() => excessMass(1, [0])).toThrow(RangeError);
    expect(() => thm1Equilibrium(new Float64Array(1), 1, Float64Array.of(1), 0)).toThrow(RangeError);
  });
});
