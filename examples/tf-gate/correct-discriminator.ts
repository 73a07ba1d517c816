/**
 * A user's TensorFlow.js discriminator (what `--impl tf-discriminator=./correct-discriminator.ts`
 * loads): a tf.layers.dense hidden layer with N(0, σ_w²) kernel and N(0, σ_b²) bias initialisers,
 * then the read-out f(x) = √(c/H)·σ(xW + b)·a with a ~ N(0, σ_a²), the standard parameterisation.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { TfDiscriminator } from './types.ts';

export function hiddenLayer(tf: typeof tfjs, n: number, H: number, wVar: number, bVar: number, seed: number, useBias = true): tfjs.layers.Layer {
  const layer = tf.layers.dense({
    units: H, inputShape: [n], useBias,
    kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: Math.sqrt(wVar), seed }),
    biasInitializer: tf.initializers.randomNormal({ mean: 0, stddev: Math.sqrt(bVar), seed: seed + 1 }),
  });
  tf.tidy(() => { layer.apply(tf.zeros([1, n])); }); // builds the kernel and bias
  return layer;
}

const impl: TfDiscriminator = {
  build(tf, { n, H, activation, wVar, bVar, aVar, c }, seed) {
    const hidden = hiddenLayer(tf, n, H, wVar, bVar, seed);
    const a = tf.variable(tf.randomNormal([H, 1], 0, Math.sqrt(aVar), 'float32', seed + 2));
    const sigma = activation === 'relu' ? tf.relu : tf.erf;
    const [W, b] = hidden.trainableWeights.map((w) => w.read() as tfjs.Variable);
    return {
      W: W!, b, a,
      apply: (x) => tf.mul(tf.matMul(sigma(hidden.apply(x) as tfjs.Tensor2D), a), Math.sqrt(c / H)),
      dispose: () => { hidden.dispose(); a.dispose(); },
    };
  },
};

export default impl;
