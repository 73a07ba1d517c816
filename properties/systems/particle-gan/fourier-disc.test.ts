import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { FourierDisc, eightGaussians, sampleTarget, fourierFrequencies, gammaPow, gammaExp } from '../../../src/systems/particle-gan/index.ts';
import { Rng } from '../../../src/random/rng.ts';

describe('FourierDisc (App. C)', () => {
  test.prop([fc.integer({ min: 0, max: 1e6 }), fc.constantFrom('pow' as const, 'exp' as const), fc.integer({ min: 1, max: 6 })], { numRuns: 15 })(
    'loss gradient and ∇ₓD match finite differences; ∇ₓD matches the direct sum', (seed, kind, N) => {
      const rng = new Rng(seed);
      const d = new FourierDisc(kind, 1e-3, 6);
      for (let w = 0; w < d.wSin.length; w++) { d.wSin[w] = 0.05 * rng.normal(); d.wCos[w] = 0.05 * rng.normal(); }
      const gx0 = Float64Array.from({ length: N }, () => rng.normal()), gx1 = Float64Array.from({ length: N }, () => rng.normal());
      const d0 = new Float64Array(N), d1 = new Float64Array(N);
      sampleTarget(eightGaussians(), rng, d0, d1, N);
      const gs = new Float64Array(d.wSin.length), gc = new Float64Array(d.wSin.length);
      d.lossGrad(gx0, gx1, N, d0, d1, N, gs, gc);
      const h = 1e-6;
      for (const [arr, g] of [[d.wSin, gs], [d.wCos, gc]] as const) {
        for (let w = 0; w < arr.length; w += 7) {
          const old = arr[w]!;
          arr[w] = old + h; const lp = d.loss(gx0, gx1, N, d0, d1, N);
          arr[w] = old - h; const lm = d.loss(gx0, gx1, N, d0, d1, N);
          arr[w] = old;
          expect(Math.abs((lp - lm) / (2 * h) - g[w]!)).toBeLessThanOrEqual(1e-7);
        }
      }
      const gx = d.gradX(gx0, gx1, N, new Float64Array(2 * N));
      for (let p = 0; p < N; p++) {
        const [a, b] = d.gradXDirect(gx0[p]!, gx1[p]!);
        expect(Math.abs(gx[2 * p]! - a)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(a)));
        expect(Math.abs(gx[2 * p + 1]! - b)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(b)));
        const fx = (d.value(gx0[p]! + h, gx1[p]!) - d.value(gx0[p]! - h, gx1[p]!)) / (2 * h);
        expect(Math.abs(fx - a)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(fx)));
      }
    });

  test('frequencies and rates as printed (eq. C3–C4)', () => {
    const k = fourierFrequencies();
    expect(k.length).toBe(25);
    expect(k[0]).toBeCloseTo(0.01, 14);
    expect(k[24]).toBeCloseTo(20, 12);
    expect(gammaPow(0.01)).toBe(1000);
    expect(gammaPow(2)).toBeCloseTo(1 / 8, 14);
    expect(gammaExp(0)).toBeCloseTo(668.8, 12);
  });
});
