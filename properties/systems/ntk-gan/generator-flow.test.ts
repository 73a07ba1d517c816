import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import { initOneHidden } from '../../../src/kernels/ntk-empirical.ts';
import { cloneNet, evaluateNet, netNtkGram, trainIpmAscent, witness, witnessGradient } from '../../../src/systems/ntk-gan/index.ts';

describe('witness', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 3 })], { numRuns: 100 })(
    'witnessGradient matches central differences of the witness',
    (seed, d) => {
      const rng = new Rng(seed);
      const xs = Array.from({ length: 3 }, () => rng.normals(new Float64Array(d)));
      const ys = Array.from({ length: 2 }, () => rng.normals(new Float64Array(d)));
      const u = rng.normals(new Float64Array(d));
      const k = rbfKernel(0.8);
      const g = witnessGradient(k, xs, ys, u);
      for (let a = 0; a < d; a++) {
        const h = 1e-6;
        const up = Float64Array.from(u); up[a]! += h;
        const dn = Float64Array.from(u); dn[a]! -= h;
        const fd = (witness(k, xs, ys, up) - witness(k, xs, ys, dn)) / (2 * h);
        expect(Math.abs(fd - g[a]!)).toBeLessThanOrEqual(1e-8);
      }
    },
  );
});

describe('finite-width discriminator', () => {
  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 30 })(
    'one ascent step moves f by η·Σ_z c_z Θ(·, z) up to O(η²)',
    (seed) => {
      const rng = new Rng(seed);
      const xs = Array.from({ length: 2 }, () => rng.normals(new Float64Array(2)));
      const ys = Array.from({ length: 3 }, () => rng.normals(new Float64Array(2)));
      const net = initOneHidden(rng, { activation: 'tanh', n: 2, H: 32, wVar: 1, bVar: 0.1 });
      const pts = [...xs, ...ys];
      const K = netNtkGram(net, pts);
      const c = pts.map((_, i) => (i < 2 ? 1 / 2 : -1 / 3));
      const f0 = evaluateNet(net, pts);
      for (const eta of [1e-3, 1e-4]) {
        const n2 = cloneNet(net);
        trainIpmAscent(n2, xs, ys, eta, 1);
        const f1 = evaluateNet(n2, pts);
        for (let p = 0; p < pts.length; p++) {
          let pred = 0;
          for (let q = 0; q < pts.length; q++) pred += K.data[p * pts.length + q]! * c[q]!;
          expect(Math.abs((f1[p]! - f0[p]!) / eta - pred)).toBeLessThanOrEqual(50 * eta * (1 + Math.abs(pred)));
        }
      }
    },
  );
});
