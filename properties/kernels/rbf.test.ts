import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { rbfKernel } from '../../src/kernels/rbf.ts';
import { kernelFdErrors } from '../../src/kernels/finite-difference.ts';
import { Rng } from '../../src/random/rng.ts';

/** Central differences with h = 1e-5·σ: truncation O(h²/σ⁴·K) ~ 1e-10/σ², rounding ~ 1e-16/h. */
const FD_TOL = 1e-6;

const instance = fc.record({
  d: fc.integer({ min: 1, max: 5 }),
  sigma: fc.double({ min: 0.05, max: 20, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  spread: fc.double({ min: 0, max: 3, noNaN: true }),
});

describe('rbfKernel', () => {
  test.prop([instance], { numRuns: 200 })('gradient and both Hessians match central finite differences', ({ d, sigma, seed, spread }) => {
    const rng = new Rng(seed);
    const x = rng.normals(new Float64Array(d), 0, sigma);
    const y = x.map((v) => v + spread * sigma * rng.normal());
    const K = rbfKernel(sigma);
    // derivatives of order j scale like σ^-j: compare in units of σ
    const e = kernelFdErrors(K, x, y, 1e-5 * sigma);
    expect(e.grad * sigma).toBeLessThan(FD_TOL);
    expect(e.hessXX * sigma * sigma).toBeLessThan(FD_TOL);
    expect(e.hessXY * sigma * sigma).toBeLessThan(FD_TOL);
  });
  test.prop([instance], { numRuns: 100 })('Assumption 1 at x = x′: ∇K = 0, −∇²ₓK = ∇ₓ∇ₓ′K = I/σ², K = 1', ({ d, sigma, seed }) => {
    const x = new Rng(seed).normals(new Float64Array(d));
    const K = rbfKernel(sigma);
    expect(K.k(x, x)).toBe(1);
    expect(Array.from(K.gradX(x, x)).every((v) => v === 0)).toBe(true);
    const hxx = K.hessXX(x, x).data;
    const hxy = K.hessXY(x, x).data;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        const want = a === b ? 1 / (sigma * sigma) : 0;
        expect(Math.abs(-hxx[a * d + b]! - want)).toBeLessThanOrEqual(1e-15 * want + 1e-300);
        expect(Math.abs(hxy[a * d + b]! - want)).toBeLessThanOrEqual(1e-15 * want + 1e-300);
      }
    }
  });
  test('rejects a bad width or mismatched points', () => {
    expect(() => rbfKernel(-1)).toThrow(RangeError);
    expect(() => rbfKernel(NaN)).toThrow(RangeError);
    expect(() => rbfKernel(1).k(Float64Array.of(1), Float64Array.of(1, 2))).toThrow(RangeError);
  });
});
