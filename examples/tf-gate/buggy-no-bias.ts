/**
 * correct-discriminator.ts with ONE bug: the hidden layer is built with `useBias: false` (a common
 * Keras habit before a normalisation layer). The network then has no bᵢ: the pre-activation variance
 * is σ_w²|x|² instead of σ_w²|x|² + σ_b², and the kernel loses the ∂f/∂b term (the "+1" in x·y + 1),
 * so its NTK is not the analytic NTK of the specified σ_b².
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { TfDiscriminator } from './types.ts';
import { hiddenLayer } from './correct-discriminator.ts';

const impl: TfDiscriminator = {
  build(tf, { n, H, activation, wVar, bVar, aVar, c }, seed) {
    const hidden = hiddenLayer(tf, n, H, wVar, bVar, seed, false); // BUG: the spec's biases b ~ N(0, σ_b²) are dropped
    const a = tf.variable(tf.randomNormal([H, 1], 0, Math.sqrt(aVar), 'float32', seed + 2));
    const sigma = activation === 'relu' ? tf.relu : tf.erf;
    const [W] = hidden.trainableWeights.map((w) => w.read() as tfjs.Variable);
    return {
      W: W!, a,
      apply: (x) => tf.mul(tf.matMul(sigma(hidden.apply(x) as tfjs.Tensor2D), a), Math.sqrt(c / H)),
      dispose: () => { hidden.dispose(); a.dispose(); },
    };
  },
};

export default impl;
