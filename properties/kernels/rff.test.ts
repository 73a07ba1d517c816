import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { drawRff, rffFeatureMap } from '../../src/kernels/rff.ts';
import { featureKernel } from '../../src/kernels/finite-feature.ts';
import { kernelFdErrors } from '../../src/kernels/finite-difference.ts';
import { Rng } from '../../src/random/rng.ts';

/** Central differences, h = 1e-5·σ, in units of σ (see rbf.test.ts). */
const FD_TOL = 1e-6;

const instance = fc.record({
  d: fc.integer({ min: 1, max: 4 }),
  m: fc.integer({ min: 1, max: 40 }),
  sigma: fc.double({ min: 0.05, max: 20, noNaN: true }),
  weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe('random Fourier features (paired cos/sin)', () => {
  test.prop([instance], { numRuns: 150 })('kernel derivatives match central finite differences', ({ d, m, sigma, weight, seed }) => {
    const rng = new Rng(seed);
    const K = featureKernel(drawRff(rng, d, m, sigma, weight));
    const x = rng.normals(new Float64Array(d), 0, sigma);
    const y = rng.normals(new Float64Array(d), 0, sigma);
    const e = kernelFdErrors(K, x, y, 1e-5 * sigma, weight);
    expect(e.grad * sigma).toBeLessThan(FD_TOL);
    expect(e.hessXX * sigma * sigma).toBeLessThan(FD_TOL);
    expect(e.hessXY * sigma * sigma).toBeLessThan(FD_TOL);
  });
  test.prop([instance], { numRuns: 150 })('K = (c/m) Σ cos(ωₖ·(x − x′)): translation invariant, ∇K(x, x) = 0 exactly, ∇ₓ∇ₓ′K = −∇²ₓK', ({ d, m, sigma, weight, seed }) => {
    const rng = new Rng(seed);
    const map = drawRff(rng, d, m, sigma, weight);
    const K = featureKernel(map);
    const x = rng.normals(new Float64Array(d), 0, sigma);
    const y = rng.normals(new Float64Array(d), 0, sigma);
    let ref = 0;
    for (let k = 0; k < m; k++) {
      let ph = 0;
      for (let a = 0; a < d; a++) ph += map.omega[k * d + a]! * (x[a]! - y[a]!);
      ref += Math.cos(ph);
    }
    ref *= weight / m;
    expect(Math.abs(K.k(x, y) - ref)).toBeLessThan(1e-12 * weight);
    const t = rng.normals(new Float64Array(d));
    const xt = x.map((v, i) => v + t[i]!);
    const yt = y.map((v, i) => v + t[i]!);
    expect(Math.abs(K.k(xt, yt) - K.k(x, y))).toBeLessThan(1e-11 * weight * (1 + Math.hypot(...t) / sigma));
    expect(Array.from(K.gradX(x, x)).every((v) => v === 0)).toBe(true);
    const hxx = K.hessXX(x, y).data;
    const hxy = K.hessXY(x, y).data;
    for (let i = 0; i < d * d; i++) expect(Math.abs(hxx[i]! + hxy[i]!)).toBeLessThan(1e-12 * weight / (sigma * sigma));
  });
  test('with many frequencies it approximates the RBF (Rahimi–Recht)', () => {
    const rng = new Rng(7);
    const sigma = 0.7;
    const K = featureKernel(drawRff(rng, 3, 20000, sigma));
    for (let t = 0; t < 20; t++) {
      const x = rng.normals(new Float64Array(3), 0, sigma);
      const y = rng.normals(new Float64Array(3), 0, sigma);
      let r2 = 0;
      for (let a = 0; a < 3; a++) r2 += (x[a]! - y[a]!) ** 2;
      // Monte Carlo error of a mean of 20000 bounded terms: sd ≤ 1/√(2·20000) ≈ 0.005
      expect(Math.abs(K.k(x, y) - Math.exp(-r2 / (2 * sigma * sigma)))).toBeLessThan(0.03);
    }
  });
  test('rejects bad input', () => {
    expect(() => rffFeatureMap(new Float64Array(5), 2)).toThrow(RangeError);
    expect(() => drawRff(new Rng(1), 2, 4, 0)).toThrow(RangeError);
    expect(() => rffFeatureMap(Float64Array.of(NaN, 1), 2)).toThrow(RangeError);
  });
});
