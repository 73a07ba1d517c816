import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { binningFor, binCounts, grid2d, mix3, mixtureKl, modeMixtureFraction, sampleMixture, targetBinProbs } from '../../../src/systems/shallow-relu-gan/index.ts';

describe('GAN targets, exact bin probabilities and the KL estimator', () => {
  test('target bin probabilities sum to 1 and match sample frequencies', () => {
    for (const m of [mix3(), grid2d()]) {
      const p = targetBinProbs(m, binningFor(m));
      expect(Math.abs(p.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      const n = 20000;
      const X = sampleMixture(m, new Rng(3), new Float64Array(n * m.dim), n);
      const c = binCounts(X, n, binningFor(m));
      // Chi-square-free check: total variation between exact and empirical ≤ a generous DKW-like bound.
      let tv = 0;
      for (let k = 0; k < p.length; k++) tv += Math.abs(c[k]! / n - p[k]!);
      expect(tv / 2).toBeLessThan(m.dim === 1 ? 0.05 : 0.15);
      // Samples from the target: small KL and almost no mode mixtures.
      expect(mixtureKl(m, X, n)).toBeLessThan(m.dim === 1 ? 0.01 : 0.1);
      // P(‖N(0, σ²I)‖ > 3σ) = 0.27% in 1-D and e^{−9/2} = 1.1% in 2-D.
      expect(modeMixtureFraction(m, X, n)).toBeLessThan(m.dim === 1 ? 0.006 : 0.015);
    }
  });
  test.prop([fc.double({ min: 0.5, max: 3, noNaN: true }), fc.integer({ min: 0, max: 1000 })])('shifted or widened samples have larger KL than the target\'s own samples', (shift, seed) => {
    const m = mix3();
    const n = 5000;
    const X = sampleMixture(m, new Rng(seed), new Float64Array(n), n);
    const Y = X.map((x) => x + shift * 0.2);
    expect(mixtureKl(m, Y, n)).toBeGreaterThan(mixtureKl(m, X, n));
  });
});
