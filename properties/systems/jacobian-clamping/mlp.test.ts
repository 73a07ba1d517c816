import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Rng } from '../../../src/random/rng.ts';
import { jacobianFD } from '../../../src/linalg/index.ts';
import {
  backward, clampBatch, cloneMlp, forward, initMlp, jacobian, mlpApply, mlpWork, zerosLike, type Mlp,
} from '../../../src/systems/jacobian-clamping/index.ts';

const netArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
  act: fc.constantFrom('tanh' as const, 'leaky-relu' as const, 'identity' as const),
});

describe('mlp', () => {
  test.prop([netArb], { numRuns: 100 })('analytic Jacobian matches central differences', ({ seed, sizes, act }) => {
    const G = initMlp(new Rng(seed), { sizes, hidden: act });
    const z = new Rng(seed + 1).normals(new Float64Array(sizes[0]!));
    const J = jacobian(G, z);
    const Jfd = jacobianFD((x) => mlpApply(G, x), z);
    J.data.forEach((v, i) => expect(Math.abs(v - Jfd.data[i]!)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(v))));
  });

  test.prop([netArb], { numRuns: 60 })('backward gives ∂(w·G)/∂θ equal to central differences in θ', ({ seed, sizes, act }) => {
    const rng = new Rng(seed);
    const G = initMlp(rng, { sizes, hidden: act });
    G.b.forEach((b) => rng.normals(b, 0, 0.3));
    const z = rng.normals(new Float64Array(sizes[0]!));
    const w = rng.normals(new Float64Array(sizes[sizes.length - 1]!));
    const work = mlpWork(G);
    forward(G, z, work);
    const grad = zerosLike(G);
    const gIn = new Float64Array(sizes[0]!);
    backward(G, work, w, grad, gIn);
    const obj = (net: Mlp, x: Float64Array) => mlpApply(net, x).reduce((s, v, i) => s + v * w[i]!, 0);
    const h = 1e-6;
    for (let l = 0; l < G.W.length; l++) {
      for (const [arr, garr] of [[G.W[l]!, grad.W[l]!], [G.b[l]!, grad.b[l]!]] as const) {
        for (let i = 0; i < arr.length; i++) {
          const save = arr[i]!;
          arr[i] = save + h; const up = obj(G, z);
          arr[i] = save - h; const dn = obj(G, z);
          arr[i] = save;
          expect(Math.abs((up - dn) / (2 * h) - garr[i]!)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(garr[i]!)));
        }
      }
    }
    for (let a = 0; a < z.length; a++) {
      const up = Float64Array.from(z); up[a]! += h;
      const dn = Float64Array.from(z); dn[a]! -= h;
      expect(Math.abs((obj(G, up) - obj(G, dn)) / (2 * h) - gIn[a]!)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(gIn[a]!)));
    }
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 30 })('clamping-loss gradient matches central differences', (seed) => {
    const rng = new Rng(seed);
    const G = initMlp(rng, { sizes: [2, 4, 3], hidden: 'tanh', gain: 3 });
    const zs = Array.from({ length: 3 }, () => rng.normals(new Float64Array(2)));
    const cfg = { eps: 0.5, lambdaMin: 1, lambdaMax: 1.5 };
    const grad = zerosLike(G);
    clampBatch(G, zs, new Rng(7), cfg, grad);
    const h = 1e-6;
    const W = G.W[0]!;
    for (let i = 0; i < W.length; i++) {
      const save = W[i]!;
      W[i] = save + h; const up = clampBatch(G, zs, new Rng(7), cfg).loss;
      W[i] = save - h; const dn = clampBatch(G, zs, new Rng(7), cfg).loss;
      W[i] = save;
      expect(Math.abs((up - dn) / (2 * h) - grad.W[0]![i]!)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(grad.W[0]![i]!)));
    }
    expect(cloneMlp(G).W[0]).not.toBe(G.W[0]);
  });

  test('bad sizes throw RangeErrors naming the argument', () => {
    expect(() => initMlp(new Rng(1), { sizes: [2], hidden: 'tanh' })).toThrow(/sizes/);
    expect(() => initMlp(new Rng(1), { sizes: [2, 0], hidden: 'tanh' })).toThrow(/sizes\[1\]/);
    const G = initMlp(new Rng(1), { sizes: [2, 3], hidden: 'tanh' });
    expect(() => forward(G, [1, 2, 3], mlpWork(G))).toThrow(/input/);
    expect(() => clampBatch(G, [new Float64Array(2)], new Rng(1), { eps: 0, lambdaMin: 1, lambdaMax: 2 })).toThrow(/eps/);
  });
});
