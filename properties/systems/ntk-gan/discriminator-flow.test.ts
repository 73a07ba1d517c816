import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { rbfKernel } from '../../../src/kernels/rbf.ts';
import {
  applyIntegralOperator, evaluateLoss, functionSpaceGradient, integrateDiscriminatorFlow, ipmLoss, lsganClosedForm, lsganLoss, lsganPrintedLoss, trainingMeasure,
} from '../../../src/systems/ntk-gan/index.ts';

const setup = (seed: number, n: number, m: number, d: number) => {
  const rng = new Rng(seed);
  const xs = Array.from({ length: n }, () => rng.normals(new Float64Array(d)));
  const ys = Array.from({ length: m }, () => rng.normals(new Float64Array(d), 1));
  return { rng, xs, ys, gamma: trainingMeasure(xs, ys) };
};
const arb = [fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 })] as const;

describe('functionSpaceGradient', () => {
  test.prop([...arb, fc.constantFrom(ipmLoss, lsganLoss, lsganPrintedLoss)], { numRuns: 100 })(
    'is the L²(γ̂) Riesz representer: dL[h] = Σ w g h (central differences)',
    (seed, n, m, d, loss) => {
      const { rng, gamma } = setup(seed, n, m, d);
      const v = rng.normals(new Float64Array(n + m));
      const h = rng.normals(new Float64Array(n + m));
      const g = functionSpaceGradient(loss, gamma, v);
      const tau = 1e-5;
      const L = (s: number) => {
        const w = v.map((x, i) => x + s * h[i]!);
        return evaluateLoss(loss, w.subarray(0, n), w.subarray(n));
      };
      const fd = (L(tau) - L(-tau)) / (2 * tau);
      let ip = 0;
      for (let i = 0; i < n + m; i++) ip += gamma.weights[i]! * g[i]! * h[i]!;
      expect(Math.abs(fd - ip)).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(ip)));
    },
  );
});

describe('integral operator and flows', () => {
  test.prop([...arb], { numRuns: 50 })('T applied to the constant 1 integrates k against γ̂', (seed, n, m, d) => {
    const { xs, ys, gamma } = setup(seed, n, m, d);
    const k = rbfKernel(1);
    const u = xs[0]!;
    const got = applyIntegralOperator(k, gamma, new Float64Array(n + m).fill(1), [u])[0]!;
    const ref = 0.5 * xs.reduce((s, x) => s + k.k(u, x), 0) / n + 0.5 * ys.reduce((s, y) => s + k.k(u, y), 0) / m;
    expect(Math.abs(got - ref)).toBeLessThanOrEqual(1e-14);
  });

  test.prop([...arb, fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true })], { numRuns: 50 })(
    'LSGAN closed form is a semigroup and equals f₀ at t = 0',
    (seed, n, m, d, t1, t2) => {
      const { rng, gamma } = setup(seed, n, m, d);
      const k = rbfKernel(1.2);
      const rho = Float64Array.from(gamma.points, (_, i) => (i < n ? -1 : 1));
      const f0 = rng.normals(new Float64Array(n + m));
      const at0 = lsganClosedForm(k, gamma, rho, f0, 0).support;
      at0.forEach((v, i) => expect(Math.abs(v - f0[i]!)).toBeLessThanOrEqual(1e-14));
      const direct = lsganClosedForm(k, gamma, rho, f0, t1 + t2).support;
      const twice = lsganClosedForm(k, gamma, rho, lsganClosedForm(k, gamma, rho, f0, t1).support, t2).support;
      direct.forEach((v, i) => expect(Math.abs(v - twice[i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v))));
    },
  );

  test('bad inputs throw RangeErrors naming the argument', () => {
    const { gamma } = setup(1, 2, 2, 2);
    const k = rbfKernel(1);
    expect(() => integrateDiscriminatorFlow(k, gamma, ipmLoss, new Float64Array(3), { t: 1, steps: 2 })).toThrow(/f0Support/);
    expect(() => integrateDiscriminatorFlow(k, gamma, ipmLoss, new Float64Array(4), { t: NaN, steps: 2 })).toThrow(/t must/);
    expect(() => integrateDiscriminatorFlow(k, gamma, ipmLoss, new Float64Array(4), { t: 1, steps: 0 })).toThrow(/steps/);
    expect(() => trainingMeasure([], [new Float64Array(2)])).toThrow(/xs/);
    expect(() => trainingMeasure([new Float64Array([NaN])], [new Float64Array(1)])).toThrow(/non-finite/);
  });

  test('a diverging flow is reported with its step, not thrown', () => {
    // One fake far from one target: on the fake ∂ₜf = 2(f + 1) under the printed objective, so f ~ e^{2t} overflows by t = 400.
    const gamma = trainingMeasure([Float64Array.of(0)], [Float64Array.of(10)]);
    const r = integrateDiscriminatorFlow(rbfKernel(1), gamma, lsganPrintedLoss, new Float64Array(2).fill(1), { t: 400, steps: 4000 });
    expect(r.divergedAtStep).toBeGreaterThan(0);
  });
});
