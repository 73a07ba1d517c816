import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import {
  applyIntegralOperator, functionSpaceGradient, ipmLoss, lsganLoss, ntkGan, trainingMeasure,
} from '../../../src/systems/ntk-gan/index.ts';

const setup = (seed: number, n: number, m: number, d: number) => {
  const rng = new Rng(seed);
  const xs = Array.from({ length: n }, () => rng.normals(new Float64Array(d)));
  const ys = Array.from({ length: m }, () => rng.normals(new Float64Array(d), 1));
  return { rng, xs, ys, gamma: trainingMeasure(xs, ys) };
};
const arb = [fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 })] as const;

describe('the built-in ntk-gan system', () => {
  test.prop([...arb, fc.constantFrom(ipmLoss, lsganLoss)], { numRuns: 50 })(
    'discriminatorField is T_{k,γ̂}(∇^{γ̂}L) on supp γ̂ and off it (the pieces of "Discriminator Training" composed)',
    (seed, n, m, d, loss) => {
      const { rng, gamma } = setup(seed, n, m, d);
      const k = rbfKernel(1.1);
      const us = [rng.normals(new Float64Array(d)), rng.normals(new Float64Array(d))];
      const state = rng.normals(new Float64Array(n + m + us.length));
      const out = new Float64Array(state.length);
      ntkGan.discriminatorField(k, gamma, loss, us)(state, out);
      const ref = applyIntegralOperator(k, gamma, functionSpaceGradient(loss, gamma, state.subarray(0, n + m)), [...gamma.points, ...us]);
      ref.forEach((v, i) => expect(Math.abs(out[i]! - v)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v))));
    },
  );

  test.prop([...arb, fc.double({ min: 0.01, max: 3, noNaN: true })], { numRuns: 50 })(
    'lsganClosedForm: the off-support formula f₀ − 4T∫₀ᵗe^{−4sA}ds(f₀ − ρ) at a support point equals e^{−4tA}(f₀ − ρ) + ρ there',
    (seed, n, m, d, t) => {
      const { rng, gamma } = setup(seed, n, m, d);
      const k = rbfKernel(0.9);
      const rho = Float64Array.from(gamma.points, (_, i) => (i < n ? -1 : 1));
      const f0 = rng.normals(new Float64Array(n + m));
      const r = ntkGan.lsganClosedForm(k, gamma, rho, f0, t, gamma.points, f0);
      r.support.forEach((v, i) => expect(Math.abs(r.at[i]! - v)).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(v) + Math.abs(f0[i]!))));
    },
  );

  test('generatorStep returns new positions and leaves its input alone', () => {
    const { xs, ys } = setup(3, 3, 2, 2);
    const before = xs.map((x) => Float64Array.from(x));
    const moved = ntkGan.generatorStep(rbfKernel(1), xs, ys, 0.1);
    xs.forEach((x, i) => expect(Array.from(x)).toEqual(Array.from(before[i]!)));
    expect(moved.some((x, i) => x.some((v, a) => v !== xs[i]![a]))).toBe(true);
  });
});
