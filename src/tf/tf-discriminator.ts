/**
 * The `tf-discriminator` system (`--impl tf-discriminator=./my-discriminator.ts`): a user's
 * TensorFlow.js one-hidden-layer discriminator in the standard parameterisation of
 * src/kernels/ntk-analytic.ts (001 App. G, 004 §3):
 *
 *   f(x) = √(c/H) Σᵢ aᵢ σ(wᵢ·x + bᵢ),  aᵢ ~ N(0, aVar), wᵢ ~ N(0, wVar·I), bᵢ ~ N(0, bVar),
 *
 * all of a, w, b trained (no read-out bias). Its empirical NTK Θ̂(x, y) = ⟨∇_θ f(x), ∇_θ f(y)⟩, from
 * TensorFlow.js gradients with respect to the variables it hands over, is what ntk.finite-width.tf
 * compares with the analytic kernel.
 */
import type * as tfNs from '@tensorflow/tfjs';
import { Rng } from '../random/rng.ts';
import type { Tf } from './tf-generator.ts';

export interface TfDiscriminatorSpec {
  /** Input dimension n and width H. */
  n: number;
  H: number;
  activation: 'relu' | 'erf';
  wVar: number;
  bVar: number;
  aVar: number;
  /** Read-out scale c in √(c/H). */
  c: number;
}

export interface TfDiscriminatorNet {
  /** f: x [B, n] → [B] or [B, 1]. */
  apply(x: tfNs.Tensor2D): tfNs.Tensor;
  /** Hidden weights, shape [n, H] (the x·W layout of a tf.layers.dense kernel). */
  W: tfNs.Variable;
  /** Hidden biases [H] (absent for a bias-free hidden layer). */
  b?: tfNs.Variable;
  /** Read-out weights [H] or [H, 1]. */
  a: tfNs.Variable;
  dispose?(): void;
}

export interface TfDiscriminator {
  /** One network with the spec's width, activation and initial distribution, drawn from `seed`. */
  build(tf: Tf, spec: TfDiscriminatorSpec, seed: number): TfDiscriminatorNet;
}

/** The built-in: raw ops, weights drawn in float64 by the project's Rng and stored as float32. */
export const builtinTfDiscriminator: TfDiscriminator = {
  build(tf, spec, seed) {
    const { n, H, wVar, bVar, aVar, c } = spec;
    const rng = new Rng(seed);
    const draw = (len: number, v: number) => Float32Array.from(rng.normals(new Float64Array(len), 0, Math.sqrt(v)));
    const W = tf.variable(tf.tensor2d(draw(n * H, wVar), [n, H]));
    const b = tf.variable(tf.tensor1d(draw(H, bVar)));
    const a = tf.variable(tf.tensor1d(draw(H, aVar)));
    const sigma = (u: tfNs.Tensor) => (spec.activation === 'relu' ? tf.relu(u) : tf.erf(u));
    return {
      W, b, a,
      apply: (x) => tf.mul(Math.sqrt(c / H), tf.sum(tf.mul(sigma(tf.add(tf.matMul(x, W), b)), a), 1)),
      dispose: () => [W, b, a].forEach((v) => v.dispose()),
    };
  },
};
