/**
 * correct-discriminator.ts with ONE bug: the read-out scale written √c instead of √(c/H) (the 1/√H
 * of the standard parameterisation dropped). Every gradient is √H times too large, so the empirical
 * NTK is H times the analytic one and has no infinite-width limit.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { TfDiscriminator } from './types.ts';
import { hiddenLayer } from './correct-discriminator.ts';

const impl: TfDiscriminator = {
  build(tf, { n, H, activation, wVar, bVar, aVar, c }, seed) {
    const hidden = hiddenLayer(tf, n, H, wVar, bVar, seed);
    const a = tf.variable(tf.randomNormal([H, 1], 0, Math.sqrt(aVar), 'float32', seed + 2));
    const sigma = activation === 'relu' ? tf.relu : tf.erf;
    const [W, b] = hidden.trainableWeights.map((w) => w.read() as tfjs.Variable);
    return {
      W: W!, b, a,
      apply: (x) => tf.mul(tf.matMul(sigma(hidden.apply(x) as tfjs.Tensor2D), a), Math.sqrt(c)), // BUG: should be √(c/H)
      dispose: () => { hidden.dispose(); a.dispose(); },
    };
  },
};

export default impl;
