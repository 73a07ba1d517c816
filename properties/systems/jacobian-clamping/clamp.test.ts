/**
 * Laws of Algorithm 1's perturbation (003 §4: δ ~ N(0, I), δ := ε·δ/‖δ‖), the step the trainer and
 * jc.clamp-loss draw their δ with: norm exactly ε, and isotropic (E δ = 0, E δδᵀ = (ε²/n_z)·I).
 */
import { expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { clampPerturbation } from '../../../src/systems/jacobian-clamping/clamp.ts';
import { Rng } from '../../../src/random/rng.ts';

/** Draws per isotropy check, and the z bound per coordinate (≈ 1e-6 false alarms over the runs). */
const DRAWS = 4000;
const Z = 6;

test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 1e-3, max: 30, noNaN: true })], { numRuns: 40 })(
  'clampPerturbation has norm ε and is isotropic', (seed, nz, eps) => {
    const rng = new Rng(seed);
    const mean = new Float64Array(nz);
    const second = new Float64Array(nz);
    for (let k = 0; k < DRAWS; k++) {
      const d = clampPerturbation(rng, nz, eps);
      expect(d.length).toBe(nz);
      expect(Math.abs(Math.hypot(...d) - eps)).toBeLessThanOrEqual(1e-12 * eps);
      for (let a = 0; a < nz; a++) { mean[a] += d[a]! / eps / DRAWS; second[a] += (d[a]! / eps) ** 2 / DRAWS; }
    }
    // A unit coordinate has variance 1/n_z (≤ 1) and its square variance ≤ 1: se ≤ 1/√DRAWS.
    for (let a = 0; a < nz; a++) {
      expect(Math.abs(mean[a]!)).toBeLessThanOrEqual(Z / Math.sqrt(DRAWS));
      expect(Math.abs(second[a]! - 1 / nz)).toBeLessThanOrEqual(Z / Math.sqrt(DRAWS));
    }
  });
