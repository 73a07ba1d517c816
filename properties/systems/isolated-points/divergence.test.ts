import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import { Rng } from '../../../src/random/rng.ts';
import { DivergenceSim, FunctionSpaceIpm, thm3Speed, thm3SpeedResidual } from '../../../src/systems/isolated-points/index.ts';

describe('divergence (eq. 24, Thm 3 construction)', () => {
  test.prop([fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0.3, max: 2, noNaN: true }), fc.double({ min: 0.1, max: 0.6, noNaN: true }), fc.integer({ min: 1, max: 30 })], { numRuns: 100 })(
    "eq9 reading: DivergenceSim equals the generic FunctionSpaceIpm (no true points) from the same f⁰",
    (d, seed, sigma, t, steps) => {
      const rng = new Rng(seed);
      const K = rbfKernel(sigma);
      const etaD = 0.3, etaG = 0.9, pTilde = 0.8;
      const lambda = (t * Math.sqrt(etaG * pTilde * etaD * pTilde)) / (sigma * etaD);
      const p = { d, lambda, etaD, etaG, pTilde, cutoff: 40 * sigma, reading: 'eq9' as const };
      const v0 = thm3Speed(K, p, 0.002 * sigma)!;
      expect(v0).toBeGreaterThan(0);
      expect(Math.abs(thm3SpeedResidual(K, p, v0))).toBeLessThan(1e-9 * v0);
      const x0 = rng.normals(new Float64Array(d));
      const u = rng.unitVector(d);
      const sim = new DivergenceSim(K, p, x0, u, v0);
      const ref = new FunctionSpaceIpm(K, { d, trueX: new Float64Array(0), p: new Float64Array(0), genX: x0, pTilde: Float64Array.of(pTilde) }, { lambda, etaD, etaG });
      const cap = Math.ceil(p.cutoff / v0) + 2;
      for (let m = cap - 1; m >= 1; m--) ref.addBump(x0.map((v, a) => v - m * v0 * u[a]!), -etaD * pTilde * Math.pow(1 - etaD * lambda, m - 1));
      for (let k = 0; k < steps; k++) { sim.step(); ref.step(); }
      for (let a = 0; a < d; a++) expect(Math.abs(sim.x[a]! - ref.x[a]!)).toBeLessThan(1e-10 * (1 + Math.abs(ref.x[a]!)));
    },
  );
});
