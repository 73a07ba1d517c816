/**
 * A user's TensorFlow.js generator (what `--impl tf-generator=./correct-generator.ts` loads): a
 * Keras-style tf.LayersModel, n_z = 3 → 16 tanh → 16 tanh → 6 linear, Glorot-normal weights.
 * `build` receives the project's TensorFlow.js, so this file does not import it.
 */
import type { TfGenerator } from './types.ts';

export const NZ = 3;
export const NX = 6;

const impl: TfGenerator = {
  nz: NZ,
  nx: NX,
  build(tf, seed) {
    const init = (k: number) => tf.initializers.glorotNormal({ seed: seed + k });
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 16, inputShape: [NZ], activation: 'tanh', kernelInitializer: init(0), biasInitializer: tf.initializers.randomNormal({ stddev: 0.3, seed: seed + 10 }) }),
        tf.layers.dense({ units: 16, activation: 'tanh', kernelInitializer: init(1) }),
        tf.layers.dense({ units: NX, kernelInitializer: init(2) }),
      ],
    });
    return { model, dispose: () => model.dispose() };
  },
};

export default impl;
