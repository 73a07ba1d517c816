import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { deepMuNtkAnalytic, deepMuNtkGram, forwardDeepMu, initDeepMuNet } from '../../src/kernels/ntk-deep.ts';
import { spherePoints } from '../../src/kernels/ntk-empirical.ts';
import { Rng } from '../../src/random/rng.ts';

describe('deep μ-parameterised ReLU net (App. G)', () => {
  test.prop([fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.integer({ min: 1, max: 3 })], { numRuns: 25 })(
    'layerwise empirical NTK equals J Jᵀ with J from central finite differences', (seed, mu, hidden) => {
      const rng = new Rng(seed);
      const widths = [3, ...Array(hidden).fill(4), 1];
      const net = initDeepMuNet(rng, widths, mu);
      const Z = spherePoints(rng, 2, 3, Math.sqrt(3));
      const G = deepMuNtkGram(net, Z, 2);
      const h = 1e-6;
      const J: number[][] = [[], []];
      for (const arr of [...net.W, ...net.b]) {
        for (let k = 0; k < arr.length; k++) {
          const old = arr[k]!;
          for (let p = 0; p < 2; p++) {
            const z = Z.subarray(3 * p, 3 * p + 3);
            arr[k] = old + h; const fp = forwardDeepMu(net, z);
            arr[k] = old - h; const fm = forwardDeepMu(net, z);
            arr[k] = old;
            J[p]!.push((fp - fm) / (2 * h));
          }
        }
      }
      for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) {
        const jj = J[p]!.reduce((s, v, k) => s + v * J[q]![k]!, 0);
        // ReLU kinks within the step can spoil a difference quotient; a 1e-4 relative band covers rounding.
        expect(Math.abs(G.data[2 * p + q]! - jj)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(jj)));
      }
    });

  test('analytic: μ = 1 gives g₂/g₁ = 1; one layer reduces to Σ¹', () => {
    const r = deepMuNtkAnalytic(1, 6);
    expect(r.g2 / r.g1).toBeCloseTo(1, 12);
    const r0 = deepMuNtkAnalytic(0.5, 0, 0.3);
    expect(r0.g2).toBeCloseTo(0.25 + 0.75 * 0.3, 14);
    expect(() => deepMuNtkAnalytic(1.5, 2)).toThrow(/mu/);
  });
});
