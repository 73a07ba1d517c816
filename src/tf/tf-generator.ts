/**
 * The `tf-generator` system (`--impl tf-generator=./my-generator.ts`): a user's TensorFlow.js
 * generator G: z ∈ ℝ^{n_z} → x ∈ ℝ^{n_x}, the object of 003 §2 (J_z = ∂G/∂z, M_z = J_zᵀJ_z).
 *
 * The claim that reads it (jc.metric-tensor.tf) computes J_z by TensorFlow.js reverse mode through the
 * user's forward pass and checks it against central differences of that same forward pass in
 * float32, and that G treats the samples of a batch independently (J_z is per sample: no batch
 * statistics). The model is the user's code; the claim owns the Jacobian and the tolerances.
 *
 * `build` receives the project's `tf` (so the user's file need not import TensorFlow.js, and the
 * backend the claim chose is the one that runs). Claims load this file lazily (src/claims/tf).
 */
import type * as tfNs from '@tensorflow/tfjs';
import { Rng } from '../random/rng.ts';
import { makeGenerator } from './gan-models.ts';

export type Tf = typeof tfNs;

/** G as a tf.LayersModel (called with `apply`, inference mode) or as a function of tensors. */
export type TfGeneratorModel = tfNs.LayersModel | ((z: tfNs.Tensor2D) => tfNs.Tensor);

export interface TfGenerator {
  /** Latent dimension n_z. */
  readonly nz: number;
  /** Output dimension n_x (the model's output is reshaped to [B, n_x]). */
  readonly nx: number;
  /**
   * Builds one generator (its weights drawn from `seed`; a trained model may ignore it). The claim
   * builds a few, calls `dispose` on each when done (if given).
   */
  build(tf: Tf, seed: number): { model: TfGeneratorModel; dispose?(): void };
}

/** The model as z [B, n_z] → x [B, n_x]. */
export function generatorFunction(tf: Tf, g: TfGenerator, model: TfGeneratorModel): (z: tfNs.Tensor) => tfNs.Tensor {
  const apply = typeof model === 'function' ? model : (z: tfNs.Tensor) => model.apply(z) as tfNs.Tensor;
  return (z) => {
    const x = apply(z as tfNs.Tensor2D);
    return tf.reshape(x, [z.shape[0]!, g.nx]);
  };
}

/**
 * The built-in: the dense generator of the CPU tier (gan-models.ts: n_z → H, ReLU → 2H, ReLU → 784,
 * tanh; He-normal weights) at a small width, so its ReLU kinks are part of what the claim handles.
 */
export const builtinTfGenerator: TfGenerator = {
  nz: 4,
  nx: 784,
  build(_tf, seed) {
    const G = makeGenerator({ arch: 'dense', H: 8, nz: 4 }, 1, new Rng(seed));
    return { model: (z) => G.apply(z), dispose: () => G.dispose() };
  },
};
