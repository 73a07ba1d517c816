import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { empiricalNtkGram, empiricalNtkGramPrefixes, forwardOneHidden, initOneHidden, jacobianOneHidden, spherePoints } from '../../src/kernels/ntk-empirical.ts';
import { Rng } from '../../src/random/rng.ts';

const arbNet = fc.record({
  seed: fc.integer({ min: 0, max: 1e6 }),
  activation: fc.constantFrom('relu' as const, 'tanh' as const, 'erf' as const),
  param: fc.constantFrom('standard' as const, 'ntk' as const),
  n: fc.integer({ min: 1, max: 4 }),
  H: fc.integer({ min: 1, max: 12 }),
  m: fc.integer({ min: 1, max: 5 }),
});

function setup({ seed, activation, param, n, H, m }: { seed: number; activation: 'relu' | 'tanh' | 'erf'; param: 'standard' | 'ntk'; n: number; H: number; m: number }) {
  const rng = new Rng(seed);
  const net = initOneHidden(rng, { activation, n, H, wVar: 0.8, bVar: 0.5, aVar: 1.7, c: 2, param });
  const X = spherePoints(rng, m, n, 1.3);
  return { net, X };
}

describe('empirical one-hidden-layer NTK', () => {
  test.prop([arbNet])('closed-form Gram equals J Jᵀ of the materialised Jacobian', (a) => {
    const { net, X } = setup(a);
    const G = empiricalNtkGram(net, X, a.m);
    const J = Array.from({ length: a.m }, (_, p) => jacobianOneHidden(net, X.subarray(p * a.n, (p + 1) * a.n)));
    for (let p = 0; p < a.m; p++) for (let q = 0; q < a.m; q++) {
      const jj = J[p]!.reduce((s, v, k) => s + v * J[q]![k]!, 0);
      expect(Math.abs(G.data[p * a.m + q]! - jj)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(jj)));
    }
  });

  test.prop([arbNet])('Jacobian matches central finite differences of the forward pass', (a) => {
    const { net, X } = setup({ ...a, m: 1 });
    const x = X.subarray(0, a.n);
    const J = jacobianOneHidden(net, x);
    const ntk = net.param === 'ntk';
    const groups: [Float64Array, number][] = [[net.a, ntk ? Math.sqrt(net.aVar) : 1], [net.W, ntk ? Math.sqrt(net.wVar) : 1], [net.b, ntk ? Math.sqrt(net.bVar) : 1]];
    // Units whose ReLU pre-activation lies within the step of its kink have no usable difference quotient.
    const kink = Array.from({ length: net.H }, (_, i) => {
      let u = net.b[i]!;
      for (let j = 0; j < a.n; j++) u += net.W[i * a.n + j]! * x[j]!;
      return a.activation === 'relu' && Math.abs(u) < 1e-4;
    });
    const unitOf = (g: number, k: number) => (g === 1 ? Math.floor(k / a.n) : k);
    let off = 0;
    const h = 1e-6;
    groups.forEach(([arr, s], g) => {
      for (let k = 0; k < arr.length; k++) {
        if (g > 0 && kink[unitOf(g, k)]) continue;
        const old = arr[k]!;
        // A step h in the trained (standardised) coordinate moves the raw parameter by s·h.
        arr[k] = old + s * h; const fp = forwardOneHidden(net, x);
        arr[k] = old - s * h; const fm = forwardOneHidden(net, x);
        arr[k] = old;
        const fd = (fp - fm) / (2 * h);
        expect(Math.abs(fd - J[off + k]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(fd)));
      }
      off += arr.length;
    });
  });

  test.prop([arbNet])('prefix Gram at the full width equals the Gram matrix', (a) => {
    const { net, X } = setup(a);
    const [G] = empiricalNtkGramPrefixes(net, X, a.m, [net.H]);
    const ref = empiricalNtkGram(net, X, a.m);
    for (let k = 0; k < G!.data.length; k++) expect(Math.abs(G!.data[k]! - ref.data[k]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ref.data[k]!)));
  });

  test('bad input throws', () => {
    expect(() => initOneHidden(new Rng(1), { activation: 'relu', n: 0, H: 2, wVar: 1, bVar: 1 })).toThrow(/n/);
    expect(() => initOneHidden(new Rng(1), { activation: 'relu', n: 2, H: 2, wVar: -1, bVar: 1 })).toThrow(/wVar/);
    const net = initOneHidden(new Rng(1), { activation: 'relu', n: 2, H: 2, wVar: 1, bVar: 1 });
    expect(() => empiricalNtkGram(net, new Float64Array(5), 2)).toThrow(RangeError);
  });
});
