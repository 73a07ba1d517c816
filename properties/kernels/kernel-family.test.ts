/** The built-in `kernel` system: rbfFamily(σ) is eq. (7)'s Gaussian of width σ, derivatives included. */
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { rbfFamily } from '../../src/kernels/kernel-family.ts';
import { kernelFdErrors } from '../../src/kernels/finite-difference.ts';
import { Rng } from '../../src/random/rng.ts';

/** exp of the same argument computed two ways: a few ulps. */
const VALUE_RTOL = 1e-14;
/** As properties/kernels/rbf.test.ts: central differences with h = 1e-5·σ. */
const FD_TOL = 1e-6;

describe('rbfFamily (the built-in kernel system)', () => {
  test.prop([fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.05, max: 20, noNaN: true }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 4, noNaN: true })], { numRuns: 100 })(
    'K_σ(x, x′) = exp(−‖x − x′‖²/2σ²) and its derivatives match finite differences',
    (d, sigma, seed, spread) => {
      const rng = new Rng(seed);
      const x = rng.normals(new Float64Array(d), 0, sigma);
      const y = x.map((v) => v + spread * sigma * rng.normal());
      const K = rbfFamily(sigma);
      let r2 = 0;
      for (let a = 0; a < d; a++) r2 += (x[a]! - y[a]!) ** 2;
      const want = Math.exp(-r2 / (2 * sigma * sigma));
      expect(Math.abs(K.k(x, y) - want)).toBeLessThanOrEqual(VALUE_RTOL * Math.max(want, Number.MIN_VALUE) + 1e-300);
      expect(K.translationInvariant).toBe(true);
      const e = kernelFdErrors(K, x, y, 1e-5 * sigma);
      expect(e.grad * sigma).toBeLessThan(FD_TOL);
      expect(e.hessXX * sigma * sigma).toBeLessThan(FD_TOL);
      expect(e.hessXY * sigma * sigma).toBeLessThan(FD_TOL);
    },
  );
  test('rejects a bad width', () => {
    for (const s of [0, -1, NaN, Infinity]) expect(() => rbfFamily(s)).toThrow(RangeError);
  });
});
