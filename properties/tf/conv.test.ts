import { beforeAll, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { tf } from '../../src/tf/tf.ts';
import { initBackend } from '../../src/tf/backend.ts';
import { convIm2col, convNative, convTrainable, imagePatches } from '../../src/tf/conv.ts';
import { matMul } from '../../src/tf/matmul.ts';
import { Rng } from '../../src/random/rng.ts';

/** float32 sums of ≤ 200 products: relative error a few 1e-6; 1e-4 leaves margin, a wrong patch order gives O(1). */
const RTOL = 1e-4;

beforeAll(async () => { await initBackend('wasm'); });

const rand = (rng: Rng, shape: number[]) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()), shape);
const relErr = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.norm(tf.sub(a, b)).dataSync()[0]! / Math.max(tf.norm(b).dataSync()[0]!, 1e-30));

const shapes = fc.record({ b: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 1, max: 7 }), w: fc.integer({ min: 1, max: 7 }), c: fc.integer({ min: 1, max: 4 }), f: fc.integer({ min: 1, max: 5 }), k: fc.constantFrom(1, 3, 5), seed: fc.integer({ min: 0, max: 1e6 }) });

test.prop([shapes], { numRuns: 25 })('im2col convolution equals tf.conv2d with the reshaped filter', ({ b, h, w, c, f, k, seed }) => {
  const rng = new Rng(seed);
  const x = rand(rng, [b, h, w, c]);
  const W = rand(rng, [k * k * c, f]);
  expect(relErr(convIm2col(x, W, k), convNative(x, W, k))).toBeLessThan(RTOL);
});

test.prop([shapes], { numRuns: 15 })('convTrainable has the gradients of the im2col convolution (input and filter)', ({ b, h, w, c, f, k, seed }) => {
  const rng = new Rng(seed);
  const x = rand(rng, [b, h, w, c]);
  const W = rand(rng, [k * k * c, f]);
  const loss = (conv: typeof convIm2col) => (a: tf.Tensor, m: tf.Tensor) => tf.sum(tf.square(conv(a, m, k)));
  const g1 = tf.grads(loss(convIm2col))([x, W]);
  const g2 = tf.grads(loss(convTrainable))([x, W]);
  expect(relErr(g2[0]!, g1[0]!)).toBeLessThan(RTOL);
  expect(relErr(g2[1]!, g1[1]!)).toBeLessThan(RTOL);
});

test.prop([fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1e6 })], { numRuns: 10 })('JS imagePatches equal the tf patches of single-channel images', (n, seed) => {
  const rng = new Rng(seed);
  const img = Float32Array.from({ length: n * 28 * 28 }, () => rng.normal());
  const p = tf.tensor2d(imagePatches(img, n, 28, 5), [n * 784, 25]);
  const W = rand(rng, [25, 3]);
  const viaJs = tf.reshape(tf.matMul(p, W as tf.Tensor2D), [n, 28, 28, 3]);
  expect(relErr(viaJs, convNative(tf.tensor4d(img, [n, 28, 28, 1]), W, 5))).toBeLessThan(RTOL);
});

test.prop([fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 1e6 })], { numRuns: 20 })(
  'matMul with the transpose-free gradient has tf.matMul\'s gradients', (m, n, p, seed) => {
    const rng = new Rng(seed);
    const x = rand(rng, [m, n]);
    const w = rand(rng, [n, p]);
    const g1 = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sin(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D))))([x, w]);
    const g2 = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.sin(matMul(a, b))))([x, w]);
    expect(relErr(g2[0]!, g1[0]!)).toBeLessThan(RTOL);
    expect(relErr(g2[1]!, g1[1]!)).toBeLessThan(RTOL);
  });
