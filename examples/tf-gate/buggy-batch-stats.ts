/**
 * correct-generator.ts with a batch normalisation after the first layer and ONE bug: the model is
 * called in training mode, `model.apply(z, { training: true })` (copied from the training loop), so
 * batch normalisation uses the statistics of the batch: G(z) depends on the other latents of the
 * batch, and the per-sample Jacobian J_z of 003 §2 (and Algorithm 1's G(z) vs G(z′)) is not defined.
 */
import type { TfGenerator } from './types.ts';
import { NX, NZ } from './correct-generator.ts';

const impl: TfGenerator = {
  nz: NZ,
  nx: NX,
  build(tf, seed) {
    const init = (k: number) => tf.initializers.glorotNormal({ seed: seed + k });
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 16, inputShape: [NZ], kernelInitializer: init(0) }),
        tf.layers.batchNormalization(),
        tf.layers.activation({ activation: 'tanh' }),
        tf.layers.dense({ units: 16, activation: 'tanh', kernelInitializer: init(1) }),
        tf.layers.dense({ units: NX, kernelInitializer: init(2) }),
      ],
    });
    return { model: (z) => model.apply(z, { training: true }) as any, dispose: () => model.dispose() }; // BUG: training-mode batch statistics
  },
};

export default impl;
