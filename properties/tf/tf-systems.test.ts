/**
 * Laws of the built-in tf-generator and tf-discriminator systems (src/tf/tf-generator.ts,
 * src/tf/tf-discriminator.ts) against the float64 code of the project: the TensorFlow.js
 * discriminator's forward pass and its gradient-based empirical NTK (read off W, b, a as
 * ntk.finite-width.tf reads them) equal forwardOneHidden / empiricalNtkGram of the same weights, and
 * generatorFunction reshapes a LayersModel's output to [B, n_x].
 */
import { beforeAll, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { initBackend } from '../../src/tf/backend.ts';
import { tf } from '../../src/tf/tf.ts';
import { builtinTfDiscriminator } from '../../src/tf/tf-discriminator.ts';
import { generatorFunction, type TfGenerator } from '../../src/tf/tf-generator.ts';
import { empiricalNtkGram, forwardOneHidden, spherePoints, type OneHiddenNet } from '../../src/kernels/ntk-empirical.ts';
import { Rng } from '../../src/random/rng.ts';

/** float32 forward and gradients vs float64, sums over H ≤ 64 units: ~1e-6 relative; 1e-4 leaves margin, a wrong scale or index is O(1). */
const RTOL = 1e-4;

beforeAll(async () => { await initBackend('wasm'); });

test.prop([fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('relu' as const, 'erf' as const), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 64 })], { numRuns: 15 })(
  'built-in tf-discriminator: forward and empirical NTK equal the float64 one-hidden-layer net of the same weights', (seed, activation, n, H) => {
    const spec = { n, H, activation, wVar: 1.3, bVar: 0.7, aVar: 1, c: 2 };
    const net = builtinTfDiscriminator.build(tf, spec, seed);
    const Wt = net.W.dataSync();
    const W = new Float64Array(H * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < H; i++) W[i * n + j] = Wt[j * H + i]!;
    const ref: OneHiddenNet = { activation, n, H, W, b: Float64Array.from(net.b!.dataSync()), a: Float64Array.from(net.a.dataSync()), c: 2, param: 'standard', wVar: 1.3, bVar: 0.7, aVar: 1 };
    const m = 3;
    const X = spherePoints(new Rng(seed + 1), m, n, 1);
    const grads = Array.from({ length: m }, (_, p) => {
      const x = tf.tensor2d(Float32Array.from(X.subarray(p * n, (p + 1) * n)), [1, n]);
      const y = net.apply(x);
      expect(Math.abs(y.dataSync()[0]! - forwardOneHidden(ref, X.subarray(p * n, (p + 1) * n)))).toBeLessThanOrEqual(RTOL * (1 + Math.abs(y.dataSync()[0]!)));
      const { value, grads: g } = tf.variableGrads(() => tf.sum(net.apply(x)) as tf.Scalar, [net.W, net.b!, net.a]);
      const flat = [...g[net.W.name]!.dataSync(), ...g[net.b!.name]!.dataSync(), ...g[net.a.name]!.dataSync()];
      [x, y, value, ...Object.values(g)].forEach((t) => t.dispose());
      return flat;
    });
    const K = empiricalNtkGram(ref, X, m);
    for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) {
      const k = grads[p]!.reduce((s, v, i) => s + v * grads[q]![i]!, 0);
      expect(Math.abs(k - K.data[p * m + q]!)).toBeLessThanOrEqual(RTOL * (Math.abs(K.data[p * m + p]!) + Math.abs(K.data[q * m + q]!)));
    }
    net.dispose?.();
  });

test('generatorFunction: a LayersModel with image-shaped output becomes z [B, n_z] → x [B, n_x]', () => {
  const g: TfGenerator = {
    nz: 2, nx: 6,
    build: (t) => ({ model: t.sequential({ layers: [t.layers.dense({ units: 6, inputShape: [2] }), t.layers.reshape({ targetShape: [2, 3] })] }) }),
  };
  const { model } = g.build(tf, 0);
  const x = generatorFunction(tf, g, model)(tf.ones([5, 2]));
  expect(x.shape).toEqual([5, 6]);
  x.dispose();
  (model as tf.LayersModel).dispose();
});
