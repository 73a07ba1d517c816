/**
 * The same generator as correct-generator.ts written over raw ops, with ONE bug in a hand-written
 * gradient: the matMul of the square hidden layer uses tf.customGrad (the wasm speed trick of
 * src/tf/matmul.ts: avoid transposed BatchMatMul) and its input gradient is written dy·W instead of
 * dy·Wᵀ. The shapes agree for the 16 × 16 layer, so nothing throws; the forward pass is right and
 * every gradient through that layer (J_z, the training step) is wrong.
 */
import type { TfGenerator } from './types.ts';
import { NX, NZ } from './correct-generator.ts';

const impl: TfGenerator = {
  nz: NZ,
  nx: NX,
  build(tf, seed) {
    const normal = (shape: number[], std: number, k: number) => tf.variable(tf.randomNormal(shape, 0, std, 'float32', seed + k));
    const W0 = normal([NZ, 16], Math.sqrt(2 / (NZ + 16)), 0);
    const b0 = normal([16], 0.3, 10);
    const W1 = normal([16, 16], Math.sqrt(2 / 32), 1);
    const W2 = normal([16, NX], Math.sqrt(2 / (16 + NX)), 2);
    const mm = tf.customGrad(((x: any, w: any, save: any) => {
      save([x, w]);
      return {
        value: tf.matMul(x, w),
        gradFunc: (dy: any, [x0, w0]: any) => [tf.matMul(dy, w0), tf.matMul(tf.transpose(x0), dy)], // BUG: dy·W, should be dy·Wᵀ
      };
    }) as any) as unknown as (x: any, w: any) => any;
    const model = (z: any) => {
      const h1 = tf.tanh(tf.add(tf.matMul(z, W0), b0));
      const h2 = tf.tanh(mm(h1, W1));
      return tf.matMul(h2, W2);
    };
    return { model, dispose: () => [W0, b0, W1, W2].forEach((v) => v.dispose()) };
  },
};

export default impl;
