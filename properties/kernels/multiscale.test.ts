import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { drawRff } from '../../src/kernels/rff.ts';
import { rbfKernel } from '../../src/kernels/rbf.ts';
import { featureKernel } from '../../src/kernels/finite-feature.ts';
import { concatFeatureMaps, sumKernels } from '../../src/kernels/multiscale.ts';
import { kernelFdErrors } from '../../src/kernels/finite-difference.ts';
import { Rng } from '../../src/random/rng.ts';

/** Central differences at h = 1e-5·σ_min, in units of the narrowest width. */
const FD_TOL = 1e-6;

const instance = fc.record({
  d: fc.integer({ min: 1, max: 3 }),
  sigmas: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('multi-scale kernels (eq. 27–28)', () => {
  test.prop([instance], { numRuns: 100 })('concatenated features give K = K₁ + K₂ + … with all derivatives summed', ({ d, sigmas, seed }) => {
    const rng = new Rng(seed);
    const maps = sigmas.map((s) => drawRff(rng, d, 8, s));
    const cat = featureKernel(concatFeatureMaps(maps));
    const parts = maps.map(featureKernel);
    const sum = sumKernels(parts);
    const smin = Math.min(...sigmas);
    const x = rng.normals(new Float64Array(d), 0, smin);
    const y = rng.normals(new Float64Array(d), 0, smin);
    expect(Math.abs(cat.k(x, y) - parts.reduce((s, k) => s + k.k(x, y), 0))).toBeLessThan(1e-12 * sigmas.length);
    const h1 = cat.hessXY(x, y).data;
    const h2 = sum.hessXY(x, y).data;
    for (let i = 0; i < h1.length; i++) expect(Math.abs(h1[i]! - h2[i]!)).toBeLessThan(1e-10 / (smin * smin));
    const e = kernelFdErrors(cat, x, y, 1e-5 * smin);
    expect(e.grad * smin).toBeLessThan(FD_TOL);
    expect(e.hessXX * smin * smin).toBeLessThan(FD_TOL);
    expect(e.hessXY * smin * smin).toBeLessThan(FD_TOL);
  });
  test.prop([instance, fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 })], { numRuns: 100 })(
    'a weighted sum of exact RBFs has derivatives matching finite differences',
    ({ d, sigmas, seed }, w) => {
      const rng = new Rng(seed);
      const K = sumKernels(sigmas.map(rbfKernel), w.slice(0, sigmas.length));
      const smin = Math.min(...sigmas);
      const x = rng.normals(new Float64Array(d), 0, smin);
      const y = rng.normals(new Float64Array(d), 0, smin);
      const e = kernelFdErrors(K, x, y, 1e-5 * smin, 3);
      expect(e.grad * smin).toBeLessThan(FD_TOL);
      expect(e.hessXX * smin * smin).toBeLessThan(FD_TOL);
      expect(e.hessXY * smin * smin).toBeLessThan(FD_TOL);
    },
  );
  test('rejects bad input', () => {
    expect(() => concatFeatureMaps([])).toThrow(RangeError);
    expect(() => concatFeatureMaps([drawRff(new Rng(1), 2, 3, 1), drawRff(new Rng(1), 3, 3, 1)])).toThrow(RangeError);
    expect(() => sumKernels([rbfKernel(1)], [-1])).toThrow(RangeError);
  });
});
